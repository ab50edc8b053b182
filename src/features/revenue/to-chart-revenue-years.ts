import { toThousands } from '../../domain/core/units';
import type { RevenueYearsTable } from '../../domain/revenue/revenue-years';

export interface RevenueYearsSeries {
  key: string;
  name: string;
  kind: 'budget' | 'outturn';
  /** The year's place (0 = earliest), to shade the bars of one year alike. */
  index: number;
}

/** Budget and outturn by area for each year: one point per area, two series (budget, outturn) per year, £'000. */
export function toRevenueYearsChart(table: RevenueYearsTable): {
  series: RevenueYearsSeries[];
  points: Record<string, string | number | null>[];
} {
  const series = table.years.flatMap((y, index): RevenueYearsSeries[] => {
    const label = `${y.year}/${String((y.year + 1) % 100).padStart(2, '0')}`;
    return [
      { key: `b${y.year}`, name: `${label} budget`, kind: 'budget', index },
      { key: `o${y.year}`, name: `${label} outturn`, kind: 'outturn', index },
    ];
  });
  const points = table.rows.map((r) => {
    const point: Record<string, string | number | null> = { area: r.label };
    table.years.forEach((y, i) => {
      const f = r.figures[i];
      // Number() on money for drawing only (the adapter is the one place it happens).
      point[`b${y.year}`] = f?.budget ? Number(toThousands(f.budget).toFixed(0)) : null;
      point[`o${y.year}`] = f?.outturn ? Number(toThousands(f.outturn).toFixed(0)) : null;
    });
    return point;
  });
  return { series, points };
}
