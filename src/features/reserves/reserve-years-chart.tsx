import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReservesYearsModel, ReserveAcrossYears } from '../../api/reserves-years';
import { sum, formatThousands, type Money } from '../../domain/core/money';
import { formatFinancialYear } from '../../domain/core/period';
import { thousandsLabel, thousandsTooltip } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { toReserveYearsSeries } from './to-chart-reserve-years';

const fy = (year: number): string => formatFinancialYear({ startYear: year });

/** The sentence under the chart, written from the figures. */
function summarise(model: ReservesYearsModel, total: (key: string) => Money | null): string {
  const actual = model.columns.filter((c) => c.kind !== 'projected');
  const parts = actual.map((c) => {
    const t = total(c.key);
    return `£${t === null ? 'n/s' : formatThousands(t)}k at ${c.label}`;
  });
  const projected = model.columns.filter((c) => c.kind === 'projected').at(-1);
  const end = projected ? total(projected.key) : null;
  return (
    `Usable reserves: ${parts.join(', ')}.` +
    (projected && end !== null
      ? ` The planner carries them to £${formatThousands(end)}k at ${projected.label.replace(' (projected)', '')}. ${model.projection?.basis ?? ''}`
      : '')
  );
}

/**
 * The reserves over every loaded year, reserve by reserve (each year's opening and closing balance, as its own
 * reserves position gives them), then the planner's projection from the latest year's closing balances: a
 * chart by group, and the table of every reserve beside it. Projected dates say "(projected)" in words.
 */
export function ReserveYearsChart({ model }: { model: ReservesYearsModel }) {
  const data = toReserveYearsSeries(model.columns, model.reserves);
  const total = (key: string): Money | null => {
    const values = model.reserves.flatMap((r) => (r.balances[key] === undefined ? [] : [r.balances[key]!]));
    return values.length === 0 || values.some((v) => v === null) ? null : sum(values);
  };
  const lastActual = model.columns.filter((c) => c.kind !== 'projected').at(-1);
  const years = model.years.map(fy);
  const title = `Reserves over the years loaded (${years.join(', ')}), then the planner’s projection`;
  const rows: (ReserveAcrossYears | { key: 'total'; name: string })[] = [
    ...model.reserves,
    { key: 'total', name: 'Total usable reserves (worked out)' },
  ];
  return (
    <ChartFigure
      title={title}
      summary={summarise(model, total)}
      height={320}
      table={
        <DataTable
          caption={`${title}: balances by reserve (£'000)`}
          columns={[
            { key: 'reserve', header: 'Reserve', cell: (r: (typeof rows)[number]) => r.name },
            ...model.columns.map((c) => ({
              key: c.key,
              header: c.label,
              numeric: true,
              cell: (r: (typeof rows)[number]) => {
                if (r.key === 'total') return <Thousands value={total(c.key)} />;
                const v = (r as ReserveAcrossYears).balances[c.key];
                return v === undefined ? (
                  <span className="missing" title={`Not in ${fy(c.year)}’s reserves position`}>
                    not in {fy(c.year)}
                  </span>
                ) : (
                  <Thousands value={v} />
                );
              },
            })),
          ]}
          rows={rows}
          rowKey={(r) => r.key}
          rowClass={(r) => (r.key === 'total' ? 'row-total' : undefined)}
        />
      }
    >
      <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" tick={{ fontSize: 11 }} interval={0} angle={-20} textAnchor="end" height={60} />
        <YAxis
          tickFormatter={thousandsLabel}
          label={{ value: "£'000", angle: -90, position: 'insideLeft' }}
          width={80}
        />
        <Tooltip formatter={thousandsTooltip} />
        <Legend />
        {lastActual && model.projection && (
          <ReferenceLine x={lastActual.label} stroke="var(--ink)" strokeDasharray="4 4" label="Projected after this" />
        )}
        <Line
          dataKey="total"
          name="All usable reserves"
          stroke="var(--ink)"
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          dataKey="earmarked"
          name="Earmarked"
          stroke="var(--chart-budget)"
          strokeDasharray="8 3"
          isAnimationActive={false}
        />
        <Line
          dataKey="contingency"
          name="Contingency"
          stroke="var(--chart-used)"
          strokeDasharray="2 3"
          isAnimationActive={false}
        />
        <Line dataKey="capital" name="Capital" stroke="var(--chart-outturn)" isAnimationActive={false} />
        <Line dataKey="general" name="General" stroke="#555" strokeDasharray="6 2 2 2" isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}
