import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { CategoryBudgetLine } from '../../domain/capital/capital-programme';
import { formatPercent } from '../../domain/core/percent';
import { thousandsLabel, thousandsTooltip } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { toCapitalCategorySeries } from './to-chart-capital-categories';

/** Revised budget against outturn by category, with the figures beside it (a chart is never the only source). */
export function CapitalCategoriesChart({
  title,
  summary,
  lines,
}: {
  title: string;
  summary: string;
  lines: readonly CategoryBudgetLine[];
}) {
  const data = toCapitalCategorySeries(lines);
  return (
    <ChartFigure
      title={title}
      summary={summary}
      height={300}
      table={
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
      }
    >
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={thousandsLabel}
          label={{ value: "£'000", position: 'insideBottomRight', offset: -4 }}
        />
        <YAxis type="category" dataKey="category" width={230} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip formatter={thousandsTooltip} />
        <Legend />
        <Bar dataKey="revised" name="Revised budget" fill="var(--chart-budget)" isAnimationActive={false} />
        <Bar dataKey="outturn" name="Outturn" fill="var(--chart-outturn)" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
