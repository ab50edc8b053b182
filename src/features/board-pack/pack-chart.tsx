import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { PackChart } from '../../domain/board-pack/board-pack';
import { thousandsLabel } from '../../components/chart-axis';
import { toPackChartData, toPackReferences } from './to-chart-pack';

/*
 * A pack chart at a fixed size (no ResponsiveContainer): a printed page has a known width, and a chart
 * measured on screen would not be redrawn for print. Series differ by lightness (bars) or dash pattern
 * (lines) as well as colour, so they read in black and white; the figures are in the table beside it.
 */

// Legend words in ink: a light series' name in its own colour would not read.
const legendText = (value: string) => <span style={{ color: '#1b1f24' }}>{value}</span>;

const BAR_FILLS = ['var(--pack-light)', 'var(--pack-dark)'];
const LINE_STROKES = ['#1b1f24', '#6b7785', '#1d4f91', '#b0631a'];

export function PackChartView({ chart, width, height }: { chart: PackChart; width: number; height: number }) {
  const data = toPackChartData(chart);
  const label = `${chart.title}. ${chart.summary}`;
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
              {chart.series.map((s, i) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  fill={BAR_FILLS[i % BAR_FILLS.length]}
                  stroke="#1b1f24"
                  strokeWidth={0.5}
                  isAnimationActive={false}
                />
              ))}
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
              {chart.series.map((s, i) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  fill={BAR_FILLS[i % BAR_FILLS.length]}
                  stroke="#1b1f24"
                  strokeWidth={0.5}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          )
        ) : (
          <LineChart width={width} height={height} data={data} margin={{ top: 12, right: 24, bottom: 4, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 10 }} />
            <YAxis
              tickFormatter={thousandsLabel}
              width={64}
              tick={{ fontSize: 10 }}
              label={{ value: "£'000", angle: -90, position: 'insideLeft', fontSize: 10 }}
            />
            <Legend iconType="plainline" wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
            {toPackReferences(chart).map((r, i) => (
              <ReferenceLine
                key={r.label}
                y={r.y}
                stroke="#1b1f24"
                strokeDasharray="2 4"
                ifOverflow="extendDomain"
                label={{
                  value: r.label,
                  position: i === 0 ? 'insideTopRight' : 'insideBottomLeft',
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
