import { checkTable, type CastingRule, type CheckResult } from '../checks/casting';
import type { Money } from '../core/money';
import { THOUSAND } from '../core/money';
import { percentOf } from '../core/percent';
import { sumOrMissing } from '../core/sum-or-missing';
import { inferTotalRules, type RowType } from '../checks/table-rows';

/*
 * The capital programme as the board reads it: the budget and outturn by category (Table 4 of the
 * 2017/18 paper) and scheme by scheme with the lettered columns of Appendix 3 (G = D+E+F, J = H+I,
 * L = K-G, N = L+M), every formula and total checked on every row. Amounts are pounds, exact; a figure
 * the source does not show is null and stays null through every sum (never read as nil). A category
 * whose scheme pages are missing keeps its printed totals and says its detail is missing.
 */

export type CapitalCategory =
  'land-and-buildings' | 'it-and-communications' | 'fleet' | 'collaboration' | 'subject-to-business-case';

/** The categories in the paper's order, with the names the board knows them by. */
export const CAPITAL_CATEGORIES: readonly { id: CapitalCategory; label: string }[] = [
  { id: 'land-and-buildings', label: 'Land & Buildings' },
  { id: 'it-and-communications', label: 'IT & Communications' },
  { id: 'fleet', label: 'Fleet' },
  { id: 'collaboration', label: 'Collaboration' },
  { id: 'subject-to-business-case', label: 'Schemes approved subject to a business case' },
];

/**
 * The category a printed label names ("Land & Buildings Total", "Schemes Approved Subject to Further
 * Business Case"), or null when it names none. "IT" is matched in capitals only: "it" is also a word.
 */
export function categoryOf(label: string): CapitalCategory | null {
  if (/business case/i.test(label)) return 'subject-to-business-case';
  if (/land\b|building/i.test(label)) return 'land-and-buildings';
  if (/\bIT\b|\bICT\b|communications/i.test(label) && !/collaborat/i.test(label)) return 'it-and-communications';
  if (/fleet/i.test(label)) return 'fleet';
  if (/collaborat/i.test(label)) return 'collaboration';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// By category (Table 4, capital payments)

export interface CategoryBudgetInput {
  key: string;
  label: string;
  rowType: RowType;
  bfwd: Money | null;
  original: Money | null;
  amendments: Money | null;
  revised: Money | null;
  outturn: Money | null;
  /** The percentage spent as printed (a percent number), if the source prints one. */
  printedPercent: Money | null;
}

export interface CategoryBudgetLine extends CategoryBudgetInput {
  category: CapitalCategory | null;
  /** outturn / revised x 100, exact; null when revised is nil or either is missing. */
  percentSpent: Money | null;
  /** outturn - revised (negative: underspent), exact; null when either is missing. */
  variance: Money | null;
  /** The checks on this row that did not pass. */
  checks: CheckResult[];
}

// ---------------------------------------------------------------------------------------------------
// Scheme by scheme (Appendix 3)

export interface SchemeInput {
  key: string;
  /** The section heading as printed ("Fleet", "Schemes Approved Subject to Further Business Case"). */
  section: string;
  title: string;
  jobCode: string;
  rowType: RowType;
  notesAtPara: string;
  note: string;
  /** D: budget brought forward. */
  bfwd: Money | null;
  /** E: original programme (approved programme +/- previously authorised amendments). */
  original: Money | null;
  /** F: proposed programme amendments. */
  amendments: Money | null;
  /** G = D + E + F. */
  revised: Money | null;
  /** H: actual spend to date. */
  actual: Money | null;
  /** I: commitments to date. */
  commitments: Money | null;
  /** J = H + I. */
  committedAndSpent: Money | null;
  /** K: expected outturn. */
  expectedOutturn: Money | null;
  /** L = K - G. */
  variance: Money | null;
  /** M: predicted carry-forward (slippage). */
  carryForward: Money | null;
  /** N = L + M: estimated (under)/overspend. */
  underOverspend: Money | null;
}

export interface SchemeLine extends SchemeInput {
  category: CapitalCategory | null;
  checks: CheckResult[];
}

export interface SchemeSection {
  category: CapitalCategory | null;
  label: string;
  schemes: SchemeLine[];
  /** The section total as printed; null when the paper prints none. */
  total: SchemeLine | null;
  /** The section's total is there but its schemes are not (a page missing from the source). */
  detailMissing: boolean;
}

const SCHEME_COLUMNS = [
  'bfwd',
  'original',
  'amendments',
  'revised',
  'actual',
  'commitments',
  'committedAndSpent',
  'expectedOutturn',
  'variance',
  'carryForward',
  'underOverspend',
] as const satisfies readonly (keyof SchemeInput)[];
export type SchemeColumn = (typeof SCHEME_COLUMNS)[number];

export interface CapitalProgramme {
  categories: CategoryBudgetLine[];
  /** Table 4's TOTAL line. */
  categoryTotal: CategoryBudgetLine | null;
  categoryChecks: CheckResult[];
  sections: SchemeSection[];
  grandTotal: SchemeLine | null;
  schemeChecks: CheckResult[];
  /** Schemes with a predicted carry-forward, in the report's order. */
  predictedCarryForwards: SchemeLine[];
  /** Sections whose scheme detail is missing from the source (by label). */
  detailMissing: string[];
  /** The predicted carry-forwards of the schemes shown, summed exactly; null if any is not shown. */
  carryForwardItemised: Money | null;
  /** The grand total's predicted carry-forward less the itemised: what sits in the sections whose pages are missing. */
  carryForwardNotItemised: Money | null;
}

function checkCategories(lines: readonly CategoryBudgetInput[], printedUnit: Money): CheckResult[] {
  const keys = lines.map((l) => l.key);
  const rules: CastingRule[] = [
    ...inferTotalRules('t4p', lines, ['bfwd', 'original', 'amendments', 'revised', 'outturn']),
    {
      kind: 'formula',
      id: 't4p.revised',
      description: 'Revised = B/Fwd + Original + Amendments',
      target: 'revised',
      terms: ['bfwd', 'original', 'amendments'],
      rows: keys,
    },
    {
      kind: 'percentage',
      id: 't4p.percent',
      description: '% spent = Outturn / Revised x 100',
      target: 'percent',
      numerator: 'outturn',
      denominator: 'revised',
      rows: lines.filter((l) => l.printedPercent !== null).map((l) => l.key),
    },
  ];
  return checkTable(
    {
      id: 't4p',
      title: 'Capital programme by category',
      printedUnit,
      rows: lines.map((l) => ({
        key: l.key,
        label: l.label,
        values: {
          bfwd: l.bfwd,
          original: l.original,
          amendments: l.amendments,
          revised: l.revised,
          outturn: l.outturn,
          percent: l.printedPercent,
        },
      })),
    },
    rules,
  );
}

function checkSchemes(rows: readonly SchemeInput[], printedUnit: Money): CheckResult[] {
  const keys = rows.map((r) => r.key);
  const formula = (
    id: string,
    description: string,
    target: SchemeColumn,
    terms: Extract<CastingRule, { kind: 'formula' }>['terms'],
  ): CastingRule => ({
    kind: 'formula',
    id: `a3.${id}`,
    description,
    target,
    terms,
    rows: keys,
  });
  const rules: CastingRule[] = [
    ...inferTotalRules('a3', rows, SCHEME_COLUMNS),
    formula('g', 'G = D + E + F (revised = brought forward + original + amendments)', 'revised', [
      'bfwd',
      'original',
      'amendments',
    ]),
    formula('j', 'J = H + I (committed and spent = actual + commitments)', 'committedAndSpent', [
      'actual',
      'commitments',
    ]),
    formula('l', 'L = K - G (variance = expected outturn - revised)', 'variance', [
      'expectedOutturn',
      { ref: 'revised', sign: -1 },
    ]),
    formula('n', 'N = L + M ((under)/overspend = variance + carry-forward)', 'underOverspend', [
      'variance',
      'carryForward',
    ]),
  ];
  return checkTable(
    {
      id: 'a3',
      title: 'Scheme by scheme capital report',
      printedUnit,
      rows: rows.map((r) => ({
        key: r.key,
        label: r.title,
        values: Object.fromEntries(SCHEME_COLUMNS.map((c) => [c, r[c]])),
      })),
    },
    rules,
  );
}

const notPassedOn = (checks: readonly CheckResult[], key: string): CheckResult[] =>
  checks.filter((c) => c.row === key && c.status !== 'pass');

/**
 * Builds the programme from Table 4's category lines and Appendix 3's scheme rows, and checks both:
 * totals down every column (from the layout: items add to their section total, sections and loose items
 * to the grand total), the lettered formulas across every row, and the printed % spent. `printedUnit`
 * is the unit of the printed figures in pounds (1000 for £'000): it sets what counts as a rounding
 * difference. percentSpent is exact (round it only to show it).
 */
export function buildCapitalProgramme(
  categoryRows: readonly CategoryBudgetInput[],
  schemeRows: readonly SchemeInput[],
  printedUnit: Money = THOUSAND,
): CapitalProgramme {
  const categoryChecks = checkCategories(categoryRows, printedUnit);
  const lines = categoryRows.map((r): CategoryBudgetLine => ({
    ...r,
    category: r.rowType === 'item' ? categoryOf(r.label) : null,
    percentSpent: percentOf(r.outturn, r.revised),
    variance: r.outturn !== null && r.revised !== null ? r.outturn.minus(r.revised) : null,
    checks: notPassedOn(categoryChecks, r.key),
  }));

  const schemeChecks = checkSchemes(schemeRows, printedUnit);
  const schemeLines = schemeRows.map((r): SchemeLine => ({
    ...r,
    category: categoryOf(r.section),
    checks: notPassedOn(schemeChecks, r.key),
  }));
  const sections: SchemeSection[] = [];
  let grandTotal: SchemeLine | null = null;
  for (const line of schemeLines) {
    if (line.rowType === 'total') {
      grandTotal = line;
      continue;
    }
    let section = sections.find((s) => s.label === line.section);
    if (!section) {
      section = { category: line.category, label: line.section, schemes: [], total: null, detailMissing: false };
      sections.push(section);
    }
    if (line.rowType === 'subtotal') section.total = line;
    else section.schemes.push(line);
  }
  for (const s of sections) s.detailMissing = s.total !== null && s.schemes.length === 0;

  const itemised = sumOrMissing(
    sections.filter((s) => !s.detailMissing).flatMap((s) => s.schemes.map((l) => l.carryForward)),
  );
  const grandCarryForward = grandTotal?.carryForward ?? null;
  return {
    categories: lines.filter((l) => l.rowType === 'item'),
    categoryTotal: [...lines].reverse().find((l) => l.rowType === 'total') ?? null,
    categoryChecks,
    sections,
    grandTotal,
    schemeChecks,
    predictedCarryForwards: schemeLines.filter(
      (l) => l.rowType === 'item' && l.carryForward !== null && !l.carryForward.isZero(),
    ),
    detailMissing: sections.filter((s) => s.detailMissing).map((s) => s.label),
    carryForwardItemised: itemised,
    carryForwardNotItemised: itemised !== null && grandCarryForward !== null ? grandCarryForward.minus(itemised) : null,
  };
}
