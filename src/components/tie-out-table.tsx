import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatThousands, type Money } from '../domain/money';
import type { Figure, TieOutResult } from '../domain/tie-outs';
import { DataTable } from './data-table';
import { checkAnchorId, rowHref, tableIdOf, tableShortNameOf } from './row-links';
import { TieOutBadge } from './status-badge';

/** A figure as the papers print it: £'000 with brackets, or a percentage; "n/s" when not shown. */
export function tieOutFigure(value: Money | null, unit: TieOutResult['unit']): string {
  if (value === null) return 'n/s';
  return unit === 'percent' ? `${value.toString()}%` : formatThousands(value, { zero: '0' });
}

/** The rows behind a tie-out, each a link to its row; figures stated in the text are quoted. */
export function FigureLinks({ figures }: { figures: readonly Figure[] }) {
  // A row read twice (applied and transfer on one line) is one row to look at.
  const seen = new Set<string>();
  const unique = figures.filter((f) => {
    const key = f.table && f.row ? `${f.table}#${f.row}` : f.label;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const items = unique.map((f): { key: string; node: ReactNode } => {
    if (f.table && f.row) {
      const tableId = tableIdOf(f.table);
      return {
        key: `${f.table}#${f.row}`,
        node: (
          <Link to={rowHref(tableId, f.row)}>
            {tableShortNameOf(tableId)}: {f.label.split(' · ')[0]}
            <span className="figure-column"> · {f.column.replace(/\s*\(£'000\)/, '')}</span>
          </Link>
        ),
      };
    }
    return { key: f.label, node: <span>{f.label}</span> };
  });
  const list = (
    <ul className="figure-links">
      {items.map((i) => (
        <li key={i.key}>{i.node}</li>
      ))}
    </ul>
  );
  // Long sums (the 19 carry-forward requests) fold away so the table stays readable.
  return items.length > 4 ? (
    <details>
      <summary>{items.length} rows</summary>
      {list}
    </details>
  ) : (
    list
  );
}

/** Tie-outs between tables: status in words, the two figures, the difference, and links to the rows. */
export function TieOutTable({ caption, results, target }: { caption: string; results: readonly TieOutResult[]; target?: string | null }) {
  return (
    <DataTable
      caption={caption}
      columns={[
        {
          key: 'check',
          header: 'Check',
          cell: (t: TieOutResult) => (
            <>
              {t.description}
              {t.note && <span className="check-note"> {t.note}</span>}
            </>
          ),
        },
        { key: 'status', header: 'Status', cell: (t) => <TieOutBadge status={t.status} /> },
        { key: 'printed', header: 'Figure', numeric: true, cell: (t) => tieOutFigure(t.printed, t.unit) },
        { key: 'against', header: 'Against', numeric: true, cell: (t) => tieOutFigure(t.computed, t.unit) },
        { key: 'difference', header: 'Difference', numeric: true, cell: (t) => (t.difference === null ? '—' : tieOutFigure(t.difference, t.unit)) },
        {
          key: 'rows',
          header: 'Rows behind it',
          cell: (t) => (
            <>
              <FigureLinks figures={[...t.printedFigures, ...t.againstFigures]} />
              {t.status === 'incomplete' && <span className="check-note">Missing: {t.missing.join('; ')}.</span>}
            </>
          ),
        },
      ]}
      rows={results}
      rowKey={(t) => t.id}
      rowId={(t) => checkAnchorId(t.id)}
      rowClass={(t) => (target === checkAnchorId(t.id) ? 'row-target' : undefined)}
    />
  );
}
