import { Money, ZERO, sum, HUNDRED } from '../core/money';

/*
 * The casting checker: does a table add up? Given a table's rows and the formulas that bind it (rows to
 * their totals, and column formulas such as Revised = B/Fwd + Original + Amendments), it returns one
 * result per check: pass, a rounding difference (the printed figures were each rounded, so their sum may
 * be off by up to half a unit per term), a failure with its amount, or incomplete (a term is missing,
 * so the check cannot be made: a missing figure is never read as zero). A blank where the result would be
 * printed is no claim, and yields no check.
 */

export type CheckStatus = 'pass' | 'rounding' | 'fail' | 'incomplete';

export interface CastingRow {
  key: string;
  label: string;
  /** Amounts in pounds (exact); percentages as percent numbers (66.8 for 66.8%); null when not given. */
  values: Readonly<Record<string, Money | null | undefined>>;
}

export interface CastingTable {
  id: string;
  title: string;
  /**
   * The unit the figures were printed in, in pounds: 1000 for a table in £'000, 0.01 for one in pence.
   * Each printed figure may be off its true value by half of this, which is what makes a difference a
   * rounding difference rather than a failure.
   */
  printedUnit: Money;
  rows: readonly CastingRow[];
}

export interface Term {
  /** A column (in a formula across a row) or a row key (in a total down a column). */
  ref: string;
  sign: 1 | -1;
}

export type CastingRule =
  /** Down a column: total row = sum of signed part rows, checked in each listed column. */
  | {
      kind: 'total';
      id: string;
      description: string;
      total: string;
      parts: readonly (string | Term)[];
      columns: readonly string[];
    }
  /** Across a row: target column = sum of signed term columns, checked in each listed row. */
  | {
      kind: 'formula';
      id: string;
      description: string;
      target: string;
      terms: readonly (string | Term)[];
      rows: readonly string[];
    }
  /**
   * A percentage: target = numerator / denominator x 100, printed to some decimals. Checked by interval:
   * pass if it equals the printed figures' ratio at the printed precision, rounding if some true values
   * within half a unit of the printed ones give it, failure otherwise. `absolute` compares magnitudes
   * (the papers print variance percentages without a sign).
   */
  | {
      kind: 'percentage';
      id: string;
      description: string;
      target: string;
      numerator: string;
      denominator: string;
      rows: readonly string[];
      absolute?: boolean;
    };

export interface CheckResult {
  /** Stable id: rule id, then row or column key. */
  id: string;
  ruleId: string;
  kind: CastingRule['kind'];
  table: string;
  description: string;
  row: string;
  column: string;
  /** The figure as printed (pounds, or a percent number). */
  printed: Money | null;
  /** The figure worked out from its terms as printed. */
  computed: Money | null;
  /** printed - computed. */
  difference: Money | null;
  /** The largest difference that the rounding of the printed terms can explain. */
  tolerance: Money;
  status: CheckStatus;
  /** Rows (keys) whose figures the check reads: what a "show me" link opens. */
  rowKeys: string[];
  /** What made an incomplete check incomplete. */
  missing: string[];
}

const asTerm = (t: string | Term): Term => (typeof t === 'string' ? { ref: t, sign: 1 } : t);
const HALF = new Money('0.5');

/**
 * The status rule of every check: a difference of nil is a pass; one within the tolerance (what the rounding
 * of the printed figures can explain) is a rounding difference; anything more is a failure.
 */
export function classify(difference: Money, tolerance: Money): CheckStatus {
  if (difference.isZero()) return 'pass';
  return difference.abs().lte(tolerance) ? 'rounding' : 'fail';
}

/** Runs every rule over the table and returns one result per row or column checked. Pure; never throws. */
export function checkTable(table: CastingTable, rules: readonly CastingRule[]): CheckResult[] {
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  const cell = (row: string, column: string): Money | null => byKey.get(row)?.values[column] ?? null;
  const halfUnit = table.printedUnit.times(HALF);
  const results: CheckResult[] = [];

  const sumCheck = (
    rule: CastingRule,
    row: string,
    column: string,
    printedAt: [string, string],
    terms: { at: [string, string]; sign: 1 | -1; name: string }[],
    rowKeys: string[],
  ): CheckResult | null => {
    const printed = cell(...printedAt);
    // A blank where a total or a formula's result would be printed is no claim, so there is nothing to check.
    if (printed === null) return null;
    // A total with no rows above it (a section whose detail pages are missing) cannot be checked.
    const termsMissing =
      terms.length === 0
        ? ['its item rows are not in the table']
        : terms.filter((t) => cell(...t.at) === null).map((t) => t.name);
    const missing = termsMissing;
    const computed = termsMissing.length === 0 ? sum(terms.map((t) => (cell(...t.at) ?? ZERO).times(t.sign))) : null;
    // n printed terms and one printed total, each up to half a unit off.
    const tolerance = halfUnit.times(terms.length + 1);
    const difference = computed !== null ? printed.minus(computed) : null;
    return {
      id: `${rule.id}.${rule.kind === 'total' ? column : row}`,
      ruleId: rule.id,
      kind: rule.kind,
      table: table.id,
      description: rule.description,
      row,
      column,
      printed,
      computed,
      difference,
      tolerance,
      status: difference === null ? 'incomplete' : classify(difference, tolerance),
      rowKeys,
      missing,
    };
  };

  const push = (r: CheckResult | null): void => {
    if (r) results.push(r);
  };
  for (const rule of rules) {
    if (rule.kind === 'total') {
      const parts = rule.parts.map(asTerm);
      for (const column of rule.columns) {
        push(
          sumCheck(
            rule,
            rule.total,
            column,
            [rule.total, column],
            parts.map((p) => ({ at: [p.ref, column], sign: p.sign, name: `${p.ref} / ${column}` })),
            [...parts.map((p) => p.ref), rule.total],
          ),
        );
      }
    } else if (rule.kind === 'formula') {
      const terms = rule.terms.map(asTerm);
      for (const row of rule.rows) {
        push(
          sumCheck(
            rule,
            row,
            rule.target,
            [row, rule.target],
            terms.map((t) => ({ at: [row, t.ref], sign: t.sign, name: `${row} / ${t.ref}` })),
            [row],
          ),
        );
      }
    } else {
      for (const row of rule.rows) push(percentageCheck(table, rule, row, cell, halfUnit));
    }
  }
  return results;
}

function percentageCheck(
  table: CastingTable,
  rule: Extract<CastingRule, { kind: 'percentage' }>,
  row: string,
  cell: (row: string, column: string) => Money | null,
  halfUnit: Money,
): CheckResult | null {
  const printed = cell(row, rule.target);
  const numerator = cell(row, rule.numerator);
  const denominator = cell(row, rule.denominator);
  if (printed === null) return null;
  const missing = [
    numerator === null ? `${row} / ${rule.numerator}` : null,
    denominator === null ? `${row} / ${rule.denominator}` : null,
  ].filter((m): m is string => m !== null);
  const base = {
    id: `${rule.id}.${row}`,
    ruleId: rule.id,
    kind: rule.kind,
    table: table.id,
    description: rule.description,
    row,
    column: rule.target,
    printed,
    rowKeys: [row],
    missing,
  };
  if (numerator === null || denominator === null || denominator.isZero()) {
    if (denominator?.isZero())
      missing.push(`${row} / ${rule.denominator} is nil, so no percentage follows from the figures`);
    return { ...base, computed: null, difference: null, tolerance: ZERO, status: 'incomplete' };
  }
  const adjust = (v: Money): Money => (rule.absolute ? v.abs() : v);
  const computed = adjust(numerator.dividedBy(denominator).times(HUNDRED));
  // The printed percentage carries as many decimals as it shows; half of its last place is its own rounding.
  const decimals = printed.decimalPlaces();
  const printedHalf = new Money(10).pow(-decimals).times(HALF);
  const difference = printed.minus(computed);
  // The range of ratios that true figures within half a printed unit of each term could give.
  const ratios = [numerator.minus(halfUnit), numerator.plus(halfUnit)].flatMap((n) =>
    [denominator.minus(halfUnit), denominator.plus(halfUnit)]
      .filter((d) => !d.isZero() && d.isNegative() === denominator.isNegative())
      .map((d) => adjust(n.dividedBy(d).times(HUNDRED))),
  );
  const low = Money.min(computed, ...ratios).minus(printedHalf);
  const high = Money.max(computed, ...ratios).plus(printedHalf);
  const tolerance = Money.max(high.minus(computed), computed.minus(low));
  let status: CheckStatus;
  if (difference.abs().lte(printedHalf)) status = 'pass';
  else if (printed.gte(low) && printed.lte(high)) status = 'rounding';
  else status = 'fail';
  return { ...base, computed, difference, tolerance, status };
}

/** Counts of results by status, for summaries ("41 pass, 6 rounding, 2 fail"). */
export function countByStatus(results: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, rounding: 0, fail: 0, incomplete: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
