import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable } from '../../components/data-table';
import { thousandsLabel } from './chart-axis';
import type { BudgetForecastPoint } from './to-chart-budget-forecast';

/** Budget against forecast outturn by area (horizontal bars: the area names stay readable), with its figures. */
export function BudgetForecastChart({ title, summary, points }: { title: string; summary: string; points: readonly BudgetForecastPoint[] }) {
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div className="chart-canvas" role="img" aria-label={`${title}. ${summary}`}>
        <ResponsiveContainer width="100%" height={Math.max(280, points.length * 34 + 60)}>
          <BarChart data={[...points]} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={thousandsLabel} label={{ value: "£'000", position: 'insideBottomRight', offset: -4 }} />
            <YAxis type="category" dataKey="area" width={210} interval={0} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => thousandsLabel(Number(v))} />
            <Legend />
            <Bar dataKey="budget" name="Budget" fill="var(--chart-budget)" isAnimationActive={false} />
            <Bar dataKey="forecast" name="Forecast outturn" fill="var(--chart-outturn)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption={`${title}: the figures (£'000)`}
        columns={[
          { key: 'area', header: 'Area', cell: (p: BudgetForecastPoint) => p.area },
          { key: 'budget', header: "Budget £'000", numeric: true, cell: (p) => thousandsLabel(p.budget) },
          { key: 'forecast', header: "Forecast outturn £'000", numeric: true, cell: (p) => (p.forecast === null ? 'no forecast' : thousandsLabel(p.forecast)) },
        ]}
        rows={points}
        rowKey={(p) => p.area}
      />
    </figure>
  );
}
