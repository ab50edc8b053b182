import type { Money } from '../core/money';
import { formatThousands, roundHalfAwayFromZero, HUNDRED } from '../core/money';

/*
 * Budget against outturn, as the board papers present it.
 *
 * The sign rule. A variance is outturn minus budget, always. Whether it is good or bad depends on how
 * the line's figures are signed, and the papers sign income as a credit: the Constabulary summary prints
 * Income budget -1,435 and outturn -2,194. The variance is -2,194 - (-1,435) = -759, printed "(759)/ 52.9%",
 * and it is favourable: £759k MORE income than budgeted. On that convention every line is a net cost,
 * so a negative variance lowers net cost (favourable) and a positive one raises it (adverse), for
 * expenditure and income alike.
 *
 * The flip that the design brief describes ("for expenditure a positive variance is adverse, for income it is
 * favourable") holds when income is stored as a positive number (budget 1,435, outturn 2,194, variance
 * +759, favourable). Files differ, so the convention is a named option, not a guess from the signs of the
 * figures (a refund can turn an income line's sign either way). The default is the papers' convention.
 */

export type LineType = 'expenditure' | 'income';
export type VarianceDirection = 'adverse' | 'favourable' | 'on-budget';

/**
 * How income lines are signed in the figures passed in.
 * - 'negative' (default): income as a credit, as the papers print it ("-1,435"). More negative = more income.
 * - 'positive': income as a positive number. More positive = more income.
 * Expenditure is always positive-is-spend.
 */
export type IncomeSign = 'negative' | 'positive';

export interface VarianceOptions {
  incomeSign?: IncomeSign;
}

export interface Variance {
  /** Outturn minus budget, in pounds, exact (no rounding). Signed as the inputs are. */
  readonly amount: Money;
  /**
   * amount / |budget| x 100: a percentage of the budget, exact to the Money precision (40 significant
   * digits, not rounded for presentation). Its sign is the amount's. null when the budget is zero: a
   * variance against nothing has no percentage (the papers print "100%" there, which is a convention,
   * not arithmetic, and would read as "double the budget" anywhere else).
   */
  readonly percent: Money | null;
  readonly direction: VarianceDirection;
}

/**
 * Variance of outturn against budget, both in pounds. Exact: amount + budget = outturn.
 * See the sign rule above for how the direction is decided from the line type and the income sign.
 */
export function variance(budget: Money, outturn: Money, lineType: LineType, options: VarianceOptions = {}): Variance {
  const amount = outturn.minus(budget);
  // Multiply before dividing so the only rounding is the one division, at 40 significant digits.
  const percent = budget.isZero() ? null : amount.times(HUNDRED).dividedBy(budget.abs());
  return { amount, percent, direction: directionOf(amount, lineType, options.incomeSign ?? 'negative') };
}

/**
 * Adverse or favourable for a variance amount (outturn minus budget, any unit) on a line.
 * Only income stored as positive numbers reverses the reading: there, a positive amount is more income.
 */
export function directionOf(amount: Money, lineType: LineType, incomeSign: IncomeSign = 'negative'): VarianceDirection {
  if (amount.isZero()) return 'on-budget';
  const raisesNetCost = lineType === 'income' && incomeSign === 'positive' ? amount.isNegative() : amount.isPositive();
  return raisesNetCost ? 'adverse' : 'favourable';
}

export interface PaperVarianceOptions {
  /** Decimal places of the percentage, rounded half away from zero. Default 1. A whole number >= 0. */
  percentDecimals?: number;
}

/**
 * The papers' presentation "(1,547)/2.1%": the amount in £'000 rounded half away from zero with
 * brackets for a negative (formatThousands, so nil prints "-"), a slash, then the absolute percentage
 * rounded half away from zero to `percentDecimals` (default 1). The percentage is unsigned because the
 * brackets already carry the sign. A null percentage (zero budget) prints "n/a".
 * Throws RangeError if percentDecimals is not a whole number >= 0 (a caller bug, not user data).
 */
export function formatPaperVariance(v: Variance, options: PaperVarianceOptions = {}): string {
  const decimals = options.percentDecimals ?? 1;
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`percentDecimals must be a whole number >= 0, not ${decimals}`);
  }
  return `${formatThousands(v.amount)}/${formatVariancePercent(v, decimals)}`;
}

/** The unsigned percentage of a variance as the papers print it ("2.1%"), half away from zero; "n/a" for a nil budget. */
export function formatVariancePercent(v: Variance, decimals = 1): string {
  if (v.percent === null) return 'n/a';
  return `${roundHalfAwayFromZero(v.percent.abs(), decimals).toFixed(decimals)}%`;
}
