import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReserveLine } from '../../domain/reserves/reserves-position';
import { thousandsLabel, thousandsTooltip } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { toReserveBalanceSeries } from './to-chart-reserve-balances';
import { toReserveMovementSeries } from './to-chart-reserve-movements';

const heightFor = (bars: number): number => Math.max(200, 40 + bars * 38);

/** Opening against closing balance, reserve by reserve, with its figures beside it. */
export function ReserveBalancesChart({
  summary,
  reserves,
  dates,
}: {
  summary: string;
  reserves: readonly ReserveLine[];
  dates: { opening: string; closing: string };
}) {
  const title = `Balances at ${dates.opening} and ${dates.closing}`;
  const data = toReserveBalanceSeries(reserves);
  return (
    <ChartFigure
      title={title}
      summary={summary}
      height={heightFor(data.length)}
      table={
        <DataTable
          caption={`${title}: the figures (£'000)`}
          columns={[
            { key: 'reserve', header: 'Reserve', cell: (r: ReserveLine) => r.name },
            { key: 'opening', header: dates.opening, numeric: true, cell: (r) => <Thousands value={r.opening} /> },
            { key: 'closing', header: dates.closing, numeric: true, cell: (r) => <Thousands value={r.closing} /> },
            { key: 'net', header: 'Change', numeric: true, cell: (r) => <Thousands value={r.netMovement} /> },
          ]}
          rows={reserves}
          rowKey={(r) => r.key}
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
        <YAxis type="category" dataKey="reserve" width={260} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip formatter={thousandsTooltip} />
        <Legend />
        <Bar dataKey="opening" name={dates.opening} fill="var(--chart-budget)" isAnimationActive={false} />
        <Bar dataKey="closing" name={dates.closing} fill="var(--chart-outturn)" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** Added and used in the year, for each reserve that moved, with its figures beside it. */
export function ReserveMovementsChart({
  summary,
  reserves,
  yearLabel,
}: {
  summary: string;
  reserves: readonly ReserveLine[];
  yearLabel: string;
}) {
  const title = `Added to and used from each reserve in ${yearLabel}`;
  const data = toReserveMovementSeries(reserves);
  const moved = reserves.filter((r) => data.some((d) => d.reserve === r.name));
  return (
    <ChartFigure
      title={title}
      summary={summary}
      height={heightFor(data.length)}
      table={
        <DataTable
          caption={`${title}: the figures (£'000)`}
          columns={[
            { key: 'reserve', header: 'Reserve', cell: (r: ReserveLine) => r.name },
            { key: 'added', header: 'Added', numeric: true, cell: (r) => <Thousands value={r.added} /> },
            { key: 'used', header: 'Used', numeric: true, cell: (r) => <Thousands value={r.usage} /> },
            { key: 'net', header: 'Net movement', numeric: true, cell: (r) => <Thousands value={r.netMovement} /> },
          ]}
          rows={moved}
          rowKey={(r) => r.key}
        />
      }
    >
      <BarChart data={data} layout="vertical" stackOffset="sign" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={thousandsLabel}
          label={{ value: "£'000", position: 'insideBottomRight', offset: -4 }}
        />
        <YAxis type="category" dataKey="reserve" width={260} tick={{ fontSize: 12 }} interval={0} />
        <ReferenceLine x={0} stroke="var(--ink)" />
        <Tooltip formatter={thousandsTooltip} />
        <Legend />
        <Bar dataKey="added" name="Added" stackId="movement" fill="var(--chart-budget)" isAnimationActive={false} />
        <Bar dataKey="used" name="Used (drawn)" stackId="movement" fill="var(--chart-used)" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
