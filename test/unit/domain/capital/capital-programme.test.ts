// The capital programme built from the 2017/18 sample (Table 4 and Appendix 3 of the 19 July 2018 paper):
// the figures and percentages the paper prints, worked out by hand, and its own checks of the lettered
// formulas against the hand-worked expectations in data/casting-expectations.json.
import { describe, expect, it } from 'vitest';
import { toCategoryRows, toSchemeRows } from '../../../../src/api/capital-mappings';
import { buildCapitalProgramme, categoryOf, type SchemeColumn } from '../../../../src/domain/capital/capital-programme';
import { summariseCapitalSpend } from '../../../../src/domain/capital/capital-summary';
import { Money } from '../../../../src/domain/core/money';
import { formatPercent } from '../../../../src/domain/core/percent';
import { expectations, sampleTable } from '../../helpers/sample-tables';

const programme = buildCapitalProgramme(
  toCategoryRows(sampleTable('table-4-capital-programme.csv')),
  toSchemeRows(sampleTable('appendix-3-capital-schemes.csv')),
);
const k = (v: Money | null): string | null => (v === null ? null : v.dividedBy(1000).toString());

describe('the capital programme by category (Table 4)', () => {
  it('shows the percentage of the revised budget spent as the paper does', () => {
    // Outturn / revised: 1,629/2,440 = 66.76%; 977/1,565 = 62.43%; 1,854/2,267 = 81.78%; 1,242/1,585 = 78.36%
    // (printed 78.3%); 0/3,594 = 0%; total 5,702/11,451 = 49.79%.
    expect(programme.categories.map((c) => [c.category, formatPercent(c.percentSpent)])).toEqual([
      ['land-and-buildings', '66.8%'],
      ['it-and-communications', '62.4%'],
      ['fleet', '81.8%'],
      ['collaboration', '78.4%'],
      ['subject-to-business-case', '0.0%'],
    ]);
    expect(formatPercent(programme.categoryTotal!.percentSpent)).toBe('49.8%');
    expect(programme.categoryTotal!.percentSpent!.toDecimalPlaces(4).toString()).toBe('49.7948');
  });

  it('works out the variance (outturn - revised) exactly', () => {
    // L&B 1,629 - 2,440 = (811); IT 977 - 1,565 = (588); total 5,702 - 11,451 = (5,749).
    expect(programme.categories.map((c) => k(c.variance))).toEqual(['-811', '-588', '-413', '-343', '-3594']);
    expect(k(programme.categoryTotal!.variance)).toBe('-5749');
  });

  it('checks casting and the printed % the way the hand working does (t4p.*)', () => {
    const expected = expectations.filter((e) => e.id.startsWith('t4p.'));
    expect(programme.categoryChecks.map((c) => [c.id, c.status]).sort()).toEqual(
      expected.map((e) => [e.id, e.status]).sort(),
    );
    // The one that is not a pass: Collaboration's 78.3% is a rounding difference (78.36%).
    expect(programme.categories.find((c) => c.category === 'collaboration')!.checks.map((c) => c.status)).toEqual([
      'rounding',
    ]);
  });
});

describe('the programme scheme by scheme (Appendix 3)', () => {
  it('groups schemes by category, and says where the detail is missing instead of showing zeros', () => {
    expect(programme.sections.map((s) => [s.category, s.schemes.length, s.detailMissing])).toEqual([
      ['land-and-buildings', 0, true],
      ['it-and-communications', 0, true],
      ['fleet', 3, false],
      ['collaboration', 17, false],
      ['subject-to-business-case', 2, false],
    ]);
    expect(programme.detailMissing).toEqual(['Land & Buildings', 'IT & Communications']);
    const lb = programme.sections[0]!.total!;
    // Only D, G and K are known (from Table 4): 590, 2,440, 1,629. The rest is not shown, not nil.
    expect([lb.bfwd, lb.revised, lb.expectedOutturn].map(k)).toEqual(['590', '2440', '1629']);
    expect([
      lb.original,
      lb.amendments,
      lb.actual,
      lb.commitments,
      lb.committedAndSpent,
      lb.variance,
      lb.carryForward,
      lb.underOverspend,
    ]).toEqual(Array(8).fill(null));
  });

  it('keeps job codes as text', () => {
    const collaboration = programme.sections.find((s) => s.category === 'collaboration')!;
    expect(collaboration.schemes.slice(0, 3).map((s) => s.jobCode)).toEqual(['C8028', 'BCHCAG', 'C8053']);
  });

  it('lists the predicted carry-forwards scheme by scheme', () => {
    // Appendix 3 column M: Fleet 293 + 120 = 413; Collaboration 60 + 94 + 9 + 69 + 144 + 30 + 22 = 428.
    expect(programme.predictedCarryForwards.map((s) => [s.title, k(s.carryForward)])).toEqual([
      ['New Vehicle Equipment', '293'],
      ['Telematics', '120'],
      ['JPS Equipment Replacement Rolling Programme', '60'],
      ['Org Support BCH ERP Purchase', '94'],
      ['BCH Property Management System', '9'],
      ['JPS ANPR', '69'],
      ['ESN - ICCS', '144'],
      ['Seven Forces PSD Monitoring System', '30'],
      ['BCH In-Cell Conferencing Facilities', '22'],
    ]);
    // 413 + 428 = 841 in the schemes shown; the Grand Total's 2,154 leaves 1,313 in the missing pages.
    expect([k(programme.carryForwardItemised), k(programme.carryForwardNotItemised)]).toEqual(['841', '1313']);
  });

  // The model checks canonical columns; the expectations name the paper's letters.
  const LETTER: Record<SchemeColumn, string> = {
    bfwd: 'd',
    original: 'e',
    amendments: 'f',
    revised: 'g',
    actual: 'h',
    commitments: 'i',
    committedAndSpent: 'j',
    expectedOutturn: 'k',
    variance: 'l',
    carryForward: 'm',
    underOverspend: 'n',
  };
  const inTable = expectations.filter((e) => e.id.startsWith('a3.') && !e.missing.includes('target'));
  const made = new Map(
    programme.schemeChecks.map((c) => {
      const id = c.kind === 'total' ? `a3.${c.row}.${LETTER[c.column as SchemeColumn]}` : c.id;
      return [id, c] as const;
    }),
  );

  it('checks G = D+E+F, J = H+I, L = K-G and N = L+M on every row, and every total, as worked by hand', () => {
    expect([...made.keys()].sort()).toEqual(inTable.map((e) => e.id).sort());
  });

  it.each(inTable.map((e) => [e.id, e] as const))('%s', (id, e) => {
    const c = made.get(id)!;
    expect(c.status).toBe(e.status);
    expect(k(c.difference)).toBe(e.difference === null ? null : String(e.difference));
  });

  it('the sections whose pages are missing cannot be checked, and say so', () => {
    const lb = programme.schemeChecks.filter((c) => c.row === 'land-and-buildings-total' && c.kind === 'total');
    expect(lb.every((c) => c.status === 'incomplete' && c.missing.includes('its item rows are not in the table'))).toBe(
      true,
    );
  });
});

describe('summariseCapitalSpend', () => {
  it('says what the chart shows, from the figures', () => {
    expect(summariseCapitalSpend(programme)).toBe(
      'Capital outturn £5.70m against a revised budget of £11.45m: 49.8% spent; least spent: Schemes approved subject to further business case (0.0%); most: Fleet (81.8%).',
    );
  });
});

describe('categoryOf', () => {
  it.each([
    ['Land & Buildings', 'land-and-buildings'],
    ['IT & Communications Total', 'it-and-communications'],
    ['Fleet', 'fleet'],
    ['Collaboration Total', 'collaboration'],
    ['Schemes Approved Subject to Further Business Case', 'subject-to-business-case'],
    ['Something else', null],
  ])('%s -> %s', (label, category) => {
    expect(categoryOf(label)).toBe(category);
  });
});

describe('buildCapitalProgramme on a small table', () => {
  const m = (v: string | null) => (v === null ? null : new Money(v));
  it('a missing figure is never read as nil: the row check is incomplete', () => {
    const p = buildCapitalProgramme(
      [
        {
          key: 'a',
          label: 'Fleet',
          rowType: 'item',
          bfwd: m(null),
          original: m('100'),
          amendments: m('0'),
          revised: m('100'),
          outturn: m('50'),
          printedPercent: null,
        },
      ],
      [],
    );
    expect(p.categoryChecks.map((c) => [c.id, c.status])).toEqual([['t4p.revised.a', 'incomplete']]);
    expect(p.categories[0]!.percentSpent!.toString()).toBe('50');
  });
});
