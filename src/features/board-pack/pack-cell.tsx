import { exactText, shownText, type PackCell, type PackStatus } from '../../domain/board-pack/board-pack';
import { Money, formatPounds } from '../../domain/core/money';
import { toThousands } from '../../domain/core/units';

/** A status as a shape and a word (readable in black and white), coloured by its level as well. */
export function PackStatusBadge({ status }: { status: PackStatus }) {
  return (
    <span className={`badge pack-status pack-level-${status.level}`}>
      <span aria-hidden="true">{status.icon}</span> {status.text}
    </span>
  );
}

/**
 * One cell of a pack table as printed: an amount in whole £'000 (the exact pounds a hover away, and the
 * exact £'000 in data-value for the CSV download), a percentage, a count, a status or text.
 */
export function PackCellView({ cell }: { cell: PackCell }) {
  switch (cell.kind) {
    case 'amount':
      if (cell.exact === null) return <span className="missing">n/s</span>;
      return (
        <span
          title={formatPounds(new Money(cell.exact))}
          data-value={toThousands(new Money(cell.exact)).toString()}
          data-unit="£'000"
        >
          {shownText(cell)}
        </span>
      );
    case 'count':
      return <span data-count="">{shownText(cell)}</span>;
    case 'status':
      return <PackStatusBadge status={cell.status} />;
    default:
      return <>{shownText(cell)}</>;
  }
}

/** One cell of the notes' exact figures: pounds and pence (data-value in pounds for the CSV download). */
export function ExactCellView({ cell }: { cell: PackCell }) {
  if (cell.kind !== 'amount') return <PackCellView cell={cell} />;
  if (cell.exact === null) return <span className="missing">n/s</span>;
  return (
    <span data-value={cell.exact} data-unit="£">
      {exactText(cell)}
    </span>
  );
}
