// Which of the 2017/18 paper's checks apply to another year's tables, and the balance dates read from a
// reserves position's headers. Expected values are the paper's texts and the headers' own dates.
import { describe, expect, it } from 'vitest';
import { specsForYear, tieOutsForYear } from '../../../src/api/reconciliation';
import { balanceDateOf } from '../../../src/api/reserves-position';
import { PAPER_2017_18 } from '../../../src/domain/papers/paper-2017-18';
import { PAPER_2017_18_TIE_OUTS } from '../../../src/domain/papers/paper-2017-18-tie-outs';

describe('balance dates from a reserves position’s headers', () => {
  it.each([
    ["Balance 1/4/18 (£'000)", '1 April 2018'],
    ["Balance 31/3/19 (£'000)", '31 March 2019'],
    ['Balance 31/03/2020', '31 March 2020'],
    ["Balance 1/04/17 (£'000)", '1 April 2017'],
  ])('%s -> %s', (header, date) => expect(balanceDateOf(header, 'fallback')).toBe(date));

  it('falls back when the header gives no date, or there is no header', () => {
    expect(balanceDateOf('Closing balance', '31 March 2019')).toBe('31 March 2019');
    expect(balanceDateOf(undefined, '1 April 2018')).toBe('1 April 2018');
  });
});

describe('the casting specs of a year', () => {
  it('are the paper’s own for 2017/18', () => {
    expect(specsForYear(2017)).toBe(PAPER_2017_18);
  });

  it('are the same rules for another year, titled by that year and never by the paper’s dates', () => {
    const specs = specsForYear(2018);
    expect(Object.keys(specs)).toEqual(Object.keys(PAPER_2017_18));
    expect(specs['table-5-reserves.csv']!.title).toBe('Reserves position 2018/19');
    expect(specs['table-1-revenue-outturn.csv']!.title).toBe('Revenue outturn 2018/19');
    expect(specs['table-5-reserves.csv']!.formulas![0]!.target).toBe(
      PAPER_2017_18['table-5-reserves.csv'].formulas[0]!.target,
    );
    const text = JSON.stringify(Object.values(specs).map((s) => [s.title, s.formulas?.map((f) => f.description)]));
    expect(text).not.toMatch(/2017\/18|31\/3\/18|1\/4\/17/);
  });
});

describe('the tie-outs of a year', () => {
  const all = new Set(Object.keys(PAPER_2017_18));

  it('are every one of the paper’s for 2017/18, with its notes', () => {
    expect(tieOutsForYear(2017, all)).toBe(PAPER_2017_18_TIE_OUTS);
  });

  it('are only the rules of the tables’ shapes for another year: no scheme detail, text or transcription ties, no notes', () => {
    const ties = tieOutsForYear(2018, all);
    expect(ties.length).toBeGreaterThan(0);
    expect(new Set(ties.map((t) => t.group))).toEqual(
      new Set([
        'revenue-carry-forwards',
        'capital-carry-forwards',
        'capital-spend-financing',
        'revenue-reserve-transfers',
        'revenue-tables',
      ]),
    );
    expect(ties.every((t) => t.note === undefined)).toBe(true);
    expect(ties.map((t) => t.id)).toContain('x.a2-t5.carry-forward-revenue-added');
    expect(ties.map((t) => t.id)).toContain('x.t4p-t4f.revised');
  });

  it('need every table they read: a year with only a reserves position and a capital programme gets none that reads another', () => {
    const ties = tieOutsForYear(2018, new Set(['table-5-reserves.csv', 'table-4-capital-programme.csv']));
    // Table 5's Capital Carry Forward Reserve at 1 April = Table 4's budget brought forward reads only those two.
    expect(ties.map((t) => t.id)).toEqual(['x.t4p-t5.capital-carry-forward-opening']);
  });
});
