import { memo } from 'react';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import type { Money } from '../../domain/core/money';
import type { GeneralReserveYear, MtfsProjection } from '../../domain/reserves/mtfs-planner';
import { describeGeneralReserve, formatPercent2, shareStatus } from '../../domain/reserves/mtfs-summary';
import { formatFinancialYear } from '../../domain/core/period';
import { LineFigure } from './line-figure';
import { toGeneralReserveSeries, toShareReferences } from './to-chart-mtfs';

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
      <LineFigure
        title="General reserve as a share of the net revenue budget"
        summary={summary}
        data={toGeneralReserveSeries(projection)}
        series={[{ key: 'percent', name: 'General reserve (% of net revenue budget)', colour: 'var(--case-central)' }]}
        references={toShareReferences(floorPercent)}
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
    </div>
  );
}

/** Memoised: typing in one model's inputs does not redraw the other's. */
export const MtfsResults = memo(MtfsResultsView);
