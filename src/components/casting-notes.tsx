import type { CheckResult } from '../domain/checks/casting';
import { checkSentence } from './check-words';
import { CheckBadge } from './status-badge';

/**
 * Notes under a table of its own checks: each failure and rounding difference with both figures and the
 * difference (its id is what a † in the table links to), how many passed, and, grouped by row, the checks
 * that cannot be made because a figure is not shown. A long list of "cannot check" lines would bury the
 * failures, so those are counted per row instead.
 */
export function CastingNotes({
  checks,
  labelOf,
  columnLabel,
}: {
  checks: readonly CheckResult[];
  labelOf: (rowKey: string) => string;
  columnLabel: (column: string) => string;
}) {
  const notes = checks.filter((c) => c.status === 'fail' || c.status === 'rounding');
  const passed = checks.filter((c) => c.status === 'pass').length;
  const incomplete = new Map<string, number>();
  for (const c of checks) if (c.status === 'incomplete') incomplete.set(c.row, (incomplete.get(c.row) ?? 0) + 1);
  return (
    <div className="check-notes">
      <p>
        {checks.length} checks: {passed} pass
        {notes.length > 0 ? `; ${notes.length} listed below` : ''}
        {incomplete.size > 0 && (
          <>
            ; cannot be made because a figure is not shown:{' '}
            {[...incomplete].map(([row, n]) => `${labelOf(row)} (${n})`).join(', ')}
          </>
        )}
        .
      </p>
      {notes.length > 0 && (
        <ol aria-label="Where the printed figures do not cast">
          {notes.map((c) => (
            <li key={c.id} id={`check-${c.id}`}>
              <CheckBadge status={c.status} /> {checkSentence(c, labelOf, columnLabel)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
