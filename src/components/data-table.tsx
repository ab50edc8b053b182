import { useId, useRef, type ReactNode } from 'react';
import { TableDownload } from './table-download';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  /** Numbers align right, as in the papers. */
  numeric?: boolean;
  /** Remarks (a file's Note column) are set small so they do not push the figures apart. */
  note?: boolean;
  cell: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Row emphasis: subtotals and totals are bold and ruled, as printed. */
  rowClass?: (row: Row) => string | undefined;
  /** The first column labels its row for screen readers. */
  footer?: ReactNode;
  /** An id for a row, so that a link elsewhere can take the reader to it (#row-...). */
  rowId?: (row: Row) => string | undefined;
  /**
   * Rows in groups: each group gets its own <tbody> headed by a row naming it (scope="rowgroup"), as the
   * papers head their sections. Consecutive rows with the same group name form one group; a group whose
   * key is '' (a closing total, say) has no heading row.
   */
  groupOf?: (row: Row) => ReactNode;
  groupKey?: (row: Row) => string;
  /** A sortable table: how each column is sorted now (aria-sort on its header); undefined for a column that is not. */
  sortOf?: (key: string) => 'ascending' | 'descending' | 'none' | undefined;
}

/** A semantic table: caption, column headers, row headers; printable, readable by screen readers. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowClass,
  footer,
  rowId,
  groupOf,
  groupKey,
  sortOf,
}: DataTableProps<Row>) {
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const renderRow = (row: Row) => (
    <tr key={rowKey(row)} id={rowId?.(row)} className={rowClass?.(row)}>
      {columns.map((c, i) =>
        i === 0 ? (
          <th key={c.key} scope="row">
            {c.cell(row)}
          </th>
        ) : (
          <td key={c.key} className={c.numeric ? 'num' : c.note ? 'note' : undefined}>
            {c.cell(row)}
          </td>
        ),
      )}
    </tr>
  );
  const groups: { key: string; rows: Row[] }[] = [];
  if (groupKey) {
    for (const row of rows) {
      const key = groupKey(row);
      const last = groups[groups.length - 1];
      if (last && last.key === key) last.rows.push(row);
      else groups.push({ key, rows: [row] });
    }
  }
  // A wide table scrolls sideways on a narrow screen: the scrolling region must be reachable by keyboard.
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" ref={tableRef}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? 'num' : c.note ? 'note' : undefined}
                aria-sort={sortOf?.(c.key)}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        {groupKey ? (
          groups.map((g, i) => (
            <tbody key={`${i}-${g.key}`}>
              {g.key !== '' && (
                <tr className="row-group">
                  <th scope="rowgroup" colSpan={columns.length}>
                    {groupOf ? groupOf(g.rows[0]!) : g.key}
                  </th>
                </tr>
              )}
              {g.rows.map(renderRow)}
            </tbody>
          ))
        ) : (
          <tbody>{rows.map(renderRow)}</tbody>
        )}
      </table>
      <TableDownload tableRef={tableRef} captionId={captionId} />
      {footer}
    </div>
  );
}
