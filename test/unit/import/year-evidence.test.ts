// Which financial year (and month) a file is for, from what the file says: year columns, posting dates, title
// lines, headings with a year or a balance date. Ambiguous and contradictory files are asked, never guessed.
import { describe, expect, it } from 'vitest';
import { buildPreview, planOf, yearProblem } from '../../../src/import/preview';
import { guessYear, type YearInput } from '../../../src/import/year-evidence';
import type { EncodingEvidence } from '../../../src/import/decode';

const base: YearInput = { kind: 'budget', titleRecords: [], headers: [], rows: [], mapping: {} };

describe('guessYear: one source', () => {
  it.each<[string, Partial<YearInput>, number | null]>([
    [
      'a year column, every row 2018/19',
      {
        headers: ['Year', 'Cost centre'],
        rows: [
          ['2018/19', '10100'],
          ['2018/19', '10200'],
        ],
        mapping: { year: 0 },
      },
      2018,
    ],
    ['a year column written 2018-19', { headers: ['FY'], rows: [['2018-19']], mapping: { year: 0 } }, 2018],
    ['a year column written 2018/2019', { headers: ['FY'], rows: [['2018/2019']], mapping: { year: 0 } }, 2018],
    [
      'posting dates from April 2018 to March 2019 (one financial year, two calendar years)',
      {
        kind: 'ledger',
        headers: ['Date'],
        rows: [['01/04/2018'], ['15/12/2018'], ['31/03/2019']],
        mapping: { postingDate: 0 },
      },
      2018,
    ],
    [
      'posting dates in January 2019 belong to 2018/19',
      { kind: 'ledger', headers: ['Date'], rows: [['10/01/2019']], mapping: { postingDate: 0 } },
      2018,
    ],
    ['a title line "Revenue budget 2019/20"', { titleRecords: [['Revenue budget 2019/20']], headers: ['CC'] }, 2019],
    [
      'headings "Budget 2018/19" and "Outturn 2018/19"',
      { kind: 'outturn', headers: ['Area', 'Budget 2018/19 (£000)', 'Outturn 2018/19 (£000)'] },
      2018,
    ],
    [
      'balance headings "Balance 1/4/18" and "Balance 31/3/19"',
      { kind: 'reserves', headers: ['Reserve', 'Balance 1/4/18', 'Balance 31/3/19'] },
      2018,
    ],
    [
      'balance headings written in words, "1 April 2018" and "31 March 2019"',
      { kind: 'reserves', headers: ['Reserve', 'Balance at 1 April 2018', 'Balance at 31 March 2019'] },
      2018,
    ],
    [
      'a closing balance heading alone, "31/03/2019" (the year that ends then)',
      { kind: 'reserves', headers: ['Reserve', 'Closing balance 31/03/2019'] },
      2018,
    ],
  ])('%s -> %s', (_, input, year) => {
    const guess = guessYear({ ...base, ...input });
    expect(guess.year).toBe(year);
    expect(guess.question).toBeNull();
    expect(guess.evidence.length).toBeGreaterThan(0);
  });
});

describe('guessYear: asked, never guessed', () => {
  it.each<[string, Partial<YearInput>, RegExp]>([
    [
      'nothing in the file names a year',
      { headers: ['Description', 'Amount'], rows: [['Grant', '100']] },
      /does not say/,
    ],
    [
      'a year column with two years, neither ahead',
      { headers: ['Year'], rows: [['2017/18'], ['2018/19']], mapping: { year: 0 } },
      /more than one financial year \(2017\/18, 2018\/19\)/,
    ],
    [
      'posting dates either side of 1 April, as many each side',
      {
        kind: 'ledger',
        headers: ['Date'],
        rows: [['30/03/2018'], ['02/04/2018']],
        mapping: { postingDate: 0 },
      },
      /more than one financial year/,
    ],
    [
      'a title that says 2017/18 over a year column that says 2018/19',
      { titleRecords: [['Budget 2017/18']], headers: ['Year'], rows: [['2018/19']], mapping: { year: 0 } },
      /different years: .*2018\/19.*2017\/18|different years: .*2017\/18.*2018\/19/,
    ],
    [
      'headings that name two years once each (the 2017/18 paper\'s Table 4 financing prints "Original 2016/17")',
      {
        kind: 'capital-financing',
        headers: ['Source', 'Original 2016/17 Capital Programme', 'Revised 2017/18 Capital Budget'],
      },
      /2016\/17, 2017\/18/,
    ],
  ])('%s', (_, input, question) => {
    const guess = guessYear({ ...base, ...input });
    expect(guess.year).toBeNull();
    expect(guess.question).toMatch(question);
  });

  it('a source clearly ahead wins within itself (one stray date of the year before among many)', () => {
    const rows = [['31/03/2018'], ...Array.from({ length: 9 }, () => ['15/05/2018'])];
    const guess = guessYear({ ...base, kind: 'ledger', headers: ['Date'], rows, mapping: { postingDate: 0 } });
    expect(guess.year).toBe(2018);
  });

  it('a two-digit year in a year column is not read (1917 or 2017 is not guessed)', () => {
    const guess = guessYear({ ...base, headers: ['Year'], rows: [['17/18']], mapping: { year: 0 } });
    expect(guess.year).toBeNull();
  });
});

describe('guessYear: the month a monthly return is as at', () => {
  const ret = (periods: string[]): Partial<YearInput> => ({
    kind: 'outturn',
    headers: ['Year', 'Period', 'Cost centre'],
    rows: periods.map((p) => ['2018/19', p, '10100']),
    mapping: { year: 0, period: 1, costCentre: 2 },
  });
  it.each<[string, Partial<YearInput>, number | null]>([
    ['every row P6', ret(['6', '6']), 6],
    ['P3 and P6 rows: as at the latest, P6', ret(['3', '6', '3']), 6],
    [
      'a title "Period 9" over a summary with no period column',
      { kind: 'outturn', titleRecords: [['Monitoring 2018/19, Period 9']], headers: ['Area', 'Budget'] },
      9,
    ],
    [
      'a budget has no month',
      { headers: ['Year', 'Period'], rows: [['2018/19', '6']], mapping: { year: 0, period: 1 } },
      null,
    ],
  ])('%s -> %s', (_, input, month) => expect(guessYear({ ...base, ...input }).month).toBe(month));
});

describe('the preview and the plan carry the year', () => {
  const encoding = { encoding: 'utf-8' } as EncodingEvidence;
  const text =
    'Revenue monitoring 2018/19\nCost centre,Subjective,Period,Year,Budget,Actual to date,Forecast outturn\n10100,1001,6,2018/19,100.00,50.00,100.00\n';

  it('finds the title line and the year column agreeing, and the plan keeps the year, month and evidence', () => {
    const preview = buildPreview('anything.csv', text.length, encoding, text);
    expect(preview.headerIndex).toBe(1);
    expect([preview.year, preview.month]).toEqual([2018, 6]);
    expect(yearProblem(preview)).toBeNull();
    const plan = planOf(preview);
    expect([plan.year, plan.month]).toEqual([2018, 6]);
    expect(plan.yearEvidence.join(' ')).toMatch(/title.*2018\/19/);
  });

  it('a year set by the user is kept, and the evidence says so', () => {
    const preview = buildPreview('anything.csv', text.length, encoding, text, { year: 2019, month: 3 });
    expect([preview.year, preview.month]).toEqual([2019, 3]);
    expect(planOf(preview).yearEvidence[0]).toMatch(/set by you/);
  });

  it('a file that does not say its year cannot be imported until the year is set', () => {
    const bare = 'Description,Amount\nGrant,100\n';
    const preview = buildPreview('2018-19-carry-forwards.csv', bare.length, encoding, bare);
    // The file's name says 2018-19; the name is never read.
    expect(preview.year).toBeNull();
    expect(yearProblem(preview)).toMatch(/does not say/);
  });
});
