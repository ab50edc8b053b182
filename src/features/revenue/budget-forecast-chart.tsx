import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { thousandsLabel, thousandsTooltip } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import type { BudgetForecastPoint } from './to-chart-budget-forecast';

/** Budget against forecast outturn by area (horizontal bars: the area names stay readable), with its figures. */
export function BudgetForecastChart({
  title,
  summary,
  points,
}: {
  title: string;
  summary: string;
  points: readonly BudgetForecastPoint[];
}) {
  return (
    <ChartFigure
      title={title}
      summary={summary}
      height={Math.max(280, points.length * 34 + 60)}
      table={
        <DataTable
          caption={`${title}: the figures (£'000)`}
          columns={[
            { key: 'area', header: 'Area', cell: (p: BudgetForecastPoint) => p.area },
            { key: 'budget', header: "Budget £'000", numeric: true, cell: (p) => thousandsLabel(p.budget) },
            {
              key: 'forecast',
              header: "Forecast outturn £'000",
              numeric: true,
              cell: (p) => (p.forecast === null ? 'no forecast' : thousandsLabel(p.forecast)),
            },
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
          label={{ value: "£'000", position: 'insideBottomRight', offset: -4 }}
        />
        <YAxis type="category" dataKey="area" width={210} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={thousandsTooltip} />
        <Legend />
        <Bar dataKey="budget" name="Budget" fill="var(--chart-budget)" isAnimationActive={false} />
        <Bar dataKey="forecast" name="Forecast outturn" fill="var(--chart-outturn)" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
