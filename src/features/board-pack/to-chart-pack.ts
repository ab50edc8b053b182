import type { PackChart } from '../../domain/board-pack/board-pack';
import { niceTicks } from '../../components/chart-axis';

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

/**
 * The reference lines as numbers (£'000), for drawing, highest first, each with the side of its level its label
 * takes in the margin (the highest above, the others below), so two close references' labels never meet.
 */
export function toPackReferences(chart: PackChart): { label: string; y: number; side: 'above' | 'below' }[] {
  return (chart.references ?? [])
    .map((r) => ({ label: r.label, y: Number(r.value) }))
    .sort((a, b) => b.y - a.y)
    .map((r, i) => ({ ...r, side: i === 0 ? 'above' : 'below' }));
}

/** One line of a variance chart: its figure as "over" (at or above nil) or "under" (below), the other null. */
export interface VariancePoint {
  label: string;
  over: number | null;
  under: number | null;
}

/**
 * A variance chart's rows and axis (£'000): each line's figure split by sign (two series, so the two sides
 * differ in fill and in the legend's words, not only in direction), and round, evenly spaced ticks (niceTicks)
 * from at or below the smallest figure to at or above the largest with nil always among them, so every bar runs
 * from nil. Drawing only: plain numbers.
 */
export function toVarianceAxis(chart: PackChart): {
  points: VariancePoint[];
  ticks: number[];
  domain: [number, number];
} {
  const key = chart.series[0]?.key ?? 'variance';
  const points = toPackChartData(chart).map((p): VariancePoint => {
    const v = p[key];
    const n = typeof v === 'number' ? v : null;
    return { label: p.label, over: n !== null && n >= 0 ? n : null, under: n !== null && n < 0 ? n : null };
  });
  const values = points.flatMap((p) => [p.over, p.under]).filter((v): v is number => v !== null);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const ticks = hi > lo ? niceTicks(lo, hi, 5) : [0, 1];
  return { points, ticks, domain: [ticks[0]!, ticks[ticks.length - 1]!] };
}
