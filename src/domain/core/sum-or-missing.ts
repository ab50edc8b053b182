import { sum, type Money } from './money';

/**
 * Exact sum of amounts, or null if any is missing: a total with a gap in it is not a total, and a
 * missing figure is never read as nil.
 */
export function sumOrMissing(values: readonly (Money | null)[]): Money | null {
  const present = values.filter((v): v is Money => v !== null);
  return present.length === values.length ? sum(present) : null;
}
