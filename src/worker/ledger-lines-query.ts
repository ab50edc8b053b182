import {
  chunkOfPosition,
  entriesOf,
  LineIndexBuilder,
  pairOf,
  rowOfPosition,
  type IndexHead,
  type IndexLines,
  type LineIndex,
} from '../import/line-index';
import type { ChunkRows } from '../import/packed-rows';
import type { StoredChunk } from '../import/stored-chunk';

/*
 * The ledger lines behind one cost centre and subjective, as a page of the list the reader asked for: searched
 * (description, supplier, reference), filtered (a period), sorted, and one page of it, with the exact count and
 * total (integer pence) of every line that matches, not only of the page. Pure over the stored chunks, so the
 * same code runs in the read worker (read.worker.ts, off the page's thread) and, where there is no Worker (the
 * tests), on the page. The lines of one cost centre and subjective are kept once found (a few, most recent), and
 * the chunks of a few datasets: paging, sorting and searching again read nothing from storage.
 */

/** One ledger export and the periods of it that count (each period of a year comes from one export). */
export interface LedgerLineSource {
  datasetId: string;
  /** The file's name, shown beside each line's row. */
  name: string;
  /** The file's columns (by index) of the canonical fields; null where not mapped. */
  columns: {
    costCentre: number | null;
    subjective: number | null;
    description: number | null;
    supplier: number | null;
    reference: number | null;
  };
  periods: readonly number[];
}

export type LedgerSortKey = 'period' | 'date' | 'description' | 'supplier' | 'reference' | 'amount' | 'row';

export interface LedgerLinesRequest {
  sources: readonly LedgerLineSource[];
  costCentre: string;
  subjective: string;
  /** Case-insensitive text looked for in the description, supplier and reference; '' for every line. */
  search: string;
  /** One period only, or null for every period given. */
  period: number | null;
  sort: { key: LedgerSortKey; descending: boolean };
  /** The first line of the page (0-based) and how many lines a page holds. */
  offset: number;
  limit: number;
}

/** A ledger line as the list shows it: its amount in integer pence (a typed number crosses to the page as is). */
export interface LedgerLineRow {
  dataset: string;
  /** Spreadsheet row number in its file. */
  row: number;
  period: number;
  /** yyyymmdd, 0 where none. */
  date: number;
  description: string;
  supplier: string;
  reference: string;
  pence: number;
}

export interface LedgerLinesPage {
  lines: LedgerLineRow[];
  /** The first line of `lines` in the matching list (0-based): the offset asked for, brought back within it. */
  offset: number;
  /** Every line that matches the search and filter: how many, and their exact sum in pence. */
  matched: number;
  matchedPence: number;
  /** Every line of the cost centre and subjective in the periods given: how many, and their exact sum. */
  count: number;
  totalPence: number;
}

/** How far a long read has gone: chunks read of those it needs. */
export interface ReadProgress {
  done: number;
  total: number;
}

/** A line index as the reader holds it: its head, and its lines where it made them itself (else read a part at a time). */
export type HeldIndex = IndexHead & Partial<IndexLines>;

/** Where the reader finds stored rows (IndexedDB in the app, src/storage; memory in the tests). */
export interface LedgerStore {
  /** A dataset's line index without its positions; null where it has none (stored before there was one). */
  readIndexHead(datasetId: string): Promise<HeldIndex | null>;
  /** Positions `from` to `to` (not included) of a dataset's index. */
  readPositions(datasetId: string, from: number, to: number): Promise<Uint32Array>;
  /** Lines `from` to `to` of a dataset's index with their amounts and dates; null where it was kept without them. */
  readLineKeys(datasetId: string, from: number, to: number): Promise<IndexLines | null>;
  /** Keeps an index the reader made of a dataset that had none. */
  saveIndex(datasetId: string, index: LineIndex): Promise<unknown>;
  /** Keeps the amounts and dates the reader read of a stored index's lines, where it was kept without them. */
  saveLineKeys(datasetId: string, lines: Pick<IndexLines, 'linePence' | 'lineDates'>): Promise<unknown>;
  /** Every chunk of a dataset, decoded: read only to make the line index of a dataset that has none. */
  readChunks(datasetId: string): Promise<readonly StoredChunk[]>;
  /** Some chunks of a dataset, each read in place (a few rows are read of each). */
  readChunkRows(dataset: { id: string; name: string }, indices: readonly number[]): Promise<ChunkRows[]>;
}

/** Adds integer pence, refusing a sum past 2^53 (no longer exact) rather than returning it. */
function addExact(sum: number, pence: number): number {
  const next = sum + pence;
  if (!Number.isSafeInteger(next)) throw new RangeError('A total of these ledger lines is beyond 2^53 pence.');
  return next;
}

/** How many lines some runs hold, and their exact sum (integer pence), from the index's entries. */
function totalOf(runs: readonly Run[]): { count: number; pence: number } {
  let count = 0;
  let pence = 0;
  for (const r of runs) {
    count += r.count;
    pence = addExact(pence, r.pence);
  }
  return { count, pence };
}

/** A run of one pair's lines in one period of one export: where its positions are, how many, their sum. */
interface Run {
  source: LedgerLineSource;
  period: number;
  count: number;
  pence: number;
  from: number;
}

/** The orders a list is put in from its index alone (pageOfKeys); the others need its lines' texts. */
type KeyedSort = 'amount' | 'date' | 'period' | 'row';
const KEYED_SORTS: ReadonlySet<LedgerSortKey> = new Set<KeyedSort>(['amount', 'date', 'period', 'row']);

/** A list in the order asked for: its runs and their lines (from the index), each line by its run and place in it. */
interface SortedLines {
  runs: Run[];
  keys: IndexLines[];
  runOf: Uint32Array;
  at: Uint32Array;
  /** The lines (numbered in the list's own order) in the order asked for. */
  order: number[];
}

/**
 * Chunks read at once by a long read (between them, a page asked for meanwhile is read): 24,000 rows of the chunks
 * cut now (CHUNK_ROWS, 1,500), 160,000 of the 10,000-row chunks stored before.
 */
const CHUNKS_A_STEP = 16;

/** Rows of chunks kept once read (a chunk is kept as its bytes, about 36 bytes a row): about 90 MB. */
const KEEP_ROWS = 2_560_000;

/**
 * Answers pages of ledger lines from each dataset's line index (src/import/line-index.ts) and the few chunks that
 * hold the page's lines: the count and total of a pair, by period, are the index's, so the list in its own order
 * (by period, either way; any period filter) reads only its page's rows. Searching or another order needs every
 * line of the pair: read from the chunks that hold them (only their rows), a few chunks at a time with its
 * progress said, and kept (the lines of a few pairs) so that sorting and paging again read nothing. Keeps the
 * indexes of a few datasets and the chunks last read (at most `keep.chunks`).
 */
export class LedgerLinesReader {
  private readonly indexes = new Map<string, Promise<HeldIndex>>();
  private readonly chunks = new ChunkCache(KEEP_ROWS);
  private readonly lines = new Map<string, Promise<LedgerLineRow[]>>();
  /** Lists put in order from their indexes' amounts and dates (pageOfKeys): paging on reads only the page's rows. */
  private readonly sorted = new Map<string, Promise<SortedLines | null>>();
  /**
   * Datasets whose stored index is known to hold its lines' amounts and dates (addKeys): each read-ahead (every cost
   * centre opened) would otherwise read a part of them again to look.
   */
  private readonly keyed = new Set<string>();
  /** The page being read, if any: reading ahead waits for it between its steps (the page asked for comes first). */
  private reading: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: LedgerStore,
    private readonly keep = { datasets: 8, pairs: 8 },
  ) {}

  /**
   * Reads ahead of a drill-down (a reader opening a cost centre will soon ask): each dataset's index (made, where it
   * has none, from its chunks), then its chunks, a few at a time, so that a page asked for meanwhile is not queued
   * behind them all.
   */
  async warm(sources: readonly Pick<LedgerLineSource, 'datasetId' | 'name' | 'columns'>[]): Promise<void> {
    for (const source of sources) {
      const index = await this.indexOf(source);
      const rows: ChunkRows[] = [];
      for (let i = 0; i < index.chunkCount; i += CHUNKS_A_STEP) {
        const step = Array.from({ length: Math.min(CHUNKS_A_STEP, index.chunkCount - i) }, (_, k) => i + k);
        await this.reading;
        (await this.chunksOf(source, step)).forEach((r, k) => (rows[step[k]!] = r));
      }
      await this.reading;
      await this.addKeys(source, index, rows);
    }
  }

  /**
   * Gives an index kept without its lines' amounts and dates (before 5 December 2026, or its page left between its
   * two writes) them, read from the rows the read-ahead has just read, in the index's order, and keeps them: its
   * lists are sorted from the index from then on (pageOfKeys), not from every line of the pair.
   */
  private async addKeys(
    source: Pick<LedgerLineSource, 'datasetId' | 'name'>,
    index: HeldIndex,
    rows: readonly ChunkRows[],
  ): Promise<void> {
    if (index.positions || this.keyed.has(source.datasetId)) return; // made here, with them; or looked at already
    let lines = 0;
    for (const count of index.entryCount) lines += count;
    if (lines === 0 || (await this.store.readLineKeys(source.datasetId, 0, 1))) {
      this.keyed.add(source.datasetId);
      return;
    }
    const positions = await this.store.readPositions(source.datasetId, 0, lines);
    const linePence = new Float64Array(lines);
    const lineDates = new Uint32Array(lines);
    let fit = true;
    for (let i = 0; i < lines; i++) {
      const chunk = rows[chunkOfPosition(positions[i]!)];
      const row = rowOfPosition(positions[i]!);
      const pence = chunk && row < chunk.rowCount ? chunk.amount('amount', row) : Number.NaN;
      if (Number.isNaN(pence)) throw new Error(indexMismatch(source));
      linePence[i] = pence;
      lineDates[i] = chunk!.date('postingDate', row);
      if (pence < -0x80000000 || pence > 0x7fffffff) fit = false;
    }
    await this.store.saveLineKeys(source.datasetId, {
      linePence: fit ? Int32Array.from(linePence) : linePence,
      lineDates,
    });
    this.keyed.add(source.datasetId);
    this.sorted.clear(); // lists sorted from their rows meanwhile are sorted from the index from now on
  }

  page(request: LedgerLinesRequest, onProgress?: (p: ReadProgress) => void): Promise<LedgerLinesPage> {
    const page = this.pageOf(request, onProgress);
    this.reading = page.catch(() => undefined);
    return page;
  }

  /**
   * Reads every line of the request's pair, with the text a search looks in, ahead of a search or an order by text
   * about to be asked (the reader has entered the search box, or come to a text column's button): it then finds them
   * kept. Reading them when the search was made, after the list's rest from typing, took 170 ms of a pair of 13,540
   * lines of a million-row ledger (issue 16, point 5).
   */
  async hold(request: LedgerLinesRequest): Promise<void> {
    const held = this.runsOf(request).then((runs) => this.linesOf(request, runs));
    this.reading = held.catch(() => undefined);
    searchTextsOf(await held);
  }

  private async pageOf(request: LedgerLinesRequest, onProgress?: (p: ReadProgress) => void): Promise<LedgerLinesPage> {
    const runs = await this.runsOf(request);
    const periods = runs.map((r) => r.period);
    const ownOrder =
      request.search.trim() === '' && request.sort.key === 'period' && new Set(periods).size === periods.length;
    if (ownOrder) return this.pageOfRuns(request, runs);
    const keyed = request.search.trim() === '' ? await this.pageOfKeys(request, runs) : null;
    if (keyed) return keyed;
    const all = await this.linesOf(request, runs, onProgress);
    let totalPence = 0;
    for (const l of all) totalPence = addExact(totalPence, l.pence);
    const needle = lowerCased(request.search.trim());
    const texts = needle === '' ? null : searchTextsOf(all);
    // The matching lines by their place in `all` (the order found): a sort by text uses the ranks kept for `all`.
    const matching: number[] = [];
    let matchedPence = 0;
    all.forEach((l, i) => {
      if (request.period !== null && l.period !== request.period) return;
      const found =
        !texts ||
        texts[3 * i]!.includes(needle) ||
        texts[3 * i + 1]!.includes(needle) ||
        texts[3 * i + 2]!.includes(needle);
      if (!found) return;
      matching.push(i);
      matchedPence = addExact(matchedPence, l.pence);
    });
    const sorted = sortLines(all, matching, request.sort.key, request.sort.descending);
    const { offset, limit } = pageWithin(request, sorted.length);
    return {
      lines: sorted.slice(offset, offset + limit).map((i) => all[i]!),
      offset,
      matched: matching.length,
      matchedPence,
      count: all.length,
      totalPence,
    };
  }

  /** The pair's runs in each export's periods, periods ascending. */
  private async runsOf(request: LedgerLinesRequest): Promise<Run[]> {
    const runs: Run[] = [];
    for (const source of request.sources) {
      if (source.columns.costCentre === null || source.columns.subjective === null) continue;
      const index = await this.indexOf(source);
      const wanted = new Set(source.periods);
      for (const e of entriesOf(index, pairOf(index, request.costCentre, request.subjective)))
        if (wanted.has(e.period)) runs.push({ source, ...e });
    }
    return runs.sort((a, b) => a.period - b.period);
  }

  /** A page in the list's own order (by period, then date and row), from the index and the page's rows alone. */
  private async pageOfRuns(request: LedgerLinesRequest, all: Run[]): Promise<LedgerLinesPage> {
    const { count, pence: totalPence } = totalOf(all);
    const runs = all.filter((r) => request.period === null || r.period === request.period);
    if (request.sort.descending) runs.reverse(); // periods descending; within one, still by date and row
    const { count: matched, pence: matchedPence } = totalOf(runs);
    const { offset, limit } = pageWithin(request, matched);
    // The page's positions: `limit` lines from `offset`, run after run.
    const wanted: { source: LedgerLineSource; from: number; to: number }[] = [];
    let skip = offset;
    let left = limit;
    for (const r of runs) {
      if (left === 0) break;
      if (skip >= r.count) {
        skip -= r.count;
        continue;
      }
      const take = Math.min(left, r.count - skip);
      wanted.push({ source: r.source, from: r.from + skip, to: r.from + skip + take });
      skip = 0;
      left -= take;
    }
    const lines: LedgerLineRow[] = [];
    for (const w of wanted)
      lines.push(...(await this.linesAt(request, w.source, await this.positionsOf(w.source, w.from, w.to))));
    return { lines, offset, matched, matchedPence, count, totalPence };
  }

  /**
   * A page sorted by amount, date, period or file row, from the index's own amounts and dates: the list put in order
   * without reading its lines' chunks, then only its page's rows read (a pair of 13,540 lines of a million-row ledger
   * sorted by amount read every chunk that held one, 248-347 ms from the click to the page; this, 157-170). Null where an
   * export's index was kept without them (before 5 December 2026), or the order needs what only the rows hold: the
   * list is then sorted from its lines, read whole.
   */
  private async pageOfKeys(request: LedgerLinesRequest, all: readonly Run[]): Promise<LedgerLinesPage | null> {
    const sorted = await this.sortedByKeys(request, all);
    if (!sorted) return null;
    const { runs, keys, order } = sorted;
    const { count, pence: totalPence } = totalOf(all);
    const matchedPence = totalOf(runs).pence;
    const { offset, limit } = pageWithin(request, order.length);
    const page = order.slice(offset, offset + limit);
    // Read export by export (each reads only the chunks that hold its lines of the page), then put in page order.
    const lines: LedgerLineRow[] = new Array<LedgerLineRow>(page.length);
    const bySource = new Map<LedgerLineSource, number[]>();
    page.forEach((line, k) => {
      const source = runs[sorted.runOf[line]!]!.source;
      const places = bySource.get(source);
      if (places) places.push(k);
      else bySource.set(source, [k]);
    });
    const keyOf = (k: number) => {
      const line = page[k]!;
      const lines = keys[sorted.runOf[line]!]!;
      const at = sorted.at[line]!;
      return { position: lines.positions[at]!, pence: lines.linePence[at]!, date: lines.lineDates[at]! };
    };
    for (const [source, places] of bySource) {
      const read = await this.linesAt(
        request,
        source,
        places.map((k) => keyOf(k).position),
      );
      places.forEach((k, i) => {
        const line = read[i]!;
        // Put in order by the index's amount and date: each must be its row's, or the order would not be the list's.
        const { pence, date } = keyOf(k);
        if (line.pence !== pence || line.date !== date) throw new Error(indexMismatch(source));
        lines[k] = line;
      });
    }
    return { lines, offset, matched: order.length, matchedPence, count, totalPence };
  }

  /** The matching lines in the order asked for, from the index's amounts and dates, kept for the next page. */
  private sortedByKeys(request: LedgerLinesRequest, all: readonly Run[]): Promise<SortedLines | null> {
    const { key, descending } = request.sort;
    if (!KEYED_SORTS.has(key)) return Promise.resolve(null);
    const runs = all.filter((r) => request.period === null || r.period === request.period);
    // Two exports of one period are interleaved by date and row, which the index does not hold across exports; and
    // file order across exports is by name, then row, which positions give only within one: two exports of the same
    // name are sorted from their rows.
    if (new Set(runs.map((r) => r.period)).size !== runs.length) return Promise.resolve(null);
    if (key === 'row') {
      const sources = [...new Set(runs.map((r) => r.source))];
      for (let i = 0; i < sources.length; i++)
        for (let j = i + 1; j < sources.length; j++)
          if (collator.compare(sources[i]!.name, sources[j]!.name) === 0) return Promise.resolve(null);
    }
    const cacheKey = JSON.stringify([
      request.sources,
      request.costCentre,
      request.subjective,
      request.period,
      key,
      descending,
    ]);
    return remember(this.sorted, cacheKey, this.keep.pairs, async () => {
      const keys: IndexLines[] = [];
      for (const r of runs) {
        const k = await this.keysOf(r.source, r.from, r.from + r.count);
        if (!k) return null;
        keys.push(k);
      }
      const n = totalOf(runs).count;
      // Each line as its run and its place in the run, in the list's own order (runs by period; each by date, row).
      const runOf = new Uint32Array(n);
      const at = new Uint32Array(n);
      let line = 0;
      runs.forEach((r, i) => {
        for (let j = 0; j < r.count; j++, line++) {
          runOf[line] = i;
          at[line] = j;
        }
      });
      const compare: (a: number, b: number) => number = {
        amount: (a: number, b: number) => keys[runOf[a]!]!.linePence[at[a]!]! - keys[runOf[b]!]!.linePence[at[b]!]!,
        date: (a: number, b: number) => keys[runOf[a]!]!.lineDates[at[a]!]! - keys[runOf[b]!]!.lineDates[at[b]!]!,
        period: (a: number, b: number) => runs[runOf[a]!]!.period - runs[runOf[b]!]!.period,
        row: (a: number, b: number) => {
          const ra = runs[runOf[a]!]!;
          const rb = runs[runOf[b]!]!;
          if (ra.source !== rb.source) return collator.compare(ra.source.name, rb.source.name);
          return keys[runOf[a]!]!.positions[at[a]!]! - keys[runOf[b]!]!.positions[at[b]!]!;
        },
      }[key as KeyedSort];
      const sign = descending ? -1 : 1;
      // Array sort is stable: lines that tie stay in the list's own order, as sortLines keeps them.
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => sign * compare(a, b));
      return { runs, keys, runOf, at, order };
    });
  }

  /** Lines `from` to `to` of an export's index with their amounts and dates; null where it has none. */
  private async keysOf(source: LedgerLineSource, from: number, to: number): Promise<IndexLines | null> {
    const index = await this.indexOf(source);
    if (index.positions && index.linePence && index.lineDates)
      return {
        positions: index.positions.subarray(from, to),
        linePence: index.linePence.subarray(from, to),
        lineDates: index.lineDates.subarray(from, to),
      };
    return this.store.readLineKeys(source.datasetId, from, to);
  }

  /** The lines at some positions of one export's index, in the order given, reading only the chunks that hold them. */
  private async linesAt(
    request: LedgerLinesRequest,
    source: LedgerLineSource,
    positions: ArrayLike<number>,
    onChunks?: (read: number) => void,
  ): Promise<LedgerLineRow[]> {
    const needed = [...new Set(Array.from(positions, chunkOfPosition))].sort((a, b) => a - b);
    const rows = new Map<number, ChunkRows>();
    for (let i = 0; i < needed.length; i += CHUNKS_A_STEP) {
      const step = needed.slice(i, i + CHUNKS_A_STEP);
      (await this.chunksOf(source, onChunks ? step : needed)).forEach((r, k) => rows.set(r.index, r) ?? k);
      onChunks?.(rows.size);
      if (!onChunks) break; // a page's few chunks are read at once
    }
    return Array.from(positions, (p) => lineOf(rows.get(chunkOfPosition(p))!, rowOfPosition(p), source, request));
  }

  private chunksOf(source: Pick<LedgerLineSource, 'datasetId' | 'name'>, indices: readonly number[]) {
    const key = (i: number) => `${source.datasetId}\u0000${i}`;
    const missing = indices.filter((i) => !this.chunks.has(key(i)));
    const read =
      missing.length > 0 ? this.store.readChunkRows({ id: source.datasetId, name: source.name }, missing) : null;
    for (let k = 0; k < missing.length; k++)
      void this.chunks.add(
        key(missing[k]!),
        read!.then((rows) => rows[k]!),
      );
    return Promise.all(
      indices.map(
        (i) =>
          this.chunks.get(key(i)) ??
          this.chunks.add(
            key(i),
            this.store.readChunkRows({ id: source.datasetId, name: source.name }, [i]).then((rows) => rows[0]!),
          ),
      ),
    );
  }

  private async positionsOf(source: LedgerLineSource, from: number, to: number): Promise<ArrayLike<number>> {
    const index = await this.indexOf(source);
    return index.positions ? index.positions.subarray(from, to) : this.store.readPositions(source.datasetId, from, to);
  }

  /**
   * A dataset's line index: as stored, or, for a dataset stored before there was one (or taken in from a workspace
   * file), made here from its chunks (read whole, once) and kept for next time.
   */
  private indexOf(source: Pick<LedgerLineSource, 'datasetId' | 'columns'>): Promise<HeldIndex> {
    return remember(this.indexes, source.datasetId, this.keep.datasets, async () => {
      const head = await this.store.readIndexHead(source.datasetId);
      if (head) return head;
      const builder = new LineIndexBuilder(source.columns);
      for (const chunk of await this.store.readChunks(source.datasetId)) builder.add(chunk);
      const made = builder.finish();
      await this.store.saveIndex(source.datasetId, made).catch(() => undefined); // made again next time
      return made;
    });
  }

  /** Every line of the pair in the sources' periods, in period, date and row order. */
  private linesOf(
    request: LedgerLinesRequest,
    runs: readonly Run[],
    onProgress?: (p: ReadProgress) => void,
  ): Promise<LedgerLineRow[]> {
    const key = JSON.stringify([request.sources, request.costCentre, request.subjective]);
    return remember(this.lines, key, this.keep.pairs, async () => {
      const bySource = new Map<LedgerLineSource, number[]>();
      for (const r of runs) {
        const positions = await this.positionsOf(r.source, r.from, r.from + r.count);
        bySource.set(r.source, [...(bySource.get(r.source) ?? []), ...Array.from(positions)]);
      }
      const total = [...bySource.values()].reduce((t, ps) => t + new Set(ps.map(chunkOfPosition)).size, 0);
      let before = 0;
      const out: LedgerLineRow[] = [];
      for (const [source, positions] of bySource) {
        const lines = await this.linesAt(request, source, positions, (read) =>
          onProgress?.({ done: before + read, total }),
        );
        before += new Set(positions.map(chunkOfPosition)).size;
        out.push(...lines);
      }
      return out.sort((a, b) => a.period - b.period || a.date - b.date || a.row - b.row);
    });
  }
}

/** The page asked for, brought within the list: a page past the end is the last. */
function pageWithin(request: LedgerLinesRequest, length: number): { offset: number; limit: number } {
  const limit = Math.max(1, request.limit);
  const lastPage = Math.max(0, Math.floor((length - 1) / limit) * limit);
  return { offset: Math.min(Math.max(0, request.offset), lastPage), limit };
}

/** A value kept by key, the least recently used let go past `size`; a failed read is not kept. */
function remember<T>(cache: Map<string, Promise<T>>, key: string, size: number, make: () => Promise<T>): Promise<T> {
  const held = cache.get(key);
  if (held) {
    cache.delete(key);
    cache.set(key, held);
    return held;
  }
  const made = make();
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  while (cache.size > size) cache.delete(cache.keys().next().value!);
  return made;
}

/**
 * The chunks read, kept by their rows (chunks differ in size: see CHUNK_ROWS), the least recently used let go first;
 * a chunk still being read counts once it is.
 */
class ChunkCache {
  private readonly held = new Map<string, { rows: Promise<ChunkRows>; count: number }>();
  private rows = 0;

  constructor(private readonly keepRows: number) {}

  has(key: string): boolean {
    return this.held.has(key);
  }

  get(key: string): Promise<ChunkRows> | undefined {
    const entry = this.held.get(key);
    if (!entry) return undefined;
    this.held.delete(key);
    this.held.set(key, entry);
    return entry.rows;
  }

  add(key: string, rows: Promise<ChunkRows>): Promise<ChunkRows> {
    const entry = { rows, count: 0 };
    this.held.set(key, entry);
    rows.then(
      (r) => {
        if (this.held.get(key) !== entry) return;
        entry.count = r.rowCount;
        this.rows += r.rowCount;
        for (const [k, e] of this.held) {
          if (this.rows <= this.keepRows || k === key) break;
          this.held.delete(k);
          this.rows -= e.count;
        }
      },
      () => {
        if (this.held.get(key) === entry) this.held.delete(key);
      },
    );
    return rows;
  }
}

const indexMismatch = (source: Pick<LedgerLineSource, 'name'>): string =>
  `The stored line index of ${source.name} does not match its rows. Delete it on the Import page and import the file again.`;

/** A line as the list shows it, checked against the pair the index says it belongs to. */
function lineOf(rows: ChunkRows, i: number, source: LedgerLineSource, request: LedgerLinesRequest): LedgerLineRow {
  const { columns } = source;
  const text = (column: number | null): string => (column === null ? '' : rows.cell(column, i).trim());
  const pence = rows.amount('amount', i);
  if (
    text(columns.costCentre) !== request.costCentre ||
    text(columns.subjective) !== request.subjective ||
    Number.isNaN(pence)
  )
    throw new Error(indexMismatch(source));
  return {
    dataset: source.name,
    row: rows.line(i),
    period: rows.period(i),
    date: rows.date('postingDate', i),
    description: text(columns.description),
    supplier: text(columns.supplier),
    reference: text(columns.reference),
    pence,
  };
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * Text lower-cased for a search, as British English lower-cases it. `toLocaleLowerCase('en-GB')` gives the same
 * strings as `toLowerCase()` (Unicode's locale-sensitive case mappings are Lithuanian, Turkish and Azeri only), and
 * took 11 ms against 1 in Node over the three cells of 13,540 lines (more in a worker's first search), so the plain
 * one is used.
 */
const lowerCased = (text: string): string => text.toLowerCase();

/**
 * Each held line's description, supplier and reference lower-cased (three a line, in the lines' order), made once for
 * a list and kept with it: searching again, as a reader types, lower-cases nothing. Descriptions and suppliers repeat,
 * so each distinct text is lower-cased once.
 */
const searchTexts = new WeakMap<readonly LedgerLineRow[], string[]>();
function searchTextsOf(lines: readonly LedgerLineRow[]): string[] {
  const kept = searchTexts.get(lines);
  if (kept) return kept;
  const seen = new Map<string, string>();
  const lower = (text: string): string => {
    let l = seen.get(text);
    if (l === undefined) seen.set(text, (l = lowerCased(text)));
    return l;
  };
  const made = new Array<string>(3 * lines.length);
  lines.forEach((l, i) => {
    made[3 * i] = lower(l.description);
    made[3 * i + 1] = lower(l.supplier);
    made[3 * i + 2] = lowerCased(l.reference);
  });
  searchTexts.set(lines, made);
  return made;
}

type TextKey = 'description' | 'supplier' | 'reference';

/** Whether a list in this order needs every line of the pair (a text's order; the others come from the line index). */
export const sortsByText = (key: LedgerSortKey): key is TextKey =>
  key === 'description' || key === 'supplier' || key === 'reference';

/**
 * Each line's rank by one text column as the collator orders it (lines whose texts it holds equal share a rank), made
 * once for a list and column and kept with it. Descriptions and suppliers repeat, so only their distinct texts are
 * compared, where sorting the lines themselves compared two lines' texts at every step of the sort (7,264 times for
 * a unit test's list of three suppliers); sorting again, or the other way, compares none.
 */
const textRanks = new WeakMap<readonly LedgerLineRow[], Partial<Record<TextKey, Int32Array>>>();
function ranksOf(lines: readonly LedgerLineRow[], key: TextKey): Int32Array {
  let kept = textRanks.get(lines);
  if (!kept) textRanks.set(lines, (kept = {}));
  const held = kept[key];
  if (held) return held;
  const distinct = [...new Set(lines.map((l) => l[key]))].sort(collator.compare);
  const rankOf = new Map<string, number>();
  distinct.forEach((text, i) => {
    const before = distinct[i - 1];
    const rank = before !== undefined && collator.compare(before, text) === 0 ? rankOf.get(before)! : i;
    rankOf.set(text, rank);
  });
  const ranks = Int32Array.from(lines, (l) => rankOf.get(l[key])!);
  kept[key] = ranks;
  return ranks;
}

/**
 * The places in `lines` of the matching lines, sorted by the key asked for, ties kept in period, date and row order
 * (the order found: `matching` is in it); descending reverses the key only.
 */
function sortLines(
  lines: readonly LedgerLineRow[],
  matching: readonly number[],
  key: LedgerSortKey,
  descending: boolean,
): number[] {
  const sign = descending ? -1 : 1;
  const line = (i: number): LedgerLineRow => lines[i]!;
  let compare: (a: number, b: number) => number;
  if (sortsByText(key)) {
    const ranks = ranksOf(lines, key);
    compare = (a, b) => ranks[a]! - ranks[b]!;
  } else {
    const byKey: Record<Exclude<LedgerSortKey, TextKey>, (a: LedgerLineRow, b: LedgerLineRow) => number> = {
      period: (a, b) => a.period - b.period,
      date: (a, b) => a.date - b.date,
      amount: (a, b) => a.pence - b.pence,
      row: (a, b) => collator.compare(a.dataset, b.dataset) || a.row - b.row,
    };
    const by = byKey[key];
    compare = (a, b) => by(line(a), line(b));
  }
  // Array sort is stable: lines that tie stay in the order found.
  return [...matching].sort((a, b) => sign * compare(a, b));
}
