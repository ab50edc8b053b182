import { codeOf, NOT_LOOKED_UP, type CellPool } from './cell-pool';
import type { BuiltChunk } from './stored-chunk';

/*
 * Accepted rows gathered into one stored chunk, column by column: fixed typed arrays for line numbers,
 * warnings, pence, periods and dates, and each raw column's texts through its cell pool (one string kept
 * per repeated value). Its own step because its output is the stored layout (stored-chunk.ts) and must
 * be exactly that layout, trimmed to the rows it holds; the session only decides when a chunk is full.
 * Per row: one addRow, writing into arrays made once per chunk.
 *
 * While a column's every cell in the chunk is pooled, the builder also keeps the column as a dictionary (its
 * distinct values in the order first met, and each row's number among them), from the number the pool gives
 * as it looks the cell up: packing the chunk then copies it (packed-chunk.ts) instead of looking every cell up
 * again. A chunk-local number is one read of an array indexed by the pool's number. Both arrays start small and
 * grow as needed: a file of 10,000 columns and few rows must not make 10,000 arrays of a chunk's size.
 */

/** A column's dictionary as it is built: the pool's number -> the chunk's (-1: not met yet). */
interface Coding {
  local: Int32Array;
  readonly values: string[];
  codes: Uint16Array;
}

/** An array twice as long (at least `needed`, at most `most`), with the values of the old one, the rest `fill`. */
function grown<T extends Int32Array | Uint16Array>(old: T, needed: number, most: number, fill: number): T {
  const next = new (old.constructor as new (n: number) => T)(Math.min(most, Math.max(needed, old.length * 2)));
  next.fill(fill, old.length);
  next.set(old);
  return next;
}

export interface ChunkBuilder {
  size: number;
  readonly capacity: number;
  readonly pools: readonly CellPool[];
  readonly amountKeys: readonly string[];
  readonly dateKeys: readonly string[];
  readonly lines: Uint32Array;
  readonly warned: Uint8Array;
  readonly raw: string[][];
  readonly pence: Float64Array[];
  readonly periods: Uint8Array;
  readonly dates: Uint32Array[];
  /** Per raw column, its dictionary so far; null once a cell of the chunk was not pooled. */
  readonly coding: (Coding | null)[];
}

/** Cells a chunk's raw columns are made for at once, at most: 10 columns of 10,000 rows is 100,000. */
const PRESIZED_CELLS = 1_000_000;

/** An empty chunk of `capacity` rows: one pool per raw column, one stored column per amount and date key. */
export function newChunk(
  pools: readonly CellPool[],
  capacity: number,
  amountKeys: readonly string[],
  dateKeys: readonly string[],
): ChunkBuilder {
  return {
    size: 0,
    capacity,
    pools,
    amountKeys,
    dateKeys,
    lines: new Uint32Array(capacity),
    warned: new Uint8Array(capacity),
    // Made at the chunk's size where that stays small (growing by push made each column's array three times
    // over, and the copies, live until the chunk is full, were copied again by every young-generation collection).
    raw: pools.map(() => (pools.length * capacity <= PRESIZED_CELLS ? new Array<string>(capacity) : [])),
    pence: amountKeys.map(() => new Float64Array(capacity)),
    periods: new Uint8Array(capacity),
    dates: dateKeys.map(() => new Uint32Array(capacity)),
    coding: pools.map(() => ({
      local: new Int32Array(16).fill(-1),
      values: [],
      // At the chunk's size where the raw columns are (grown from 64 rows, each chunk's were copied eight times).
      codes: new Uint16Array(pools.length * capacity <= PRESIZED_CELLS ? capacity : Math.min(capacity, 64)),
    })),
  };
}

export function isFull(chunk: ChunkBuilder): boolean {
  return chunk.size >= chunk.capacity;
}

/**
 * One accepted row. Amounts null (blank) are stored as NaN; cells beyond the row as ''. `codes`: the cells'
 * numbers in their pools where the reader looked them up as it read them (RecordReader.useCellPools).
 */
export function addRow(
  chunk: ChunkBuilder,
  cells: readonly string[],
  line: number,
  warned: boolean,
  amounts: readonly (number | null)[],
  period: number,
  dates: readonly number[],
  codes?: Int32Array,
): void {
  const i = chunk.size++;
  chunk.lines[i] = line;
  chunk.warned[i] = warned ? 1 : 0;
  const raw = chunk.raw;
  const coding = chunk.coding;
  for (let c = 0; c < raw.length; c++) {
    const cell = cells[c] ?? '';
    const pool = chunk.pools[c]!;
    let n = codeOf(codes, cells, c);
    // A cell the reader looked up is the value kept already (plain-records.ts hands on the pool's string).
    let value = cell;
    if (n === NOT_LOOKED_UP) {
      n = pool.code(cell);
      if (n >= 0) value = pool.values[n]!;
    }
    if (n < 0) {
      raw[c]![i] = cell;
      coding[c] = null;
      continue;
    }
    raw[c]![i] = value;
    const column = coding[c];
    if (!column) continue;
    if (n >= column.local.length) column.local = grown(column.local, n + 1, Infinity, -1);
    let local = column.local[n]!;
    if (local < 0) {
      local = column.values.length;
      column.local[n] = local;
      column.values.push(value);
    }
    if (i >= column.codes.length) column.codes = grown(column.codes, i + 1, chunk.capacity, 0);
    column.codes[i] = local;
  }
  const pence = chunk.pence;
  for (let a = 0; a < pence.length; a++) pence[a]![i] = amounts[a] ?? Number.NaN;
  chunk.periods[i] = period;
  const d = chunk.dates;
  for (let k = 0; k < d.length; k++) d[k]![i] = dates[k] ?? 0;
}

/**
 * The stored form of the rows added, numbered `index`: typed arrays cut to the rows held; with each column's
 * dictionary where every cell of it was pooled (for packing; not part of the stored layout).
 */
export function buildChunk(chunk: ChunkBuilder, index: number): BuiltChunk {
  const n = chunk.size;
  // A column made at the chunk's size holds only the rows added.
  for (const column of chunk.raw) column.length = n;
  return {
    dictionaries: chunk.coding.map((c) => c && { values: c.values, codes: c.codes.subarray(0, n) }),
    index,
    rowCount: n,
    lines: chunk.lines.slice(0, n),
    warned: chunk.warned.slice(0, n),
    raw: chunk.raw,
    pence: Object.fromEntries(chunk.amountKeys.map((k, a) => [k, chunk.pence[a]!.slice(0, n)])),
    periods: chunk.periods.slice(0, n),
    dates: Object.fromEntries(chunk.dateKeys.map((k, d) => [k, chunk.dates[d]!.slice(0, n)])),
  };
}
