import { SAMPLE_FILES, usePrintedTable } from '../../api/sample-tables';
import { useReconciliation } from '../../api/reconciliation';
import { useReserves } from '../../api/reserves-position';
import { summariseReserveBalances, summariseReserveMovements } from '../../domain/reserves/reserves-summary';
import { PrintedTableView } from '../../components/printed-table-view';
import { QueryState } from '../../components/query-state';
import { TieOutTable } from '../../components/tie-out-table';
import { useHashTarget } from '../../components/use-hash-target';
import { GeneralReserve } from './general-reserve';
import { ReserveBalancesChart, ReserveMovementsChart } from './reserve-charts';
import { ReservesTable } from './reserves-table';

/** The reserves position at 31 March 2018 (Table 5), how it moved, and the revenue carry-forwards that feed it (Appendix 2). */
export function ReservesPage() {
  const { data, pending, errors } = useReserves();
  const carryForwards = usePrintedTable(SAMPLE_FILES.revenueCarryForwards);
  const reconciliation = useReconciliation();
  const target = useHashTarget(data !== null && carryForwards.isSuccess);
  const touchesReserves = reconciliation.tieOuts.filter((t) =>
    [...t.printedFigures, ...t.againstFigures].some((f) => f.table === SAMPLE_FILES.reserves),
  );
  return (
    <>
      <h2>Reserves</h2>
      <p className="lede">
        The reserves position at 31 March 2018 in £&rsquo;000, negatives in brackets, and the revenue carry-forward
        requests that the Carry Forward Revenue Reserve holds for 2018/19.
      </p>
      {errors.map((e) => (
        <p key={e} role="alert" className="error">
          {e}
        </p>
      ))}
      {pending && <p role="status">Loading the reserves tables…</p>}
      {data && (
        <>
          <section aria-labelledby="reserves-position">
            <h3 id="reserves-position">Position</h3>
            <ReservesTable position={data.position} target={target} />
            <h4>The general reserve and the budget</h4>
            <GeneralReserve share={data.generalReserve} />
          </section>
          <section aria-labelledby="reserves-movements">
            <h3 id="reserves-movements">How the reserves moved</h3>
            <ReserveBalancesChart summary={summariseReserveBalances(data.position)} reserves={data.position.reserves} />
            <ReserveMovementsChart
              summary={summariseReserveMovements(data.position)}
              reserves={data.position.reserves}
            />
          </section>
          <section aria-labelledby="reserves-ties">
            <h3 id="reserves-ties">Against the other tables</h3>
            <TieOutTable
              caption="Table 5 against the revenue outturn, the carry-forwards and capital financing"
              results={touchesReserves}
              pending={reconciliation.pending}
            />
          </section>
        </>
      )}
      <section aria-labelledby="revenue-carry-forwards">
        <h3 id="revenue-carry-forwards">Revenue carry-forward requests</h3>
        <QueryState query={carryForwards}>
          {(t) => (
            <PrintedTableView
              table={t}
              caption="Appendix 2: revenue carry forward requests (£'000)"
              tableId="a2"
              highlighted={target === null ? [] : [target]}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}
