import type { ShownFigures } from '../../domain/revenue/monitoring-tables';
import type { MonitoringNode } from '../../domain/revenue/revenue-model';

export interface BudgetForecastPoint {
  area: string;
  /** £'000 as shown in the tables, as numbers for drawing only (Number() on money is allowed here and only here). */
  budget: number;
  forecast: number | null;
}

/** Budget against forecast outturn by area, in the board's order, from the figures as the tables show them. */
export function toBudgetForecastSeries(
  areas: readonly MonitoringNode[],
  shown: ReadonlyMap<string, ShownFigures>,
): BudgetForecastPoint[] {
  return areas.flatMap((a) => {
    const s = shown.get(a.id);
    if (!s) return [];
    return [
      {
        area: a.fullLabel,
        budget: Number(s.budget.toString()),
        forecast: s.forecast === null ? null : Number(s.forecast.toString()),
      },
    ];
  });
}
