import { SAMPLE_FILES, usePrintedTable } from '../../api/sample-tables';
import { PrintedTableView } from '../../components/printed-table-view';
import { QueryState } from '../../components/query-state';

/** The capital programme as printed (Table 4, Appendices 3 and 4); scheme-level analysis comes with the capital work. */
export function CapitalPage() {
  const programme = usePrintedTable(SAMPLE_FILES.capitalProgramme);
  const financing = usePrintedTable(SAMPLE_FILES.capitalFinancing);
  const schemes = usePrintedTable(SAMPLE_FILES.capitalSchemes);
  const carryForwards = usePrintedTable(SAMPLE_FILES.capitalCarryForwards);
  return (
    <>
      <h2>Capital</h2>
      <p className="lede">
        The 2017/18 capital programme as the paper printed it, in £&rsquo;000. Cells marked n/s are not shown in the
        source (the text of Appendix 3 lacks its Land &amp; Buildings and IT &amp; Communications pages).
      </p>
      <QueryState query={programme}>{(t) => <PrintedTableView table={t} caption="Table 4: Capital Programme (payments)" />}</QueryState>
      <QueryState query={financing}>{(t) => <PrintedTableView table={t} caption="Table 4: Capital Financing" />}</QueryState>
      <QueryState query={schemes}>{(t) => <PrintedTableView table={t} caption="Appendix 3: Scheme by scheme capital report to 31 March 2018" />}</QueryState>
      <QueryState query={carryForwards}>{(t) => <PrintedTableView table={t} caption="Appendix 4: Capital carry forward requests" />}</QueryState>
    </>
  );
}
