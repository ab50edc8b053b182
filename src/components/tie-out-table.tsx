import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatThousands, type Money } from '../domain/core/money';
import type { Figure, TieOutResult } from '../domain/checks/tie-outs';
import { DataTable } from './data-table';
import { LinkList } from './link-list';
import { checkAnchorId, rowHref, tableIdOf, tableShortNameOf } from './row-links';
import { TieOutBadge } from './status-badge';

/** A figure as the papers print it: £'000 with brackets, or a percentage; "n/s" when not shown. */
function tieOutFigure(value: Money | null, unit: TieOutResult['unit']): string {
  if (value === null) return 'n/s';
  // Negatives in brackets for percentages too, as the papers print them.
  if (unit === 'percent') return value.isNegative() ? `(${value.abs().toString()}%)` : `${value.toString()}%`;
  return formatThousands(value, { zero: '0' });
}

// "Revised Capital Budget 2017/18 as amended (£'000) [G = D+E+F]" -> "... as amended [G]"; a bare "£'000" says nothing.
const columnName = (column: string): string =>
  column
    .replace(/\s*\(£'000\)/, '')
    .replace(/\[([A-Z])\s*=[^\]]*\]/, '[$1]')
    .replace(/^£'000$/, '');

/** The rows behind a tie-out, each a link to its row (with the columns read there); figures stated in the text are quoted. */
function FigureLinks({ figures, search }: { figures: readonly Figure[]; search: string }) {
  // A row read twice (applied and transfer on one line) is one row to look at, with both columns named.
  const rows = new Map<string, { figure: Figure; columns: string[] }>();
  for (const f of figures) {
    const key = f.table && f.row ? `${f.table}#${f.row}` : f.label;
    const entry = rows.get(key);
    const column = columnName(f.column);
    if (entry) {
      if (column && !entry.columns.includes(column)) entry.columns.push(column);
    } else rows.set(key, { figure: f, columns: column ? [column] : [] });
  }
  const items = [...rows].map(([key, { figure: f, columns }]): { key: string; node: ReactNode } => {
    if (f.table && f.row) {
      const tableId = tableIdOf(f.table);
      return {
        key,
        node: (
          <Link to={rowHref(tableId, f.row, search)}>
            {tableShortNameOf(tableId)}: {f.label.split(' · ')[0]}
            {columns.length > 0 && <span className="figure-column"> · {columns.join(', ')}</span>}
          </Link>
        ),
      };
    }
    return { key, node: <span>{f.label}</span> };
  });
  // Long sums (the 19 carry-forward requests) fold away so the table stays readable.
  return <LinkList items={items} />;
}

/** Tie-outs between tables: status in words, the two figures, the difference, and links to the rows. */
export function TieOutTable({
  caption,
  results,
  target,
  anchored = true,
  pending = false,
  search = '',
}: {
  caption: string;
  results: readonly TieOutResult[];
  target?: string | null;
  /** Give each row its anchor (check-<id>). A second list of the same checks (a summary) links to them instead. */
  anchored?: boolean;
  /** Some tables are still being read: a tie-out would say "figure missing" for a figure that is on its way. */
  pending?: boolean;
  /** The chosen year in the address ("?year=2018-19&month=6"), kept by the links to the rows. */
  search?: string;
}) {
  if (pending) return <p role="status">Checking against the other tables…</p>;
  return (
    <DataTable
      caption={caption}
      columns={[
        {
          key: 'check',
          header: 'Check',
          cell: (t: TieOutResult) => (
            <>
              {anchored ? t.description : <a href={`#${checkAnchorId(t.id)}`}>{t.description}</a>}
              {t.note && <span className="check-note"> {t.note}</span>}
            </>
          ),
        },
        { key: 'status', header: 'Status', cell: (t) => <TieOutBadge status={t.status} /> },
        { key: 'printed', header: 'Figure', numeric: true, cell: (t) => tieOutFigure(t.printed, t.unit) },
        { key: 'against', header: 'Against', numeric: true, cell: (t) => tieOutFigure(t.computed, t.unit) },
        {
          key: 'difference',
          header: 'Difference',
          numeric: true,
          cell: (t) => (t.difference === null ? '—' : tieOutFigure(t.difference, t.unit)),
        },
        {
          key: 'rows',
          header: 'Rows behind it',
          cell: (t) => (
            <>
              <FigureLinks figures={[...t.printedFigures, ...t.againstFigures]} search={search} />
              {t.status === 'incomplete' && <span className="check-note">Missing: {t.missing.join('; ')}.</span>}
            </>
          ),
        },
      ]}
      rows={results}
      rowKey={(t) => t.id}
      rowId={(t) => (anchored ? checkAnchorId(t.id) : undefined)}
      rowClass={(t) => (target === checkAnchorId(t.id) ? 'row-target' : undefined)}
    />
  );
}
