import { CHUNK_ROWS, type BuiltChunk } from './stored-chunk';

/*
 * A ledger's line index: for each cost centre and subjective pair, where its lines are kept (chunk and row), in the
 * order the drill-down lists them by default (period, then posting date, then file order), and how many lines and
 * their exact sum (integer pence) in each period. Built at import from the chunks as they are made (and, for a
 * dataset stored before there was an index, by the read worker from its chunks), stored beside the chunks
 * (src/storage/line-index-records.ts). With it, the first page of any pair's lines reads only the chunks that hold
 * that page's lines, and the list's count and total read no chunk at all.
 *
 * The lines it indexes are the ones the drill-down lists: a row with an amount (a blank amount is no line), its
 * pair the cost centre and subjective cells trimmed (codes are text: leading zeros kept).
 */

/** Where the index finds a row: its chunk times CHUNK_ROWS plus its row in the chunk. */
export const positionOf = (chunk: number, row: number): number => chunk * CHUNK_ROWS + row;
export const chunkOfPosition = (position: number): number => Math.floor(position / CHUNK_ROWS);
export const rowOfPosition = (position: number): number => position % CHUNK_ROWS;

export interface LineIndex {
  /** The dataset's chunks when the index was made: a reader checks it against the dataset record. */
  chunkCount: number;
  /** Each pair's cost centre and subjective, as trimmed cells. */
  pairs: [costCentre: string, subjective: string][];
  /** A pair's entries (one per period it has lines in, periods ascending) run from entryStart[p] to entryStart[p + 1]. */
  entryStart: Uint32Array;
  entryPeriod: Uint8Array;
  entryCount: Uint32Array;
  /** The exact sum of the entry's lines, integer pence (each sum checked below 2^53). */
  entryPence: Float64Array;
  /** Every line's position (positionOf), by pair, then period, posting date and row: an entry's lines follow each other. */
  positions: Uint32Array;
}

/** An index without its positions (they are read a part at a time where the index is stored). */
export type IndexHead = Omit<LineIndex, 'positions'>;

/** An index's head: everything but its positions. */
export const headOf = (index: IndexHead): IndexHead => ({
  chunkCount: index.chunkCount,
  pairs: index.pairs,
  entryStart: index.entryStart,
  entryPeriod: index.entryPeriod,
  entryCount: index.entryCount,
  entryPence: index.entryPence,
});

/** Columns of the file that hold the pair; null where the file has none (no line has a pair, the index is empty). */
export interface LineIndexColumns {
  costCentre: number | null;
  subjective: number | null;
}

/** Grows a typed array by doubling. */
class Growing<T extends Uint32Array | Uint8Array | Float64Array> {
  length = 0;
  constructor(
    public values: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.values.length) {
      const next = this.make(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[this.length++] = v;
  }
}

/** Ids of codes (as trimmed cells): pairs are numbered by cost centre id and subjective id. */
const ID_LIMIT = 2 ** 26;

class CodeIds {
  private readonly byCell = new Map<string, number>();
  private readonly byCode = new Map<string, number>();
  readonly codes: string[] = [];
  of(cell: string): number {
    let id = this.byCell.get(cell);
    if (id !== undefined) return id;
    const code = cell.trim();
    id = this.byCode.get(code);
    if (id === undefined) {
      id = this.codes.length;
      if (id >= ID_LIMIT) throw new RangeError('Too many distinct codes to index.');
      this.codes.push(code);
      this.byCode.set(code, id);
    }
    this.byCell.set(cell, id);
    return id;
  }
}

/**
 * Builds a LineIndex from a dataset's chunks, given in order. Each row costs a few array reads where the chunk
 * carries the builder's dictionaries of its columns (the import), a map lookup a cell otherwise.
 */
export class LineIndexBuilder {
  private readonly costCentres = new CodeIds();
  private readonly subjectives = new CodeIds();
  private readonly pairIds = new Map<number, number>();
  private readonly pairKeys: number[] = [];
  private readonly pair = new Growing(new Uint32Array(1024), (n) => new Uint32Array(n));
  private readonly period = new Growing(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly date = new Growing(new Uint32Array(1024), (n) => new Uint32Array(n));
  private readonly position = new Growing(new Uint32Array(1024), (n) => new Uint32Array(n));
  private readonly pence = new Growing(new Float64Array(1024), (n) => new Float64Array(n));
  private chunks = 0;

  constructor(private readonly columns: LineIndexColumns) {}

  add(chunk: BuiltChunk): void {
    if (chunk.index !== this.chunks) throw new Error(`Chunk ${chunk.index} came where ${this.chunks} was expected.`);
    this.chunks++;
    const { costCentre, subjective } = this.columns;
    if (costCentre === null || subjective === null) return;
    const ccIds = this.idsOf(chunk, costCentre, this.costCentres);
    const subjIds = this.idsOf(chunk, subjective, this.subjectives);
    const amounts = chunk.pence['amount'];
    const dates = chunk.dates['postingDate'];
    if (!amounts) return;
    for (let i = 0; i < chunk.rowCount; i++) {
      const pence = amounts[i]!;
      if (Number.isNaN(pence)) continue;
      const key = ccIds(i) * ID_LIMIT + subjIds(i);
      let pair = this.pairIds.get(key);
      if (pair === undefined) {
        pair = this.pairKeys.length;
        this.pairKeys.push(key);
        this.pairIds.set(key, pair);
      }
      this.pair.push(pair);
      this.period.push(chunk.periods[i]!);
      this.date.push(dates?.[i] ?? 0);
      this.position.push(positionOf(chunk.index, i));
      this.pence.push(pence);
    }
  }

  /** A row's code id in a column: through the builder's dictionary of the column where the chunk has one. */
  private idsOf(chunk: BuiltChunk, column: number, ids: CodeIds): (row: number) => number {
    const cells = chunk.raw[column] ?? [];
    const dict = chunk.dictionaries?.[column];
    if (dict && dict.codes.length === chunk.rowCount) {
      const byCode = dict.values.map((v) => ids.of(v));
      return (row) => byCode[dict.codes[row]!]!;
    }
    return (row) => ids.of(cells[row] ?? '');
  }

  finish(): LineIndex {
    const n = this.pair.length;
    const pairs = this.pairKeys.length;
    const pair = this.pair.values;
    const period = this.period.values;
    const date = this.date.values;
    // Sorted by pair and period with a counting sort (stable: rows stay in file order within each), then each
    // (pair, period) run by posting date where it is not in date order already (a sort that keeps rows' order).
    let PERIODS = 1;
    for (let i = 0; i < n; i++) if (period[i]! >= PERIODS) PERIODS = period[i]! + 1;
    const bucketStart = new Uint32Array(pairs * PERIODS + 1);
    for (let i = 0; i < n; i++) bucketStart[pair[i]! * PERIODS + period[i]! + 1]!++;
    for (let b = 1; b < bucketStart.length; b++) bucketStart[b]! += bucketStart[b - 1]!;
    const order = new Uint32Array(n);
    const fill = bucketStart.slice(0, -1);
    for (let i = 0; i < n; i++) order[fill[pair[i]! * PERIODS + period[i]!]!++] = i;

    const entryStart = new Uint32Array(pairs + 1);
    const entryPeriod: number[] = [];
    const entryCount: number[] = [];
    const entryPence: number[] = [];
    const positions = new Uint32Array(n);
    for (let p = 0; p < pairs; p++) {
      entryStart[p] = entryPeriod.length;
      for (let q = 0; q < PERIODS; q++) {
        const from = bucketStart[p * PERIODS + q]!;
        const to = bucketStart[p * PERIODS + q + 1]!;
        if (from === to) continue;
        const run = order.subarray(from, to);
        let sorted = true;
        for (let k = 1; k < run.length && sorted; k++) if (date[run[k]!]! < date[run[k - 1]!]!) sorted = false;
        if (!sorted) run.set(Array.from(run).sort((a, b) => date[a]! - date[b]!));
        let sum = 0;
        for (let k = 0; k < run.length; k++) {
          const i = run[k]!;
          positions[from + k] = this.position.values[i]!;
          sum += this.pence.values[i]!;
          if (!Number.isSafeInteger(sum)) throw new RangeError('A total of ledger lines is beyond 2^53 pence.');
        }
        entryPeriod.push(q);
        entryCount.push(run.length);
        entryPence.push(sum);
      }
    }
    entryStart[pairs] = entryPeriod.length;
    return {
      chunkCount: this.chunks,
      pairs: this.pairKeys.map((key) => [
        this.costCentres.codes[Math.floor(key / ID_LIMIT)]!,
        this.subjectives.codes[key % ID_LIMIT]!,
      ]),
      entryStart,
      entryPeriod: Uint8Array.from(entryPeriod),
      entryCount: Uint32Array.from(entryCount),
      entryPence: Float64Array.from(entryPence),
      positions,
    };
  }
}

/** A pair's number in the index, or -1 where it has no line. */
export function pairOf(index: IndexHead, costCentre: string, subjective: string): number {
  // A map of the pairs, made once per index read (an index is read once and kept by the reader).
  let lookup = lookups.get(index);
  if (!lookup) {
    lookup = new Map(index.pairs.map(([c, s], p) => [`${c}\u0000${s}`, p]));
    lookups.set(index, lookup);
  }
  return lookup.get(`${costCentre}\u0000${subjective}`) ?? -1;
}
const lookups = new WeakMap<IndexHead, Map<string, number>>();

/** A pair's lines in one period: how many, their sum, and where their positions start in `positions`. */
export interface IndexEntry {
  period: number;
  count: number;
  pence: number;
  from: number;
}

/** A pair's entries, periods ascending. */
export function entriesOf(index: IndexHead, pair: number): IndexEntry[] {
  const out: IndexEntry[] = [];
  if (pair < 0) return out;
  // Positions of pairs before this one: the counts of their entries.
  let from = 0;
  const first = index.entryStart[pair]!;
  for (let e = 0; e < first; e++) from += index.entryCount[e]!;
  for (let e = first; e < index.entryStart[pair + 1]!; e++) {
    out.push({ period: index.entryPeriod[e]!, count: index.entryCount[e]!, pence: index.entryPence[e]!, from });
    from += index.entryCount[e]!;
  }
  return out;
}
