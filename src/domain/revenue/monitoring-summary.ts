import type { ForecastBridge, ForecastHistory } from './forecast-history';
import { ZERO, formatMillions, roundHalfAwayFromZero, sum, type Money } from '../core/money';
import { tableOneAreas, type MonitoringNode, type RevenueMonitor } from './revenue-model';
import type { Variance } from '../checks/variance';

/*
 * One sentence per chart, written from the figures, for a reader who cannot or does not look at the
 * chart: "Forecast outturn £1.78m (1.4%) over budget; largest adverse: Organisational Support £4.39m."
 * Pounds as £m to two decimals and percentages to one, both half away from zero.
 */

const pct = (v: Variance): string =>
  v.percent === null ? '' : ` (${roundHalfAwayFromZero(v.percent.abs(), 1).toFixed(1)}%)`;
const m = (amount: Money): string => formatMillions(amount.abs());

function largest(areas: readonly MonitoringNode[], direction: 'adverse' | 'favourable'): MonitoringNode | undefined {
  return areas
    .filter((a) => a.forecastVariance?.direction === direction)
    .sort((a, b) => b.forecastVariance!.amount.abs().comparedTo(a.forecastVariance!.amount.abs()))[0];
}

/** Budget against forecast outturn: the position and the largest adverse and favourable areas. */
export function summariseForecast(model: RevenueMonitor): string {
  const v = model.root.forecastVariance;
  if (!v) return `No forecast outturn for P${model.month}: no monitoring return is loaded for it.`;
  const position = v.amount.isZero()
    ? 'Forecast outturn on budget'
    : `Forecast outturn ${m(v.amount)}${pct(v)} ${v.amount.isPositive() ? 'over' : 'under'} budget`;
  const areas = tableOneAreas(model);
  const adverse = largest(areas, 'adverse');
  const favourable = largest(areas, 'favourable');
  const parts = [position];
  if (adverse) parts.push(`largest adverse: ${adverse.fullLabel} ${m(adverse.forecastVariance!.amount)}`);
  if (favourable) parts.push(`largest favourable: ${favourable.fullLabel} ${m(favourable.forecastVariance!.amount)}`);
  return `${parts.join('; ')}.`;
}

/** Variance by area: how many over and under, and the largest each way. */
export function summariseVarianceByArea(model: RevenueMonitor): string {
  const areas = tableOneAreas(model).filter((a) => a.forecastVariance && !a.forecastVariance.amount.isZero());
  if (areas.length === 0) return `No area is forecast away from its budget at P${model.month}.`;
  const over = areas.filter((a) => a.forecastVariance!.amount.isPositive());
  const under = areas.filter((a) => a.forecastVariance!.amount.isNegative());
  const top = (list: MonitoringNode[]) =>
    list.sort((a, b) => b.forecastVariance!.amount.abs().comparedTo(a.forecastVariance!.amount.abs()))[0];
  const parts = [
    `${over.length} ${over.length === 1 ? 'area' : 'areas'} forecast over budget and ${under.length} under`,
  ];
  const o = top(over);
  const u = top(under);
  // The amount follows a comma, never in brackets: in these pages brackets mean a negative figure.
  if (o) parts.push(`the largest overspend is ${o.fullLabel}, ${m(o.forecastVariance!.amount)}`);
  if (u) parts.push(`the largest underspend ${u.fullLabel}, ${m(u.forecastVariance!.amount)}`);
  return `${parts.join('; ')}.`;
}

/** The walk from budget to forecast outturn: what the overspends add and the underspends take off. */
export function summariseWaterfall(model: RevenueMonitor): string {
  const { budget, forecast } = model.root;
  if (!forecast) return `No forecast outturn for P${model.month}.`;
  const changes = tableOneAreas(model).map((a) => a.forecastVariance?.amount ?? ZERO);
  const up = sum(changes.filter((c) => c.isPositive()));
  const down = sum(changes.filter((c) => c.isNegative()));
  return `From a budget of ${m(budget)} to a forecast outturn of ${m(forecast)}: overspends add ${m(up)} and underspends and extra income take off ${m(down)}.`;
}

/** How the year-end forecast moved from the first month to the last. */
export function summariseHistory(history: ForecastHistory): string {
  const points = history.totals.filter((t) => t.variance);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 'No monthly forecasts are loaded.';
  const say = (v: Variance): string =>
    v.amount.isZero() ? 'on budget' : `${m(v.amount)} ${v.amount.isPositive() ? 'over' : 'under'} budget`;
  if (first === last) return `One forecast is loaded: P${first.month}, ${say(first.variance!)}.`;
  return `The year-end forecast moved from ${say(first.variance!)} at P${first.month} to ${say(last.variance!)} at P${last.month}.`;
}

/** What moved the forecast between two months. */
export function summariseBridge(bridge: ForecastBridge): string {
  const change = bridge.end.minus(bridge.start);
  const direction = change.isZero() ? 'did not move' : `${change.isPositive() ? 'rose' : 'fell'} ${m(change)}`;
  const top = [...bridge.steps].sort((a, b) => b.change.abs().comparedTo(a.change.abs()))[0];
  const lead = `From P${bridge.from} to P${bridge.to} the forecast outturn ${direction}`;
  if (!top) return `${lead}.`;
  return `${lead}; the largest movement was ${top.label}, ${top.change.isPositive() ? 'up' : 'down'} ${m(top.change)}.`;
}
