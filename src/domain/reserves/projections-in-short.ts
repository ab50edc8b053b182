import { roundHalfAwayFromZero, type Money } from '../core/money';
import { formatFinancialYear } from '../core/period';
import type { MtfsProjection } from './mtfs-planner';
import type { CaseId, CaseProjection } from './road-casualty-reserve';
import { formatK } from './road-casualty-summary';

/*
 * The CFO's question, "how long does it last?", answered in one sentence per model for the top of the
 * Projections page: each model's own sentences say the same at length beside its chart, a screen or more down.
 * The Road Casualty Reserve counts the earmarked items (the paper's way); the MTFS plan names every reserve that
 * runs out and where the general reserve stands against the policy floor. Amounts £k and percentages as the
 * models' own sentences round them (half away from zero, presentation only).
 */

const fy = (year: number): string => formatFinancialYear({ startYear: year });

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** "with no new inflow", "in the low case", "with no new inflow and in the low and central cases". */
function caseWords(ids: readonly CaseId[]): string {
  const named = ids.filter((id) => id !== 'none');
  const parts: string[] = [];
  if (ids.includes('none')) parts.push('with no new inflow');
  if (named.length > 0) parts.push(`in the ${listed(named)} case${named.length > 1 ? 's' : ''}`);
  return parts.join(' and ');
}

/**
 * "Road Casualty Reserve, counting the earmarked items, against a £145k floor: with no new inflow it falls below
 * the floor in 2021/22 and below zero in 2022/23; in the low, central and high cases it stays at or above the
 * floor to 2023/24."
 */
export function roadCasualtyInShort(projections: readonly CaseProjection[], floor: Money): string {
  const cases = projections.filter((p) => p.includeEarmarked);
  const end = cases[0]?.years.at(-1)?.year;
  const lead = `Road Casualty Reserve, counting the earmarked items, against a ${formatK(floor)} floor`;
  if (end === undefined) return `${lead}: there is nothing to project.`;
  const phrases = cases
    .filter((c) => c.firstBelowFloor !== null)
    .map((c) => {
      const zero =
        c.firstBelowZero === null
          ? ''
          : c.firstBelowZero === c.firstBelowFloor
            ? ' and below zero the same year'
            : ` and below zero in ${fy(c.firstBelowZero)}`;
      return `${caseWords([c.caseId])} it falls below the floor in ${fy(c.firstBelowFloor!)}${zero}`;
    });
  const lasting = cases.filter((c) => c.firstBelowFloor === null).map((c) => c.caseId);
  if (lasting.length === cases.length)
    phrases.push(`it stays at or above the floor to ${fy(end)} in every case, even with no new inflow`);
  else if (lasting.length > 0) phrases.push(`${caseWords(lasting)} it stays at or above the floor to ${fy(end)}`);
  return `${lead}: ${phrases.join('; ')}.`;
}

/**
 * "MTFS plan, 2019/20 to 2022/23: all 12 reserves last to 2022/23; the general reserve stays at or above the 3%
 * policy floor (5.38% of the net revenue budget in 2022/23)."
 */
export function mtfsInShort(p: MtfsProjection, floorPercent: Money): string {
  const first = p.years[0];
  const last = p.years.at(-1);
  if (first === undefined || last === undefined) return 'MTFS plan: no years are planned.';
  const out = p.reserves
    .filter((r) => r.runsOut !== null)
    .sort((a, b) => a.runsOut! - b.runsOut! || a.reserve.label.localeCompare(b.reserve.label));
  const rest = p.reserves.length - out.length;
  const reserves =
    out.length === 0
      ? `all ${p.reserves.length} reserves last to ${fy(last)}`
      : listed(out.map((r) => `${r.reserve.label} runs out in ${fy(r.runsOut!)}`)) +
        (rest === 0 ? '' : ` (the other ${rest} last to ${fy(last)})`);
  const floor = `the ${roundHalfAwayFromZero(floorPercent, 2).toString()}% policy floor`;
  const below = p.general.find((g) => g.belowFloor);
  const end = p.general.at(-1);
  const general = below
    ? `the general reserve falls below ${floor} in ${fy(below.year)}`
    : end?.percent
      ? `the general reserve stays at or above ${floor} (${roundHalfAwayFromZero(end.percent, 2).toFixed(2)}% of the net revenue budget in ${fy(end.year)})`
      : 'no net revenue budget is given, so the general reserve’s share of it is not worked out';
  return `MTFS plan, ${fy(first)} to ${fy(last)}: ${reserves}; ${general}.`;
}
