import { roundHalfAwayFromZero, type Money } from '../core/money';
import type { GeneralReserveYear, MtfsProjection } from './mtfs-planner';
import { formatFinancialYear } from '../core/period';

/*
 * The MTFS plan in words: the general reserve's share of the net revenue budget against the policy floor
 * and the 5% line. Percentages to two decimal places, half away from zero (presentation only).
 */

/** A percent number to two decimals: 5.49637 -> "5.50%". */
export function formatPercent2(percent: Money): string {
  return `${roundHalfAwayFromZero(percent, 2).toFixed(2)}%`;
}

const fy = (year: number): string => formatFinancialYear({ startYear: year });

/** Where one year stands: "above 5%", "below the 3% floor", "within policy". */
export function shareStatus(g: GeneralReserveYear): 'above-five' | 'below-floor' | 'within' | 'no-budget' {
  if (g.percent === null) return 'no-budget';
  if (g.belowFloor) return 'below-floor';
  if (g.aboveJustificationLine) return 'above-five';
  return 'within';
}

/** One or two sentences on the general reserve over the plan. */
export function describeGeneralReserve(p: MtfsProjection, floorPercent: Money): string {
  const floor = `the ${roundHalfAwayFromZero(floorPercent, 2).toString()}% policy floor`;
  const parts: string[] = [];
  const b = p.baseline;
  if (b.percent !== null) {
    const where = b.belowFloor
      ? `below ${floor}`
      : b.aboveJustificationLine
        ? 'above the 5% line, where the Home Office expects a justification'
        : `between ${floor} and 5%`;
    parts.push(
      `The general reserve was ${formatPercent2(b.percent)} of the net revenue budget in ${fy(b.year)}, ${where}.`,
    );
  }
  const below = p.general.find((g) => g.belowFloor);
  const above = p.general.filter((g) => g.aboveJustificationLine).map((g) => fy(g.year));
  const last = p.general[p.general.length - 1];
  if (below)
    parts.push(`On this plan it falls below ${floor} in ${fy(below.year)} (${formatPercent2(below.percent!)}).`);
  else if (last?.percent)
    parts.push(
      `On this plan it stays at or above ${floor} to ${fy(last.year)}, ending at ${formatPercent2(last.percent)}.`,
    );
  if (above.length > 0) parts.push(`It is above 5% in ${above.join(', ')}.`);
  if (parts.length === 0) parts.push('No net revenue budget is given, so the share cannot be worked out.');
  return parts.join(' ');
}
