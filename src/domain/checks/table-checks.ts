import { checkTable, type CastingRule, type CheckResult, type Term } from './casting';
import type { Money } from '../core/money';
import { THOUSAND } from '../core/money';
import { inferTotalRules, keyOf, type RowType } from './table-rows';

/*
 * Casting checks for a table read from a file: the totals its layout implies (or explicit ones) and
 * the column formulas its headers name, applied to every row. Column formulas are found by header
 * patterns so that a re-export with slightly different headings is checked the same way.
 */

export interface CheckableColumn {
  header: string;
  kind: string;
}

export interface CheckableRow {
  line: number;
  label: string;
  group: string;
  rowType: RowType;
  values: Readonly<Record<string, Money | null>>;
}

export interface CheckableTable {
  name: string;
  columns: readonly CheckableColumn[];
  rows: readonly CheckableRow[];
  /** The header of each column its import mapped, by canonical key (src/import/printed-table.ts), where imported. */
  mapped?: Readonly<Record<string, string>>;
}

export interface FormulaSpec {
  id: string;
  description: string;
  /**
   * Each column by the paper's heading, and (`key`, `targetKey`) by the canonical column a file's import maps to
   * it: a file of the user's own ("Balance c/fwd") is checked by what its columns were mapped to.
   */
  target: RegExp;
  targetKey?: string;
  terms: readonly { column: RegExp; sign: 1 | -1; key?: string }[];
  /** Which rows the formula binds; all by default. */
  rows?: (row: CheckableRow) => boolean;
}

export interface PercentageSpec {
  id: string;
  description: string;
  target: RegExp;
  numerator: RegExp;
  denominator: RegExp;
  absolute?: boolean;
}

export interface TotalSpec {
  id: string;
  description: string;
  /** The row (by key) that holds the total, and the rows (by key, signed) that add to it. */
  total: string;
  parts: readonly (string | Term)[];
}

export interface TableSpec {
  id: string;
  title: string;
  /** Totals: read from the layout (subtotals and totals), or listed where the layout does not say. */
  totals: 'layout' | readonly TotalSpec[];
  /** Amount columns whose totals are not meant to add (e.g. a percentage printed in an amount column). */
  skipTotalColumns?: RegExp;
  formulas?: readonly FormulaSpec[];
  percentages?: readonly PercentageSpec[];
  /** The unit of the printed figures in pounds: 1000 for £'000 (default). */
  printedUnit?: Money;
}

export interface TableChecks {
  spec: TableSpec;
  /** Row keys in table order, with their labels and file lines, for the links from a check to its rows. */
  rows: { key: string; label: string; line: number }[];
  checks: CheckResult[];
  /** Formulas whose columns the file does not have. */
  unmatched: string[];
}

/** Unique keys from labels: a repeated label gets -2, -3 (Appendix 3 repeats "Total" per section). */
export function rowKeys(rows: readonly { label: string; group: string; line: number }[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = keyOf(r.label) || `line-${r.line}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** The amount column a table's import mapped to canonical `key`, where it was imported with a mapping. */
export function mappedAmountHeader(table: CheckableTable, key: string): string | undefined {
  const header = table.mapped?.[key];
  return header !== undefined && table.columns.some((c) => c.kind === 'amount' && c.header === header)
    ? header
    : undefined;
}

export function checkPrintedTable(spec: TableSpec, table: CheckableTable): TableChecks {
  const keys = rowKeys(table.rows);
  const header = (pattern: RegExp, key?: string): string | undefined =>
    (key === undefined ? undefined : mappedAmountHeader(table, key)) ??
    table.columns.find((c) => pattern.test(c.header))?.header;
  const amountColumns = table.columns
    .filter((c) => c.kind === 'amount' && !(spec.skipTotalColumns?.test(c.header) ?? false))
    .map((c) => c.header);
  const unmatched: string[] = [];
  const rules: CastingRule[] = [];

  if (spec.totals === 'layout') {
    rules.push(
      ...inferTotalRules(
        spec.id,
        table.rows.map((r, i) => ({ key: keys[i]!, rowType: r.rowType })),
        amountColumns,
      ),
    );
  } else {
    for (const t of spec.totals) {
      rules.push({
        kind: 'total',
        id: `${spec.id}.${t.id}`,
        description: t.description,
        total: t.total,
        parts: t.parts,
        columns: amountColumns,
      });
    }
  }
  for (const f of spec.formulas ?? []) {
    const target = header(f.target, f.targetKey);
    const terms = f.terms.map((t) => ({ ref: header(t.column, t.key), sign: t.sign }));
    if (!target || terms.some((t) => !t.ref)) {
      unmatched.push(f.description);
      continue;
    }
    rules.push({
      kind: 'formula',
      id: `${spec.id}.${f.id}`,
      description: f.description,
      target,
      terms: terms.map((t) => ({ ref: t.ref!, sign: t.sign })),
      rows: table.rows.flatMap((r, i) => (f.rows === undefined || f.rows(r) ? [keys[i]!] : [])),
    });
  }
  for (const p of spec.percentages ?? []) {
    const target = header(p.target);
    const numerator = header(p.numerator);
    const denominator = header(p.denominator);
    if (!target || !numerator || !denominator) {
      unmatched.push(p.description);
      continue;
    }
    rules.push({
      kind: 'percentage',
      id: `${spec.id}.${p.id}`,
      description: p.description,
      target,
      numerator,
      denominator,
      absolute: p.absolute,
      // Only rows that print a percentage are checked: a blank there is not a claim.
      rows: table.rows.flatMap((r, i) =>
        r.values[target] === null || r.values[target] === undefined ? [] : [keys[i]!],
      ),
    });
  }

  const checks = checkTable(
    {
      id: spec.id,
      title: spec.title,
      printedUnit: spec.printedUnit ?? THOUSAND,
      rows: table.rows.map((r, i) => ({ key: keys[i]!, label: r.label, values: r.values })),
    },
    rules,
  );
  return { spec, rows: table.rows.map((r, i) => ({ key: keys[i]!, label: r.label, line: r.line })), checks, unmatched };
}
