import { asciiText } from './byte-text';
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

/** Cells looked at before judging whether the column repeats. */
const TRIAL_CELLS = 2_000;
/** Pooled while at most one cell in this many has been a new value. */
const REPEATS = 4;
/** Distinct values kept at most, and their length: a pool never grows with the file, whatever its cells. */
export const POOL_VALUES = 4_096;
const MAX_CHARS = 64;
/** Open addressing, at most half full (POOL_VALUES values in twice as many slots). */
const SLOTS = POOL_VALUES * 2;
const MASK = SLOTS - 1;

/**
 * FNV-1a over a cell's UTF-16 code units, then its length: the record reader (plain-records.ts) folds each unit in
 * as it passes over the cell looking for its end, so that a cell is read once, not once to find it and again to
 * hash it (`HASH_SEED`, `hashUnit`, `hashEnd`). The values are compared whole wherever the hashes agree.
 */
export const HASH_SEED = 0x811c9dc5 | 0;
const PRIME = 0x01000193;
/** The hash so far with one more code unit folded in. */
export const hashUnit = (h: number, unit: number): number => Math.imul(h ^ unit, PRIME);
/** The hash of a cell of `length` units from the hash of its units. */
export const hashEnd = (h: number, length: number): number => Math.imul(h ^ length, PRIME);

/** The hash of text[start, end) (the same for a string as for the stretch of text it was cut from). */
function cellHash(text: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = hashUnit(h, text.charCodeAt(i));
  return hashEnd(h, end - start);
}

/** An array at least `needed` long and at least twice as long as `old`, with its values. */
function grown<T extends Uint16Array | Int32Array>(old: T, needed: number): T {
  const next = new (old.constructor as new (n: number) => T)(Math.max(old.length * 2, needed));
  next.set(old);
  return next;
}

/** A cell the reader did not look up (a record papaparse read, a column the row lacks): look it up by its text. */
export const NOT_LOOKED_UP = -2;

/** The number the reader gave a row's cell in its column's pool (-1: not pooled), or NOT_LOOKED_UP. */
export function codeOf(codes: Int32Array | undefined, cells: readonly string[], column: number): number {
  return codes !== undefined && column >= 0 && column < cells.length ? codes[column]! : NOT_LOOKED_UP;
}

export class CellPool {
  /** Slot -> the number of the value there, -1 for an empty slot. */
  private readonly slots = new Int32Array(SLOTS).fill(-1);
  /** Each value's hash, by number (a slot's value is compared only where the hashes agree). */
  private readonly hashes = new Int32Array(POOL_VALUES);
  /** The values kept, by number. */
  readonly values: string[] = [];
  /**
   * The values' UTF-16 code units end to end, and two words a value (where its units start, how many), for the
   * record reader's lookups to compare with the text a unit at a time. Compared with the strings themselves
   * (startsWith), the lookups took over a quarter of the record reader's time on the bench's ledger: a kept string
   * may be of either width, or a slice of an earlier piece of the text, and each is compared by another path.
   * Both grow with the values, as a file of thousands of columns has a pool for each.
   */
  private units = new Uint16Array(256);
  private spans = new Int32Array(64);
  private used = 0;
  private cells = 0;
  private on = true;

  /**
   * Whether cells are still being pooled: once not, every lookup gives -1, and the record reader (plain-records.ts)
   * neither hashes the column's cells nor looks them up.
   */
  get pooling(): boolean {
    return this.on;
  }

  /**
   * The number of this cell's value (below POOL_VALUES), or -1 when it is not pooled: the column has stopped
   * being pooled, or the cell is longer than a pooled value may be.
   */
  code(cell: string): number {
    const length = cell.length;
    if (!this.on || length > MAX_CHARS) return -1;
    this.cells++;
    const h = cellHash(cell, 0, length);
    let slot = h & MASK;
    for (;;) {
      const n = this.slots[slot]!;
      if (n < 0) break;
      if (this.hashes[n] === h && this.values[n] === cell) return n;
      slot = (slot + 1) & MASK;
    }
    return this.add(cell, h, slot);
  }

  /**
   * The number of the cell text[start, end), as code(text.slice(start, end)) gives it, found without making the
   * string when the value is already kept: the record reader (plain-records.ts) looks a ledger's repeated dates,
   * codes and names up this way, so that most of its cells are never made as fresh strings at all.
   */
  codeRange(text: string, start: number, end: number): number {
    return this.codeHashed(text, start, end, cellHash(text, start, end));
  }

  /** codeRange, given the cell's hash (its units folded in by the caller as it read them). */
  codeHashed(text: string, start: number, end: number, h: number): number {
    const length = end - start;
    if (!this.on || length > MAX_CHARS) return -1;
    this.cells++;
    let slot = h & MASK;
    for (;;) {
      const n = this.slots[slot]!;
      if (n < 0) break;
      if (this.hashes[n] === h && this.spans[n * 2 + 1] === length) {
        const units = this.units;
        const from = this.spans[n * 2]! - start;
        let k = start;
        while (k < end && units[from + k] === text.charCodeAt(k)) k++;
        if (k === end) return n;
      }
      slot = (slot + 1) & MASK;
    }
    return this.add(text.slice(start, end), h, slot);
  }

  /**
   * codeHashed for an ASCII cell read from the file's bytes (plain-bytes.ts): each byte is its code unit, so the hash
   * and the comparison are those of the same cell in decoded text, and the string is made only for a new value. The
   * probe is codeHashed's, written again rather than given the comparison as a function: each loop stays over one
   * kind of array, as the hottest lookups of the import need (a cell of a ledger's every row goes through one).
   */
  codeBytes(bytes: Uint8Array, start: number, end: number, h: number): number {
    const length = end - start;
    if (!this.on || length > MAX_CHARS) return -1;
    this.cells++;
    let slot = h & MASK;
    for (;;) {
      const n = this.slots[slot]!;
      if (n < 0) break;
      if (this.hashes[n] === h && this.spans[n * 2 + 1] === length) {
        const units = this.units;
        const from = this.spans[n * 2]! - start;
        let k = start;
        while (k < end && units[from + k] === bytes[k]) k++;
        if (k === end) return n;
      }
      slot = (slot + 1) & MASK;
    }
    return this.add(asciiText(bytes, start, end), h, slot);
  }

  /** A new value at `slot` (empty, where its probe ended); or the column stops being pooled (-1). */
  private add(cell: string, h: number, slot: number): number {
    const n = this.values.length;
    if (n + 1 >= POOL_VALUES || (this.cells >= TRIAL_CELLS && (n + 1) * REPEATS > this.cells)) {
      this.on = false;
      this.values.length = 0;
      this.units = new Uint16Array(0);
      this.spans = new Int32Array(0);
      return -1;
    }
    this.slots[slot] = n;
    this.hashes[n] = h;
    this.values.push(cell);
    const length = cell.length;
    if (this.used + length > this.units.length) this.units = grown(this.units, this.used + length);
    if (n * 2 + 2 > this.spans.length) this.spans = grown(this.spans, n * 2 + 2);
    this.spans[n * 2] = this.used;
    this.spans[n * 2 + 1] = length;
    for (let k = 0; k < length; k++) this.units[this.used + k] = cell.charCodeAt(k);
    this.used += length;
    return n;
  }

  /** The stored string for this cell: the one already kept when the value has been seen. */
  take(cell: string): string {
    const n = this.code(cell);
    return n < 0 ? cell : this.values[n]!;
  }
}
