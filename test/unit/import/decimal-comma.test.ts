// Issue 15: in a semicolon file with decimal commas, "1.000" (one thousand, written the European way) was
// read as £1.00 while its neighbour "12,50" was refused: the file was read half. Now a point followed by
// exactly three digits is refused there too, as ambiguous, so such a file is refused whole, with reasons.
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';

async function run(text: string) {
  const source = bytesSource('f.csv', new TextEncoder().encode(text));
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error('unreadable');
  const p = await preview(source, s.verdict.value, { kind: 'ledger' });
  return { delimiter: p.delimiter, result: await importRows(source, planOf(p), () => undefined) };
}

const SEMI = 'Posting Date;Period;Cost Centre;Subjective;Description;Amount';

describe('points and commas in a semicolon file (issue 15)', () => {
  it.each([['1.000'], ['-12.500'], ['(1.000)'], ['£100.000']])(
    '%j is refused as ambiguous, as its neighbour 12,50 is',
    async (amount) => {
      const { delimiter, result } = await run(
        [
          SEMI,
          `01/04/2018;1;10100;4001;Fuel;${amount}`,
          '02/04/2018;1;10100;4001;Oil;12,50',
          '03/04/2018;1;10100;4001;Tyres;7,00',
          '',
        ].join('\n'),
      );
      expect(delimiter).toBe(';');
      expect(result.rows).toMatchObject({ read: 3, accepted: 0, rejected: 3 });
      expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([
        [2, 'Amount', 'ambiguous-separator'],
        [3, 'Amount', 'ambiguous-separator'],
        [4, 'Amount', 'ambiguous-separator'],
      ]);
      expect(result.issues[0]!.message).toContain('could be one thousand');
    },
  );

  it.each([
    ['1.00', 100],
    ['1.5', 150],
    ['1000', 100000],
    ['1.0000', 100], // four decimals that are zeros: exactly £1, as in any file
  ])('in a semicolon file with decimal points, %j is read as %i pence', async (amount, pence) => {
    const { result } = await run(
      [SEMI, `01/04/2018;1;10100;4001;Fuel;${amount}`, '02/04/2018;1;10100;4001;Oil;2.00', ''].join('\n'),
    );
    expect(result.rows).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(result.controlTotals[0]!.net).toBe(pence + 200);
  });

  it('in a comma file, 1.000 is still exactly £1 (no such file writes points between thousands)', async () => {
    const { result } = await run(
      ['Posting Date,Period,Cost Centre,Subjective,Description,Amount', '01/04/2018,1,10100,4001,Fuel,1.000', ''].join(
        '\n',
      ),
    );
    expect(result.rows).toMatchObject({ read: 1, accepted: 1 });
    expect(result.controlTotals[0]!.net).toBe(100);
  });
});
