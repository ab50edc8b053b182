import { ZERO, type Money } from '../core/money';
import { shownInThousands } from './monitoring-tables';
import { tableOneAreas, type MonitoringNode, type RevenueMonitor } from './revenue-model';
import { variance, type Variance } from '../checks/variance';

/*
 * How the year-end forecast moved: each monthly return's forecast outturn is kept, so the board can see
 * the forecast month by month (P3 "a predicted year-end underspend", P12 the outturn), and a bridge can
 * explain the movement between any two months area by area.
 *
 * The total is Table 1's (areas below the line, such as the OPCC's transfer to reserves, are left out
 * as Table 1 leaves them out). Every figure is exact; a bridge's steps add exactly from one month's total
 * to the other's.
 */

export interface HistoryArea {
  key: string;
  label: string;
  /** Budget and forecast outturn in each month of `months`, pounds; null where that month has no forecast. */
  budget: (Money | null)[];
  forecast: (Money | null)[];
}

export interface HistoryMonth {
  month: number;
  budget: Money;
  forecast: Money | null;
  variance: Variance | null;
  /** Carry-forward requests included in the forecast (year-end only). */
  carryForward: Money;
}

export interface ForecastHistory {
  months: number[];
  totals: HistoryMonth[];
  areas: HistoryArea[];
}

/** The figures a history is built from: exact pounds by default, or as shown in £'000. */
export type HistoryValues = (
  model: RevenueMonitor,
) => (node: MonitoringNode) => { budget: Money; forecast: Money | null; carryForward: Money };

const exact: HistoryValues = () => (n) => ({ budget: n.budget, forecast: n.forecast, carryForward: n.carryForward });

/** As the tables show them: whole £'000, casting (so a bridge built on them adds up on screen). */
export const inThousands: HistoryValues = (model) => {
  // Areas and the total only (a big ledger's every line, rounded for each month, took most of a second).
  const shown = shownInThousands(model, [], 'area');
  return (n) => {
    const s = shown.get(n.id)!;
    return { budget: s.budget, forecast: s.forecast, carryForward: s.carryForward };
  };
};

/** The forecast outturn by month and area, from one model per monthly return (in month order). */
export function forecastHistory(models: readonly RevenueMonitor[], values: HistoryValues = exact): ForecastHistory {
  const ordered = [...models].sort((a, b) => a.month - b.month);
  const areas = new Map<string, HistoryArea>();
  const totals: HistoryMonth[] = [];
  ordered.forEach((m, i) => {
    const of = values(m);
    for (const a of tableOneAreas(m)) {
      let h = areas.get(a.key);
      if (!h) {
        h = { key: a.key, label: a.fullLabel, budget: ordered.map(() => null), forecast: ordered.map(() => null) };
        areas.set(a.key, h);
      }
      const v = of(a);
      h.budget[i] = v.budget;
      h.forecast[i] = v.forecast;
    }
    const t = of(m.root);
    totals.push({
      month: m.month,
      budget: t.budget,
      forecast: t.forecast,
      variance: t.forecast === null ? null : variance(t.budget, t.forecast, 'expenditure'),
      carryForward: t.carryForward,
    });
  });
  // An area with no lines in a month (a miscoded cost centre not yet made, or already reversed) adds
  // nothing to that month's total: nil, not missing, so that a bridge from or to that month adds up.
  ordered.forEach((m, i) => {
    if (totals[i]!.forecast === null) return;
    const present = new Set(tableOneAreas(m).map((a) => a.key));
    for (const h of areas.values()) {
      if (!present.has(h.key)) {
        h.budget[i] = ZERO;
        h.forecast[i] = ZERO;
      }
    }
  });
  return { months: ordered.map((m) => m.month), totals, areas: [...areas.values()] };
}

export interface BridgeStep {
  key: string;
  label: string;
  from: Money;
  to: Money;
  /** to - from, pounds, exact. */
  change: Money;
}

export interface ForecastBridge {
  from: number;
  to: number;
  start: Money;
  end: Money;
  /** One step per area whose forecast moved (areas that did not move are left out), in the board's order. */
  steps: BridgeStep[];
  /** Areas with no forecast in one of the two months (not bridged; listed so nothing is hidden). */
  unbridged: string[];
}

/**
 * The bridge from month `from`'s forecast outturn to month `to`'s, by area: start + every step = end,
 * exactly. null when either month has no forecast.
 */
export function forecastBridge(history: ForecastHistory, from: number, to: number): ForecastBridge | null {
  const i = history.months.indexOf(from);
  const j = history.months.indexOf(to);
  const start = history.totals[i]?.forecast;
  const end = history.totals[j]?.forecast;
  if (i < 0 || j < 0 || !start || !end) return null;
  const steps: BridgeStep[] = [];
  const unbridged: string[] = [];
  for (const a of history.areas) {
    const f = a.forecast[i] ?? null;
    const t = a.forecast[j] ?? null;
    if (f === null && t === null) continue;
    if (f === null || t === null) {
      unbridged.push(a.label);
      continue;
    }
    const change = t.minus(f);
    if (!change.isZero()) steps.push({ key: a.key, label: a.label, from: f, to: t, change });
  }
  return { from, to, start, end, steps, unbridged };
}

/** Sum of a bridge's steps (pounds): equals end - start when every area is bridged. */
export function bridgeTotal(bridge: ForecastBridge): Money {
  return bridge.steps.reduce((acc, s) => acc.plus(s.change), ZERO);
}
