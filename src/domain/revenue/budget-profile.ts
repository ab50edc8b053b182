import { Money, ZERO, sum } from '../core/money';
import { MONTHLY_PERIODS } from '../core/period';

/*
 * The budget to date: how much of a line's annual budget should have been spent by the end of a month.
 *
 * A budget row with no period is an annual figure, profiled in even twelfths: after P3, 3/12 of it. A row
 * with a period is a phased budget: it falls wholly in that period (a loaded monthly phasing is twelve
 * such rows; a carry-forward drawn in April is one row in P1). A line may have both: its phased rows count
 * as they fall and its annual rows evenly. Adjustment periods (P13-P16) count only once the year is
 * closed, at P12.
 *
 * Exact: annual x months / 12 is one multiplication and one division at Money's 40 significant digits,
 * never a sum of rounded twelfths, so that P12 gives back the annual figure to the penny. Rounding is left
 * to presentation.
 */

export interface BudgetRow {
  /** Pounds, exact. */
  amount: Money;
  /** 1..16 for a phased row; null for an annual figure (even twelfths). */
  period: number | null;
}

export type BudgetProfile = 'even' | 'phased' | 'mixed';

const TWELVE = new Money(MONTHLY_PERIODS);

/** The line's budget for the whole year: every row, phased or not. Pounds, exact. */
export function annualBudget(rows: readonly BudgetRow[]): Money {
  return sum(rows.map((r) => r.amount));
}

/**
 * Budget to date after `closedThrough` (0 = nothing closed .. 12 = the year closed), in pounds, exact.
 * Annual rows: amount x closedThrough / 12. Phased rows: in full if their period is closed (P13+ only at 12).
 */
export function budgetToDate(rows: readonly BudgetRow[], closedThrough: number): Money {
  const months = Math.max(0, Math.min(closedThrough, MONTHLY_PERIODS));
  let annual = ZERO;
  let phased = ZERO;
  for (const r of rows) {
    if (r.period === null) annual = annual.plus(r.amount);
    else if (r.period <= months || (months === MONTHLY_PERIODS && r.period > MONTHLY_PERIODS))
      phased = phased.plus(r.amount);
  }
  // No annual rows (a line the ledger alone has, the most of a big ledger's): nothing to share out by month.
  return annual.isZero() ? phased : annual.times(months).dividedBy(TWELVE).plus(phased);
}

/** How a set of budget rows is profiled, for saying so on screen. */
export function profileOf(rows: readonly BudgetRow[]): BudgetProfile {
  const phased = rows.some((r) => r.period !== null);
  const even = rows.some((r) => r.period === null);
  return phased && even ? 'mixed' : phased ? 'phased' : 'even';
}
