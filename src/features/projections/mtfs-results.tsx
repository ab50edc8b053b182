import { memo, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import type { Money } from '../../domain/core/money';
import type { GeneralReserveYear, MtfsProjection, ReservePlan } from '../../domain/reserves/mtfs-planner';
import {
  describeGeneralReserve,
  describeRunOuts,
  formatPercent2,
  shareStatus,
} from '../../domain/reserves/mtfs-summary';
import { formatK } from '../../domain/reserves/road-casualty-summary';
import { formatFinancialYear } from '../../domain/core/period';
import { LineFigure } from './line-figure';
import { toGeneralReserveSeries, toReserveBalanceSeries, toRunOutMarkers, toShareReferences } from './to-chart-mtfs';

const fy = (year: number): string => formatFinancialYear({ startYear: year });

function ShareBadge({ g, floor }: { g: GeneralReserveYear; floor: Money }) {
  const status = shareStatus(g);
  if (status === 'no-budget') return <span className="badge badge-on-budget">No budget given</span>;
  if (status === 'below-floor') {
    return (
      <span className="badge badge-adverse">
        <span aria-hidden="true">▼</span> Below the {floor.toString()}% floor
      </span>
    );
  }
  if (status === 'above-five') {
    return (
      <span className="badge badge-check-rounding">
        <span aria-hidden="true">▲</span> Above 5%: justification expected
      </span>
    );
  }
  return (
    <span className="badge badge-favourable">
      <span aria-hidden="true">✓</span> Within policy
    </span>
  );
}

/** The general reserve against the policy floor and the 5% line, drawn and tabled. */
function MtfsResultsView({
  projection,
  floorPercent,
  actualYear,
}: {
  projection: MtfsProjection;
  floorPercent: Money;
  actualYear: number;
}) {
  const shares = [projection.baseline, ...projection.general];
  const summary = describeGeneralReserve(projection, floorPercent);
  const generalStatus = (g: GeneralReserveYear) => <ShareBadge g={g} floor={floorPercent} />;
  return (
    <div className="results">
      <p className="run-outs" aria-live="polite">
        {describeRunOuts(projection)}
      </p>
      <div className="mtfs-charts">
        <LineFigure
          title="General reserve as a share of the net revenue budget"
          summary={summary}
          data={toGeneralReserveSeries(projection)}
          series={[
            { key: 'percent', name: 'General reserve (% of net revenue budget)', colour: 'var(--case-central)' },
          ]}
          references={toShareReferences(floorPercent)}
          markers={toRunOutMarkers(projection.generalRunsOut)}
          unit="%"
          table={
            <DataTable
              caption="The chart's figures: general reserve against the net revenue budget"
              columns={[
                {
                  key: 'year',
                  header: 'Year (balance at 31 March)',
                  cell: (g: GeneralReserveYear) => (g.year === actualYear ? `${fy(g.year)} (actual)` : fy(g.year)),
                },
                {
                  key: 'closing',
                  header: "General reserve (£'000)",
                  numeric: true,
                  cell: (g) => <Thousands value={g.closing} />,
                },
                {
                  key: 'nrb',
                  header: "Net revenue budget (£'000)",
                  numeric: true,
                  cell: (g) => <Thousands value={g.netRevenueBudget} />,
                },
                {
                  key: 'pct',
                  header: 'Share',
                  numeric: true,
                  cell: (g) => (g.percent === null ? 'n/a' : formatPercent2(g.percent)),
                },
                { key: 'status', header: 'Against policy', cell: generalStatus },
              ]}
              rows={shares}
              rowKey={(g) => String(g.year)}
            />
          }
        />
        <ReserveBalanceChart projection={projection} actualYear={actualYear} />
      </div>
    </div>
  );
}

/** The sentence for one reserve's balance chart: where it starts, when it runs out or where it ends. */
function balanceWords(plan: ReservePlan, actualYear: number): string {
  const last = plan.years[plan.years.length - 1];
  const start = `${plan.reserve.label}: ${formatK(plan.reserve.closing)} at 31 March ${actualYear + 1}.`;
  if (!last) return start;
  if (plan.runsOut === null)
    return `${start} On this plan it lasts to ${fy(last.year)}, ending at ${formatK(last.closing)}.`;
  const row = plan.years.find((y) => y.year === plan.runsOut)!;
  return `${start} On this plan it runs out in ${fy(plan.runsOut)}, with ${formatK(row.closing)} at 31 March ${plan.runsOut + 1}, ending ${fy(last.year)} at ${formatK(last.closing)}.`;
}

/** One reserve's balance in £'000 over the plan, the reserve chosen from a list (the general reserve first). */
function ReserveBalanceChart({ projection, actualYear }: { projection: MtfsProjection; actualYear: number }) {
  const firstGeneral = projection.reserves.find((r) => r.reserve.group === 'general') ?? projection.reserves[0];
  const [key, setKey] = useState(firstGeneral?.reserve.key ?? '');
  const plan = projection.reserves.find((r) => r.reserve.key === key) ?? firstGeneral;
  if (!plan) return null;
  const rows = [
    { year: actualYear, label: `${fy(actualYear)} (actual)`, closing: plan.reserve.closing },
    ...plan.years.map((y) => ({ year: y.year, label: fy(y.year), closing: y.closing })),
  ];
  return (
    <div className="reserve-balance">
      <div className="field">
        <label htmlFor="mtfs-balance-reserve">Reserve to draw in £&rsquo;000</label>
        <select id="mtfs-balance-reserve" value={plan.reserve.key} onChange={(e) => setKey(e.target.value)}>
          {projection.reserves.map((r) => (
            <option key={r.reserve.key} value={r.reserve.key}>
              {r.reserve.label}
            </option>
          ))}
        </select>
      </div>
      <LineFigure
        title={`${plan.reserve.label}: balance at 31 March`}
        summary={balanceWords(plan, actualYear)}
        data={toReserveBalanceSeries(plan, actualYear)}
        series={[{ key: 'balance', name: `${plan.reserve.label} (£'000)`, colour: 'var(--case-central)' }]}
        references={[{ y: 0, label: 'Nil' }]}
        markers={toRunOutMarkers(plan.runsOut)}
        unit="£'000"
        table={
          <DataTable
            caption={`The chart's figures: ${plan.reserve.label} at 31 March (£'000)`}
            columns={[
              { key: 'year', header: 'Year', cell: (r: (typeof rows)[number]) => r.label },
              {
                key: 'closing',
                header: "Balance (£'000)",
                numeric: true,
                cell: (r) => <Thousands value={r.closing} />,
              },
            ]}
            rows={rows}
            rowKey={(r) => String(r.year)}
          />
        }
      />
    </div>
  );
}

/** Memoised: typing in one model's inputs does not redraw the other's. */
export const MtfsResults = memo(MtfsResultsView);
