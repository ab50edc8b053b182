import type { ForecastBridge } from '../../domain/revenue/forecast-history';
import type { Money } from '../../domain/core/money';
import { niceTicks } from '../../components/chart-axis';
import type { ShownFigures } from '../../domain/revenue/monitoring-tables';
import { tableOneAreas, type RevenueMonitor } from '../../domain/revenue/revenue-model';

export interface WaterfallInput {
  startLabel: string;
  /** Whole £'000, as shown in the table beside the chart: start + every change = end. */
  start: Money;
  steps: readonly { label: string; change: Money }[];
  endLabel: string;
  end: Money;
}

export interface WaterfallPoint {
  label: string;
  /** The bar's bottom and top, £'000 (numbers for drawing only). */
  range: [number, number];
  /** The step's change, or the total for the first and last bars. */
  value: number;
  kind: 'total' | 'increase' | 'decrease';
}

export interface WaterfallChart {
  points: WaterfallPoint[];
  /** The value axis. When the steps are small against the totals it does not start at zero, and says so. */
  domain: [number, number];
  /** Round, evenly spaced ticks from the axis's start to its end. */
  ticks: number[];
  axisFromZero: boolean;
}

/** A rounded-down "nice" figure: 129,234 with a step of 1,000 gives 129,000. */
function niceFloor(value: number, span: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(span, 1))));
  return Math.floor(value / step) * step;
}
function niceCeil(value: number, span: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(span, 1))));
  return Math.ceil(value / step) * step;
}

/**
 * Floating bars for a waterfall (a bridge): the start total, each change from where the last one ended,
 * and the end total. Drawn as ranged bars, so the invisible base of a stacked chart is not needed.
 * When every running total is well away from zero (a £131m budget moved by a few £m), the axis starts
 * just below the lowest running total and the total bars are drawn from there: otherwise the steps
 * would be a few pixels high.
 */
export function toWaterfall(input: WaterfallInput): WaterfallChart {
  const n = (m: Money): number => Number(m.toString());
  let running = n(input.start);
  const levels = [running];
  const steps = input.steps.map((s) => {
    const from = running;
    running += n(s.change);
    levels.push(running);
    return { label: s.label, from, to: running, change: n(s.change) };
  });
  const end = n(input.end);
  levels.push(end);
  const lo = Math.min(...levels);
  const hi = Math.max(...levels);
  const span = hi - lo;
  const farFromZero = lo > 0 && span < lo / 2;
  const floor = farFromZero ? niceFloor(lo - span * 0.25, span) : Math.min(0, niceFloor(lo, span));
  const ceiling = farFromZero ? niceCeil(hi + span * 0.1, span) : Math.max(0, niceCeil(hi, span));
  const ticks = niceTicks(floor, ceiling);
  const base = farFromZero ? ticks[0]! : 0;
  const points: WaterfallPoint[] = [
    { label: input.startLabel, range: [base, n(input.start)], value: n(input.start), kind: 'total' },
    ...steps.map((s): WaterfallPoint => ({
      label: s.label,
      range: [Math.min(s.from, s.to), Math.max(s.from, s.to)],
      value: s.change,
      kind: s.change >= 0 ? 'increase' : 'decrease',
    })),
    { label: input.endLabel, range: [base, end], value: end, kind: 'total' },
  ];
  return { points, domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks, axisFromZero: !farFromZero };
}

/** Budget to forecast outturn: the Table 1 budget, each area's forecast variance, the forecast (shown £'000). null without a forecast. */
export function toBudgetForecastWaterfall(
  model: RevenueMonitor,
  shown: ReadonlyMap<string, ShownFigures>,
): WaterfallChart | null {
  const total = shown.get(model.root.id);
  if (!total || total.forecast === null) return null;
  const steps = tableOneAreas(model).flatMap((a) => {
    const change = shown.get(a.id)?.forecastVariance;
    return change && !change.isZero() ? [{ label: a.fullLabel, change }] : [];
  });
  return toWaterfall({
    startLabel: 'Budget',
    start: total.budget,
    steps,
    endLabel: 'Forecast outturn',
    end: total.forecast,
  });
}

/** The bridge between two months' forecasts, from a bridge built on shown £'000 figures. */
export function toBridgeWaterfall(bridge: ForecastBridge): WaterfallChart {
  return toWaterfall({
    startLabel: `P${bridge.from} forecast`,
    start: bridge.start,
    steps: bridge.steps.map((s) => ({ label: s.label, change: s.change })),
    endLabel: `P${bridge.to} forecast`,
    end: bridge.end,
  });
}
