import type { BuiltChunk } from './stored-chunk';

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

/**
 * The rows a position leaves for each chunk: a position is its chunk times this plus its row in the chunk. Fixed,
 * apart from the chunks' own size (CHUNK_ROWS, stored-chunk.ts): it was the chunks' size when indexes were first
 * stored, so indexes stored then read the same today, and a chunk of any size up to it has a position for each row.
 */
const POSITION_STRIDE = 10_000;

/** Where the index finds a row: its chunk times POSITION_STRIDE plus its row in the chunk. */
export const positionOf = (chunk: number, row: number): number => chunk * POSITION_STRIDE + row;
export const chunkOfPosition = (position: number): number => Math.floor(position / POSITION_STRIDE);
export const rowOfPosition = (position: number): number => position % POSITION_STRIDE;

export interface LineIndex {
  /** The dataset's chunks when the index was made: a reader checks it against the dataset record. */
  chunkCount: number;
  /** The cost centres and subjectives (trimmed cells), and each pair's two, by their numbers among them. */
  costCentres: string[];
  subjectives: string[];
  pairCostCentre: Uint32Array;
  pairSubjective: Uint32Array;
  /** A pair's entries (one per period it has lines in, periods ascending) run from entryStart[p] to entryStart[p + 1]. */
  entryStart: Uint32Array;
  entryPeriod: Uint8Array;
  entryCount: Uint16Array | Uint32Array;
  /** The exact sum of the entry's lines, integer pence (each sum checked below 2^53). */
  entryPence: Int32Array | Float64Array;
  /** Every line's position (positionOf), by pair, then period, posting date and row: an entry's lines follow each other. */
  positions: Uint32Array;
  /**
   * Every line's amount (integer pence) and posting date (yyyymmdd, 0 where none), in the order of `positions`: a
   * pair's lines sorted by amount or date without reading the chunks that hold them, only its page's (Int32 where
   * every amount fits, else Float64, exact below 2^53 as every amount is).
   */
  linePence: Int32Array | Float64Array;
  lineDates: Uint32Array;
}

/** The lines of an index: where each is, its amount and its date (read a part at a time where the index is stored). */
export type IndexLines = Pick<LineIndex, 'positions' | 'linePence' | 'lineDates'>;

/** An index without its lines (they are read a part at a time where the index is stored). */
export type IndexHead = Omit<LineIndex, keyof IndexLines>;

/** An index's head: everything but its lines (their places, amounts and dates). */
export const headOf = (index: IndexHead): IndexHead => ({
  chunkCount: index.chunkCount,
  costCentres: index.costCentres,
  subjectives: index.subjectives,
  pairCostCentre: index.pairCostCentre,
  pairSubjective: index.pairSubjective,
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

/** The columns a plan maps to the cost centre and the subjective. */
export const indexColumnsOf = (plan: { mapping: Record<string, number | null | undefined> }): LineIndexColumns => ({
  costCentre: plan.mapping['costCentre'] ?? null,
  subjective: plan.mapping['subjective'] ?? null,
});

/**
 * A column's cells as the index reads them: its distinct cells and each row's number among them (the chunk
 * builder's dictionary of the column where it kept one).
 */
interface NotedColumn {
  values: readonly string[];
  codes: Uint16Array | Uint32Array;
}

/**
 * What the index needs of one chunk: its amounts, periods, posting dates and pairs' cells, as references to the
 * chunk's own arrays. The import notes each chunk as it hands it on (no work a row where the chunk builder kept
 * the columns' dictionaries, as it does for a ledger's codes) and reads them into the index after the receipt
 * (finish): reading them as they came was 0.3 s of a million-row import's path to it.
 */
export interface NotedChunk {
  index: number;
  rowCount: number;
  amounts: Float64Array;
  periods: Uint8Array;
  dates: Uint32Array | null;
  costCentre: NotedColumn;
  subjective: NotedColumn;
}

/** The chunks a part's builder noted, for the builder of the part before to take in (absorb). Cloneable. */
export interface LineIndexPart {
  /** The number of the chunk after the last one noted. */
  chunks: number;
  noted: NotedChunk[];
}

/** A column of a chunk as its distinct cells and each row's number among them. */
function notedColumn(chunk: BuiltChunk, column: number): NotedColumn {
  const dict = chunk.dictionaries?.[column];
  if (dict && dict.codes.length === chunk.rowCount) return dict;
  const cells = chunk.raw[column] ?? [];
  const values: string[] = [];
  const byCell = new Map<string, number>();
  const codes = chunk.rowCount <= 0x10000 ? new Uint16Array(chunk.rowCount) : new Uint32Array(chunk.rowCount);
  for (let i = 0; i < chunk.rowCount; i++) {
    const cell = cells[i] ?? '';
    let code = byCell.get(cell);
    if (code === undefined) {
      code = values.length;
      values.push(cell);
      byCell.set(cell, code);
    }
    codes[i] = code;
  }
  return { values, codes };
}

/** What the index needs of a chunk; null where it has no line to index (no pair's columns, or no amount). */
function notedChunk(chunk: BuiltChunk, columns: LineIndexColumns): NotedChunk | null {
  const amounts = chunk.pence['amount'];
  if (columns.costCentre === null || columns.subjective === null || !amounts) return null;
  return {
    index: chunk.index,
    rowCount: chunk.rowCount,
    amounts,
    periods: chunk.periods,
    dates: chunk.dates['postingDate'] ?? null,
    costCentre: notedColumn(chunk, columns.costCentre),
    subjective: notedColumn(chunk, columns.subjective),
  };
}

/** Ids of codes (as trimmed cells): pairs are numbered by cost centre id and subjective id. */
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
      this.codes.push(code);
      this.byCode.set(code, id);
    }
    this.byCell.set(cell, id);
    return id;
  }
}

/** The dense table of pair ids (cost centre id by subjective id) is kept while it holds at most this many cells. */
const TABLE_LIMIT = 1 << 22;

/**
 * Builds a LineIndex from a dataset's chunks, given in order. The import notes each chunk as it hands it on (note)
 * and reads them all in after its receipt (finish); the read worker reads each as it comes (add). Each row costs a
 * few array reads: codes through the chunk builder's dictionaries where the chunk carries them (the import; a map
 * lookup a cell otherwise), pairs through a dense table of cost centre and subjective ids (a map where that would be
 * large).
 */
export class LineIndexBuilder {
  private readonly costCentres = new CodeIds();
  private readonly subjectives = new CodeIds();
  private readonly pairIds = new Map<number, Map<number, number>>();
  private readonly pairKeys: [costCentre: number, subjective: number][] = [];
  private table = new Int32Array(0);
  private tableWidth = 0;
  private tableRows = 0;
  private length = 0;
  private pair = new Uint32Array(0);
  private period = new Uint8Array(0);
  private date = new Uint32Array(0);
  private position = new Uint32Array(0);
  private pence = new Float64Array(0);
  private chunks: number;
  /** Chunks noted and not yet read into the index, in order. */
  private noted: NotedChunk[] = [];

  /** `firstChunk`: the number of the first chunk given (a part of a file read apart from the rest starts later). */
  constructor(
    private readonly columns: LineIndexColumns,
    firstChunk = 0,
  ) {
    this.chunks = firstChunk;
  }

  /** The chunks noted so far, for the builder of the part before to take in (absorb). Cloneable. */
  part(): LineIndexPart {
    if (this.length > 0) throw new Error('A part of a file is given its chunks by note, not add.');
    return { chunks: this.chunks, noted: this.noted };
  }

  /**
   * Takes in the chunks noted by the builder of the part of the file that follows the chunks given so far (its first
   * chunk is the next one), to be read after these: its codes and pairs are then numbered after these in the order
   * met, and its lines follow these, as one reading would have made them.
   */
  absorb(part: LineIndexPart, firstChunk: number): void {
    if (firstChunk !== this.chunks) throw new Error(`Chunk ${firstChunk} came where ${this.chunks} was expected.`);
    for (const n of part.noted) {
      if (n.index < firstChunk || n.index >= part.chunks) throw new Error(`Chunk ${n.index} is not the part's.`);
      this.noted.push(n);
    }
    this.chunks = part.chunks;
  }

  /** Notes a chunk's lines (a few references), read into the index by finish. */
  note(chunk: BuiltChunk): void {
    if (chunk.rowCount > POSITION_STRIDE)
      throw new RangeError(`A chunk of ${chunk.rowCount} rows has no position for each (at most ${POSITION_STRIDE}).`);
    if (chunk.index !== this.chunks) throw new Error(`Chunk ${chunk.index} came where ${this.chunks} was expected.`);
    this.chunks++;
    const noted = notedChunk(chunk, this.columns);
    if (noted) this.noted.push(noted);
  }

  /** Notes a chunk's lines and reads them into the index at once (the read worker's index, from stored chunks). */
  add(chunk: BuiltChunk): void {
    this.note(chunk);
    this.readNoted();
  }

  private readNoted(): void {
    for (const noted of this.noted) this.addLines(noted);
    this.noted = [];
  }

  private addLines(chunk: NotedChunk): void {
    const ccIds = Int32Array.from(chunk.costCentre.values, (v) => this.costCentres.of(v));
    const subjIds = Int32Array.from(chunk.subjective.values, (v) => this.subjectives.of(v));
    const ccCodes = chunk.costCentre.codes;
    const subjCodes = chunk.subjective.codes;
    const { amounts, periods, dates } = chunk;
    this.reserve(this.length + chunk.rowCount);
    const { pair, period, date, position, pence } = this;
    let at = this.length;
    for (let i = 0; i < chunk.rowCount; i++) {
      const amount = amounts[i]!;
      if (Number.isNaN(amount)) continue;
      const cc = ccIds[ccCodes[i]!]!;
      const subj = subjIds[subjCodes[i]!]!;
      const cached = cc < this.tableRows && subj < this.tableWidth ? this.table[cc * this.tableWidth + subj]! : -1;
      pair[at] = cached >= 0 ? cached : this.pairOf(cc, subj);
      period[at] = periods[i]!;
      date[at] = dates?.[i] ?? 0;
      position[at] = positionOf(chunk.index, i);
      pence[at] = amount;
      at++;
    }
    this.length = at;
  }

  /** A pair's id from the map (made where new), kept in the dense table while the table stays small. */
  private pairOf(cc: number, subj: number): number {
    let bySubjective = this.pairIds.get(cc);
    if (!bySubjective) this.pairIds.set(cc, (bySubjective = new Map<number, number>()));
    let id = bySubjective.get(subj);
    if (id === undefined) {
      id = this.pairKeys.length;
      this.pairKeys.push([cc, subj]);
      bySubjective.set(subj, id);
    }
    if (cc >= this.tableRows || subj >= this.tableWidth) {
      // Twice as many rows or columns as it had, where they are short, as far as the limit allows: grown to just the
      // new code, the table was copied whole for each cost centre and subjective met, and a ledger of 3,000 cost
      // centres and 800 subjectives took 5.5 s to index in Node, not 0.55 (npm run bench).
      const rows = cc < this.tableRows ? this.tableRows : grownTo(this.tableRows, cc + 1, subj + 1, this.tableWidth);
      const width = subj < this.tableWidth ? this.tableWidth : grownTo(this.tableWidth, subj + 1, rows, this.tableRows);
      if (rows * width > TABLE_LIMIT) return id;
      const grown = new Int32Array(rows * width).fill(-1);
      for (let r = 0; r < this.tableRows; r++)
        grown.set(this.table.subarray(r * this.tableWidth, (r + 1) * this.tableWidth), r * width);
      this.table = grown;
      this.tableRows = rows;
      this.tableWidth = width;
    }
    this.table[cc * this.tableWidth + subj] = id;
    return id;
  }

  private reserve(n: number): void {
    if (n <= this.pair.length) return;
    const size = Math.max(n, this.pair.length * 2);
    const grow = <T extends Uint32Array | Uint8Array | Float64Array>(old: T, made: T): T => (made.set(old), made);
    this.pair = grow(this.pair, new Uint32Array(size));
    this.period = grow(this.period, new Uint8Array(size));
    this.date = grow(this.date, new Uint32Array(size));
    this.position = grow(this.position, new Uint32Array(size));
    this.pence = grow(this.pence, new Float64Array(size));
  }

  finish(): LineIndex {
    this.readNoted();
    const n = this.length;
    const pairs = this.pairKeys.length;
    const { pair, period, date, position, pence } = this;
    // Rows by date (a counting sort over the dates' ranks: stable, so file order within a date), then by pair and
    // period (another, stable too): by pair, period, date and file order, in time linear in the rows. Each pass
    // carries the next one's key along, so that it reads them in order rather than all over the rows.
    const dateRank = ranksOf(date.subarray(0, n));
    let periods = 1;
    for (let i = 0; i < n; i++) if (period[i]! >= periods) periods = period[i]! + 1;
    const buckets = pairs * periods;
    const byDate = new Uint32Array(n);
    const keyByDate = new Uint32Array(n);
    const dateStart = startsOf(dateRank.ranks, dateRank.count);
    for (let i = 0; i < n; i++) {
      const at = dateStart[dateRank.ranks[i]!]!++;
      byDate[at] = i;
      keyByDate[at] = pair[i]! * periods + period[i]!;
    }
    const bucketStart = startsOf(keyByDate, buckets);
    const order = new Uint32Array(n);
    const orderKey = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      const at = bucketStart[keyByDate[k]!]!++;
      order[at] = byDate[k]!;
      orderKey[at] = keyByDate[k]!;
    }

    const positions = new Uint32Array(n);
    const lineDates = new Uint32Array(n);
    const linePence = new Float64Array(n);
    let linesFit = true;
    const entryStart = new Uint32Array(pairs + 1);
    // At most an entry a line: kept in arrays of that size, cut to the entries made.
    const entryPeriod = new Uint8Array(n);
    const entryCount = new Uint32Array(n);
    const entryPence = new Float64Array(n);
    let entries = 0;
    let countsFit = true;
    let penceFit = true;
    let k = 0;
    while (k < n) {
      const key = orderKey[k]!;
      const p = Math.floor(key / periods);
      let sum = 0;
      const from = k;
      for (; k < n && orderKey[k] === key; k++) {
        const i = order[k]!;
        positions[k] = position[i]!;
        lineDates[k] = date[i]!;
        const amount = pence[i]!;
        linePence[k] = amount;
        if (amount < -0x80000000 || amount > 0x7fffffff) linesFit = false;
        sum += amount;
        if (!Number.isSafeInteger(sum)) throw new RangeError('A total of ledger lines is beyond 2^53 pence.');
      }
      entryPeriod[entries] = key - p * periods;
      entryCount[entries] = k - from;
      entryPence[entries] = sum;
      entries++;
      if (k - from > 0xffff) countsFit = false;
      if (sum < -0x80000000 || sum > 0x7fffffff) penceFit = false;
      // Every pair has a line (it was made for one), and pairs come in id order: a pair's entries end here.
      entryStart[p + 1] = entries;
    }
    return {
      chunkCount: this.chunks,
      // Each code once, and a pair as two numbers: a ledger of many small pairs would otherwise keep its codes again
      // for every pair (a structured clone writes each string whole).
      costCentres: this.costCentres.codes,
      subjectives: this.subjectives.codes,
      pairCostCentre: Uint32Array.from(this.pairKeys, ([cc]) => cc),
      pairSubjective: Uint32Array.from(this.pairKeys, ([, subj]) => subj),
      entryStart,
      entryPeriod: entryPeriod.slice(0, entries),
      // The narrowest arrays that hold every figure exactly: a ledger of many small pairs has about an entry a row.
      entryCount: countsFit ? Uint16Array.from(entryCount.subarray(0, entries)) : entryCount.slice(0, entries),
      entryPence: penceFit ? Int32Array.from(entryPence.subarray(0, entries)) : entryPence.slice(0, entries),
      positions,
      linePence: linesFit ? Int32Array.from(linePence) : linePence,
      lineDates,
    };
  }
}

/**
 * A side of the dense table of pairs grown from `size` to hold `needed`: twice its size (at least 64), within
 * TABLE_LIMIT beside the other side (the larger of its size now and `otherNeeded`); just `needed` where even that
 * passes the limit (the caller then keeps the pair in its map alone).
 */
function grownTo(size: number, needed: number, otherNeeded: number, otherSize: number): number {
  const other = Math.max(otherSize, otherNeeded, 64);
  return Math.max(needed, 64, Math.min(size * 2, Math.floor(TABLE_LIMIT / other)));
}

/** Where each key's rows begin in a counting sort of `keys` (each below `count`). */
function startsOf(keys: Uint32Array, count: number): Uint32Array {
  const start = new Uint32Array(count + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i]! + 1]!++;
  for (let b = 1; b <= count; b++) start[b]! += start[b - 1]!;
  return start;
}

/** Each date's rank among the dates (0 for none, first), through a table over their span where it is small. */
function ranksOf(dates: Uint32Array): { ranks: Uint32Array; count: number } {
  const days = [...new Set(dates)].sort((a, b) => a - b);
  const ranks = new Uint32Array(dates.length);
  const first = days.find((d) => d !== 0) ?? 0;
  const span = (days[days.length - 1] ?? 0) - first;
  if (span >= 0 && span < 1 << 22) {
    const table = new Uint32Array(span + 1);
    days.forEach((d, r) => d !== 0 && (table[d - first] = r));
    for (let i = 0; i < dates.length; i++) ranks[i] = dates[i] === 0 ? 0 : table[dates[i]! - first]!;
  } else {
    const rank = new Map(days.map((d, r) => [d, r]));
    for (let i = 0; i < dates.length; i++) ranks[i] = rank.get(dates[i]!)!;
  }
  return { ranks, count: days.length };
}

/** A pair's number in the index, or -1 where it has no line. */
export function pairOf(index: IndexHead, costCentre: string, subjective: string): number {
  // A map of the pairs, made once per index read (an index is read once and kept by the reader).
  let lookup = lookups.get(index);
  if (!lookup) {
    lookup = new Map(
      Array.from(index.pairCostCentre, (c, p) => [
        `${index.costCentres[c] ?? ''}\u0000${index.subjectives[index.pairSubjective[p]!] ?? ''}`,
        p,
      ]),
    );
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
