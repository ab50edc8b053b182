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
