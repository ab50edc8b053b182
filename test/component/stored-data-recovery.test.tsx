// Recovery at start-up, in happy-dom with fake-indexeddb: before the app's first start in this file, the database
// is given what an older version of Outturn, a newer one, a damaged disk and a reloaded page leave behind.
// The app must bring the old dataset forward (its chunks rewritten to the current layout, its rows intact),
// set the unreadable records aside untouched and list them with the reason, tidy the unfinished import and
// say so, and show every page as usual: never a blank screen, never a silent drop.
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fileSource } from '../../src/cli/node-source';
import { ImportPage } from '../../src/features/import/import-page';
import { StoredDataNotices } from '../../src/features/import/stored-data-notices';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import type { StoredChunk } from '../../src/import/stored-chunk';
import { planOf } from '../../src/import/preview';
import { buildReceipt } from '../../src/import/receipt';
import { importRows, preview, scan } from '../../src/import/run-import';
import { chunkRecords, isPackedRecord } from '../../src/storage/chunk-records';
import { ledgerSumRows, packLedgerSums } from '../../src/storage/ledger-sums';
import { readChunks } from '../../src/storage/datasets';
import { openOutturnDb } from '../../src/storage/db';
import { renderWithProviders } from './render-with-providers.tsx';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';

const LEDGER = join(import.meta.dirname, '../fixtures/ledger-windows-1252.csv');

/** The ledger fixture as the current pipeline stores it: its record (without `schema`), chunks and receipt. */
async function currentForm(id: string) {
  const source = fileSource(LEDGER);
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error(s.verdict.issues.map((i) => i.message).join('; '));
  const plan = planOf(await preview(source, s.verdict.value));
  const chunks: StoredChunk[] = [];
  // The chunks as stored: without the dictionaries the builder hands on for packing (never stored as such).
  const result = await importRows(source, plan, (built) => {
    const stored: StoredChunk & { dictionaries?: unknown } = { ...built };
    delete stored.dictionaries;
    chunks.push(stored);
  });
  const receipt = buildReceipt({
    id: `${id}-receipt`,
    datasetId: id,
    plan,
    sha256: s.sha256,
    result,
    startedAt: new Date(0),
    finishedAt: new Date(1000),
  });
  const meta = {
    id,
    name: 'old-ledger.csv',
    kind: plan.kind,
    sha256: s.sha256,
    size: plan.size,
    createdAt: '2026-11-01T09:00:00.000Z',
    source: 'upload',
    rowCount: result.rows.accepted,
    chunkCount: result.chunkCount,
    receiptId: receipt.id,
    headers: result.headers,
    plan,
    skippedRows: result.skippedRows.map((r) => ({ row: r.row, type: r.type, cells: r.cells })),
    aggregates: ledgerSumRows(result.ledgerSums),
  };
  return { meta, chunks, receipt };
}

/** Layout 1 (the first stored datasets): dates as ISO text, years as "2017/18". */
const asLayout1 = (chunk: StoredChunk) => ({
  ...chunk,
  dates: Object.fromEntries(
    Object.entries(chunk.dates).map(([k, v]) => [
      k,
      [...v].map((n) => (n === 0 ? '' : `${String(n).slice(0, 4)}-${String(n).slice(4, 6)}-${String(n).slice(6, 8)}`)),
    ]),
  ),
});

/** Typed arrays as their kind and values (one read back from IndexedDB may come from another realm). */
const plain = (v: unknown): unknown =>
  ArrayBuffer.isView(v)
    ? [Object.prototype.toString.call(v), Array.from(v as unknown as ArrayLike<number>)]
    : Array.isArray(v)
      ? v.map(plain)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
        : v;

const newer = { schema: 99, id: 'newer-1', name: 'from-the-future.csv', layout: 'unknown to this version' };
const damaged = { id: 'damaged-1', name: 'damaged.csv', kind: 'ledger', sha256: 42 };
const damagedReceipt = { id: 'receipt-x', fileName: 'odd-receipt.csv', rows: 'lots' };
let expected: Awaited<ReturnType<typeof currentForm>>;
let layout4Chunks: Awaited<ReturnType<typeof chunkRecords>>;
let layout5Chunks: Awaited<ReturnType<typeof chunkRecords>>;

beforeAll(async () => {
  expected = await currentForm('old-1');
  const db = await openOutturnDb();
  await db.put('datasets', expected.meta as never);
  for (const c of expected.chunks) await db.put('chunks', { ...asLayout1(c), datasetId: 'old-1' } as never);
  // Layout 3 (decoded chunks in IndexedDB), with a year the user set by hand that its rows do not give.
  await db.put('datasets', {
    ...expected.meta,
    schema: 3,
    id: 'layout3-1',
    name: 'layout3-ledger.csv',
    sha256: 'layout3',
    year: 2019,
    month: null,
    yearEvidence: ['Year and month set by you on 2026-11-30.'],
    countsFrom: null,
    illustrative: false,
    labels: [],
  } as never);
  for (const c of expected.chunks) await db.put('chunks', { ...c, datasetId: 'layout3-1' });
  // Layouts 4 (packed chunks; the ledger's sums one list each) and 5 (the sums packed in the record), kept but not
  // counting: their chunks as this version packs them.
  const packedLayout = async (schema: 4 | 5, aggregates: unknown) => {
    const id = `layout${schema}-1`;
    await db.put('datasets', {
      ...expected.meta,
      schema,
      id,
      name: `layout${schema}-ledger.csv`,
      sha256: `layout${schema}`,
      aggregates,
      year: 2017,
      month: null,
      yearEvidence: [],
      countsFrom: null,
      illustrative: false,
      labels: [],
    } as never);
    const records = (await Promise.all(expected.chunks.map((c) => chunkRecords(id, c)))).flat();
    for (const r of records) await db.put('chunks', r);
    return records;
  };
  layout4Chunks = await packedLayout(4, expected.meta.aggregates);
  layout5Chunks = await packedLayout(5, packLedgerSums(expected.meta.aggregates));
  await db.put('receipts', expected.receipt);
  await db.put('datasets', newer as never); // damaged on purpose: not a DatasetMeta
  await db.put('datasets', damaged as never);
  await db.put('receipts', damagedReceipt as never);
  // A page reloaded part-way through an import: its marker and two chunks, and a chunk of nobody's.
  await db.put(
    'settings',
    { datasetId: 'abandoned-1', fileName: 'big-ledger.csv', size: 36_000_000, startedAt: '2026-11-20T10:15:00.000Z' },
    'import-running/abandoned-1',
  );
  for (const index of [0, 1]) await db.put('chunks', { ...expected.chunks[0]!, index, datasetId: 'abandoned-1' });
  await db.put('chunks', { ...expected.chunks[0]!, datasetId: 'orphan-1' });
});

describe('stored data from other versions, damaged, or left by an unfinished import', () => {
  it('brings the old dataset forward: the same rows, dates in the current layout, listed as usual', async () => {
    renderWithProviders(<ImportPage />);
    const list = await screen.findByRole('table', {
      name: new RegExp(`${SAMPLE_FILE_LIST.length + 4} datasets, kept in this browser`),
    }); // the old ledgers and the sample
    expect(within(list).getByRole('rowheader', { name: 'old-ledger.csv' })).toBeTruthy();
    const db = await openOutturnDb();
    const record = await db.get('datasets', 'old-1');
    expect(record?.schema).toBe(6);
    // Its year, read from its own posting dates (3 April to 20 June 2017: 2017/18), and it counts as it did before.
    expect(record?.year).toBe(2017);
    expect(record?.yearEvidence.join(' ')).toContain('2017/18');
    expect(record?.countsFrom).toBe(record?.createdAt);
    // Its chunks are packed now, and read back exactly as this version's import makes them.
    const stored = await db.getAllFromIndex('chunks', 'byDataset', 'old-1');
    expect(stored.length).toBe(expected.chunks.length);
    expect(stored.every(isPackedRecord)).toBe(true);
    const chunks = await readChunks('old-1');
    expect(plain(chunks)).toEqual(plain(expected.chunks));
    expect([...chunks[0]!.dates.postingDate!]).toEqual([20170403, 20170515, 20170620]);
  });

  it('brings a layout 3 dataset forward with the year the user set, its rows packed and unchanged', async () => {
    renderWithProviders(<ImportPage />);
    const list = await screen.findByRole('table', { name: /datasets, kept in this browser/ });
    expect(within(list).getByRole('rowheader', { name: 'layout3-ledger.csv' })).toBeTruthy();
    const db = await openOutturnDb();
    const record = await db.get('datasets', 'layout3-1');
    expect(record?.schema).toBe(6);
    expect(record?.year).toBe(2019);
    expect(record?.yearEvidence).toEqual(['Year and month set by you on 2026-11-30.']);
    expect(record?.countsFrom).toBeNull();
    expect((await db.getAllFromIndex('chunks', 'byDataset', 'layout3-1')).every(isPackedRecord)).toBe(true);
    expect(plain(await readChunks('layout3-1'))).toEqual(plain(expected.chunks));
  });

  it('brings a layout 4 dataset forward: its sums packed in their own store, the same sums in the same order, its chunks untouched', async () => {
    renderWithProviders(<ImportPage />);
    const list = await screen.findByRole('table', { name: /datasets, kept in this browser/ });
    expect(within(list).getByRole('rowheader', { name: 'layout4-ledger.csv' })).toBeTruthy();
    const db = await openOutturnDb();
    const record = await db.get('datasets', 'layout4-1');
    expect(record?.schema).toBe(6);
    // The record keeps the periods its sums cover (the fixture's lines are of P1, P2 and P3), not the sums.
    expect(record?.periods).toEqual([1, 2, 3]);
    expect(record && 'aggregates' in record).toBe(false);
    const sums = await db.get('ledgerSums', 'layout4-1');
    expect(Object.prototype.toString.call(sums?.pence)).toBe('[object Float64Array]');
    // The import's own list of sums (integer pence), read back from the packed form.
    expect(expected.meta.aggregates.length).toBeGreaterThan(0);
    expect(ledgerSumRows(sums!)).toEqual(expected.meta.aggregates);
    expect(plain(await db.getAllFromIndex('chunks', 'byDataset', 'layout4-1'))).toEqual(plain(layout4Chunks));
  });

  it('brings a layout 5 dataset forward: its packed sums moved out of the record unchanged, its chunks untouched', async () => {
    renderWithProviders(<ImportPage />);
    const list = await screen.findByRole('table', { name: /datasets, kept in this browser/ });
    expect(within(list).getByRole('rowheader', { name: 'layout5-ledger.csv' })).toBeTruthy();
    const db = await openOutturnDb();
    const record = await db.get('datasets', 'layout5-1');
    expect(record?.schema).toBe(6);
    expect(record?.periods).toEqual([1, 2, 3]);
    expect(record && 'aggregates' in record).toBe(false);
    expect(ledgerSumRows((await db.get('ledgerSums', 'layout5-1'))!)).toEqual(expected.meta.aggregates);
    expect(plain(await db.getAllFromIndex('chunks', 'byDataset', 'layout5-1'))).toEqual(plain(layout5Chunks));
  });

  it('brings the sums of layouts 1 and 3 forward packed, in their own store, too', async () => {
    renderWithProviders(<ImportPage />);
    await screen.findByRole('table', { name: /datasets, kept in this browser/ });
    const db = await openOutturnDb();
    for (const id of ['old-1', 'layout3-1']) {
      expect((await db.get('datasets', id))?.periods).toEqual([1, 2, 3]);
      expect(ledgerSumRows((await db.get('ledgerSums', id))!)).toEqual(expected.meta.aggregates);
    }
  });

  it('sets aside what it cannot read, untouched, and says which and why, on the Import page', async () => {
    renderWithProviders(<ImportPage />);
    const table = await screen.findByRole('table', { name: '3 set aside' });
    const reasonOf = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!.textContent;
    expect(reasonOf('from-the-future.csv')).toContain(
      'It cannot be read: it was saved by a newer version of Outturn (data layout 99; this version reads layouts up to 6)',
    );
    expect(reasonOf('damaged.csv')).toContain('It cannot be read: it is damaged: its "sha256" is not text.');
    expect(reasonOf('odd-receipt.csv')).toContain('It cannot be read: its row counts are damaged.');
    const db = await openOutturnDb();
    expect(await db.get('datasets', 'newer-1')).toEqual(newer);
    expect(await db.get('datasets', 'damaged-1')).toEqual(damaged);
    expect(await db.get('receipts', 'receipt-x')).toEqual(damagedReceipt);
  });

  it('tidies the unfinished import and tells the user, on any page, until dismissed', async () => {
    renderWithProviders(
      <>
        <StoredDataNotices />
        <RevenuePage />
      </>,
      { initialEntries: ['/revenue?year=2017-18'] },
    );
    const notice = await screen.findByText(/did not finish/);
    expect(notice.textContent).toMatch(
      /^The import of big-ledger\.csv started 2026-11-20 10:15 UTC did not finish: the page was closed or reloaded while it ran\. Nothing from it was kept, and the data stored before it is as it was\./,
    );
    expect((await screen.findByText(/stored datasets cannot be read/)).textContent).toContain(
      '2 stored datasets cannot be read and were set aside',
    );
    const db = await openOutturnDb();
    const owners = (await db.getAllKeys('chunks')).map(([id]) => id);
    expect(owners.filter((id) => id === 'abandoned-1' || id === 'orphan-1')).toEqual([]);
    expect((await db.getAllKeys('settings')).filter((k) => String(k).startsWith('import-running/'))).toEqual([]);
    // The page itself is as usual.
    expect(await screen.findByRole('table', { name: 'Table 1: Revenue Outturn 2017/18' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: /Dismiss/ }));
    await waitFor(() => expect(screen.queryByText(/did not finish/)).toBeNull());
  });

  it('deletes a set-aside record when asked, and only it', async () => {
    // The user answers OK (happy-dom has no confirm of its own; the stub is undone after the test).
    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    renderWithProviders(<ImportPage />);
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: '3 set aside' });
    await user.click(within(table).getByRole('button', { name: 'Delete damaged.csv' }));
    await screen.findByRole('table', { name: '2 set aside' });
    const db = await openOutturnDb();
    expect(await db.get('datasets', 'damaged-1')).toBeUndefined();
    expect(await db.get('datasets', 'newer-1')).toEqual(newer);
    expect((await db.getAll('datasets')).length).toBe(SAMPLE_FILE_LIST.length + 5); // the sample, the four old ledgers, the newer one
  });
});
