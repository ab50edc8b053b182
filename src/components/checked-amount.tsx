import type { CheckResult } from '../domain/checks/casting';
import type { Money } from '../domain/core/money';
import { Thousands } from './money-cell';

/**
 * A printed figure in £'000 with a † linking to the note under its table when a check on this cell does
 * not pass (a failure or a rounding difference): the figure is shown as printed, never corrected silently.
 */
export function CheckedAmount({
  value,
  checks,
  column,
}: {
  value: Money | null;
  checks: readonly CheckResult[];
  column: string;
}) {
  const flagged = checks.find((c) => c.column === column && (c.status === 'fail' || c.status === 'rounding'));
  return (
    <>
      {flagged && (
        <a
          className="check-flag check-flag-link"
          href={`#check-${flagged.id}`}
          aria-label={flagged.status === 'fail' ? 'Does not cast: see the note' : 'Rounding difference: see the note'}
        >
          †
        </a>
      )}
      <Thousands value={value} />
    </>
  );
}
