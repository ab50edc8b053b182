import type { CheckResult } from '../domain/checks/casting';
import { formatThousands } from '../domain/core/money';
import { CheckBadge } from './status-badge';

function describe(check: CheckResult): string {
  if (check.status === 'incomplete') return `missing: ${check.missing.join(', ')}`;
  const isPercent = check.column === 'percent';
  const fmt = (v: CheckResult['computed']): string =>
    v === null ? 'n/s' : isPercent ? `${v.toDecimalPlaces(2).toString()}%` : formatThousands(v, { zero: '0' });
  return `printed ${fmt(check.printed)}, figures give ${fmt(check.computed)} (difference ${fmt(check.difference)})`;
}

/** Footnotes under a table: every check that did not pass, with the two figures and the difference. */
export function CheckNotes({
  checks,
  labelOf,
}: {
  checks: readonly CheckResult[];
  labelOf: (rowKey: string) => string;
}) {
  const notes = checks.filter((c) => c.status !== 'pass');
  if (notes.length === 0) return <p className="check-notes">Every total and variance in this table casts.</p>;
  return (
    <ol className="check-notes" aria-label="Where the printed figures do not cast">
      {notes.map((c) => (
        <li key={c.id} id={`check-${c.id}`}>
          <CheckBadge status={c.status} /> {labelOf(c.row)}, {c.column}: {c.description.toLowerCase()}: {describe(c)}.
        </li>
      ))}
    </ol>
  );
}
