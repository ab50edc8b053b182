import type { PrintedTable, PrintedRow } from '../import/printed-table';
import { DataTable } from './data-table';
import { Thousands } from './money-cell';

/**
 * A table shown as the paper printed it: every column, amounts in £'000 with brackets, empty cells
 * marked "n/s" (not shown in the source) rather than nil, and the row's note where there is one.
 */
export function PrintedTableView({ table, caption }: { table: PrintedTable; caption: string }) {
  const columns = table.columns.filter((c) => c.kind !== 'row-type' && !(c.kind === 'group'));
  return (
    <DataTable
      caption={caption}
      columns={columns.map((c, i) => ({
        key: c.header,
        header: c.header,
        numeric: c.kind === 'amount' || c.kind === 'percent',
        note: c.kind === 'text' && /^(note|details)/i.test(c.header),
        cell: (row: PrintedRow) =>
          c.kind === 'amount' ? (
            <Thousands value={row.values[c.header] ?? null} />
          ) : c.kind === 'percent' ? (
            row.text[c.header] || <span className="missing">n/s</span>
          ) : i === 0 ? (
            row.label
          ) : (
            row.text[c.header]
          ),
      }))}
      rows={table.rows}
      rowKey={(r) => String(r.line)}
      rowClass={(r) => (r.rowType === 'item' ? undefined : `row-${r.rowType}`)}
    />
  );
}
