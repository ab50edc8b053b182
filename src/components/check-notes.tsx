import type { CheckResult } from '../domain/checks/casting';
import { checkSentence } from './check-words';
import { CheckBadge } from './status-badge';

/** Footnotes under a table: every check that did not pass, with the two figures and the difference, in words. */
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
          <CheckBadge status={c.status} /> {checkSentence(c, labelOf)}
        </li>
      ))}
    </ol>
  );
}
