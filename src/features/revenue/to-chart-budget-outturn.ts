import { toThousands } from '../../domain/core/units';
import type { OutturnLine } from '../../domain/revenue/outturn-table';

export interface BudgetOutturnPoint {
  area: string;
  /** £'000, as numbers for drawing only (Number() on money is allowed here and only here). */
  budget: number;
  outturn: number;
}

/** Budget against outturn by area: the item lines that have both figures, in the table's order. */
export function toBudgetOutturnSeries(lines: readonly OutturnLine[]): BudgetOutturnPoint[] {
  return lines
    .filter((l) => l.rowType === 'item' && l.budget !== null && l.outturn !== null)
    .map((l) => ({
      area: l.label,
      budget: Number(toThousands(l.budget!).toFixed(0)),
      outturn: Number(toThousands(l.outturn!).toFixed(0)),
    }));
}
