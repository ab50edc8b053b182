import { useId, type ReactNode } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { thousandsLabel } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { niceScale, placeReferenceLabels, type LabelPlacement } from './chart-scale';

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
}

/** A year marked across the chart (the year a reserve runs out), by its label on the x axis. */
export interface Marker {
  x: string;
  label: string;
}

const percent = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A percentage for an axis or tooltip, a negative in brackets as the tables print it. */
const percentLabel = (v: number): string => (v < 0 ? `(${percent.format(-v)}%)` : `${percent.format(v)}%`);

/** The right margin the reference labels are written in (pixels). */
const LABEL_MARGIN = 104;

interface ViewBox {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

/** A reference line's label in the margin right of the plot, above or below its line: never on a data line. */
function marginLabel(text: string, placement: LabelPlacement) {
  function MarginLabel({ viewBox }: { viewBox?: ViewBox }) {
    const x = (viewBox?.x ?? 0) + (viewBox?.width ?? 0) + 6;
    const y = (viewBox?.y ?? 0) + (placement === 'above' ? -4 : 13);
    return (
      <text x={x} y={y} fontSize={12} fill="var(--ink)">
        {text}
      </text>
    );
  }
  return MarginLabel;
}

/**
 * A line chart of a few series over the years, with reference lines (a floor, zero, the 5% line) drawn in
 * and labelled in the right margin, round evenly spaced ticks, a one-sentence summary above it, and the
 * figures as a table below it. A series value left undefined is not drawn (a line stops there).
 */
export function LineFigure({
  title,
  summary,
  data,
  series,
  references = [],
  markers = [],
  unit,
  table,
  height = 300,
}: {
  title: string;
  summary: string;
  data: readonly { label: string }[];
  series: readonly LineSeries[];
  references?: readonly Reference[];
  markers?: readonly Marker[];
  unit: "£'000" | '%';
  table: ReactNode;
  height?: number;
}) {
  const format = (v: number): string => (unit === '%' ? percentLabel(v) : thousandsLabel(v));
  // The figure is named by its title alone, not title and sentence: a short name to find it by.
  const titleId = useId();
  const values = data.flatMap((d) =>
    series.map((s) => (d as Record<string, unknown>)[s.key]).filter((v): v is number => typeof v === 'number'),
  );
  const all = [...values, ...references.map((r) => r.y)];
  const first = niceScale(all);
  // A label written below a line at the foot of the plot would sit on the x axis's labels: give it a half step.
  const step = (first.ticks[1] ?? 1) - (first.ticks[0] ?? 0);
  const scale = references.some((r) => r.y <= first.domain[0])
    ? niceScale([...all, first.domain[0] - step / 2])
    : first;
  const placements = placeReferenceLabels(references.map((r) => r.y));
  return (
    <ChartFigure title={title} summary={summary} height={height} titleId={titleId} table={table}>
      <LineChart
        data={[...data]}
        margin={{ top: markers.length > 0 ? 24 : 16, right: LABEL_MARGIN, bottom: 8, left: 16 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis
          tickFormatter={format}
          width={72}
          domain={scale.domain}
          ticks={scale.ticks}
          interval={0}
          allowDataOverflow
          label={{ value: unit, angle: -90, position: 'insideLeft' }}
        />
        <Tooltip formatter={(v) => format(Number(v))} />
        <Legend iconType="plainline" />
        {references.map((r, i) => (
          <ReferenceLine
            key={r.label}
            y={r.y}
            stroke="var(--ink)"
            strokeDasharray="2 4"
            label={marginLabel(r.label, placements[i] ?? 'below')}
          />
        ))}
        {markers.map((m) => (
          <ReferenceLine
            key={`${m.x}-${m.label}`}
            x={m.x}
            stroke="var(--adverse)"
            strokeDasharray="4 3"
            label={{ value: m.label, position: 'top', fontSize: 12, fill: 'var(--adverse)' }}
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
