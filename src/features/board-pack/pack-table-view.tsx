import { DataTable } from '../../components/data-table';
import type { PackRow, PackTable } from '../../domain/board-pack/board-pack';
import { ExactCellView, PackCellView } from './pack-cell';

const rowClass = (r: PackRow) => (r.rowType === 'item' ? undefined : `row-${r.rowType}`);
const grouped = (t: PackTable) => t.rows.some((r) => r.group !== undefined);

/** A pack table as printed (£'000 as rounded to cast), with its footnotes under it. */
export function PackTableView({ table }: { table: PackTable }) {
  return (
    <div className={`pack-table pack-table-${table.id}`}>
      <DataTable
        caption={table.caption}
        columns={table.columns.map((c) => ({
          key: c.key,
          header: c.header,
          numeric: c.kind === 'amount' || c.kind === 'percent' || c.kind === 'count',
          cell: (r: PackRow) => {
            const cell = r.cells[c.key];
            return cell ? <PackCellView cell={cell} /> : null;
          },
        }))}
        rows={table.rows}
        rowKey={(r) => r.key}
        rowClass={rowClass}
        {...(grouped(table) ? { groupKey: (r: PackRow) => r.group ?? '', groupOf: (r: PackRow) => r.group ?? '' } : {})}
        footer={
          table.footnotes.length > 0 ? (
            <ul className="pack-footnotes">
              {table.footnotes.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          ) : undefined
        }
      />
    </div>
  );
}

/** The same table in the notes: its amount columns exact to the penny. */
export function ExactTableView({ table }: { table: PackTable }) {
  const columns = table.columns.filter((c, i) => i === 0 || c.kind === 'amount');
  return (
    <div className="pack-table pack-exact">
      <DataTable
        caption={`${table.caption.replace(/\s*\(£'000\)\s*$/, '').replace(/;?\s*£'000\)$/, ')')}: exact figures (£)`}
        columns={columns.map((c) => ({
          key: c.key,
          // The exact figures are pounds, whatever unit the printed column names.
          header: c.header.replace(/£'000/, '£'),
          numeric: c.kind === 'amount',
          cell: (r: PackRow) => {
            const cell = r.cells[c.key];
            return cell ? <ExactCellView cell={cell} /> : null;
          },
        }))}
        rows={table.rows}
        rowKey={(r) => r.key}
        rowClass={rowClass}
        {...(grouped(table) ? { groupKey: (r: PackRow) => r.group ?? '', groupOf: (r: PackRow) => r.group ?? '' } : {})}
      />
    </div>
  );
}
