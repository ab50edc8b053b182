import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutturnLine } from '../../domain/revenue/outturn-table';
import { thousandsLabel, thousandsTooltip } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { toBudgetOutturnSeries } from './to-chart-budget-outturn';

/** Budget against outturn by area, with the figures beside it as a table (charts are never the only source). */
export function BudgetOutturnChart({
  title,
  summary,
  lines,
}: {
  title: string;
  summary: string;
  lines: readonly OutturnLine[];
}) {
  const data = toBudgetOutturnSeries(lines);
  const items = lines.filter((l) => l.rowType === 'item');
  return (
    <ChartFigure
      title={title}
      summary={summary}
      height={280}
      table={
        <DataTable
          caption={`${title}: the figures (£'000)`}
          columns={[
            { key: 'area', header: 'Area', cell: (l: OutturnLine) => l.label },
            { key: 'budget', header: 'Budget', numeric: true, cell: (l) => <Thousands value={l.budget} /> },
            { key: 'outturn', header: 'Outturn', numeric: true, cell: (l) => <Thousands value={l.outturn} /> },
          ]}
          rows={items}
          rowKey={(l) => l.key}
        />
      }
    >
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="area" interval={0} tick={{ fontSize: 12 }} />
        <YAxis
          tickFormatter={thousandsLabel}
          width={72}
          label={{ value: "£'000", angle: -90, position: 'insideLeft' }}
        />
        <Tooltip formatter={thousandsTooltip} />
        <Legend />
        <Bar dataKey="budget" name="Budget" fill="var(--chart-budget)" isAnimationActive={false} />
        <Bar dataKey="outturn" name="Outturn" fill="var(--chart-outturn)" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
