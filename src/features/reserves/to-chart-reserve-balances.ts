import { toThousands } from '../../domain/core/units';
import type { ReserveLine } from '../../domain/reserves/reserves-position';

export interface ReserveBalancePoint {
  reserve: string;
  /** £'000, as numbers for drawing only (Number() on money is allowed here and only here). */
  opening: number;
  closing: number;
}

/** Balance at the start against the end of the year, reserve by reserve. A reserve with a balance not shown is left out of the drawing. */
export function toReserveBalanceSeries(reserves: readonly ReserveLine[]): ReserveBalancePoint[] {
  return reserves
    .filter((r) => r.rowType === 'item' && r.opening !== null && r.closing !== null)
    .map((r) => ({
      reserve: r.name,
      opening: Number(toThousands(r.opening!).toFixed(0)),
      closing: Number(toThousands(r.closing!).toFixed(0)),
    }));
}
