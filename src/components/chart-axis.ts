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

/**
 * Round, evenly spaced ticks covering [lo, hi]: a step of 1, 2 or 5 times a power of ten giving at most
 * `most` intervals, first tick at or below lo and last at or above hi. 128,000..135,000 -> 128,000, 130,000,
 * ..., 136,000 by 2,000 (never 128,000 / 130,000 / 132,000 / 135,000). Drawing only: plain numbers.
 */
export function niceTicks(lo: number, hi: number, most = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / most;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let t = first; t < hi + step; t += step) {
    ticks.push(Math.round(t / power) * power);
    if (t >= hi) break;
  }
  return ticks;
}
