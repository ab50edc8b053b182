import { Link } from 'react-router';
import { usePrintedTable, type SampleFile } from '../../api/sample-tables';
import { PrintedTableView } from '../../components/printed-table-view';
import { QueryState } from '../../components/query-state';
import { tableTitleOf } from '../../components/row-links';

/**
 * A table as printed, for the tables that no other page shows as printed (Table 1, the Constabulary
 * summary, Table 3): the place a "rows behind it" link to one of them lands, with that row marked.
 */
export function SourceTable({ tableId, file, target }: { tableId: string; file: SampleFile; target: string | null }) {
  const table = usePrintedTable(file);
  const title = tableTitleOf(tableId);
  return (
    <section aria-labelledby="source-table" className="source-table">
      <h3 id="source-table">{title}, as printed</h3>
      <p>
        The row a check reads is marked. <Link to="/reconciliation">Back to every check</Link>
      </p>
      <QueryState query={table}>
        {(t) => (
          <PrintedTableView
            table={t}
            caption={`${title} (£'000)`}
            tableId={tableId}
            highlighted={target === null ? [] : [target]}
          />
        )}
      </QueryState>
    </section>
  );
}
