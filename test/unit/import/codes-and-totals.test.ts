// Issue 15: a code written with a prefix and a space (CC 10100) is a code, and a row is kept out as a total
// by its shape (no code, no date, amounts equal to the rows above), never for a word in a supplier's name
// or an amount that happens to equal the rows above. Expected outcomes worked out from the rows below.
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';
import { ledgerSumRows } from '../../../src/storage/ledger-sums';

const HEADER = 'Posting Date,Period,Cost Centre,Subjective,Description,Supplier,Amount';

async function run(rows: string[]) {
  const source = bytesSource('l.csv', new TextEncoder().encode([HEADER, ...rows].join('\n')));
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error('unreadable');
  return importRows(source, planOf(await preview(source, s.verdict.value, { kind: 'ledger' })), () => undefined);
}

describe('codes with spaces, and totals by their shape (issue 15)', () => {
  it.each([
    [
      'prefixed codes (CC 10100, AC 4001), and a supplier whose name starts with Total',
      [
        '01/04/2018,1,CC 10100,AC 4001,Gas,Total Gas & Power,100.00',
        '02/04/2018,1,CC 10100,AC 4001,Gas,Total Gas & Power,100.00',
      ],
      { read: 2, accepted: 2, rejected: 0, skipped: 0 },
      [],
    ],
    [
      'a dated line with no codes whose amount equals the rows above: a line with cells missing, not a subtotal',
      ['01/04/2018,1,10100,4001,Gas,Acme,250.00', '02/04/2018,1,,,Gas,Total Gas & Power,250.00'],
      { read: 2, accepted: 1, rejected: 1, skipped: 0 },
      [
        [3, 'Cost Centre', 'missing-required'],
        [3, 'Subjective', 'missing-required'],
      ],
    ],
    [
      'a real total row: no code, no date, its amount the rows above',
      ['01/04/2018,1,10100,4001,Gas,Acme,250.00', ',,,,Total,,250.00'],
      { read: 2, accepted: 1, rejected: 0, skipped: 1 },
      [],
    ],
  ])('%s', async (_, rows, counts, issues) => {
    const result = await run(rows);
    expect(result.rows).toMatchObject(counts);
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual(issues);
  });

  it('codes with spaces are summed as written', async () => {
    const result = await run([
      '01/04/2018,1,CC 10100,AC 4001,Gas,Total Gas & Power,100.00',
      '02/04/2018,1,CC 10100,AC 4001,Gas,Total Gas & Power,100.00',
    ]);
    expect(ledgerSumRows(result.ledgerSums)).toEqual([['CC 10100', 'AC 4001', 1, 20000]]);
  });
});
