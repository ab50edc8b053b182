import { toThousands } from '../../domain/core/units';
import type { ReserveLine } from '../../domain/reserves/reserves-position';

export interface ReserveMovementPoint {
  reserve: string;
  /** £'000 added (positive) and used (drawn: negative, so the bars go left of zero), for drawing only. */
  added: number;
  used: number;
}

/**
 * What each reserve received and gave in the year, for the reserves that moved. Used is drawn as a
 * negative bar so the chart reads as money in and money out; the data table keeps the paper's signs.
 */
export function toReserveMovementSeries(reserves: readonly ReserveLine[]): ReserveMovementPoint[] {
  return reserves
    .filter(
      (r) => r.rowType === 'item' && r.added !== null && r.usage !== null && !(r.added.isZero() && r.usage.isZero()),
    )
    .map((r) => ({
      reserve: r.name,
      added: Number(toThousands(r.added!).toFixed(0)),
      used: Number(toThousands(r.usage!).toFixed(0)),
    }));
}
