import { formatThousands, formatPounds, type Money } from '../domain/money';

/**
 * A figure in £'000 as the papers print it, with the exact pound figure a hover (and a screen reader)
 * away. A missing figure says so; it never shows as nil.
 */
export function Thousands({ value }: { value: Money | null }) {
  if (value === null) {
    return (
      <span className="missing" title="Not shown in the source">
        n/s
      </span>
    );
  }
  return <span title={formatPounds(value)}>{formatThousands(value)}</span>;
}
