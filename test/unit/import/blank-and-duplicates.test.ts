// Issue 15: a second column named "Amount" is never taken for Debit by a partial match, and the import says
// which of the two is read; a blank row at the end of a file is counted like any other blank row.
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import { suggestMapping } from '../../../src/import/column-mapping';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';

async function run(text: string) {
  const source = bytesSource('f.csv', new TextEncoder().encode(text), 5);
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error('unreadable');
  const p = await preview(source, s.verdict.value, { kind: 'ledger' });
  return { preview: p, result: await importRows(source, planOf(p), () => undefined) };
}

const HEADER = 'Cost Centre,Subjective,Amount,Amount';

describe('two columns with one name (issue 15)', () => {
  it('the first Amount is Amount; the second is not taken for Debit or Credit', () => {
    const s = suggestMapping(HEADER.split(','), 'ledger');
    expect([s.mapping.amount, s.mapping.debit, s.mapping.credit]).toEqual([2, null, null]);
  });

  it.each([
    [
      'Amount, Amount',
      HEADER,
      'Amount',
      '2 columns are named "Amount" (columns 3, 4): read: column 3 as Amount; the other is not read',
    ],
    [
      'cost centre twice, cased differently',
      'Cost Centre,Subjective,Amount,cost centre',
      'Cost Centre',
      '2 columns are named "Cost Centre" (columns 1, 4): read: column 1 as Cost centre; the other is not read',
    ],
  ])('%s: said at the header row, with which is read', async (_, header, column, message) => {
    const { result } = await run(`${header}\nC1,4000,10.00,99.00\n`);
    expect(result.rows).toMatchObject({ read: 1, accepted: 1 });
    expect(result.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [1, column, 'duplicate-header', 'warning'],
    ]);
    expect(result.issues[0]!.message).toMatch(new RegExp(`^${message.replace(/[()]/g, '\\$&')}`));
    expect(result.controlTotals[0]!.net).toBe(1000);
  });
});

describe('blank rows at the end (issue 15: the last was not counted)', () => {
  it.each([
    ['no blank row', 'Cost Centre,Subjective,Amount\nC1,4000,1.00\n', 0],
    ['no line break at the end', 'Cost Centre,Subjective,Amount\nC1,4000,1.00', 0],
    ['one blank row', 'Cost Centre,Subjective,Amount\nC1,4000,1.00\n\n', 1],
    ['one blank row of delimiters', 'Cost Centre,Subjective,Amount\nC1,4000,1.00\n,,\n', 1],
    ['two blank rows, CRLF', 'Cost Centre,Subjective,Amount\r\nC1,4000,1.00\r\n\r\n\r\n', 2],
    ['a blank row between and one at the end', 'Cost Centre,Subjective,Amount\nC1,4000,1.00\n\nC2,4000,2.00\n\n', 2],
  ])('%s: %s blank', async (_, text, blank) => {
    const { result } = await run(text);
    expect(result.rows.blank).toBe(blank);
  });
});
