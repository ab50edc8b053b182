import { AS_TEXT, wayOfCell } from './amount-text';
import { codeOf, NOT_LOOKED_UP, type CellPool } from './cell-pool';
import { keptTexts, type KeptColumn } from './kept-column';
import { NumberedSplit } from './numbered-text';
import { textsRepeatTooLittle } from './packed-chunk';
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
 *
 * A column that is no longer pooled (its values hardly repeat: amounts, references) is kept, from the chunk after its
 * pool stopped, as packing keeps it (KeptColumn): an amount column as the way each cell writes the row's pence, a
 * byte, with the text only of a cell no way writes; any other as numbered references (the text before the number,
 * a dictionary, and the number), until its texts before repeat too little for that, when it goes back to texts. Its
 * cells are not held as strings until the chunk is packed: every such string outlived the young generation, was
 * copied there and promoted, and the import of the bench's million rows spent about a tenth of its time on them.
 * `raw` still gives each such column's texts, made when it is first read (packing does not read it).
 */

/** A column kept as the ways its cells write amount `amount` (an index of amountKeys), or split as references. */
type Keeping =
  { kind: 'ways'; amount: number; ways: Uint8Array; texts: string[] } | { kind: 'split'; split: NumberedSplit };

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
  /** Per raw column, how it is kept where not as texts (null: as texts). */
  readonly keeping: (Keeping | null)[];
  /** Columns whose references stopped being split (shared by the chunks of an import: not tried again). */
  readonly unsplit: Uint8Array;
}

/** What the import says of its columns, for every chunk. */
export interface ChunkColumns {
  /** For each amount key, the raw column its pence are read from alone (-1: none, or a debit and a credit). */
  readonly amountColumns: readonly number[];
  /** Columns whose references stopped being split, one byte a raw column, the same array for every chunk. */
  readonly unsplit: Uint8Array;
}

/** Cells a chunk's raw columns are made for at once, at most: 10 columns of 10,000 rows is 100,000. */
const PRESIZED_CELLS = 1_000_000;

/** An empty chunk of `capacity` rows: one pool per raw column, one stored column per amount and date key. */
export function newChunk(
  pools: readonly CellPool[],
  capacity: number,
  amountKeys: readonly string[],
  dateKeys: readonly string[],
  columns: ChunkColumns = { amountColumns: [], unsplit: new Uint8Array(pools.length) },
): ChunkBuilder {
  const presized = pools.length * capacity <= PRESIZED_CELLS;
  const keeping = pools.map((pool, c): Keeping | null => {
    if (pool.pooled || !presized) return null;
    const amount = columns.amountColumns.indexOf(c);
    if (amount >= 0) return { kind: 'ways', amount, ways: new Uint8Array(capacity), texts: [] };
    return columns.unsplit[c] ? null : { kind: 'split', split: new NumberedSplit(capacity) };
  });
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
    raw: pools.map(() => (presized ? new Array<string>(capacity) : [])),
    pence: amountKeys.map(() => new Float64Array(capacity)),
    periods: new Uint8Array(capacity),
    dates: dateKeys.map(() => new Uint32Array(capacity)),
    coding: pools.map((_, c) =>
      keeping[c]
        ? null
        : {
            local: new Int32Array(16).fill(-1),
            values: [],
            codes: new Uint16Array(Math.min(capacity, 64)),
          },
    ),
    keeping,
    unsplit: columns.unsplit,
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
  const keeping = chunk.keeping;
  for (let c = 0; c < raw.length; c++) {
    const cell = cells[c] ?? '';
    const keep = keeping[c];
    if (keep) {
      keepCell(chunk, c, keep, cell, i, amounts);
      continue;
    }
    const pool = chunk.pools[c]!;
    let n = codeOf(codes, cells, c);
    if (n === NOT_LOOKED_UP) n = pool.code(cell);
    if (n < 0) {
      raw[c]![i] = cell;
      coding[c] = null;
      continue;
    }
    const value = pool.values[n]!;
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

/** A cell of a kept column (see the top of the file). */
function keepCell(
  chunk: ChunkBuilder,
  c: number,
  keep: Keeping,
  cell: string,
  i: number,
  amounts: readonly (number | null)[],
): void {
  if (keep.kind === 'ways') {
    // The pence as addRow stores them (a blank amount as NaN).
    const way = wayOfCell(cell, amounts[keep.amount] ?? Number.NaN);
    keep.ways[i] = way;
    if (way === AS_TEXT) keep.texts.push(cell);
    return;
  }
  const split = keep.split;
  // Packing's rule for the chunk's whole capacity: a chunk of fewer rows is only stricter (packed-chunk.ts).
  if (!split.add(cell) || !textsRepeatTooLittle(chunk.capacity)(split.before.length, i + 1)) return;
  // Its texts before do not repeat: back to texts, the rows so far written again, for this chunk and the next.
  const column = chunk.raw[c]!;
  let number = 0;
  for (let r = 0; r <= i; r++) column[r] = split.text(r, (number += split.steps[r]!));
  chunk.keeping[c] = null;
  chunk.unsplit[c] = 1;
}

/**
 * The stored form of the rows added, numbered `index`: typed arrays cut to the rows held; with each column's
 * dictionary where every cell of it was pooled (for packing; not part of the stored layout).
 */
export function buildChunk(chunk: ChunkBuilder, index: number): BuiltChunk {
  const n = chunk.size;
  // A column made at the chunk's size holds only the rows added.
  for (const column of chunk.raw) column.length = n;
  const pence = Object.fromEntries(chunk.amountKeys.map((k, a) => [k, chunk.pence[a]!.slice(0, n)]));
  const kept = chunk.keeping.map((k): KeptColumn | null => {
    if (!k) return null;
    if (k.kind === 'split') return { split: k.split };
    return { amount: chunk.amountKeys[k.amount]!, ways: k.ways.subarray(0, n), texts: k.texts };
  });
  const raw: string[][] = chunk.raw;
  // A kept column's texts are made when it is first read (packing and the line index do not read it).
  kept.forEach((k, c) => {
    if (!k) return;
    let texts: string[] | null = null;
    Object.defineProperty(raw, c, {
      enumerable: true,
      configurable: true,
      get: () => (texts ??= keptTexts(k, n, pence)),
      set: (v: string[]) => void (texts = v),
    });
  });
  return {
    dictionaries: chunk.coding.map((c) => c && { values: c.values, codes: c.codes.subarray(0, n) }),
    kept,
    index,
    rowCount: n,
    lines: chunk.lines.slice(0, n),
    warned: chunk.warned.slice(0, n),
    raw,
    pence,
    periods: chunk.periods.slice(0, n),
    dates: Object.fromEntries(chunk.dateKeys.map((k, d) => [k, chunk.dates[d]!.slice(0, n)])),
  };
}
