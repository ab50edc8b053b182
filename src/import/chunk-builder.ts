import type { CellPool } from './cell-pool';
import type { StoredChunk } from './stored-chunk';

/*
 * Accepted rows gathered into one stored chunk, column by column: fixed typed arrays for line numbers,
 * warnings, pence, periods and dates, and each raw column's texts through its cell pool (one string kept
 * per repeated value). Its own step because its output is the stored layout (stored-chunk.ts) and must
 * be exactly that layout, trimmed to the rows it holds; the session only decides when a chunk is full.
 * Per row: one addRow, writing into arrays made once per chunk.
 */

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
}

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
    raw: pools.map(() => []),
    pence: amountKeys.map(() => new Float64Array(capacity)),
    periods: new Uint8Array(capacity),
    dates: dateKeys.map(() => new Uint32Array(capacity)),
  };
}

export function isFull(chunk: ChunkBuilder): boolean {
  return chunk.size >= chunk.capacity;
}

/** One accepted row. Amounts null (blank) are stored as NaN; cells beyond the row as ''. */
export function addRow(
  chunk: ChunkBuilder,
  cells: readonly string[],
  line: number,
  warned: boolean,
  amounts: readonly (number | null)[],
  period: number,
  dates: readonly number[],
): void {
  const i = chunk.size++;
  chunk.lines[i] = line;
  chunk.warned[i] = warned ? 1 : 0;
  const raw = chunk.raw;
  for (let c = 0; c < raw.length; c++) raw[c]!.push(chunk.pools[c]!.take(cells[c] ?? ''));
  const pence = chunk.pence;
  for (let a = 0; a < pence.length; a++) pence[a]![i] = amounts[a] ?? Number.NaN;
  chunk.periods[i] = period;
  const d = chunk.dates;
  for (let k = 0; k < d.length; k++) d[k]![i] = dates[k] ?? 0;
}

/** The stored form of the rows added, numbered `index`: typed arrays cut to the rows held. */
export function buildChunk(chunk: ChunkBuilder, index: number): StoredChunk {
  const n = chunk.size;
  return {
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
