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
}

/** An index without its positions (they are read a part at a time where the index is stored). */
export type IndexHead = Omit<LineIndex, 'positions'>;

/** An index's head: everything but its positions. */
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

/** The lines a builder noted, with its codes and pairs in the order met (LineIndexBuilder.part). */
export interface LineIndexPart {
  /** The number of the chunk after the last one noted. */
  chunks: number;
  costCentres: string[];
  subjectives: string[];
  pairKeys: [costCentre: number, subjective: number][];
  pair: Uint32Array;
  period: Uint8Array;
  date: Uint32Array;
  position: Uint32Array;
  pence: Float64Array;
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
 * Builds a LineIndex from a dataset's chunks, given in order. Runs beside the import, so each row costs a few array
 * reads: codes through the chunk builder's dictionaries where the chunk carries them (the import; a map lookup a
 * cell otherwise), pairs through a dense table of cost centre and subjective ids (a map where that would be large).
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

  /** `firstChunk`: the number of the first chunk given (a part of a file read apart from the rest starts later). */
  constructor(
    private readonly columns: LineIndexColumns,
    firstChunk = 0,
  ) {
    this.chunks = firstChunk;
  }

  /** The lines noted so far, for the builder of the part before to take in (absorb). Cloneable. */
  part(): LineIndexPart {
    const n = this.length;
    return {
      chunks: this.chunks,
      costCentres: this.costCentres.codes,
      subjectives: this.subjectives.codes,
      pairKeys: this.pairKeys,
      pair: this.pair.slice(0, n),
      period: this.period.slice(0, n),
      date: this.date.slice(0, n),
      position: this.position.slice(0, n),
      pence: this.pence.slice(0, n),
    };
  }

  /**
   * Takes in the lines of the part of the file that follows the chunks given so far (its first chunk is the next
   * one): its codes and pairs numbered after these in the order it met them, as one reading would have numbered
   * them, and its lines after these, in file order.
   */
  absorb(part: LineIndexPart, firstChunk: number): void {
    if (firstChunk !== this.chunks) throw new Error(`Chunk ${firstChunk} came where ${this.chunks} was expected.`);
    const cc = part.costCentres.map((c) => this.costCentres.of(c));
    const subj = part.subjectives.map((c) => this.subjectives.of(c));
    const pairs = part.pairKeys.map(([c, s]) => this.pairOf(cc[c]!, subj[s]!));
    const n = part.pair.length;
    this.reserve(this.length + n);
    for (let i = 0; i < n; i++) this.pair[this.length + i] = pairs[part.pair[i]!]!;
    this.period.set(part.period, this.length);
    this.date.set(part.date, this.length);
    this.position.set(part.position, this.length);
    this.pence.set(part.pence, this.length);
    this.length += n;
    this.chunks = part.chunks;
  }

  add(chunk: BuiltChunk): void {
    if (chunk.index !== this.chunks) throw new Error(`Chunk ${chunk.index} came where ${this.chunks} was expected.`);
    this.chunks++;
    const { costCentre, subjective } = this.columns;
    const amounts = chunk.pence['amount'];
    if (costCentre === null || subjective === null || !amounts) return;
    const ccIds = this.idsOf(chunk, costCentre, this.costCentres);
    const subjIds = this.idsOf(chunk, subjective, this.subjectives);
    const dates = chunk.dates['postingDate'];
    this.reserve(this.length + chunk.rowCount);
    const { pair, period, date, position, pence } = this;
    let at = this.length;
    for (let i = 0; i < chunk.rowCount; i++) {
      const amount = amounts[i]!;
      if (Number.isNaN(amount)) continue;
      const cc = ccIds(i);
      const subj = subjIds(i);
      const cached = cc < this.tableRows && subj < this.tableWidth ? this.table[cc * this.tableWidth + subj]! : -1;
      pair[at] = cached >= 0 ? cached : this.pairOf(cc, subj);
      period[at] = chunk.periods[i]!;
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
      const rows = Math.max(this.tableRows, cc + 1, 64);
      const width = Math.max(this.tableWidth, subj + 1, 64);
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

  /** A row's code id in a column: through the builder's dictionary of the column where the chunk has one. */
  private idsOf(chunk: BuiltChunk, column: number, ids: CodeIds): (row: number) => number {
    const cells = chunk.raw[column] ?? [];
    const dict = chunk.dictionaries?.[column];
    if (dict && dict.codes.length === chunk.rowCount) {
      const byCode = Int32Array.from(dict.values, (v) => ids.of(v));
      const codes = dict.codes;
      return (row) => byCode[codes[row]!]!;
    }
    return (row) => ids.of(cells[row] ?? '');
  }

  finish(): LineIndex {
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
        sum += pence[i]!;
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
    };
  }
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
