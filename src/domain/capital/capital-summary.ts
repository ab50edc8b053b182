import type { CapitalProgramme } from './capital-programme';
import { formatMillions } from '../core/money';
import { formatPercent } from '../core/percent';

/**
 * One sentence a board member can read instead of the budget-against-outturn chart, from the figures:
 * "Capital outturn £5.70m against a revised budget of £11.45m: 49.8% spent; least spent: Schemes
 * approved subject to further business case (0.0%); most: Fleet (81.8%)." £m to two decimals and
 * percentages to one, both half away from zero.
 */
export function summariseCapitalSpend(programme: CapitalProgramme): string {
  const total = programme.categoryTotal;
  if (!total || total.outturn === null || total.revised === null) return 'Capital outturn: no total to summarise.';
  const parts = [
    `Capital outturn ${formatMillions(total.outturn)} against a revised budget of ${formatMillions(total.revised)}: ${formatPercent(total.percentSpent)} spent`,
  ];
  const ranked = programme.categories
    .filter((c) => c.percentSpent !== null)
    .sort((a, b) => a.percentSpent!.comparedTo(b.percentSpent!));
  const least = ranked[0];
  const most = ranked[ranked.length - 1];
  if (least && most && least !== most) {
    parts.push(`least spent: ${least.label} (${formatPercent(least.percentSpent)})`);
    parts.push(`most: ${most.label} (${formatPercent(most.percentSpent)})`);
  }
  return `${parts.join('; ')}.`;
}
