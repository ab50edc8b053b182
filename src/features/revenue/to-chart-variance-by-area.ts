import type { ShownFigures } from '../../domain/revenue/monitoring-tables';
import type { MonitoringNode } from '../../domain/revenue/revenue-model';
import type { VarianceDirection } from '../../domain/checks/variance';

export interface VariancePoint {
  area: string;
  /** Forecast variance in £'000 as shown (overspend positive, underspend negative), for drawing only. */
  variance: number;
  direction: VarianceDirection;
}

/**
 * Forecast variance by area, overspends to one side of zero and underspends to the other, in the board's
 * order. Areas with no forecast are left out (there is no variance to draw); the direction is the
 * exact variance's, so colour and table agree.
 */
export function toVarianceByAreaSeries(
  areas: readonly MonitoringNode[],
  shown: ReadonlyMap<string, ShownFigures>,
): VariancePoint[] {
  return areas.flatMap((a) => {
    const v = shown.get(a.id)?.forecastVariance;
    if (v === null || v === undefined || !a.forecastVariance) return [];
    return [{ area: a.fullLabel, variance: Number(v.toString()), direction: a.forecastVariance.direction }];
  });
}
