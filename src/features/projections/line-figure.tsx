import { useId, type ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { thousandsLabel } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';

export interface LineSeries {
  key: string;
  name: string;
  colour: string;
  /** A dash pattern, so that series differ by more than colour (and in black and white). */
  dash?: string;
}

export interface Reference {
  y: number;
  label: string;
  /** Where the label sits, so that two lines close together do not print over each other. */
  position?: 'insideTopLeft' | 'insideTopRight' | 'insideBottomLeft' | 'insideBottomRight';
}

const percent = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/**
 * A line chart of a few series over the years, with reference lines (a floor, zero, the 5% line)
 * drawn in and labelled, a one-sentence summary above it, and the figures as a table below it.
 */
export function LineFigure({
  title,
  summary,
  data,
  series,
  references = [],
  unit,
  table,
}: {
  title: string;
  summary: string;
  data: readonly { label: string }[];
  series: readonly LineSeries[];
  references?: readonly Reference[];
  unit: "£'000" | '%';
  table: ReactNode;
}) {
  const format = (v: number): string => (unit === '%' ? `${percent.format(v)}%` : thousandsLabel(v));
  // The figure is named by its title alone, not title and sentence: a short name to find it by.
  const titleId = useId();
  return (
    <ChartFigure title={title} summary={summary} height={300} titleId={titleId} table={table}>
      <LineChart data={[...data]} margin={{ top: 16, right: 24, bottom: 8, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={format} width={72} label={{ value: unit, angle: -90, position: 'insideLeft' }} />
        <Tooltip formatter={(v) => format(Number(v))} />
        <Legend iconType="plainline" />
        {references.map((r) => (
          <ReferenceLine
            key={r.label}
            y={r.y}
            stroke="var(--ink)"
            strokeDasharray="2 4"
            ifOverflow="extendDomain"
            label={{ value: r.label, position: r.position ?? 'insideTopLeft', fontSize: 12, fill: 'var(--ink)' }}
          />
        ))}
        {series.map((s) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.name}
            stroke={s.colour}
            strokeWidth={2}
            strokeDasharray={s.dash}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ChartFigure>
  );
}
