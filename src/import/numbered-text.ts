/*
 * A column of references numbered one after another ("INV-0000123", "JNL004512", "PO 88120") kept as the text
 * before each number, the number and its width: the texts before repeat (a dictionary), the numbers step by
 * little (a small integer a row, or one value for the column). Every cell is some text followed by at most 15
 * digits (a number below 2^53, so exact), so any cell splits this way and is written back exactly: the text
 * before, then the number with zeros before it to its width. Packing (packed-chunk.ts) keeps a column so only
 * where that is the fewer bytes.
 */

/** Digits kept as the number at most: 10^15 - 1 is below 2^53. */
const MOST_DIGITS = 15;

/** A column split: the distinct texts before the numbers, each row's among them, its number's width and step. */
export interface NumberedColumn {
  before: string[];
  codes: Uint32Array;
  widths: Uint8Array;
  /**
   * Each row's number less the row before's, and the first row's less `from`, the number before it: the first
   * row steps as the second does, so that a column numbered one after another is one step for all its rows.
   * Exact: every number is below 2^53, `from` above -2^53.
   */
  steps: Float64Array;
  from: number;
  /** The cells' characters, to weigh against. */
  chars: number;
}

/**
 * The cells split, or null as soon as `tooMany(distinct, rows)` says the texts before do not repeat enough (after
 * `rows` rows, `distinct` texts). A character at a time, with no string made where a row's text before is the row
 * before's (nearly every row of a column of references): it runs over every such column of a large import.
 */
export function numberedColumn(
  cells: readonly string[],
  tooMany: (distinct: number, rows: number) => boolean,
): NumberedColumn | null {
  const n = cells.length;
  const codes = new Uint32Array(n);
  const widths = new Uint8Array(n);
  const steps = new Float64Array(n);
  const before: string[] = [];
  const seen = new Map<string, number>();
  let last = '';
  let lastCode = -1;
  let previous = 0;
  let chars = 0;
  for (let r = 0; r < n; r++) {
    const cell = cells[r]!;
    const length = cell.length;
    chars += length;
    let i = length;
    let number = 0;
    let scale = 1;
    while (i > 0 && length - i < MOST_DIGITS) {
      const c = cell.charCodeAt(i - 1);
      if (c < 48 || c > 57) break;
      number += (c - 48) * scale;
      scale *= 10;
      i--;
    }
    let code = lastCode;
    if (i !== last.length || lastCode < 0 || !cell.startsWith(last)) {
      last = cell.slice(0, i);
      let known = seen.get(last);
      if (known === undefined) {
        known = before.length;
        before.push(last);
        seen.set(last, known);
        if (tooMany(before.length, r + 1)) return null;
      }
      code = lastCode = known;
    }
    codes[r] = code;
    widths[r] = length - i;
    steps[r] = number - previous;
    previous = number;
  }
  // The first row's step, so far from 0, made the second's.
  const from = n > 1 ? steps[0]! - steps[1]! : 0;
  if (n > 1) steps[0] = steps[1]!;
  return { before, codes, widths, steps, from, chars };
}

/** A cell again: the text before, then the number with zeros before it to its width (none: no digits). */
export function numberedText(before: string, number: number, width: number): string {
  return width === 0 ? before : before + String(number).padStart(width, '0');
}
