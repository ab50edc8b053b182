import { formatMillions, roundHalfAwayFromZero, sum } from '../core/money';
import { variance, type Variance } from '../checks/variance';
import type { OutturnLine } from './outturn-table';

/**
 * The position the sentence states: what the item lines add to (budget and outturn summed exactly), so that
 * it is the same figure wherever the year is stated, whatever a printed total says; the total line only when
 * no item has both figures.
 */
function positionOf(lines: readonly OutturnLine[]): Variance | null {
  const items = lines.filter((l) => l.rowType === 'item' && l.budget !== null && l.outturn !== null);
  if (items.length > 0)
    return variance(sum(items.map((l) => l.budget!)), sum(items.map((l) => l.outturn!)), 'expenditure');
  return [...lines].reverse().find((l) => l.rowType === 'total' && l.variance)?.variance ?? null;
}

/**
 * One sentence a board member can read instead of the chart, written from the figures:
 * "Outturn £1.79m (1.4%) over budget; largest adverse: Organisational Support £4.39m."
 * The position is what the item lines add to (see positionOf); percentages to one decimal, half away from zero.
 */
export function summariseOutturn(lines: readonly OutturnLine[], noun = 'Outturn'): string {
  const v = positionOf(lines);
  if (!v) return `${noun}: no total line to summarise.`;
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
