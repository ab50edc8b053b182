import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CategoryBudgetLine } from '../../domain/capital-programme';
import { formatPercent } from '../../domain/percent';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { toCapitalCategorySeries } from './to-chart-capital-categories';

const thousands = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const axisLabel = (v: number): string => (v < 0 ? `(${thousands.format(-v)})` : thousands.format(v));

/** Revised budget against outturn by category, with the figures beside it (a chart is never the only source). */
export function CapitalCategoriesChart({ title, summary, lines }: { title: string; summary: string; lines: readonly CategoryBudgetLine[] }) {
  const data = toCapitalCategorySeries(lines);
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div className="chart-canvas" role="img" aria-label={`${title}. ${summary}`}>
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={axisLabel} label={{ value: "£'000", position: 'insideBottomRight', offset: -4 }} />
            <YAxis type="category" dataKey="category" width={230} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(v) => axisLabel(Number(v))} />
            <Legend />
            <Bar dataKey="revised" name="Revised budget" fill="var(--chart-budget)" isAnimationActive={false} />
            <Bar dataKey="outturn" name="Outturn" fill="var(--chart-outturn)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable
        caption={`${title}: the figures (£'000)`}
        columns={[
          { key: 'category', header: 'Category', cell: (l: CategoryBudgetLine) => l.label },
          { key: 'revised', header: 'Revised budget', numeric: true, cell: (l) => <Thousands value={l.revised} /> },
          { key: 'outturn', header: 'Outturn', numeric: true, cell: (l) => <Thousands value={l.outturn} /> },
          { key: 'percent', header: '% spent', numeric: true, cell: (l) => formatPercent(l.percentSpent) },
        ]}
        rows={lines.filter((l) => l.rowType === 'item')}
        rowKey={(l) => l.key}
      />
    </figure>
  );
}
