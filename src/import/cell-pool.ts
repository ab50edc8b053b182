/*
 * One column's cell texts, kept once per distinct value, for the stored chunks. A ledger's dates,
 * periods, codes and names repeat row after row, but each row's cell is a fresh string; a stored chunk
 * keeps its cells alive until it is handed on, so every one of them survives the young generation and is
 * copied there and promoted. Pooled, a repeated value is stored as the string already kept, and the
 * fresh one dies young (measured on the bench's ledger: young-generation collection time down by about
 * two thirds, and the stored form from 530 to 220 bytes a row). A column whose values hardly repeat
 * (references, amounts) stops being pooled after its first rows, so it costs almost nothing.
 *
 * Each value kept has a number (its place in `values`), given as the cell is looked up: the chunk builder
 * keeps those numbers, so that packing a chunk (packed-chunk.ts) copies each column's dictionary rather than
 * looking every cell up a second time.
 */

import { codeKey } from './code-key';

/** Cells looked at before judging whether the column repeats. */
const TRIAL_CELLS = 2_000;
/** Pooled while at most one cell in this many has been a new value. */
const REPEATS = 4;
/** Distinct values kept at most, and their length: a pool never grows with the file, whatever its cells. */
const POOL_VALUES = 4_096;
const MAX_CHARS = 64;

export class CellPool {
  private readonly numbers = new Map<number | string, number>();
  /** The values kept, by number. */
  readonly values: string[] = [];
  private cells = 0;
  private pooling = true;

  /**
   * The number of this cell's value (below POOL_VALUES), or -1 when it is not pooled: the column has stopped
   * being pooled, or the cell is longer than a pooled value may be.
   */
  code(cell: string): number {
    if (!this.pooling || cell.length > MAX_CHARS) return -1;
    this.cells++;
    const key = codeKey(cell);
    const kept = this.numbers.get(key);
    if (kept !== undefined) return kept;
    const n = this.values.length;
    if (n + 1 >= POOL_VALUES || (this.cells >= TRIAL_CELLS && (n + 1) * REPEATS > this.cells)) {
      this.pooling = false;
      this.numbers.clear();
      this.values.length = 0;
      return -1;
    }
    this.numbers.set(key, n);
    this.values.push(cell);
    return n;
  }

  /** The stored string for this cell: the one already kept when the value has been seen. */
  take(cell: string): string {
    const n = this.code(cell);
    return n < 0 ? cell : this.values[n]!;
  }
}
