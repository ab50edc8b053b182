import { Link } from 'react-router';
import type { PrintedTable } from '../../import/printed-table';
import { PrintedTableView } from '../../components/printed-table-view';

/**
 * A table as printed, for the tables that no other page shows as printed (Table 1, the Constabulary
 * summary, Table 3): the place a "rows behind it" link to one of them lands, with that row marked.
 */
export function SourceTable({
  tableId,
  title,
  table,
  target,
  search,
}: {
  tableId: string;
  title: string;
  table: PrintedTable;
  target: string | null;
  /** The chosen year in the address, kept by the way back. */
  search: string;
}) {
  return (
    <section aria-labelledby="source-table" className="source-table">
      <h3 id="source-table">{title}, as printed</h3>
      <p>
        The row a check reads is marked. <Link to={`/reconciliation${search}`}>Back to every check</Link>
      </p>
      <PrintedTableView
        table={table}
        caption={`${title} (£'000)`}
        tableId={tableId}
        highlighted={target === null ? [] : [target]}
      />
    </section>
  );
}
