import type { Money } from '../../domain/core/money';
import { formatPounds, formatWholeThousands, HUNDRED } from '../../domain/core/money';

/*
 * How monitoring figures are written: the board's tables in £'000 as the papers print them (brackets for
 * negatives, "-" for nil), the officers' lines in pounds and pence. The figures arrive already rounded
 * (whole £'000 or whole pence, casting): these functions only write them.
 */

export type Unit = 'thousands' | 'pence';

/** A shown figure in its unit, written; null is said in words, never shown as nil. */
export function writeShown(value: Money | null, unit: Unit, missing = 'no figure'): string {
  if (value === null) return missing;
  // In a table whose header says "£", the sign is left off each figure, as the papers do for £'000.
  return unit === 'thousands'
    ? formatWholeThousands(value)
    : formatPounds(value.dividedBy(HUNDRED), { zero: '£0.00' }).replace('£', '');
}

export const UNIT_LABEL: Record<Unit, string> = { thousands: "£'000", pence: '£' };
