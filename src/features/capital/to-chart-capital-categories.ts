import type { CategoryBudgetLine } from '../../domain/capital/capital-programme';
import { toThousands } from '../../domain/core/units';

export interface CapitalCategoryPoint {
  category: string;
  /** £'000, as numbers for drawing only (Number() on money is allowed here and only here). */
  revised: number;
  outturn: number;
}

/**
 * Revised budget against outturn by category, in the table's order. A category with a figure not shown
 * is left out of the drawing (its bar would read as nil); the data table beside the chart still lists it.
 */
export function toCapitalCategorySeries(lines: readonly CategoryBudgetLine[]): CapitalCategoryPoint[] {
  return lines
    .filter((l) => l.rowType === 'item' && l.revised !== null && l.outturn !== null)
    .map((l) => ({
      category: l.label,
      revised: Number(toThousands(l.revised!).toFixed(0)),
      outturn: Number(toThousands(l.outturn!).toFixed(0)),
    }));
}
