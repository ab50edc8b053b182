import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { thousandsLabel, thousandsTooltip } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import { DirectionBadge } from '../../components/status-badge';
import type { VariancePoint } from './to-chart-variance-by-area';

const FILL = { adverse: 'var(--adverse)', favourable: 'var(--favourable)', 'on-budget': 'var(--muted)' } as const;

/** Forecast variance by area: overspends right of zero, underspends left, with its figures and their direction in words. */
export function VarianceChart({
  title,
  summary,
  points,
}: {
  title: string;
  summary: string;
  points: readonly VariancePoint[];
}) {
  return (
    <ChartFigure
      title={title}
      summary={summary}
      height={Math.max(280, points.length * 30 + 50)}
      table={
        <DataTable
          caption={`${title}: the figures (£'000)`}
          columns={[
            { key: 'area', header: 'Area', cell: (p: VariancePoint) => p.area },
            {
              key: 'variance',
              header: "Forecast variance £'000",
              numeric: true,
              cell: (p) => thousandsLabel(p.variance),
            },
            { key: 'direction', header: 'Direction', cell: (p) => <DirectionBadge direction={p.direction} /> },
          ]}
          rows={points}
          rowKey={(p) => p.area}
        />
      }
    >
      <BarChart data={[...points]} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={thousandsLabel}
          label={{ value: "£'000 (under ← 0 → over)", position: 'insideBottomRight', offset: -4 }}
        />
        <YAxis type="category" dataKey="area" width={210} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={thousandsTooltip} />
        <ReferenceLine x={0} stroke="var(--ink)" />
        <Bar dataKey="variance" name="Forecast variance" isAnimationActive={false}>
          {points.map((p) => (
            // eslint-disable-next-line @typescript-eslint/no-deprecated -- recharts 3 still draws Cell; moving to its replacement is a change of its own
            <Cell key={p.area} fill={FILL[p.direction]} />
          ))}
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
