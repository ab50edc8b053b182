// The ledger lines list as the read worker answers it: the lines of one cost centre and subjective in the periods
// each export supplies, searched, filtered, sorted and paged, with the exact count and total of every line that
// matches. Expected figures are added up by hand from the rows below.
import { describe, expect, it } from 'vitest';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import { memoryLedgerStore } from '../helpers/memory-ledger-store';
import {
  LedgerLinesReader,
  type LedgerLineSource,
  type LedgerLinesRequest,
} from '../../../src/worker/ledger-lines-query';

// Columns: date, period, cost centre, subjective, description, supplier, reference, amount.
type Row = [
  date: number,
  period: number,
  cc: string,
  subjective: string,
  desc: string,
  supplier: string,
  ref: string,
  pence: number,
];

function chunk(index: number, firstLine: number, rows: readonly Row[]): StoredChunk {
  return {
    index,
    rowCount: rows.length,
    lines: Uint32Array.from(rows, (_, i) => firstLine + i),
    warned: new Uint8Array(rows.length),
    raw: [0, 1, 2, 3, 4, 5, 6].map((c) => rows.map((r) => String(c === 0 ? r[0] : r[c]))),
    pence: { amount: Float64Array.from(rows, (r) => r[7]) },
    periods: Uint8Array.from(rows, (r) => r[1]),
    dates: { postingDate: Uint32Array.from(rows, (r) => r[0]) },
  };
}

const COLUMNS: LedgerLineSource['columns'] = {
  costCentre: 2,
  subjective: 3,
  description: 4,
  supplier: 5,
  reference: 6,
};

const A: StoredChunk[] = [
  chunk(0, 2, [
    [20170403, 1, '00120', '3010', 'CTC contract charge', 'Chiltern Transport', 'INV-1', 150_000_00],
    [20170410, 1, '00120', '3011', 'Other subjective', 'Chiltern Transport', 'INV-2', 999_00],
    [20170502, 2, '00120', '3010', 'Diesel for fleet', 'Fuel Co', 'INV-3', 1_234_56],
    [20170503, 2, '0120', '3010', 'Cost centre without its zero', 'Fuel Co', 'INV-4', 77_00],
  ]),
  chunk(1, 6, [
    [20170601, 3, '00120', '3010', 'Refund – overcharge', 'Chiltern Transport', 'CR-9', -12_345_67],
    [20170605, 3, ' 00120 ', '3010', 'Journal', '', 'JNL-P03-1', 10_00],
    [20170701, 4, '00120', '3010', 'Not closed', 'Fuel Co', 'INV-5', 5_00],
  ]),
];
// A second export that supplies P3 again: its P3 line counts, the first export's P3 lines do not.
const B: StoredChunk[] = [
  chunk(0, 2, [
    [20170630, 3, '00120', '3010', 'Diesel rerun', 'fuel co', 'RR-1', 2_000_00],
    [20170502, 2, '00120', '3010', 'P2 is not this export’s', 'Fuel Co', 'RR-2', 1_00],
  ]),
];

const read = (id: string): Promise<StoredChunk[]> => Promise.resolve(id === 'a' ? A : B);
const sources: LedgerLineSource[] = [
  { datasetId: 'a', name: 'a.csv', columns: COLUMNS, periods: [1, 2] },
  { datasetId: 'b', name: 'b.csv', columns: COLUMNS, periods: [3] },
];
const ask = (change: Partial<LedgerLinesRequest> = {}): LedgerLinesRequest => ({
  sources,
  costCentre: '00120',
  subjective: '3010',
  search: '',
  period: null,
  sort: { key: 'period', descending: false },
  offset: 0,
  limit: 100,
  ...change,
});

describe('the ledger lines list', () => {
  it("finds the pair's lines in each export's own periods, codes compared whole (leading zeros kept)", async () => {
    const page = await new LedgerLinesReader(await memoryLedgerStore(read)).page(ask());
    expect(page.lines.map((l) => [l.dataset, l.row, l.reference])).toEqual([
      ['a.csv', 2, 'INV-1'],
      ['a.csv', 4, 'INV-3'],
      ['b.csv', 2, 'RR-1'],
    ]);
    // 150,000.00 + 1,234.56 + 2,000.00 = 153,234.56
    expect(page).toMatchObject({ count: 3, totalPence: 153_234_56, matched: 3, matchedPence: 153_234_56 });
  });

  it('searches description, supplier and reference, whatever the case, with the exact total of what matches', async () => {
    const reader = new LedgerLinesReader(await memoryLedgerStore(read));
    // "fuel" is in the supplier of INV-3 (Fuel Co) and RR-1 (fuel co): 1,234.56 + 2,000.00 = 3,234.56.
    expect(await reader.page(ask({ search: 'FUEL' }))).toMatchObject({ matched: 2, matchedPence: 3_234_56, count: 3 });
    // A reference.
    expect((await reader.page(ask({ search: 'rr-1' }))).lines.map((l) => l.reference)).toEqual(['RR-1']);
    // A description.
    expect((await reader.page(ask({ search: 'contract' }))).matchedPence).toBe(150_000_00);
    expect(await reader.page(ask({ search: 'nothing like this' }))).toMatchObject({ matched: 0, matchedPence: 0 });
  });

  it('filters by period', async () => {
    const page = await new LedgerLinesReader(await memoryLedgerStore(read)).page(ask({ period: 2 }));
    expect(page.lines.map((l) => l.reference)).toEqual(['INV-3']);
    expect(page).toMatchObject({ matched: 1, matchedPence: 1_234_56, totalPence: 153_234_56 });
  });

  it('sorts by any column, either way', async () => {
    const reader = new LedgerLinesReader(await memoryLedgerStore(read));
    const refs = async (key: LedgerLinesRequest['sort']['key'], descending = false) =>
      (await reader.page(ask({ sort: { key, descending } }))).lines.map((l) => l.reference);
    expect(await refs('amount', true)).toEqual(['INV-1', 'RR-1', 'INV-3']);
    expect(await refs('amount')).toEqual(['INV-3', 'RR-1', 'INV-1']);
    expect(await refs('description', true)).toEqual(['RR-1', 'INV-3', 'INV-1']); // Diesel rerun, Diesel for, CTC
    expect(await refs('supplier')).toEqual(['INV-1', 'INV-3', 'RR-1']); // Chiltern, then Fuel Co = fuel co: found order
    // The other way: the key reversed, the tie still in the order found; and within a search's matches.
    expect(await refs('supplier', true)).toEqual(['INV-3', 'RR-1', 'INV-1']);
    const searched = await reader.page(ask({ search: 'diesel', sort: { key: 'description', descending: false } }));
    expect(searched.lines.map((l) => l.reference)).toEqual(['INV-3', 'RR-1']); // Diesel for fleet, Diesel rerun
    expect(await refs('reference', true)).toEqual(['RR-1', 'INV-3', 'INV-1']);
    expect(await refs('date', true)).toEqual(['RR-1', 'INV-3', 'INV-1']);
    expect(await refs('row')).toEqual(['INV-1', 'INV-3', 'RR-1']); // a.csv 2, a.csv 4, b.csv 2
  });

  it('gives one page, the count and total still of every matching line; a page past the end is the last', async () => {
    const reader = new LedgerLinesReader(await memoryLedgerStore(read));
    const second = await reader.page(ask({ offset: 2, limit: 2 }));
    expect(second.lines.map((l) => l.reference)).toEqual(['RR-1']);
    expect(second).toMatchObject({ offset: 2, matched: 3, matchedPence: 153_234_56 });
    expect((await reader.page(ask({ offset: 40, limit: 2 }))).offset).toBe(2);
  });

  it('reads each export once for paging, sorting and searching again', async () => {
    const store = await memoryLedgerStore(read);
    const reader = new LedgerLinesReader(store);
    await reader.page(ask());
    await reader.page(ask({ search: 'fuel', sort: { key: 'amount', descending: true }, offset: 1, limit: 1 }));
    await reader.page(ask({ search: 'fuel', sort: { key: 'amount', descending: false } }));
    // Each export read whole once (it had no line index: made then, and kept), each chunk with a line once.
    expect(store.wholeReads).toEqual(['a', 'b']);
    expect([...store.saved.keys()]).toEqual(['a', 'b']);
    expect(store.chunkReads.sort()).toEqual(['a:0', 'b:0']);
  });

  it('refuses a total past 2^53 pence rather than give an inexact one', async () => {
    const big: StoredChunk[] = [
      chunk(0, 2, [
        [20170403, 1, '00120', '3010', 'x', '', 'R1', Number.MAX_SAFE_INTEGER],
        [20170403, 1, '00120', '3010', 'x', '', 'R2', 1],
      ]),
    ];
    const reader = new LedgerLinesReader(await memoryLedgerStore(() => Promise.resolve(big)));
    await expect(
      reader.page(ask({ sources: [{ datasetId: 'z', name: 'z.csv', columns: COLUMNS, periods: [1] }] })),
    ).rejects.toThrow(/beyond 2\^53/);
  });
});
