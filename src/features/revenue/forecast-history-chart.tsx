import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastHistory } from '../../domain/revenue/forecast-history';
import { formatWholeThousands } from '../../domain/core/money';
import { formatVariancePercent } from '../../domain/checks/variance';
import { thousandsLabel, thousandsTooltip } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import { DirectionBadge } from '../../components/status-badge';
import type { HistoryPoint } from './to-chart-forecast-history';

/** The year-end forecast month by month against the budget, with its figures (shown £'000; % from the exact figures). */
export function ForecastHistoryChart({
  title,
  summary,
  points,
  exact,
  shown,
}: {
  title: string;
  summary: string;
  points: readonly HistoryPoint[];
  exact: ForecastHistory;
  shown: ForecastHistory;
}) {
  const rows = shown.totals.map((t, i) => ({ shown: t, exact: exact.totals[i]! }));
  return (
    <ChartFigure
      title={title}
      summary={summary}
      caption={`${summary} The value axis does not start at zero.`}
      height={280}
      table={
        <DataTable
          caption={`${title}: the figures (£'000)`}
          columns={[
            { key: 'month', header: 'Month', cell: (r: (typeof rows)[number]) => `P${r.shown.month}` },
            { key: 'budget', header: "Budget £'000", numeric: true, cell: (r) => formatWholeThousands(r.shown.budget) },
            {
              key: 'forecast',
              header: "Forecast outturn £'000",
              numeric: true,
              cell: (r) => (r.shown.forecast === null ? 'no forecast' : formatWholeThousands(r.shown.forecast)),
            },
            {
              key: 'variance',
              header: "Variance £'000",
              numeric: true,
              cell: (r) => (r.shown.variance ? formatWholeThousands(r.shown.variance.amount) : '-'),
            },
            {
              key: 'percent',
              header: 'Variance %',
              numeric: true,
              cell: (r) => (r.exact.variance ? formatVariancePercent(r.exact.variance) : '-'),
            },
            {
              key: 'direction',
              header: 'Direction',
              cell: (r) => (r.exact.variance ? <DirectionBadge direction={r.exact.variance.direction} /> : '-'),
            },
            {
              key: 'cf',
              header: "Carry forwards included £'000",
              numeric: true,
              cell: (r) => formatWholeThousands(r.shown.carryForward),
            },
          ]}
          rows={rows}
          rowKey={(r) => String(r.shown.month)}
        />
      }
    >
      <LineChart data={[...points]} margin={{ top: 8, right: 24, bottom: 8, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis domain={['auto', 'auto']} tickFormatter={thousandsLabel} width={80} />
        <Tooltip formatter={thousandsTooltip} />
        <Legend />
        <Line
          type="linear"
          dataKey="budget"
          name="Budget"
          stroke="var(--chart-budget)"
          strokeDasharray="6 4"
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="forecast"
          name="Forecast outturn"
          stroke="var(--chart-outturn)"
          strokeWidth={3}
          dot={{ r: 5 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
