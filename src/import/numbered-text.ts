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
 * A column split a cell at a time, as it is read: numberedColumn splits a whole column with it, and the chunk builder
 * (chunk-builder.ts) splits a column of references as its rows come, so that a reference is never kept as a string
 * of its own until the chunk is packed. A character at a time, with no string made where a row's text before is the
 * row before's (nearly every row of a column of references): it runs over every such column of a large import.
 */
export class NumberedSplit {
  readonly before: string[] = [];
  /** The row at which each text before was first met. */
  readonly firstRows: number[] = [];
  readonly codes: Uint32Array;
  readonly widths: Uint8Array;
  /** Each row's number less the row before's (the first row's less 0). */
  readonly steps: Float64Array;
  rows = 0;
  chars = 0;
  private readonly seen = new Map<string, number>();
  private last = '';
  private lastCode = -1;
  private previous = 0;

  constructor(capacity: number) {
    this.codes = new Uint32Array(capacity);
    this.widths = new Uint8Array(capacity);
    this.steps = new Float64Array(capacity);
  }

  /** Splits the next row's cell; true where its text before is new (the column's count of them has grown). */
  add(cell: string): boolean {
    const r = this.rows++;
    const length = cell.length;
    this.chars += length;
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
    let code = this.lastCode;
    let added = false;
    if (i !== this.last.length || code < 0 || !cell.startsWith(this.last)) {
      this.last = cell.slice(0, i);
      let known = this.seen.get(this.last);
      if (known === undefined) {
        known = this.before.length;
        this.before.push(this.last);
        this.firstRows.push(r);
        this.seen.set(this.last, known);
        added = true;
      }
      code = this.lastCode = known;
    }
    this.codes[r] = code;
    this.widths[r] = length - i;
    this.steps[r] = number - this.previous;
    this.previous = number;
    return added;
  }

  /** Row r's cell again (rows in order, from 0: `number` is the row before's number, 0 before the first). */
  text(r: number, number: number): string {
    return numberedText(this.before[this.codes[r]!]!, number, this.widths[r]!);
  }

  /**
   * The column of the rows split, or null where `tooMany(distinct, rows)` says its texts before do not repeat enough
   * (asked as each text before was first met, as numberedColumn asks it while it splits). Copies: the split is kept.
   */
  column(tooMany: (distinct: number, rows: number) => boolean): NumberedColumn | null {
    const n = this.rows;
    for (let k = 0; k < this.before.length; k++) if (tooMany(k + 1, this.firstRows[k]! + 1)) return null;
    const steps = this.steps.slice(0, n);
    // The first row's step, so far from 0, made the second's.
    const from = n > 1 ? steps[0]! - steps[1]! : 0;
    if (n > 1) steps[0] = steps[1]!;
    return {
      before: this.before.slice(),
      codes: this.codes.slice(0, n),
      widths: this.widths.slice(0, n),
      steps,
      from,
      chars: this.chars,
    };
  }
}

/**
 * The cells split, or null as soon as `tooMany(distinct, rows)` says the texts before do not repeat enough (after
 * `rows` rows, `distinct` texts).
 */
export function numberedColumn(
  cells: readonly string[],
  tooMany: (distinct: number, rows: number) => boolean,
): NumberedColumn | null {
  const split = new NumberedSplit(cells.length);
  for (let r = 0; r < cells.length; r++) if (split.add(cells[r]!) && tooMany(split.before.length, r + 1)) return null;
  return split.column(() => false);
}

/** A cell again: the text before, then the number with zeros before it to its width (none: no digits). */
export function numberedText(before: string, number: number, width: number): string {
  return width === 0 ? before : before + String(number).padStart(width, '0');
}
