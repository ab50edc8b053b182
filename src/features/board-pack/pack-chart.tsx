import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { PackChart } from '../../domain/board-pack/board-pack';
import { thousandsLabel } from '../../components/chart-axis';
import { DataTable } from '../../components/data-table';
import { Money, formatWholeThousands } from '../../domain/core/money';
import { toPackChartData, toPackReferences, toVarianceAxis } from './to-chart-pack';

/*
 * A pack chart at a fixed size (no ResponsiveContainer): a printed page has a known width, and a chart
 * measured on screen would not be redrawn for print. Series differ by lightness (bars) or dash pattern
 * (lines) as well as colour, so they read in black and white; the figures are in the table beside it.
 */

// Legend words in ink: a light series' name in its own colour would not read.
const legendText = (value: string) => <span style={{ color: '#1b1f24' }}>{value}</span>;

const BAR_FILLS = ['var(--pack-light)', 'var(--pack-dark)'];
const LINE_STROKES = ['#1b1f24', '#6b7785', '#1d4f91', '#b0631a'];

type Point = PackChart['points'][number];

/**
 * A bars chart's series, one Bar each, told apart by lightness as well as colour. A function returning the
 * elements, not a component: recharts finds its Bar children by type, so they must reach the chart as Bars.
 */
const seriesBars = (chart: PackChart) =>
  chart.series.map((s, i) => (
    <Bar
      key={s.key}
      dataKey={s.key}
      name={s.name}
      fill={BAR_FILLS[i % BAR_FILLS.length]}
      stroke="#1b1f24"
      strokeWidth={0.5}
      isAnimationActive={false}
    />
  ));

/** A variance chart's own data table: each line's figure as the chart draws it, brackets for negatives. */
function VarianceTable({ chart }: { chart: PackChart }) {
  const series = chart.series[0]!;
  return (
    <div className={`pack-table pack-table-${chart.id}`}>
      <DataTable
        caption={`${chart.title.replace(/ \(£'000\)$/, '')}: the chart's figures (£'000)`}
        columns={[
          { key: 'line', header: 'Line', cell: (p: Point) => p.label },
          {
            key: series.key,
            header: 'Variance',
            numeric: true,
            cell: (p: Point) => {
              const v = p.values[series.key];
              if (v === null || v === undefined) return <span className="missing">n/s</span>;
              return (
                <span data-value={v} data-unit="£'000">
                  {formatWholeThousands(new Money(v), { zero: '0' })}
                </span>
              );
            },
          },
        ]}
        rows={chart.points}
        rowKey={(p) => p.label}
      />
    </div>
  );
}

/**
 * A variance chart: one bar per line across from nil (a round, evenly spaced axis with nil on it; negatives
 * bracketed, left of nil, in a lighter fill as well as on the other side), the line names left of the plot, no
 * figure written on a bar (the data table beside it has them), so no label sits on a line or on another.
 */
function VarianceChart({ chart, width, height }: { chart: PackChart; width: number; height: number }) {
  const { points, ticks, domain } = toVarianceAxis(chart);
  return (
    <BarChart
      width={width}
      height={height}
      data={points}
      layout="vertical"
      margin={{ top: 4, right: 20, bottom: 4, left: 4 }}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        domain={domain}
        ticks={ticks}
        interval={0}
        tickFormatter={thousandsLabel}
        tick={{ fontSize: 10 }}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={Math.min(220, Math.round(width * 0.4))}
        tick={{ fontSize: 10 }}
        interval={0}
      />
      <ReferenceLine x={0} stroke="#1b1f24" strokeWidth={1} />
      <Legend wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
      {/* Over and under as two series on one row each (a line has one or the other): they differ by side and fill. */}
      <Bar
        dataKey="over"
        name="Outturn above budget"
        stackId="v"
        fill={BAR_FILLS[1]}
        stroke="#1b1f24"
        strokeWidth={0.5}
        isAnimationActive={false}
      />
      <Bar
        dataKey="under"
        name="Outturn below budget (in brackets)"
        stackId="v"
        fill={BAR_FILLS[0]}
        stroke="#1b1f24"
        strokeWidth={0.5}
        isAnimationActive={false}
      />
    </BarChart>
  );
}

export function PackChartView({ chart, width, height }: { chart: PackChart; width: number; height: number }) {
  const data = toPackChartData(chart);
  const label = `${chart.title}. ${chart.summary}`;
  if (chart.kind === 'variance') {
    // Beside its table where the page is wide enough, else above it.
    const beside = width >= 720;
    const chartWidth = beside ? Math.round(width * 0.62) : width;
    return (
      <figure className={`pack-chart pack-variance${beside ? ' pack-variance-beside' : ''}`} aria-label={chart.title}>
        <figcaption>
          <strong>{chart.title}</strong>
          <span className="pack-chart-summary">{chart.summary}</span>
        </figcaption>
        <div className="pack-variance-body">
          <div role="img" aria-label={label}>
            <VarianceChart chart={chart} width={chartWidth} height={height} />
          </div>
          <VarianceTable chart={chart} />
        </div>
      </figure>
    );
  }
  return (
    <figure className="pack-chart" aria-label={chart.title}>
      <figcaption>
        <strong>{chart.title}</strong>
        <span className="pack-chart-summary">{chart.summary}</span>
      </figcaption>
      <div role="img" aria-label={label}>
        {chart.kind === 'bars' ? (
          chart.orientation === 'rows' ? (
            <BarChart
              width={width}
              height={height}
              data={data}
              layout="vertical"
              margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={thousandsLabel} tick={{ fontSize: 10 }} />
              <YAxis
                type="category"
                dataKey="label"
                width={Math.min(240, Math.round(width * 0.42))}
                tick={{ fontSize: 10 }}
                interval={0}
              />
              <Legend wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
              {seriesBars(chart)}
            </BarChart>
          ) : (
            <BarChart width={width} height={height} data={data} margin={{ top: 4, right: 16, bottom: 4, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" interval={0} tick={{ fontSize: 10 }} />
              <YAxis
                tickFormatter={thousandsLabel}
                width={64}
                tick={{ fontSize: 10 }}
                label={{ value: "£'000", angle: -90, position: 'insideLeft', fontSize: 10 }}
              />
              <Legend wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
              {seriesBars(chart)}
            </BarChart>
          )
        ) : (
          <LineChart width={width} height={height} data={data} margin={{ top: 12, right: 96, bottom: 4, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 10 }} />
            <YAxis
              tickFormatter={thousandsLabel}
              width={64}
              tick={{ fontSize: 10 }}
              label={{ value: "£'000", angle: -90, position: 'insideLeft', fontSize: 10 }}
            />
            <Legend iconType="plainline" wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
            {/* Reference labels in the right margin, outside the plot, so none sits on a line: the higher reference's
                label above its level and the lower's below, so two close references' labels never meet. */}
            {toPackReferences(chart).map((r) => (
              <ReferenceLine
                key={r.label}
                y={r.y}
                stroke="#1b1f24"
                strokeDasharray="2 4"
                ifOverflow="extendDomain"
                label={{
                  value: r.label,
                  position: 'right',
                  dy: r.side === 'above' ? -6 : 6,
                  fontSize: 10,
                  fill: '#1b1f24',
                }}
              />
            ))}
            {chart.series.map((s, i) => (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.name}
                stroke={LINE_STROKES[i % LINE_STROKES.length]}
                strokeWidth={2}
                strokeDasharray={s.dash}
                dot={{ r: 2.5 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        )}
      </div>
    </figure>
  );
}
