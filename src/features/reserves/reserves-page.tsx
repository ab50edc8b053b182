import { SAMPLE_FILES, usePrintedTable } from '../../api/sample-tables';
import { PrintedTableView } from '../../components/printed-table-view';
import { QueryState } from '../../components/query-state';

/** The reserves position as printed (Table 5) and the revenue carry-forwards that feed it (Appendix 2). */
export function ReservesPage() {
  const reserves = usePrintedTable(SAMPLE_FILES.reserves);
  const carryForwards = usePrintedTable(SAMPLE_FILES.revenueCarryForwards);
  return (
    <>
      <h2>Reserves</h2>
      <p className="lede">The reserves position at 31 March 2018 and the revenue carry-forward requests, in £&rsquo;000.</p>
      <QueryState query={reserves}>{(t) => <PrintedTableView table={t} caption="Table 5: Reserves position" />}</QueryState>
      <QueryState query={carryForwards}>{(t) => <PrintedTableView table={t} caption="Appendix 2: Revenue carry forward requests" />}</QueryState>
    </>
  );
}
