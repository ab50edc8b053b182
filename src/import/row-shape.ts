/*
 * Total, subtotal and footer rows, recognised by their shape rather than by a word alone: a supplier
 * called "Total Gas & Power" on a line with a cost centre is data. A row is a total when it has no code
 * where the data has codes (or is labelled as a total where the data has none) AND its amounts equal the
 * rows above it; a row with no code and no amounts is a footer or note. Totals are kept out of the data
 * and used as control totals.
 */

export type RowShape =
  | { type: 'data' }
  | { type: 'data'; warning: string }
  | { type: 'total' | 'subtotal'; reason: string; matches: boolean }
  | { type: 'footer'; reason: string };

const TOTAL_WORD = /\b(sub[\s-]?totals?|totals?|grand total)\b/i;

/**
 * A code: letters, digits and - / . _ + only, up to 30 characters, not a total word ("C8010", "01234",
 * "BCHCAG"); single spaces between its parts where it has a digit ("CC 10100", "PCC 4001": a prefix, as
 * some ledgers write their codes), never a phrase of words ("North West", "Grand Total"). Scanned by hand
 * because it runs on every row of a large ledger.
 */
export function isCodeShaped(value: string): boolean {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) === 32) start++;
  while (end > start && value.charCodeAt(end - 1) === 32) end--;
  const n = end - start;
  if (n === 0 || n > 30) return false;
  let t = false;
  let space = false;
  let digit = false;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    const alnum = isDigit || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (isDigit) digit = true;
    if (c === 32) {
      // One space between parts: the next character starts a part (the end was trimmed, so there is one).
      if (!isAlnum(value.charCodeAt(i + 1))) return false;
      space = true;
      continue;
    }
    if (!alnum && (i === start || (c !== 45 && c !== 47 && c !== 46 && c !== 95 && c !== 43))) return false;
    if (c === 116 || c === 84) t = true;
  }
  if (space && !digit) return false;
  // Every total word has a "t" in it: most codes ("00038", "C8010") need no regular expression.
  return n < 5 || !t || !TOTAL_WORD.test(value);
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export interface ShapeInput {
  /** Values of the file's code columns (cost centre, subjective, job code) for this row. */
  codes: readonly string[];
  /** Whether the data rows seen so far carry codes in those columns. */
  dataHasCodes: boolean;
  /** The row's label (first text column mapped), for files without codes. */
  label: string;
  /** Every cell of the row as read. */
  cells: readonly string[];
  /** The row's amounts in pence (null where blank or unreadable), per amount column. */
  amounts: readonly (number | null)[];
  /** Sums of the data rows since the last total, and since the start, per amount column (pence). */
  sinceLastTotal: readonly number[];
  sinceStart: readonly number[];
  /** An explicit row type column ("item", "subtotal", "total") when the file has one. */
  declaredType?: string;
  /** A date column of the row reads as a date (a posting date): a ledger line's, which a total row does not carry. */
  dated?: boolean;
}

function equalsRunning(amounts: readonly (number | null)[], running: readonly number[]): boolean {
  let compared = 0;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    if (a === null || a === undefined) continue;
    if (a !== running[i]) return false;
    compared++;
  }
  return compared > 0;
}

export function classifyRow(input: ShapeInput): RowShape {
  const declared = input.declaredType?.trim().toLowerCase();
  const matchesSince = equalsRunning(input.amounts, input.sinceLastTotal);
  const matchesAll = equalsRunning(input.amounts, input.sinceStart);
  if (declared === 'subtotal' || declared === 'total') {
    return {
      type: declared,
      reason: `marked "${input.declaredType ?? ''}" in the Row type column`,
      matches: matchesSince || matchesAll,
    };
  }
  const hasAmounts = input.amounts.some((a) => a !== null);
  const words = input.cells.some((c) => TOTAL_WORD.test(c));

  if (input.codes.length > 0 && input.dataHasCodes) {
    const coded = input.codes.some((c) => isCodeShaped(c));
    if (coded) return { type: 'data' };
    // A dated line without its codes is a line with cells missing (rejected for them, and seen), not a total
    // whose amount happens to equal the rows above: a total is known by its shape, not by its amount alone.
    if (input.dated) return { type: 'data' };
    if (hasAmounts && (matchesSince || matchesAll)) {
      const type = matchesSince ? 'subtotal' : 'total';
      return {
        type,
        reason: `no code, and its amounts equal the ${matchesSince ? 'rows since the previous total' : 'rows above'}`,
        matches: true,
      };
    }
    if (hasAmounts && words)
      return {
        type: 'total',
        reason: 'no code, and labelled as a total (its amounts do not equal the rows above)',
        matches: false,
      };
    if (!hasAmounts && input.cells.some((c) => c.trim() !== ''))
      return { type: 'footer', reason: 'no code and no amounts: a note or footer' };
    return { type: 'data' };
  }

  // Files without codes (reserves, carry-forwards, outturn by area): the label says total, the sums agree.
  const labelled = TOTAL_WORD.test(input.label);
  if (labelled && hasAmounts && (matchesSince || matchesAll)) {
    return {
      type: matchesSince ? 'subtotal' : 'total',
      reason: 'labelled as a total, and its amounts equal the rows above',
      matches: true,
    };
  }
  if (!hasAmounts && input.cells.filter((c) => c.trim() !== '').length === 1) {
    return { type: 'footer', reason: 'one cell and no amounts: a heading, note or footer' };
  }
  if (labelled && hasAmounts)
    return {
      type: 'data',
      warning: `"${input.label}" reads like a total, but its amounts do not equal the rows above, so it is kept as data`,
    };
  return { type: 'data' };
}
