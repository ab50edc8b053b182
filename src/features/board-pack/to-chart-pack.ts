import type { PackChart } from '../../domain/board-pack';

/** One point of a pack chart: its label and a number per series (£'000), for drawing only. */
export type PackChartPoint = { label: string } & Record<string, number | string | null>;

/**
 * A pack chart's points as numbers for recharts. The pack holds exact £'000 decimal strings; Number() on
 * money is allowed here and only here (DESIGN.md), because a chart only draws. A figure not shown stays
 * null, so no bar or point is drawn for it (never a nil bar).
 */
export function toPackChartData(chart: PackChart): PackChartPoint[] {
  return chart.points.map((p) => {
    const point: PackChartPoint = { label: p.label };
    for (const s of chart.series) {
      const v = p.values[s.key];
      point[s.key] = v === null || v === undefined ? null : Number(v);
    }
    return point;
  });
}

/** The reference lines as numbers (£'000), for drawing. */
export function toPackReferences(chart: PackChart): { label: string; y: number }[] {
  return (chart.references ?? []).map((r) => ({ label: r.label, y: Number(r.value) }));
}

const thousands = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** An axis tick in £'000 as the papers print figures: 1,547 and (1,547). */
export function axisThousands(v: number): string {
  const rounded = Math.round(Math.abs(v));
  if (rounded === 0) return '0';
  return v < 0 ? `(${thousands.format(rounded)})` : thousands.format(rounded);
}
