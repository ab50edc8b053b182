import { formatThousands, formatPounds, type Money } from '../domain/core/money';
import { toThousands } from '../domain/core/units';

/**
 * A figure in £'000 as the papers print it, with the exact pound figure a hover (and a screen reader)
 * away. A missing figure says so; it never shows as nil. A download of the table gets the exact figure.
 */
export function Thousands({ value }: { value: Money | null }) {
  if (value === null) {
    return (
      <span className="missing" title="Not shown in the source">
        n/s
      </span>
    );
  }
  // data-value: the exact figure in the unit shown, for the CSV download (table-csv.ts) and nothing else.
  return (
    <span title={formatPounds(value)} data-value={toThousands(value).toString()} data-unit="£'000">
      {formatThousands(value)}
    </span>
  );
}
