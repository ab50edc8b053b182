// A ledger line dated in another financial year is refused, not added to this year's period of the same month
// (found on a real purchase-card file whose statement carried transactions of the year before). Dates by hand.
import { describe, expect, it } from 'vitest';
import { penceToPounds } from '../../../src/domain/core/units';
import { bytesSource } from '../../../src/import/byte-sources';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';

async function importInto(lines: string[], year: number | null) {
  const text = ['Posting date,Period,Cost centre,Subjective,Amount', ...lines, ''].join('\n');
  const source = bytesSource('ledger.csv', new TextEncoder().encode(text));
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error('unreadable');
  const plan = { ...planOf(await preview(source, s.verdict.value)), year };
  return importRows(source, plan, () => undefined);
}

describe('posting dates outside the year the file is imported into (issue 15)', () => {
  it('refuses a line of October 2012 in a 2017/18 ledger, naming the date and the year', async () => {
    const r = await importInto(['19/10/2017,7,100,4000,10.00', '19/10/2012,7,100,4000,670.40'], 2017);
    expect(r.rows).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    const issue = r.issues.find((i) => i.code === 'date-outside-year');
    expect(issue).toMatchObject({ row: 3, column: 'Posting date' });
    expect(issue!.message).toContain('2017/18 (1 April 2017 to 31 March 2018)');
    // P7 holds only the 2017 line.
    expect(penceToPounds(r.controlTotals[0]!.net)).toBe('10.00');
  });

  it('keeps a year-end adjustment (P13) posted in the May after the year, and refuses a P12 line of that May', async () => {
    const r = await importInto(['15/05/2018,13,100,4000,5.00', '15/05/2018,12,100,4000,7.00'], 2017);
    expect(r.rows).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(r.issues.filter((i) => i.code === 'date-outside-year').map((i) => i.row)).toEqual([3]);
  });

  it('checks nothing while the year is not settled (the import waits for it in the app)', async () => {
    const r = await importInto(['19/10/2012,7,100,4000,1.00', '19/10/2017,7,100,4000,1.00'], null);
    expect(r.rows).toMatchObject({ accepted: 2, rejected: 0 });
  });
});
