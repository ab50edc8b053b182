import type { PackChart } from '../../domain/board-pack/board-pack';

/** One point of a pack chart: its label and a number per series (£'000), for drawing only. */
export type PackChartPoint = { label: string } & Record<string, number | string | null>;

/**
 * A pack chart's points as numbers for recharts. The pack holds exact £'000 decimal strings; Number() on
 * money is allowed here and only here (ARCHITECTURE.md, "Money"), because a chart only draws. A figure not shown stays
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
