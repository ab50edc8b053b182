import { rowKeys } from '../domain/checks/table-checks';
import type { PrintedTable, PrintedRow } from '../import/printed-table';
import { DataTable } from './data-table';
import { Thousands } from './money-cell';
import { rowAnchorId } from './row-links';

/**
 * A table shown as the paper printed it: every column, amounts in £'000 with brackets, empty cells
 * marked "n/s" (not shown in the source) rather than nil, and the row's note where there is one.
 */
export function PrintedTableView({
  table,
  caption,
  tableId,
  highlighted,
}: {
  table: PrintedTable;
  caption: string;
  /** Give each row an anchor (row-<tableId>-<row key>) so that checks can link to it. */
  tableId?: string;
  /** Anchor ids of rows to mark (the rows behind a check, or the one a link points at). */
  highlighted?: readonly string[];
}) {
  const columns = table.columns.filter((c) => c.kind !== 'row-type' && !(c.kind === 'group'));
  const keys = new Map(rowKeys(table.rows).map((k, i) => [table.rows[i]!, k]));
  const anchorOf = (r: PrintedRow): string | undefined =>
    tableId === undefined ? undefined : rowAnchorId(tableId, keys.get(r)!);
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
      rowId={anchorOf}
      // Tables with a grouping column (Appendix 2's categories) show each group under its heading.
      {...(table.columns.some((c) => c.kind === 'group')
        ? { groupKey: (r: PrintedRow) => r.group || 'all', groupOf: (r: PrintedRow) => r.group || 'All' }
        : {})}
      rowClass={(r) => {
        const anchor = anchorOf(r);
        const classes = [
          r.rowType === 'item' ? undefined : `row-${r.rowType}`,
          anchor && highlighted?.includes(anchor) ? 'row-target' : undefined,
        ];
        return classes.filter(Boolean).join(' ') || undefined;
      }}
    />
  );
}
