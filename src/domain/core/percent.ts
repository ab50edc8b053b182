import type { Money } from './money';
import { roundHalfAwayFromZero, HUNDRED } from './money';

/**
 * part / whole x 100, exact to the Money precision (no presentation rounding). null when either is
 * missing or the whole is nil: a share of nothing is not a number, and a missing figure is never zero.
 */
export function percentOf(part: Money | null, whole: Money | null): Money | null {
  if (part === null || whole === null || whole.isZero()) return null;
  // Multiply first so that the only rounding is the one division, at 40 significant digits.
  return part.times(HUNDRED).dividedBy(whole);
}

/** A percent number as the papers print it: "66.8%", half away from zero to `decimals` places; "n/a" for null. */
export function formatPercent(value: Money | null, decimals = 1): string {
  if (value === null) return 'n/a';
  return `${roundHalfAwayFromZero(value, decimals).toFixed(decimals)}%`;
}

/**
 * A signed percent number with negatives in brackets, as the tables print amounts: -0.08 -> "(0.08)%",
 * 2.5 -> "2.5%": half away from zero to at most `decimals` places, no trailing zeros. For differences, where the sign
 * matters (a variance % is printed unsigned instead).
 */
export function formatSignedPercent(value: Money, decimals = 2): string {
  const r = roundHalfAwayFromZero(value, decimals);
  const body = r.abs().toString();
  return r.isNegative() ? `(${body})%` : `${body}%`;
}
