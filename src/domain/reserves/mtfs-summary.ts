import { roundHalfAwayFromZero, type Money } from '../core/money';
import type { GeneralReserveYear, MtfsProjection, ReservePlan } from './mtfs-planner';
import { formatFinancialYear } from '../core/period';
import { formatK } from './road-casualty-summary';

/*
 * The MTFS plan in words: the general reserve's share of the net revenue budget against the policy floor
 * and the 5% line. Percentages to two decimal places, half away from zero (presentation only).
 */

/** A percent number to two decimals, a negative in brackets as the papers print it: 5.49637 -> "5.50%"; -9.78 -> "(9.78%)". */
export function formatPercent2(percent: Money): string {
  const rounded = roundHalfAwayFromZero(percent, 2);
  const text = `${rounded.abs().toFixed(2)}%`;
  return rounded.isNegative() && !rounded.isZero() ? `(${text})` : text;
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
  const out = p.generalRunsOut;
  const outYear = p.general.find((g) => g.year === out);
  if (outYear)
    parts.push(`It runs out in ${fy(outYear.year)}: ${formatK(outYear.closing)} at 31 March ${outYear.year + 1}.`);
  else if (last) parts.push(`It does not run out by ${fy(last.year)}.`);
  if (parts.length === 0) parts.push('No net revenue budget is given, so the share cannot be worked out.');
  return parts.join(' ');
}

/** One reserve's run-out on the plan, in a few words for its row: "Runs out in 2021/22"; "Lasts to 2028/29". */
export function runOutText(plan: ReservePlan, lastYear: number): string {
  return plan.runsOut === null ? `Lasts to ${fy(lastYear)}` : `Runs out in ${fy(plan.runsOut)}`;
}

/**
 * The plan in words: which reserves run out and when (earliest first), with the balance they reach, and
 * that the rest last the plan. Amounts £k, half away from zero; negatives in brackets.
 */
export function describeRunOuts(p: MtfsProjection): string {
  const last = p.years[p.years.length - 1];
  if (last === undefined) return 'No years are planned.';
  const out = p.reserves
    .filter((r) => r.runsOut !== null)
    .sort((a, b) => a.runsOut! - b.runsOut! || a.reserve.label.localeCompare(b.reserve.label));
  if (out.length === 0) return `On this plan every reserve lasts to ${fy(last)}.`;
  const phrases = out.map((r) => {
    const row = r.years.find((y) => y.year === r.runsOut)!;
    return `${r.reserve.label} in ${fy(r.runsOut!)}, with ${formatK(row.closing)} at 31 March ${r.runsOut! + 1}`;
  });
  const list = phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join('; ')}; and ${phrases.at(-1)!}`;
  const rest = p.reserves.length - out.length;
  const restText =
    rest === 0 ? '' : ` The other ${rest === 1 ? 'reserve lasts' : `${rest} reserves last`} to ${fy(last)}.`;
  return `On this plan ${out.length === 1 ? 'one reserve runs' : `${out.length} reserves run`} out: ${list}.${restText}`;
}
