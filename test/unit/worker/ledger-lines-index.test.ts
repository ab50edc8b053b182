// The ledger lines list read through each dataset's line index: the first page (and any page in the list's own
// order, by period either way, with a period filter) reads only the chunks that hold its lines, and the count and
// exact total read none; a search or another order reads only the chunks that hold the pair's lines, saying how
// far it has gone. Every page and total is compared with the same worked out from the rows directly.
import { describe, expect, it, vi } from 'vitest';
import { LineIndexBuilder } from '../../../src/import/line-index';
import {
  LedgerLinesReader,
  type LedgerLineSource,
  type LedgerLinesRequest,
} from '../../../src/worker/ledger-lines-query';
import { memoryLedgerStore } from '../helpers/memory-ledger-store';
import { chunksOf, expectedLines, spreadLedger, SPREAD_COLUMNS, sumOf, type SpreadRow } from '../helpers/spread-ledger';

const CHUNKS = 20;
const ledger = spreadLedger(11, CHUNKS, 200, 13);
const chunks = chunksOf(ledger);
const read = (id: string) => Promise.resolve(id === 'd' ? chunks : []);
const PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const source: LedgerLineSource = { datasetId: 'd', name: 'd.csv', columns: SPREAD_COLUMNS, periods: PERIODS };

const ask = (change: Partial<LedgerLinesRequest> = {}): LedgerLinesRequest => ({
  sources: [source],
  costCentre: '00120',
  subjective: '3010',
  search: '',
  period: null,
  sort: { key: 'period', descending: false },
  offset: 0,
  limit: 7,
  ...change,
});

/** Lines as the list shows them, from rows worked out directly. */
const shown = (rows: readonly SpreadRow[]) =>
  rows.map((r) => ({
    dataset: 'd.csv',
    row: r.line,
    period: r.period,
    date: r.date,
    description: r.description.trim(),
    supplier: r.supplier.trim(),
    reference: r.reference,
    pence: r.pence,
  }));

const chunksHolding = (rows: readonly SpreadRow[]) => [...new Set(rows.map((r) => `d:${r.chunk}`))].sort();

async function indexedReader() {
  const store = await memoryLedgerStore(read, [source]);
  return { store, reader: new LedgerLinesReader(store) };
}

describe('the ledger lines list through the line index', () => {
  const all = expectedLines(ledger, '00120', '3010', PERIODS);

  it('answers the first page of a pair spread over every chunk from only the chunks that hold it', async () => {
    expect(chunksHolding(all)).toHaveLength(CHUNKS);
    const { store, reader } = await indexedReader();
    const page = await reader.page(ask());
    expect(page.lines).toEqual(shown(all.slice(0, 7)));
    expect(page).toMatchObject({ offset: 0, count: all.length, totalPence: sumOf(all), matched: all.length });
    expect(page.matchedPence).toBe(sumOf(all));
    expect(store.chunkReads.sort()).toEqual(chunksHolding(all.slice(0, 7)));
    expect(chunksHolding(all.slice(0, 7)).length).toBeLessThan(CHUNKS);
    expect(store.wholeReads).toEqual([]);
  });

  it('pages by period either way, filtered to one period, each page reading only its own chunks', async () => {
    const { store, reader } = await indexedReader();
    // Descending: periods from the last, each period's lines still by date and file order.
    const descending = [...new Set(all.map((r) => r.period))]
      .sort((a, b) => b - a)
      .flatMap((p) => all.filter((r) => r.period === p));
    const page = await reader.page(ask({ sort: { key: 'period', descending: true }, offset: 21 }));
    expect(page.lines).toEqual(shown(descending.slice(21, 28)));
    expect(store.chunkReads.sort()).toEqual(chunksHolding(descending.slice(21, 28)));

    const p5 = all.filter((r) => r.period === 5);
    const filtered = await reader.page(ask({ period: 5, offset: 7 }));
    expect(filtered.lines).toEqual(shown(p5.slice(7, 14)));
    expect(filtered).toMatchObject({ matched: p5.length, matchedPence: sumOf(p5), count: all.length });
    expect(filtered.totalPence).toBe(sumOf(all));
  });

  it('reads the one chunk that holds a rare pair', async () => {
    const { store, reader } = await indexedReader();
    const rare = expectedLines(ledger, '00999', '7777', PERIODS);
    const page = await reader.page(ask({ costCentre: '00999', subjective: '7777' }));
    expect(page.lines).toEqual(shown(rare));
    expect(page).toMatchObject({ count: 1, totalPence: rare[0]!.pence });
    expect(store.chunkReads).toEqual(['d:13']);
  });

  it("counts only the export's own periods", async () => {
    const { reader } = await indexedReader();
    const some = [2, 3, 11];
    const page = await reader.page(ask({ sources: [{ ...source, periods: some }], limit: 1000 }));
    const expected = expectedLines(ledger, '00120', '3010', some);
    expect(page.lines).toEqual(shown(expected));
    expect(page).toMatchObject({ count: expected.length, totalPence: sumOf(expected) });
  });

  it('searches, or sorts by text, every line of the pair, reading only the chunks that hold them and saying how far', async () => {
    const { store, reader } = await indexedReader();
    const progress: number[] = [];
    const rare = await reader.page(
      ask({ costCentre: '00999', subjective: '7777', sort: { key: 'description', descending: true } }),
      (p) => progress.push(p.done / p.total),
    );
    expect(rare.count).toBe(1);
    expect(store.chunkReads).toEqual(['d:13']);
    expect(progress).toEqual([1]);

    const bySupplier = [...all].sort((a, b) => a.supplier.trim().localeCompare(b.supplier.trim(), 'en-GB'));
    const page = await reader.page(ask({ sort: { key: 'supplier', descending: false }, offset: 7 }));
    expect(page.lines.map((l) => l.supplier)).toEqual(shown(bySupplier.slice(7, 14)).map((l) => l.supplier));
    expect(new Set(store.chunkReads).size).toBe(CHUNKS);
    const cafe = all.filter((r) => r.description.toLocaleLowerCase('en-GB').includes('café'));
    const searched = await reader.page(ask({ search: 'CAFÉ', limit: 1000 }));
    expect(searched.lines).toEqual(shown(cafe));
    expect(searched).toMatchObject({ matched: cafe.length, matchedPence: sumOf(cafe), totalPence: sumOf(all) });
    // Kept: sorting and searching again read nothing more.
    expect(store.chunkReads).toHaveLength(CHUNKS);
  });

  it('reads the pair ahead of a search (the reader has begun to type), so that the search reads nothing more', async () => {
    const { store, reader } = await indexedReader();
    await reader.hold(ask({ search: 'ignored: every line of the pair is read' }));
    expect(store.chunkReads.sort()).toEqual(chunksHolding(all));
    const reads = store.chunkReads.length;
    // Whatever the case the reader types, in a description, a supplier or a reference.
    const cafe = all.filter((r) => r.description.toLocaleLowerCase('en-GB').includes('café'));
    const searched = await reader.page(ask({ search: 'CAFÉ', limit: 1000 }));
    expect(searched.lines).toEqual(shown(cafe));
    expect(searched).toMatchObject({ matched: cafe.length, matchedPence: sumOf(cafe), count: all.length });
    const zurich = all.filter((r) => r.supplier.toLocaleLowerCase('en-GB').includes('zürich'));
    expect(zurich.length).toBeGreaterThan(0);
    expect(await reader.page(ask({ search: 'ZÜRICH', limit: 1000 }))).toMatchObject({
      matched: zurich.length,
      matchedPence: sumOf(zurich),
    });
    const needle = all[3]!.reference.toLowerCase();
    const byReference = all.filter((r) => r.reference.toLowerCase().includes(needle));
    expect((await reader.page(ask({ search: ` ${needle} `, limit: 1000 }))).lines).toEqual(shown(byReference));
    expect(store.chunkReads).toHaveLength(reads);
  });

  it('sorts by a text column comparing its distinct texts, not every pair of lines, again and either way', async () => {
    const { reader } = await indexedReader();
    await reader.hold(ask());
    // Every comparison the collator makes counted (the getter hands out the collator's compare function).
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the original getter, called below with its collator
    const getter = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare')!.get!;
    let compared = 0;
    const spy = vi.spyOn(Intl.Collator.prototype, 'compare', 'get').mockImplementation(function (this: Intl.Collator) {
      const compare = getter.call(this) as (a: string, b: string) => number;
      return (a: string, b: string) => (compared++, compare(a, b));
    });
    try {
      const bySupplier = [...all].sort((a, b) => a.supplier.trim().localeCompare(b.supplier.trim(), 'en-GB'));
      const up = await reader.page(ask({ sort: { key: 'supplier', descending: false }, limit: 1000 }));
      expect(up.lines.map((l) => l.supplier)).toEqual(shown(bySupplier).map((l) => l.supplier));
      const down = await reader.page(ask({ sort: { key: 'supplier', descending: true }, limit: 1000 }));
      expect(down.lines.map((l) => l.supplier)).toEqual(
        shown(bySupplier)
          .map((l) => l.supplier)
          .reverse(),
      );
      // Three suppliers (spread-ledger.ts): a handful of comparisons, where sorting the lines made thousands.
      expect(all.length).toBeGreaterThan(500);
      expect(compared).toBeLessThan(20);
    } finally {
      spy.mockRestore();
    }
  });

  // The list sorted from the rows worked out directly: by the key, ties in period, date and file order.
  const sortedBy = (rows: readonly SpreadRow[], key: 'amount' | 'date' | 'period' | 'row', descending: boolean) => {
    const value = (r: SpreadRow) => ({ amount: r.pence, date: r.date, period: r.period, row: r.line })[key];
    const sign = descending ? -1 : 1;
    return [...rows].sort((a, b) => sign * (value(a) - value(b)));
  };

  it('sorts by amount, date, period or file row from the index alone, reading only the chunks of the page', async () => {
    for (const key of ['amount', 'date', 'period', 'row'] as const)
      for (const descending of [false, true])
        for (const period of [null, 5]) {
          const { store, reader } = await indexedReader();
          const matching = all.filter((r) => period === null || r.period === period);
          const expected = sortedBy(matching, key, descending).slice(7, 14);
          const page = await reader.page(ask({ sort: { key, descending }, period, offset: 7 }));
          expect(page.lines, `${key} ${descending ? 'descending' : 'ascending'}, period ${String(period)}`).toEqual(
            shown(expected),
          );
          expect(page).toMatchObject({ offset: 7, matched: matching.length, count: all.length });
          expect(page.matchedPence).toBe(sumOf(matching));
          expect(page.totalPence).toBe(sumOf(all));
          expect(store.chunkReads.sort()).toEqual(chunksHolding(expected));
          expect(store.wholeReads).toEqual([]);
        }
    // The pair's lines are in every chunk; a page of seven in far fewer.
    expect(chunksHolding(sortedBy(all, 'amount', true).slice(7, 14)).length).toBeLessThan(CHUNKS);
  });

  it('pages on through a list sorted by amount, reading only each page’s chunks, and ends with the last page', async () => {
    const { store, reader } = await indexedReader();
    const expected = sortedBy(all, 'amount', false);
    const last = Math.floor((all.length - 1) / 7) * 7;
    const read: string[] = [];
    for (const offset of [0, 7, 14, last, last + 70]) {
      store.chunkReads.length = 0;
      const page = await reader.page(ask({ sort: { key: 'amount', descending: false }, offset }));
      const at = Math.min(offset, last);
      expect(page.offset).toBe(at);
      expect(page.lines).toEqual(shown(expected.slice(at, at + 7)));
      // Only chunks that hold the page's lines, and none read for an earlier page (kept).
      const holding = chunksHolding(expected.slice(at, at + 7));
      for (const chunk of store.chunkReads) expect(holding).toContain(chunk);
      read.push(...store.chunkReads);
    }
    expect(new Set(read).size).toBe(read.length);
    expect(read.length).toBeGreaterThan(0);
  });

  it('sorts from the rows where an index was kept without its lines’ amounts and dates, until a read-ahead gives them', async () => {
    const store = await memoryLedgerStore(read, [source], false);
    const reader = new LedgerLinesReader(store);
    const page = await reader.page(ask({ sort: { key: 'amount', descending: true }, offset: 7 }));
    expect(page.lines).toEqual(shown(sortedBy(all, 'amount', true).slice(7, 14)));
    expect(page).toMatchObject({ matched: all.length, matchedPence: sumOf(all), totalPence: sumOf(all) });
    expect(new Set(store.chunkReads).size).toBe(CHUNKS);

    // The read-ahead (a cost centre opened) reads every chunk: it gives the index its amounts and dates from the
    // rows, in the index's order (the same as the import's index made from the same rows), and keeps them.
    await reader.warm([source]);
    const own = store.saved.get('d')!;
    expect(Array.from(store.savedKeys.get('d')?.linePence ?? [])).toEqual(Array.from(own.linePence));
    expect(Array.from(store.savedKeys.get('d')?.lineDates ?? [])).toEqual(Array.from(own.lineDates));
    // From then on, a new page (a new reader) sorts from the index, reading only the page's chunks.
    store.chunkReads.length = 0;
    const after = await new LedgerLinesReader(store).page(
      ask({ sort: { key: 'amount', descending: true }, offset: 7 }),
    );
    expect(after.lines).toEqual(page.lines);
    expect(store.chunkReads.sort()).toEqual(chunksHolding(sortedBy(all, 'amount', true).slice(7, 14)));
  });

  it('makes the index of a dataset stored without one, once, from its chunks, and keeps it', async () => {
    const store = await memoryLedgerStore(read);
    const page = await new LedgerLinesReader(store).page(ask());
    expect(page.lines).toEqual(shown(all.slice(0, 7)));
    expect(store.wholeReads).toEqual(['d']);
    expect(store.saved.has('d')).toBe(true);
    // A reader started later (a new page) finds it kept.
    await new LedgerLinesReader(store).page(ask({ offset: 50 }));
    expect(store.wholeReads).toEqual(['d']);
  });
});

describe('chunks of any size up to 10,000 rows', () => {
  // Chunks are cut at 1,500 rows since 4 December 2026 and were cut at 10,000 before; positions leave 10,000 rows
  // to each chunk, so that the indexes stored then read the same and both sizes of chunk are read alike.
  it('reads the same lines from 10,000-row chunks (as stored before) as from 1,500-row ones', async () => {
    const big = spreadLedger(23, 2, 10_000, 1);
    const rows = big.flat();
    const sizes = [10_000, 1_500];
    const pages = await Promise.all(
      sizes.map(async (size) => {
        const cut = Array.from({ length: Math.ceil(rows.length / size) }, (_, c) =>
          rows.slice(c * size, (c + 1) * size).map((r, i) => ({ ...r, chunk: c, row: i })),
        );
        const stored = chunksOf(cut);
        const store = await memoryLedgerStore((id) => Promise.resolve(id === 'd' ? stored : []), [source]);
        const reader = new LedgerLinesReader(store);
        // The rows either side of the first chunk's end (row 9,999 of chunk 0, row 0 of chunk 1 at 10,000 rows).
        return Promise.all([
          reader.page(ask({ limit: 1000 })),
          reader.page(ask({ costCentre: '00999', subjective: '7777' })),
        ]);
      }),
    );
    const expected = expectedLines([rows], '00120', '3010', PERIODS);
    for (const [common, rare] of pages) {
      expect(common.lines).toEqual(shown(expected.slice(0, 1000)));
      expect(common).toMatchObject({ count: expected.length, totalPence: sumOf(expected) });
      expect(rare.lines).toEqual(shown(expectedLines([rows], '00999', '7777', PERIODS)));
    }
  });

  it('refuses to index a chunk of more than 10,000 rows (a position would name another chunk)', () => {
    const [chunk] = chunksOf(spreadLedger(3, 1, 10_001, 0));
    expect(() => new LineIndexBuilder(SPREAD_COLUMNS).add(chunk!)).toThrow(/10001 rows/);
  });

  it('keeps what a read ahead read by rows, however many chunks hold them: a page after it reads nothing', async () => {
    // 600 chunks of 20 rows: more chunks than a reader once kept (256), far fewer rows than it keeps.
    const many = chunksOf(spreadLedger(29, 600, 20, 300));
    const store = await memoryLedgerStore((id) => Promise.resolve(id === 'd' ? many : []), [source]);
    const reader = new LedgerLinesReader(store);
    await reader.warm([source]);
    expect(new Set(store.chunkReads).size).toBe(600);
    const read = store.chunkReads.length;
    await reader.page(ask({ sort: { key: 'amount', descending: true } }));
    await reader.page(ask({ costCentre: '00999', subjective: '7777' }));
    expect(store.chunkReads).toHaveLength(read);
  });
});
