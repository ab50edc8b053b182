import { useId, type ReactNode } from 'react';

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
}

/** A semantic table: caption, column headers, row headers; printable, readable by screen readers. */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowClass, footer }: DataTableProps<Row>) {
  const captionId = useId();
  // A wide table scrolls sideways on a narrow screen: the scrolling region must be reachable by keyboard.
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : c.note ? 'note' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClass?.(row)}>
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
          ))}
        </tbody>
      </table>
      {footer}
    </div>
  );
}
