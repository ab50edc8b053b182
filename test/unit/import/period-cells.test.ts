// Periods as finance systems export them (issue 15): Oracle's period names (APR-17) and Unit4's year-and-period
// numbers (201701, P1 of 2017/18, as Gateshead's published exports show). Expected periods worked by hand.
import { describe, expect, it } from 'vitest';
import { penceToPounds } from '../../../src/domain/core/units';
import { bytesSource } from '../../../src/import/byte-sources';
import { readYearPeriod } from '../../../src/import/period-cells';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';

describe('readYearPeriod', () => {
  it.each([
    ['APR-17', 1, 2017],
    ['Apr-2017', 1, 2017],
    ['DEC-17', 9, 2017],
    ['JAN-18', 10, 2017],
    ['mar-18', 12, 2017],
    ['201701', 1, 2017],
    ['201710', 10, 2017],
    ['201713', 13, 2017],
    [' 201804 ', 4, 2018],
  ])('%s is P%i of the year starting %i', (raw, period, startYear) => {
    expect(readYearPeriod(raw)).toEqual({ period, startYear });
  });

  it.each(['P3', '3', '201700', '201717', '20170', 'ABC-17', 'APR17', '17-APR', '2017/18', ''])(
    '%s is not one of these',
    (raw) => {
      expect(readYearPeriod(raw)).toBeNull();
    },
  );
});

async function importLedger(text: string, year: number | null) {
  const source = bytesSource('gl.csv', new TextEncoder().encode(text));
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error('unreadable');
  const p = await preview(source, s.verdict.value);
  const result = await importRows(source, { ...planOf(p), year }, () => undefined);
  return { p, result };
}

describe('period columns that name their year, in an import', () => {
  const text = [
    'Period Name,Cost Centre,Account,Line Description,Amount',
    'APR-17,10100,4001,Fuel,10.00',
    'JAN-18,10100,4001,Fuel,20.00',
    'APR-18,10100,4001,Fuel,40.00',
    '',
  ].join('\n');

  it('reads APR-17 as P1 and JAN-18 as P10 of 2017/18, and refuses APR-18 naming both years', async () => {
    const { result } = await importLedger(text, 2017);
    expect(result.rows).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    const issue = result.issues.find((i) => i.code === 'period-outside-year');
    expect(issue).toMatchObject({ row: 4, column: 'Period Name', value: 'APR-18' });
    expect(issue!.message).toContain('P1 of 2018/19, not of 2017/18');
    const byPeriod = result.controlTotals[0]!.byPeriod.map((b) => [b.period, penceToPounds(b.net)]);
    expect(byPeriod).toEqual([
      [1, '10.00'],
      [10, '20.00'],
    ]);
  });

  it('gives the year as evidence when every period names one', async () => {
    const { p } = await importLedger(text.replace('APR-18', 'FEB-18'), null);
    expect(p.yearGuess.year).toBe(2017);
    expect(p.yearGuess.evidence.join(' ')).toContain('Every period read (3) in "Period Name" is one of 2017/18');
  });

  it('a Unit4 period that disagrees with the posting date is said on the row, as any period is', async () => {
    const unit4 = [
      'Updated,Period,Cost Centre,Account,Amount',
      '2017-04-24,201701,A,B,1.00',
      '2017-04-24,201704,A,B,2.00',
      '',
    ];
    const { result } = await importLedger(unit4.join('\n'), 2017);
    expect(result.rows).toMatchObject({ read: 2, accepted: 2 });
    expect(result.issues.filter((i) => i.code === 'period-date-mismatch').map((i) => i.row)).toEqual([3]);
  });
});
