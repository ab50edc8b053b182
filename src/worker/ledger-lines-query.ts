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

export type ReadChunks = (datasetId: string) => Promise<readonly StoredChunk[]>;

/** Adds integer pence, refusing a sum past 2^53 (no longer exact) rather than returning it. */
function addExact(sum: number, pence: number): number {
  const next = sum + pence;
  if (!Number.isSafeInteger(next)) throw new RangeError('A total of these ledger lines is beyond 2^53 pence.');
  return next;
}

/** Reads the chunks of a few datasets and the lines of a few cost centre and subjective pairs, keeping the latest. */
export class LedgerLinesReader {
  private readonly chunks = new Map<string, Promise<readonly StoredChunk[]>>();
  private readonly lines = new Map<string, Promise<LedgerLineRow[]>>();

  constructor(
    private readonly read: ReadChunks,
    private readonly keep = { datasets: 4, pairs: 8 },
  ) {}

  /** Reads a dataset's chunks ahead of a drill-down (a reader opening the Revenue page will soon ask). */
  warm(datasetIds: readonly string[]): Promise<unknown> {
    return Promise.all(datasetIds.map((id) => this.chunksOf(id)));
  }

  async page(request: LedgerLinesRequest): Promise<LedgerLinesPage> {
    const all = await this.linesOf(request);
    let totalPence = 0;
    for (const l of all) totalPence = addExact(totalPence, l.pence);
    const needle = request.search.trim().toLocaleLowerCase('en-GB');
    const matching = all.filter(
      (l) =>
        (request.period === null || l.period === request.period) &&
        (needle === '' ||
          l.description.toLocaleLowerCase('en-GB').includes(needle) ||
          l.supplier.toLocaleLowerCase('en-GB').includes(needle) ||
          l.reference.toLocaleLowerCase('en-GB').includes(needle)),
    );
    let matchedPence = 0;
    for (const l of matching) matchedPence = addExact(matchedPence, l.pence);
    const sorted = sortLines(matching, request.sort.key, request.sort.descending);
    const limit = Math.max(1, request.limit);
    const lastPage = Math.max(0, Math.floor((sorted.length - 1) / limit) * limit);
    const offset = Math.min(Math.max(0, request.offset), lastPage);
    return {
      lines: sorted.slice(offset, offset + limit),
      offset,
      matched: matching.length,
      matchedPence,
      count: all.length,
      totalPence,
    };
  }

  private chunksOf(datasetId: string): Promise<readonly StoredChunk[]> {
    return remember(this.chunks, datasetId, this.keep.datasets, () => this.read(datasetId));
  }

  /** Every line of the pair in the sources' periods, in period, date and row order. */
  private linesOf(request: LedgerLinesRequest): Promise<LedgerLineRow[]> {
    const key = JSON.stringify([request.sources, request.costCentre, request.subjective]);
    return remember(this.lines, key, this.keep.pairs, async () => {
      const out: LedgerLineRow[] = [];
      for (const source of request.sources)
        linesOfSource(await this.chunksOf(source.datasetId), source, request.costCentre, request.subjective, out);
      return out.sort((a, b) => a.period - b.period || a.date - b.date || a.row - b.row);
    });
  }
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

function linesOfSource(
  chunks: readonly StoredChunk[],
  source: LedgerLineSource,
  costCentre: string,
  subjective: string,
  out: LedgerLineRow[],
): void {
  const { columns } = source;
  if (columns.costCentre === null || columns.subjective === null) return;
  const periods = new Set(source.periods);
  for (const chunk of chunks) {
    const cc = chunk.raw[columns.costCentre] ?? [];
    const subj = chunk.raw[columns.subjective] ?? [];
    const amounts = chunk.pence['amount'];
    const dates = chunk.dates['postingDate'];
    const text = (column: number | null, i: number): string =>
      column === null ? '' : (chunk.raw[column]?.[i] ?? '').trim();
    for (let i = 0; i < chunk.rowCount; i++) {
      // Codes are compared as the import keeps them, trimmed (a cell's own text, leading zeros and all).
      if (!periods.has(chunk.periods[i] ?? 0)) continue;
      const c = cc[i];
      if (c !== costCentre && c?.trim() !== costCentre) continue;
      const s = subj[i];
      if (s !== subjective && s?.trim() !== subjective) continue;
      const pence = amounts?.[i];
      if (pence === undefined || Number.isNaN(pence)) continue;
      out.push({
        dataset: source.name,
        row: chunk.lines[i] ?? 0,
        period: chunk.periods[i] ?? 0,
        date: dates?.[i] ?? 0,
        description: text(columns.description, i),
        supplier: text(columns.supplier, i),
        reference: text(columns.reference, i),
        pence,
      });
    }
  }
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Sorted by the key asked for, ties kept in period, date and row order (the order found); descending reverses the key only. */
function sortLines(lines: LedgerLineRow[], key: LedgerSortKey, descending: boolean): LedgerLineRow[] {
  const sign = descending ? -1 : 1;
  const byKey: Record<LedgerSortKey, (a: LedgerLineRow, b: LedgerLineRow) => number> = {
    period: (a, b) => a.period - b.period,
    date: (a, b) => a.date - b.date,
    description: (a, b) => collator.compare(a.description, b.description),
    supplier: (a, b) => collator.compare(a.supplier, b.supplier),
    reference: (a, b) => collator.compare(a.reference, b.reference),
    amount: (a, b) => a.pence - b.pence,
    row: (a, b) => collator.compare(a.dataset, b.dataset) || a.row - b.row,
  };
  const compare = byKey[key];
  // Array sort is stable: lines that tie stay in the order found.
  return [...lines].sort((a, b) => sign * compare(a, b));
}
