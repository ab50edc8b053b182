import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { thousandsLabel } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import type { WaterfallChart as Waterfall, WaterfallPoint } from './to-chart-waterfall';

const FILL = { total: 'var(--chart-outturn)', increase: 'var(--adverse)', decrease: 'var(--favourable)' } as const;
const KIND = { total: 'Total', increase: 'Adds (over)', decrease: 'Takes off (under)' } as const;

/**
 * A waterfall (bridge): floating bars from a start total to an end total, one per step, drawn with
 * recharts' ranged bars; the figures, and whether the axis starts at zero, beside it.
 */
export function WaterfallChart({
  title,
  summary,
  chart,
  stepHeader,
}: {
  title: string;
  summary: string;
  chart: Waterfall;
  stepHeader: string;
}) {
  const axisNote = chart.axisFromZero
    ? ''
    : ` The value axis starts at ${thousandsLabel(chart.domain[0])}, not zero, so that the steps can be seen.`;
  return (
    <ChartFigure
      title={title}
      summary={`${summary}${axisNote}`}
      height={320}
      table={
        <DataTable
          caption={`${title}: the figures (£'000)`}
          columns={[
            { key: 'label', header: stepHeader, cell: (p: WaterfallPoint) => p.label },
            { key: 'kind', header: 'Step', cell: (p) => KIND[p.kind] },
            { key: 'value', header: "£'000", numeric: true, cell: (p) => thousandsLabel(p.value) },
            {
              key: 'after',
              header: "Running total £'000",
              numeric: true,
              cell: (p) => thousandsLabel(p.kind === 'decrease' ? p.range[0] : p.range[1]),
            },
          ]}
          rows={chart.points}
          rowKey={(p) => `${p.kind}-${p.label}`}
        />
      }
    >
      <BarChart data={chart.points} margin={{ top: 8, right: 16, bottom: 64, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" interval={0} angle={-35} textAnchor="end" height={90} tick={{ fontSize: 11 }} />
        <YAxis domain={chart.domain} ticks={chart.ticks} allowDataOverflow tickFormatter={thousandsLabel} width={80} />
        {/* The tooltip gives the step's own value, not the floating bar's [from, to] range. */}
        <Tooltip formatter={(_v, _n, item) => thousandsLabel((item.payload as WaterfallPoint).value)} />
        <Bar dataKey="range" name="£'000" isAnimationActive={false}>
          {chart.points.map((p, i) => (
            // eslint-disable-next-line @typescript-eslint/no-deprecated -- recharts 3 still draws Cell; moving to its replacement is a change of its own
            <Cell key={`${p.label}-${i}`} fill={FILL[p.kind]} />
          ))}
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
