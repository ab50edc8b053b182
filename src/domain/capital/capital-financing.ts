import { checkTable, type CastingRule, type CheckResult } from '../checks/casting';
import type { Money } from '../core/money';
import { THOUSAND } from '../core/money';
import { sumOrMissing } from '../core/sum-or-missing';
import { inferTotalRules, type RowType } from '../checks/table-rows';

/*
 * How the capital programme was paid for (Table 4's Capital Financing block), line by line and by
 * source: grants, reserves, capital receipts, revenue contributions and borrowing. Amounts are pounds,
 * exact; a missing figure makes every sum it is in missing.
 */

export type FinancingSource = 'grants' | 'reserves' | 'capital-receipts' | 'revenue-contributions' | 'borrowing';

const FINANCING_SOURCES: readonly { id: FinancingSource; label: string }[] = [
  { id: 'grants', label: 'Grants' },
  { id: 'reserves', label: 'Reserves' },
  { id: 'capital-receipts', label: 'Capital receipts' },
  { id: 'revenue-contributions', label: 'Revenue contributions (RCCO)' },
  { id: 'borrowing', label: 'Borrowing' },
];

/**
 * The source a financing line's label names. RCCO (revenue contribution to capital outlay) is tested
 * first: "ESMCP Grant (RCCO)" and "Vehicle Receipts (RCCO)" reach capital through the revenue account,
 * which is how the accounts' capital financing note classes them, whatever their origin. null when the
 * label names no source (the line is then listed as unclassified, never dropped).
 */
export function financingSourceOf(label: string): FinancingSource | null {
  if (/\bRCCO\b|revenue contribution/i.test(label)) return 'revenue-contributions';
  if (/reserve/i.test(label)) return 'reserves';
  if (/grant/i.test(label)) return 'grants';
  if (/receipt/i.test(label)) return 'capital-receipts';
  if (/borrow|loan/i.test(label)) return 'borrowing';
  return null;
}

export interface FinancingLineInput {
  key: string;
  label: string;
  rowType: RowType;
  bfwd: Money | null;
  original: Money | null;
  amendments: Money | null;
  revised: Money | null;
  /** Capital spend financed from this line. */
  totalSpend: Money | null;
  /** What was applied to finance it this year. */
  applied: Money | null;
  /** Unspent financing moved to the Capital Carry Forward Reserve. */
  transfer: Money | null;
}

export interface FinancingLine extends FinancingLineInput {
  source: FinancingSource | null;
  checks: CheckResult[];
}

export interface FinancingBySource {
  source: FinancingSource;
  label: string;
  lines: FinancingLine[];
  bfwd: Money | null;
  original: Money | null;
  amendments: Money | null;
  revised: Money | null;
  totalSpend: Money | null;
  applied: Money | null;
  transfer: Money | null;
}

export interface CapitalFinancing {
  lines: FinancingLine[];
  /** Every source, in the order of FINANCING_SOURCES, with its lines (a source with none has nil sums). */
  bySource: FinancingBySource[];
  /** Lines that name no source. */
  unclassified: FinancingLine[];
  total: FinancingLine | null;
  checks: CheckResult[];
}

const COLUMNS = ['bfwd', 'original', 'amendments', 'revised', 'totalSpend', 'applied', 'transfer'] as const;

/**
 * Builds the financing model and checks its own arithmetic: totals from the layout, and
 * Revised = B/Fwd + Original + Amendments on every line. Sums by source are exact and cover the item
 * lines only (the printed TOTAL is kept as printed).
 */
export function buildCapitalFinancing(
  rows: readonly FinancingLineInput[],
  printedUnit: Money = THOUSAND,
): CapitalFinancing {
  const rules: CastingRule[] = [
    ...inferTotalRules('t4f', rows, COLUMNS),
    {
      kind: 'formula',
      id: 't4f.revised',
      description: 'Revised = B/Fwd + Original + Amendments',
      target: 'revised',
      terms: ['bfwd', 'original', 'amendments'],
      rows: rows.map((r) => r.key),
    },
  ];
  const checks = checkTable(
    {
      id: 't4f',
      title: 'Capital financing',
      printedUnit,
      rows: rows.map((r) => ({
        key: r.key,
        label: r.label,
        values: Object.fromEntries(COLUMNS.map((c) => [c, r[c]])),
      })),
    },
    rules,
  );
  const lines = rows.map((r): FinancingLine => ({
    ...r,
    source: r.rowType === 'item' ? financingSourceOf(r.label) : null,
    checks: checks.filter((c) => c.row === r.key && c.status !== 'pass'),
  }));
  const items = lines.filter((l) => l.rowType === 'item');
  const bySource = FINANCING_SOURCES.map(({ id, label }): FinancingBySource => {
    const of = items.filter((l) => l.source === id);
    return {
      source: id,
      label,
      lines: of,
      bfwd: sumOrMissing(of.map((l) => l.bfwd)),
      original: sumOrMissing(of.map((l) => l.original)),
      amendments: sumOrMissing(of.map((l) => l.amendments)),
      revised: sumOrMissing(of.map((l) => l.revised)),
      totalSpend: sumOrMissing(of.map((l) => l.totalSpend)),
      applied: sumOrMissing(of.map((l) => l.applied)),
      transfer: sumOrMissing(of.map((l) => l.transfer)),
    };
  });
  return {
    lines,
    bySource,
    unclassified: items.filter((l) => l.source === null),
    total: [...lines].reverse().find((l) => l.rowType === 'total') ?? null,
    checks,
  };
}
