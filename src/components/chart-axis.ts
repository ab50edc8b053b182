import { Money, formatWholeThousands } from '../domain/core/money';

/**
 * A £'000 figure on a chart (axis tick, tooltip, the chart's own table) as the papers print it:
 * 1,547 and (1,547). Charts draw with plain numbers, so the number goes back through the one money
 * formatter rather than a second copy of its rules. A tick that rounds to nil reads "0", not the
 * tables' "-": an axis needs its zero.
 */
export const thousandsLabel = (value: number): string => formatWholeThousands(new Money(value), { zero: '0' });

/** A tooltip formatter for £'000 series: recharts hands the value over untyped. */
export const thousandsTooltip = (value: unknown): string => thousandsLabel(Number(value));
