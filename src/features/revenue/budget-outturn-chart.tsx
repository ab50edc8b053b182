import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutturnLine } from '../../domain/outturn-table';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { toBudgetOutturnSeries } from './to-chart-budget-outturn';

const thousands = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const axisLabel = (v: number): string => (v < 0 ? `(${thousands.format(-v)})` : thousands.format(v));

/** Budget against outturn by area, with the figures beside it as a table (charts are never the only source). */
export function BudgetOutturnChart({ title, summary, lines }: { title: string; summary: string; lines: readonly OutturnLine[] }) {
  const data = toBudgetOutturnSeries(lines);
  const items = lines.filter((l) => l.rowType === 'item');
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div className="chart-canvas" role="img" aria-label={`${title}. ${summary}`}>
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="area" interval={0} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={axisLabel} width={72} label={{ value: "£'000", angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={(v) => axisLabel(Number(v))} />
            <Legend />
            <Bar dataKey="budget" name="Budget" fill="var(--chart-budget)" isAnimationActive={false} />
            <Bar dataKey="outturn" name="Outturn" fill="var(--chart-outturn)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
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
    </figure>
  );
}
