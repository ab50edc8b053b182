// Roll-forward checks from 2017/18 to 2018/19. Year N is the 2017/18 sample (data/table-5-reserves.csv,
// table-4-capital-programme.csv, table-4-capital-financing.csv, appendix-3-capital-schemes.csv) read as the
// app reads it; year N+1 is written here by hand: each opening is the 2017/18 closing as printed in the file
// (the figures below are copied from it), then one figure is changed per case. Expected figures are the
// file's or that arithmetic, in £'000 as printed; never the code's own output.
import { describe, expect, it } from 'vitest';
import { toCategoryRows, toFinancingRows, toSchemeRows } from '../../../../src/api/capital-mappings';
import { toReserveRows } from '../../../../src/api/reserves-mappings';
import { buildCapitalFinancing } from '../../../../src/domain/capital/capital-financing';
import { buildCapitalProgramme, type CapitalCategory } from '../../../../src/domain/capital/capital-programme';
import { Money } from '../../../../src/domain/core/money';
import { financialYear } from '../../../../src/domain/core/period';
import { buildReservesPosition } from '../../../../src/domain/reserves/reserves-position';
import {
  checkRollForward,
  type ReserveBalances,
  type RollForwardResult,
  type RollForwardYear,
} from '../../../../src/domain/years/roll-forward';
import { sampleTable } from '../../helpers/sample-tables';

const k = (thousands: number | string): Money => new Money(thousands).times(1000);
const inK = (v: Money | null): string | null => (v === null ? null : v.dividedBy(1000).toString());

const year2017: RollForwardYear = {
  year: financialYear(2017),
  reserves: buildReservesPosition(toReserveRows(sampleTable('table-5-reserves.csv'))),
  capital: buildCapitalProgramme(
    toCategoryRows(sampleTable('table-4-capital-programme.csv')),
    toSchemeRows(sampleTable('appendix-3-capital-schemes.csv')),
  ),
  financing: buildCapitalFinancing(toFinancingRows(sampleTable('table-4-capital-financing.csv'))),
};

// Table 5, "Balance 31/3/18 (£'000)" and "Added to Reserve (£'000)", as printed.
const CLOSING_31_3_18: readonly [string, number][] = [
  ['Carry Forward Revenue Reserve', 1012],
  ['Drug Forfeiture (Operational) Reserve', 116],
  ['Budget Assistance Reserve', 4060],
  ['Road Casualty Reduction & Support Fund (*)', 1582],
  ['Collaboration & Commissioning Reserve', 260],
  ['ICT Development Reserve', 432],
  ['Estate Development Reserve', 2939],
  ['Insurance Reserve', 862],
  ['Ill-Health Retirement Reserve', 398],
  ['Capital Reserve', 1285],
  ['Capital Receipts Reserve', 1914],
  ['Capital Carry Forward Reserve', 2173],
  ['General Reserve', 7198],
];
const CFRR_ADDED_2017_18 = 1012;

/**
 * 2018/19 as a finance officer's file might give it: every reserve opening at its 2017/18 closing, names as
 * that file writes them. The Carry Forward Revenue Reserve uses the 1,012 added in 2017/18; the rest move
 * by made-up amounts (closing = opening + added - used, worked here), which the checks do not read.
 */
function reserves2018(change: (rows: ReserveBalances[]) => ReserveBalances[] = (r) => r): RollForwardYear {
  const rows = CLOSING_31_3_18.map(([name, closing]): ReserveBalances => {
    const used = name.startsWith('Carry Forward Revenue') ? CFRR_ADDED_2017_18 : 10;
    const added = 20;
    return { name, opening: k(closing), added: k(added), used: k(used), closing: k(closing + added - used) };
  });
  return { year: financialYear(2018), reserves: { reserves: change(rows) } };
}

const setOpening = (name: string, thousands: number | string) => (rows: ReserveBalances[]) =>
  rows.map((r) => (r.name === name ? { ...r, opening: k(thousands) } : r));

const reserveResult = (results: readonly RollForwardResult[], subject: string) =>
  results.find((r) => r.check === 'reserve-balance' && r.subject === subject);

const summary = (r: RollForwardResult | undefined) =>
  r && {
    status: r.status,
    finding: r.finding,
    n1: inK(r.printed),
    n: inK(r.computed),
    difference: inK(r.difference),
  };

describe('roll-forward of reserves: opening 2018/19 = closing 2017/18', () => {
  it('passes every reserve when each opens at its printed closing, and says nothing is unavailable', () => {
    const { results, unavailable, from, to } = checkRollForward(year2017, reserves2018());
    expect(unavailable).toEqual([
      '2018/19 has no capital programme: the capital budget brought forward is not checked',
    ]);
    expect([from.startYear, to.startYear]).toEqual([2017, 2018]);
    const balances = results.filter((r) => r.check === 'reserve-balance');
    expect(balances.map((r) => [r.subject, r.status, inK(r.computed), inK(r.printed), inK(r.difference)])).toEqual(
      CLOSING_31_3_18.map(([name, closing]) => [name, 'pass', String(closing), String(closing), '0']),
    );
    expect(balances.every((r) => r.group === 'roll-forward' && r.page === 'reserves' && r.finding === null)).toBe(true);
  });

  it.each([
    {
      name: 'a planted difference of 5 (£000) is a failure, with both figures',
      change: setOpening('Budget Assistance Reserve', 4065),
      subject: 'Budget Assistance Reserve',
      // 4,065 - 4,060 = 5, beyond 0.5 + 0.5.
      expected: { status: 'fail', finding: null, n1: '4065', n: '4060', difference: '5' },
    },
    {
      name: 'a difference of 1 (£000) between two figures printed in £000 is a rounding difference',
      change: setOpening('ICT Development Reserve', 433),
      subject: 'ICT Development Reserve',
      // 433 - 432 = 1: each printed figure may be half a unit off, so up to 1 in all.
      expected: { status: 'rounding', finding: null, n1: '433', n: '432', difference: '1' },
    },
    {
      name: 'a difference of 2 (£000) is more than rounding can explain',
      change: setOpening('ICT Development Reserve', 430),
      subject: 'ICT Development Reserve',
      expected: { status: 'fail', finding: null, n1: '430', n: '432', difference: '-2' },
    },
    {
      name: 'a difference of £0.00 is a pass, whatever the figures were printed in',
      change: setOpening('Insurance Reserve', '862.00000'),
      subject: 'Insurance Reserve',
      expected: { status: 'pass', finding: null, n1: '862', n: '862', difference: '0' },
    },
    {
      name: 'a reserve new in 2018/19 with a balance is a finding and a failure by that balance',
      change: (rows: ReserveBalances[]) => [
        ...rows,
        { name: 'Police Property Act Reserve', opening: k(25), added: k(0), used: k(0), closing: k(25) },
      ],
      subject: 'Police Property Act Reserve',
      expected: { status: 'fail', finding: 'new', n1: '25', n: '0', difference: '25' },
    },
    {
      name: 'a reserve new in 2018/19 that opens at nil is a finding that passes',
      change: (rows: ReserveBalances[]) => [
        ...rows,
        { name: 'Safer Streets Reserve', opening: k(0), added: k(40), used: k(0), closing: k(40) },
      ],
      subject: 'Safer Streets Reserve',
      expected: { status: 'pass', finding: 'new', n1: '0', n: '0', difference: '0' },
    },
    {
      name: 'a reserve not carried into 2018/19 is a finding and a failure by its closing balance',
      change: (rows: ReserveBalances[]) => rows.filter((r) => r.name !== 'Drug Forfeiture (Operational) Reserve'),
      subject: 'Drug Forfeiture (Operational) Reserve',
      // 2017/18 closed it at 116; 2018/19 has no such reserve: 0 - 116.
      expected: { status: 'fail', finding: 'not-carried', n1: '0', n: '116', difference: '-116' },
    },
    {
      name: 'an opening balance the file does not show makes the check one that cannot be made',
      change: (rows: ReserveBalances[]) =>
        rows.map((r) => (r.name === 'Capital Reserve' ? { ...r, opening: null } : r)),
      subject: 'Capital Reserve',
      expected: { status: 'incomplete', finding: null, n1: null, n: '1285', difference: null },
    },
  ])('$name', ({ change, subject, expected }) => {
    const { results } = checkRollForward(year2017, reserves2018(change));
    expect(summary(reserveResult(results, subject))).toEqual(expected);
    // Only the changed reserve is out: every other reserve still passes.
    const others = results.filter((r) => r.check === 'reserve-balance' && r.subject !== subject);
    expect(others.filter((r) => r.status !== 'pass').map((r) => r.subject)).toEqual([]);
  });

  it.each([
    // 2018/19 in pounds, 2017/18 in £'000: half of £1 and half of £1,000 may be rounding, £500.50 in all.
    { opening: '432000.00', status: 'pass', difference: '0' },
    { opening: '432400.00', status: 'rounding', difference: '400' },
    { opening: '431499.50', status: 'rounding', difference: '-500.5' },
    { opening: '432500.51', status: 'fail', difference: '500.51' },
  ])(
    'a year printed in pounds against one in £000: opening £$opening is $status',
    ({ opening, status, difference }) => {
      const year = reserves2018((rows) =>
        rows.map((r) => (r.name === 'ICT Development Reserve' ? { ...r, opening: new Money(opening) } : r)),
      );
      const { results } = checkRollForward(year2017, { ...year, printedUnit: new Money(1) });
      const r = reserveResult(results, 'ICT Development Reserve')!;
      expect([r.status, r.difference!.toString(), r.tolerance.toString()]).toEqual([status, difference, '500.5']);
    },
  );

  it('matches reserves by name whatever their case, spacing, punctuation, "&" or footnote mark', () => {
    const renamed: Record<string, string> = {
      'Road Casualty Reduction & Support Fund (*)': 'ROAD CASUALTY REDUCTION AND SUPPORT FUND',
      'Collaboration & Commissioning Reserve': '  Collaboration  and Commissioning reserve. ',
      'Ill-Health Retirement Reserve': 'Ill Health Retirement Reserve',
    };
    const { results } = checkRollForward(
      year2017,
      reserves2018((rows) => rows.map((r) => ({ ...r, name: renamed[r.name] ?? r.name }))),
    );
    const balances = results.filter((r) => r.check === 'reserve-balance');
    expect(balances).toHaveLength(13);
    expect(balances.filter((r) => r.status !== 'pass' || r.finding !== null)).toEqual([]);
  });

  it('states both years and the rule: half a printed unit per figure, £1,000 for two figures in £000', () => {
    const { results } = checkRollForward(year2017, reserves2018(setOpening('Budget Assistance Reserve', 4065)));
    const r = reserveResult(results, 'Budget Assistance Reserve')!;
    expect(r.tolerance.toString()).toBe('1000');
    expect(r.description).toBe('Budget Assistance Reserve: opening balance 2018/19 = closing balance 2017/18');
    expect(r.printedFigures.map((f) => [f.table, f.row, f.label, f.column])).toEqual([
      ['t5', 'budget-assistance-reserve', '2018/19 Budget Assistance Reserve', 'Opening balance 1 April 2018'],
    ]);
    expect(r.againstFigures.map((f) => [f.table, f.row, f.label, f.column])).toEqual([
      ['t5', 'budget-assistance-reserve', '2017/18 Budget Assistance Reserve', 'Closing balance 31 March 2018'],
    ]);
    expect(r.id).toBe('rf.2017-18.reserve.budget-assistance-reserve');
  });
});

describe('roll-forward of the Carry Forward Revenue Reserve: used in 2018/19 = added in 2017/18 (1,012)', () => {
  const withUsage = (used: number | null) => (rows: ReserveBalances[]) =>
    rows.map((r) => (r.name === 'Carry Forward Revenue Reserve' ? { ...r, used: used === null ? null : k(used) } : r));
  it.each([
    { name: 'the 1,012 added is used', change: withUsage(1012), expected: ['pass', '1012', '1012', '0'] },
    { name: 'a planted 5 less is used', change: withUsage(1007), expected: ['fail', '1007', '1012', '-5'] },
    { name: 'one more (rounding)', change: withUsage(1013), expected: ['rounding', '1013', '1012', '1'] },
    { name: 'usage not shown', change: withUsage(null), expected: ['incomplete', null, '1012', null] },
    {
      name: 'no such reserve in 2018/19',
      change: (rows: ReserveBalances[]) => rows.filter((r) => !r.name.startsWith('Carry Forward Revenue')),
      expected: ['incomplete', null, '1012', null],
    },
  ])('$name', ({ change, expected }) => {
    const { results } = checkRollForward(year2017, reserves2018(change));
    const cfrr = results.filter((r) => r.check === 'carry-forward-revenue-reserve');
    expect(cfrr).toHaveLength(1);
    const r = cfrr[0]!;
    expect([r.status, inK(r.printed), inK(r.computed), inK(r.difference)]).toEqual(expected);
    expect(r.page).toBe('reserves');
  });

  it('finds the reserve by its words in any order, and never takes the Capital Carry Forward Reserve for it', () => {
    const { results } = checkRollForward(
      year2017,
      reserves2018((rows) =>
        rows
          .filter((r) => r.name !== 'Capital Carry Forward Reserve')
          .map((r) =>
            r.name === 'Carry Forward Revenue Reserve' ? { ...r, name: 'Revenue Carry-Forwards Reserve' } : r,
          ),
      ),
    );
    const r = results.find((x) => x.check === 'carry-forward-revenue-reserve')!;
    expect([r.status, r.subject, inK(r.printed), inK(r.computed)]).toEqual([
      'pass',
      'Revenue Carry-Forwards Reserve',
      '1012',
      '1012',
    ]);
  });

  it('finds the reserve by the name given when a year calls it something else', () => {
    const { results } = checkRollForward(
      year2017,
      reserves2018((rows) =>
        rows.map((r) => (r.name === 'Carry Forward Revenue Reserve' ? { ...r, name: 'Revenue Carry-Forwards' } : r)),
      ),
      { carryForwardRevenueReserve: 'Revenue carry forwards' },
    );
    // The 2017/18 name is not that either, so the addition cannot be found: cannot be made, never nil.
    const r = results.find((x) => x.check === 'carry-forward-revenue-reserve')!;
    expect([r.status, inK(r.printed), inK(r.computed)]).toEqual(['incomplete', '1012', null]);
    expect(r.missing).toEqual(['2017/18’s reserves position has no Revenue carry forwards']);
  });
});

// 2018/19's Table 4 (capital payments) by hand. 2017/18 carried forward 2,173 in total (Table 4 financing,
// "Transfer to Capital Carry Forward Reserve", TOTAL); Appendix 3 prints the predicted carry-forward [M] as
// Fleet Total 413 and Collaboration Total 428, "n/s" for Land & Buildings and IT & Communications, blank (nil,
// as the papers print it) for the two schemes subject to a business case, and 2,154 for the Grand Total.
interface Bfwd {
  landAndBuildings: number | null;
  it: number | null;
  fleet: number | null;
  collaboration: number | null;
  subjectToCase: number | null;
  total: number | null;
}
const BFWD_2018: Bfwd = {
  landAndBuildings: 700,
  it: 632,
  fleet: 413,
  collaboration: 428,
  subjectToCase: 0,
  total: 2173,
};

function capital2018(bfwd: Bfwd): RollForwardYear {
  const m = (v: number | null) => (v === null ? null : k(v));
  const line = (key: string, label: string, category: CapitalCategory | null, v: number | null) => ({
    key,
    label,
    category,
    bfwd: m(v),
  });
  return {
    year: financialYear(2018),
    capital: {
      categories: [
        line('land-and-buildings', 'Land & Buildings', 'land-and-buildings', bfwd.landAndBuildings),
        line('it-and-communications', 'IT & Communications', 'it-and-communications', bfwd.it),
        line('fleet', 'Fleet', 'fleet', bfwd.fleet),
        line('collaboration', 'Collaboration', 'collaboration', bfwd.collaboration),
        line(
          'schemes-approved-subject-to-further-business-case',
          'Schemes approved subject to further business case',
          'subject-to-business-case',
          bfwd.subjectToCase,
        ),
      ],
      categoryTotal: { key: 'total', label: 'TOTAL', bfwd: m(bfwd.total) },
      sections: [],
      grandTotal: null,
    },
  };
}

const capitalRows = (results: readonly RollForwardResult[]) =>
  results
    .filter((r) => r.check === 'capital-brought-forward')
    .map((r) => [r.subject, r.status, inK(r.printed), inK(r.computed), inK(r.difference)]);

describe('roll-forward of the capital programme: B/Fwd 2018/19 = slippage carried forward from 2017/18', () => {
  it.each([
    {
      name: 'brought forward as carried: the total and Fleet and Collaboration pass',
      bfwd: BFWD_2018,
      total: ['Total', 'pass', '2173', '2173', '0'],
      fleet: ['Fleet', 'pass', '413', '413', '0'],
      collaboration: ['Collaboration', 'pass', '428', '428', '0'],
    },
    {
      name: 'a planted 5 more in the total and in Collaboration fails both',
      bfwd: { ...BFWD_2018, collaboration: 433, total: 2178 },
      total: ['Total', 'fail', '2178', '2173', '5'],
      fleet: ['Fleet', 'pass', '413', '413', '0'],
      collaboration: ['Collaboration', 'fail', '433', '428', '5'],
    },
    {
      name: 'one less in Fleet is a rounding difference',
      bfwd: { ...BFWD_2018, fleet: 412 },
      total: ['Total', 'pass', '2173', '2173', '0'],
      fleet: ['Fleet', 'rounding', '412', '413', '-1'],
      collaboration: ['Collaboration', 'pass', '428', '428', '0'],
    },
  ])('$name', ({ bfwd, total, fleet, collaboration }) => {
    const { results, unavailable } = checkRollForward(year2017, capital2018(bfwd));
    expect(unavailable).toEqual(['2018/19 has no reserves position: the reserve balances are not checked']);
    expect(capitalRows(results)).toEqual([
      total,
      // 2017/18's Appendix 3 does not show the [M] of these two sections (their pages are missing).
      ['Land & Buildings', 'incomplete', String(bfwd.landAndBuildings), null, null],
      ['IT & Communications', 'incomplete', String(bfwd.it), null, null],
      fleet,
      collaboration,
      // Nil carried (the two schemes' blank [M]), nil brought forward.
      ['Schemes approved subject to a business case', 'pass', '0', '0', '0'],
    ]);
    expect(results.every((r) => r.page === 'capital')).toBe(true);
  });

  it('says which 2017/18 figures are not shown, and links each figure to its table and row', () => {
    const { results } = checkRollForward(year2017, capital2018(BFWD_2018));
    const lb = results.find((r) => r.subject === 'Land & Buildings')!;
    expect(lb.missing).toEqual(['2017/18 Appendix 3 Land & Buildings: the predicted carry-forward [M] is not shown']);
    const total = results.find((r) => r.subject === 'Total')!;
    expect(total.printedFigures.map((f) => [f.table, f.row])).toEqual([['t4p', 'total']]);
    expect(total.againstFigures.map((f) => [f.table, f.row, f.column])).toEqual([
      ['t4f', 'total', 'Transfer to Capital Carry Forward Reserve (2017/18)'],
    ]);
    const fleet = results.find((r) => r.subject === 'Fleet')!;
    expect(fleet.againstFigures.map((f) => [f.table, f.row])).toEqual([['a3', 'fleet-total']]);
  });

  it('uses Appendix 3’s predicted carry-forward (2,154) when 2017/18 gives no capital financing', () => {
    const { results } = checkRollForward({ ...year2017, financing: null }, capital2018(BFWD_2018));
    // 2,173 brought forward against the 2,154 Appendix 3 predicted: 19 apart, the paper's own known gap.
    expect(capitalRows(results)[0]).toEqual(['Total', 'fail', '2173', '2154', '19']);
    expect(results[0]!.againstFigures.map((f) => [f.table, f.row])).toEqual([['a3', 'grand-total']]);
  });

  it('cannot check a category whose brought-forward 2018/19 does not show, and skips one neither year shows', () => {
    const { results } = checkRollForward(year2017, capital2018({ ...BFWD_2018, subjectToCase: null }));
    expect(capitalRows(results).at(-1)).toEqual([
      'Schemes approved subject to a business case',
      'incomplete',
      null,
      '0',
      null,
    ]);
    const year = capital2018(BFWD_2018);
    const noAppendix3Sections = {
      ...year2017,
      capital: {
        ...year2017.capital!,
        sections: year2017.capital!.sections.filter((s) => s.category === 'fleet'),
      },
    };
    // 2018/19 shows nothing for Land & Buildings and 2017/18 has no section for it: no claim either side.
    const lines = year.capital!.categories.map((l) => (l.category === 'land-and-buildings' ? { ...l, bfwd: null } : l));
    const only = checkRollForward(noAppendix3Sections, { ...year, capital: { ...year.capital!, categories: lines } });
    expect(capitalRows(only.results).map((r) => [r[0], r[1]])).toEqual([
      ['Total', 'pass'],
      ['IT & Communications', 'incomplete'],
      ['Fleet', 'pass'],
      ['Collaboration', 'incomplete'],
      ['Schemes approved subject to a business case', 'incomplete'],
    ]);
    expect(only.results.find((r) => r.subject === 'Collaboration')!.missing).toEqual([
      '2017/18’s Appendix 3 has no Collaboration section',
    ]);
  });

  it('checks no category when 2018/19 gives none, and only the total then', () => {
    const year = capital2018(BFWD_2018);
    const { results } = checkRollForward(year2017, { ...year, capital: { ...year.capital!, categories: [] } });
    expect(capitalRows(results)).toEqual([['Total', 'pass', '2173', '2173', '0']]);
  });
});

describe('the years', () => {
  it('refuses two years that do not follow each other (a caller’s bug)', () => {
    expect(() => checkRollForward(year2017, { year: financialYear(2019) })).toThrow(RangeError);
  });

  it('makes every check when both years give both models, reserves first', () => {
    const { results, unavailable } = checkRollForward(year2017, {
      ...reserves2018(),
      capital: capital2018(BFWD_2018).capital!,
    });
    expect(unavailable).toEqual([]);
    // 13 reserves, the Carry Forward Revenue Reserve, the capital total and five categories.
    expect(results.map((r) => r.check)).toEqual([
      ...Array<string>(13).fill('reserve-balance'),
      'carry-forward-revenue-reserve',
      ...Array<string>(6).fill('capital-brought-forward'),
    ]);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  });
});
