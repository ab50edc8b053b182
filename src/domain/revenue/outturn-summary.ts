import { formatMillions, roundHalfAwayFromZero } from '../core/money';
import type { OutturnLine } from './outturn-table';

/**
 * One sentence a board member can read instead of the chart, written from the figures:
 * "Outturn £1.79m (1.4%) over budget; largest adverse: Organisational Support £4.39m."
 * Reads the total line (the last total) and the item lines; percentages to one decimal, half away from zero.
 */
export function summariseOutturn(lines: readonly OutturnLine[], noun = 'Outturn'): string {
  const total = [...lines].reverse().find((l) => l.rowType === 'total' && l.variance);
  if (!total?.variance) return `${noun}: no total line to summarise.`;
  const v = total.variance;
  const pct = v.percent === null ? '' : ` (${roundHalfAwayFromZero(v.percent.abs(), 1).toFixed(1)}%)`;
  const position = v.amount.isZero()
    ? `${noun} on budget`
    : `${noun} ${formatMillions(v.amount.abs())}${pct} ${v.amount.isPositive() ? 'over' : 'under'} budget`;
  const items = lines.filter((l) => l.rowType === 'item' && l.variance);
  const worst = (direction: 'adverse' | 'favourable'): OutturnLine | undefined =>
    items
      .filter((l) => l.variance?.direction === direction)
      .sort((a, b) => b.variance!.amount.abs().comparedTo(a.variance!.amount.abs()))[0];
  const adverse = worst('adverse');
  const favourable = worst('favourable');
  const parts = [position];
  if (adverse) parts.push(`largest adverse: ${adverse.label} ${formatMillions(adverse.variance!.amount.abs())}`);
  if (favourable)
    parts.push(`largest favourable: ${favourable.label} ${formatMillions(favourable.variance!.amount.abs())}`);
  return `${parts.join('; ')}.`;
}
