import type { ForecastHistory } from '../../domain/revenue/forecast-history';

export interface HistoryPoint {
  month: string;
  /** £'000 as shown, numbers for drawing only. */
  budget: number;
  forecast: number | null;
  variance: number | null;
}

/** The year-end forecast by month (a history built in shown £'000 units: forecastHistoryInThousands). */
export function toForecastHistorySeries(history: ForecastHistory): HistoryPoint[] {
  return history.totals.map((t) => ({
    month: `P${t.month}`,
    budget: Number(t.budget.toString()),
    forecast: t.forecast === null ? null : Number(t.forecast.toString()),
    variance: t.forecast === null ? null : Number(t.forecast.minus(t.budget).toString()),
  }));
}
