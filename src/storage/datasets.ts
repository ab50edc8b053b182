import type { JsonValue } from '../domain/core/canonical-json';
import { messages } from '../domain/core/result';
import type { StoredChunk } from '../import/stored-chunk';
import type { ImportPlan } from '../import/import-plan';
import type { ImportReceipt } from '../import/receipt';
import type { DatasetKind } from '../import/dataset-kinds';
import { labelsOf, yearGuessOfStored } from '../import/dataset-labels';
import {
  checkChunk,
  DATASET_SCHEMA,
  judgeDatasetRecord,
  migrateChunk,
  nameOf,
  problemOfReceipt,
} from './dataset-records';
import {
  chunkOfRecord,
  chunkRange,
  chunkRecords,
  inflated,
  isChunkIndex,
  isPackedRecord,
  withBytes,
  type ChunkPieceRecord,
  type FiledChunkRecord,
  type PackedChunkRecord,
} from './chunk-records';
import { ChunkFileReader, removeChunkFiles, sweepChunkFiles } from './chunk-files';
import { rowsOfChunk, rowsOfPacked, type ChunkRows } from '../import/packed-rows';
import { openOutturnDb, type Db } from './db';
import { packLedgerSums, periodsOfSums, problemOfLedgerSums, type LedgerSums } from './ledger-sums';

export { DATASET_SCHEMA } from './dataset-records';

/*
 * Datasets in IndexedDB: rows in column-oriented chunks (1,500 rows a record, 10,000 in those stored before 4
 * December 2026; typed arrays for amounts and periods), so a million rows is about 667 records, not a million. An import writes
 * its chunks first and its dataset record last, in one transaction with the receipt: until that commit
 * the chunks belong to no dataset and are never read, and a cancelled, crashed or refused import is
 * cleaned up by deleting them. A reload therefore sees every import whole or not at all.
 *
 * While an import runs it holds IMPORT_LOCK (shared: imports in several tabs run side by side, each in its
 * own chunks) and a marker in `settings` (import-running/<dataset id>), removed with the commit. Start-up
 * tidies only when no import holds the lock in any tab: a marker left then is an import that a closed or
 * reloaded page, or a crashed browser, never finished. Its chunks are deleted and the user is told.
 */

/** Held (shared) by every running import; taken exclusively, if free, by the start-up sweep. */
export const IMPORT_LOCK = 'outturn-import';

/**
 * Runs `work` holding IMPORT_LOCK (shared): whatever writes rows before the record that names them (an
 * import, a workspace take-in) runs so, and no start-up sweep in another tab takes those rows for an
 * unfinished import's. Where there are no Web Locks (Node, jsdom) there is no other tab either.
 */
export function withImportLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(IMPORT_LOCK, { mode: 'shared' }, work) : work();
}
const RUNNING = 'import-running/';
const SET_ASIDE = 'set-aside/';
const NOTICES = 'notices';

export interface DatasetMeta {
  /** The layout of the record and its chunks (dataset-records.ts); DATASET_SCHEMA when written now. */
  schema: number;
  id: string;
  name: string;
  kind: DatasetKind;
  sha256: string;
  size: number;
  createdAt: string;
  source: 'sample' | 'upload';
  rowCount: number;
  chunkCount: number;
  receiptId: string;
  headers: string[];
  plan: ImportPlan;
  /** Totals, subtotals and footers as read (kept out of the data rows). */
  skippedRows: { row: number; type: string; cells: string[] }[];
  /**
   * A ledger's periods (1-16) with a sum in its export, ascending (periodsOfSums); [] for other kinds. Its sums
   * themselves are kept apart (the `ledgerSums` store, read by readLedgerSums): this is what choosing the export
   * that supplies each period needs (dataset-slots.ts).
   */
  periods: number[];
  /**
   * The financial year (first calendar year: 2018 = 2018/19), as the file said and the user confirmed, or as
   * the user changed it later. Null: not known; the dataset is listed on the Import page and no page reads it.
   */
  year: number | null;
  /** A monitoring return's month (period 1-12 it is as at); null for whole-year data and ledgers. */
  month: number | null;
  /** Where the year and month came from, in words. */
  yearEvidence: string[];
  /**
   * When this dataset began to count for its kind, year and month (ISO time): of the datasets for the same
   * slot (dataset-slots.ts), the one that began to count last is read. Null: kept and listed, but not read,
   * because the user has not confirmed that it replaces the one that counts (or chose another back).
   */
  countsFrom: string | null;
  /** Generated figures (the illustrative sample years), not a real export: every page says so. */
  illustrative: boolean;
  /** The row labels of a table (its area, scheme, reserve or source column), for telling tables apart by content. */
  labels: string[];
}

export class StorageRefused extends Error {
  constructor(cause: unknown) {
    const name = cause instanceof DOMException ? cause.name : '';
    super(
      name === 'QuotaExceededError'
        ? 'The browser refused to store the data: its storage for this site is full. Nothing from this import was kept; delete a dataset or free space and try again.'
        : `The browser refused to store the data${name ? ` (${name})` : ''}; in a private window storage may be off. Nothing from this import was kept.`,
    );
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // already finished or aborted: nothing of it was kept, or all of it was
  }
}

/**
 * Writes in one transaction, all or nothing: a refusal part-way (one write thrown, others already queued)
 * aborts the transaction, so that no record is left without its companions, and every queued write is
 * waited for (each ends in the abort) before the refusal is passed on.
 */
async function allOrNothing(
  tx: { abort(): void; done: Promise<void> },
  writes: readonly (() => Promise<unknown>)[],
): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    for (const write of writes) pending.push(write());
    await Promise.all([...pending, tx.done]);
  } catch (error) {
    abortQuietly(tx);
    await Promise.allSettled([...pending, tx.done]);
    throw error;
  }
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof DOMException ? new StorageRefused(error) : error;
  }
}

/** Writes one chunk of a dataset, as the records chunkRecords made of it (packed, in pieces: chunk-records.ts), together. */
export async function putChunkRecords(
  records: readonly (PackedChunkRecord | ChunkPieceRecord | FiledChunkRecord)[],
  db?: Db,
): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await guarded(async () => {
    const tx = d.transaction('chunks', 'readwrite');
    await allOrNothing(
      tx,
      records.map((r) => () => tx.store.put(r)),
    );
  });
}

/** An import's chunk written after the import was given up: nothing was written. */
class ImportNotRunning extends Error {
  constructor(datasetId: string) {
    super(`The import ${datasetId} was given up (cancelled or stopped); its rows were not written.`);
  }
}

/**
 * Writes one chunk of a running import, in one transaction with a look at the import's marker (beginImport): where
 * the marker is gone, the import was given up and its rows deleted with it (abandonImport), and nothing is written
 * (ImportNotRunning). A worker the page stops may still write for a moment after the page has cleaned up (a worker
 * started by a worker ends after its parent); those chunks stayed behind, belonging to no dataset (three, in a run of
 * the cancel test under load). The transactions are ordered, so a write either comes before the clean-up, which
 * deletes it, or after, which finds no marker.
 */
export async function putImportChunkRecords(
  datasetId: string,
  records: readonly (PackedChunkRecord | ChunkPieceRecord | FiledChunkRecord)[],
  db?: Db,
): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await guarded(async () => {
    const tx = d.transaction(['chunks', 'settings'], 'readwrite');
    // The look and the writes asked for together (no round trip waited between them): where the marker is gone,
    // the look throws and allOrNothing aborts the transaction, its writes with it.
    const look = async (): Promise<void> => {
      if ((await tx.objectStore('settings').getKey(RUNNING + datasetId)) === undefined)
        throw new ImportNotRunning(datasetId);
    };
    await allOrNothing(tx, [look, ...records.map((r) => () => tx.objectStore('chunks').put(r))]);
  });
}

/**
 * Makes an import visible: the dataset record, its receipt and a ledger's sums (null for other kinds), together.
 */
export async function commitDataset(
  meta: DatasetMeta,
  receipt: ImportReceipt,
  sums: LedgerSums | null,
  db?: Db,
): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await guarded(async () => {
    const tx = d.transaction(['datasets', 'receipts', 'settings', 'ledgerSums'], 'readwrite');
    await allOrNothing(tx, [
      () => tx.objectStore('datasets').put(meta),
      () => tx.objectStore('receipts').put(receipt),
      ...(sums ? [() => tx.objectStore('ledgerSums').put({ ...sums, datasetId: meta.id })] : []),
      () => tx.objectStore('settings').delete(RUNNING + meta.id),
    ]);
  });
}

/**
 * A ledger's sums (the `ledgerSums` store), checked: a ledger whose sums are missing or damaged cannot be added up,
 * and the page says which and what to do (StoredDataDamaged), never a total without them.
 */
export async function readLedgerSums(dataset: { id: string; name: string }, db?: Db): Promise<LedgerSums> {
  const d = db ?? (await openOutturnDb());
  const record = await d.get('ledgerSums', dataset.id);
  if (record === undefined) throw new StoredDataDamaged(dataset.name, 'its sums by cost centre and period are missing');
  const problem = problemOfLedgerSums(record);
  if (problem) throw new StoredDataDamaged(dataset.name, `its sums by cost centre and period are damaged: ${problem}`);
  return record;
}

/** Deletes the chunks of a dataset id, its line index and its sums (an abandoned import, or a deleted dataset). */
export async function deleteChunks(datasetId: string, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  const tx = d.transaction(['chunks', 'lineIndex', 'ledgerSums'], 'readwrite');
  const keys = await tx.objectStore('chunks').index('byDataset').getAllKeys(datasetId);
  const indexKeys = await tx.objectStore('lineIndex').index('byDataset').getAllKeys(datasetId);
  await Promise.all([
    ...keys.map((k) => tx.objectStore('chunks').delete(k)),
    ...indexKeys.map((k) => tx.objectStore('lineIndex').delete(k)),
    tx.objectStore('ledgerSums').delete(datasetId),
    tx.done,
  ]);
  await removeChunkFiles(datasetId);
}

/**
 * The reading of the list under way, given to every caller until it is done (null: none under way). When the
 * datasets change, every page's query asks for the list at once; each reading deserialised every record (a
 * million-row ledger's sums are 4 MB) and checked its sums on the page's thread, 20 ms apiece and over 50 ms under
 * an import's load (issue 16, point 3). Shared only while under way: a caller hears of a change (a write's
 * completion, a worker's message) in a task of its own. A reading asked for before the write ran before it (a write
 * on a store waits for the readings of it asked for first) and its result came first, so it is done by then and the
 * caller reads afresh; a reading asked for after the write sees it. It was shared until a timer (`setTimeout(0)`)
 * ran, and IndexedDB's events may come before a timer: a caller in such an event was given a reading from before the
 * change (dataset-list-reads.test.tsx, failing once under load).
 */
let underWay: Promise<DatasetMeta[]> | null = null;

/** The datasets that read in the current layout, oldest first. Any other record is set aside (listSetAside). */
export async function listDatasets(db?: Db): Promise<DatasetMeta[]> {
  if (db) return readDatasets(db);
  if (!underWay) {
    const reading = readDatasets();
    underWay = reading;
    const done = (): void => {
      if (underWay === reading) underWay = null;
    };
    reading.then(done, done);
  }
  // A list of its own to each caller (the records are the same objects: read, never changed, by every caller).
  return [...(await underWay)];
}

async function readDatasets(db?: Db): Promise<DatasetMeta[]> {
  const d = db ?? (await openOutturnDb());
  const all = (await d.getAll('datasets')).flatMap((r) => {
    const v = judgeDatasetRecord<DatasetMeta>(r);
    return v.status === 'current' && v.meta ? [v.meta] : [];
  });
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The receipts that can be read, newest first. Any other is set aside (listSetAside). */
export async function listReceipts(db?: Db): Promise<ImportReceipt[]> {
  const d = db ?? (await openOutturnDb());
  const all = (await d.getAll('receipts')).filter((r) => problemOfReceipt(r) === null);
  return all.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
}

export async function findByHash(sha256: string, db?: Db): Promise<DatasetMeta[]> {
  const d = db ?? (await openOutturnDb());
  return (await d.getAllFromIndex('datasets', 'byHash', sha256)).flatMap((r) => {
    const v = judgeDatasetRecord<DatasetMeta>(r);
    return v.status === 'current' && v.meta ? [v.meta] : [];
  });
}

/** Stored rows that are not as their dataset says: the page says which, and what to do. */
class StoredDataDamaged extends Error {
  constructor(name: string, problem: string) {
    super(
      `The stored rows of ${name} cannot be read: ${problem}. Delete it on the Import page and import the file again; nothing else is affected.`,
    );
  }
}

/** A dataset's rows, every chunk unpacked and checked against its record. */
export async function readChunks(datasetId: string, db?: Db): Promise<StoredChunk[]> {
  const chunks: StoredChunk[] = [];
  await forEachChunk(datasetId, (c) => void chunks.push(c), db);
  return chunks;
}

/**
 * A dataset's chunk records as the `byDataset` index gives them, in the order of their indices, each chunk's pieces
 * joined to it (chunk-records.ts); or the first chunk whose pieces do not join, said.
 */
async function wholeChunks(records: readonly unknown[]): Promise<{ stored: unknown[]; damaged: string | null }> {
  const indexOf = (r: unknown): number => (r as { index?: number }).index ?? 0;
  const sorted = [...records].sort((a, b) => indexOf(a) - indexOf(b));
  const stored: unknown[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && !isChunkIndex(indexOf(sorted[j]))) j++;
    const whole = await withBytes(sorted.slice(i, j));
    if ('problem' in whole) return { stored, damaged: `part ${stored.length + 1} of its rows ${whole.problem}` };
    stored.push(whole.record);
    i = j;
  }
  return { stored, damaged: null };
}

/**
 * Some chunks of a dataset, each as its rows read in place (src/import/packed-rows.ts: nothing unpacked but the
 * cells asked for), checked against its record: the drill-down's page of lines reads a few rows of each.
 */
export async function readChunkRows(
  dataset: { id: string; name: string },
  indices: readonly number[],
  db?: Db,
): Promise<ChunkRows[]> {
  const d = db ?? (await openOutturnDb());
  const tx = d.transaction('chunks', 'readonly');
  const stored = await Promise.all(indices.map((i) => tx.store.getAll(chunkRange(dataset.id, i))));
  return Promise.all(
    stored.map(async (records: unknown[], k) => {
      const index = indices[k]!;
      const whole = await withBytes(records);
      const rows = 'problem' in whole ? whole.problem : await rowsOfRecord(whole.record, index);
      if (typeof rows === 'string') throw new StoredDataDamaged(dataset.name, `part ${index + 1} of its rows ${rows}`);
      return rows;
    }),
  );
}

async function rowsOfRecord(record: unknown, index: number): Promise<ChunkRows | string> {
  if (record === undefined) return 'is missing';
  if (!isPackedRecord(record)) {
    const problem = checkChunk(record, index);
    return problem ?? rowsOfChunk(record as StoredChunk);
  }
  try {
    const rows = rowsOfPacked(record.deflated ? await inflated(record.packed) : record.packed);
    return rows.index === index && rows.rowCount === record.rowCount ? rows : 'is not what its record names';
  } catch (error) {
    return `is damaged (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** How many chunks forEachChunk asks for ahead of the one it visits. */
const READ_AHEAD = 8;

/**
 * A dataset's rows, one chunk at a time in order (at most one chunk's rows decoded at once beyond what `visit`
 * keeps), every chunk checked against its record: a reader that folds rows need not hold them all.
 * @public for the readers (drill-down, monitoring) that fold rows chunk by chunk.
 */
export async function forEachChunk(
  datasetId: string,
  visit: (chunk: StoredChunk) => void | Promise<void>,
  db?: Db,
): Promise<void> {
  const d = db ?? (await openOutturnDb());
  const record = judgeDatasetRecord<DatasetMeta>(await d.get('datasets', datasetId));
  const keys = (await d.getAllKeys('chunks', IDBKeyRange.bound([datasetId, -Infinity], [datasetId, Infinity]))).filter(
    ([, index]) => isChunkIndex(index),
  );
  const meta = record.meta;
  const name = meta?.name ?? datasetId;
  if (meta && keys.length !== meta.chunkCount)
    throw new StoredDataDamaged(name, `${meta.chunkCount} parts were stored, ${keys.length} are there`);
  let rows = 0;
  // A few chunks asked for ahead of the one visited: each is a read of IndexedDB and, for a large import's, of its
  // file, and one at a time their waits add up (a million rows' line index made from its 667 chunks in files: 2.8 s
  // one at a time, 2.3 s eight ahead, 1.1 s eight ahead read in windows: one run each, bench/README.md).
  const asked = new Map<number, Promise<{ record: unknown } | { problem: string }>>();
  const reader = new ChunkFileReader();
  const ask = (i: number): void => {
    if (i >= keys.length) return;
    const reading = d.getAll('chunks', chunkRange(datasetId, keys[i]![1])).then((r) => withBytes(r, reader));
    // One not reached (a part before it damaged) fails unheard, not as an unhandled rejection.
    reading.catch(() => undefined);
    asked.set(i, reading);
  };
  for (let i = 0; i < READ_AHEAD; i++) ask(i);
  for (let i = 0; i < keys.length; i++) {
    ask(i + READ_AHEAD);
    const whole = await asked.get(i)!;
    asked.delete(i);
    if ('problem' in whole) throw new StoredDataDamaged(name, `part ${i + 1} of its rows ${whole.problem}`);
    const stored = whole.record;
    const read = isPackedRecord(stored) ? await chunkOfRecord(stored) : { chunk: stored as StoredChunk };
    if ('problem' in read) throw new StoredDataDamaged(name, `part ${i + 1} of its rows is damaged (${read.problem})`);
    const problem = meta ? checkChunk(read.chunk, i) : null;
    if (problem) throw new StoredDataDamaged(name, problem);
    rows += read.chunk.rowCount;
    await visit(read.chunk);
  }
  if (meta && rows !== meta.rowCount)
    throw new StoredDataDamaged(meta.name, `${meta.rowCount} rows were stored, ${rows} are there`);
}

/** Deletes a dataset and its rows; its receipt stays, as the record that the import happened. */
export async function deleteDataset(id: string, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await d.delete('datasets', id);
  await d.delete('settings', SET_ASIDE + id);
  await deleteChunks(id, d);
}

/** Deletes a receipt (one that cannot be read; a readable one is kept as the record of its import). */
export async function deleteReceipt(id: string, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await d.delete('receipts', id);
}

/** A stored record Outturn cannot read: kept as it is (a newer version may read it), listed with the reason. */
export interface SetAside {
  store: 'datasets' | 'receipts';
  id: string;
  name: string;
  reason: string;
}

/**
 * The records set aside: datasets, and (`receipts`) receipts too. Receipts can be large (thousands of issues
 * each), so only the Import page reads them all; the notice on every page counts datasets.
 */
export async function listSetAside(options: { receipts: boolean } = { receipts: true }, db?: Db): Promise<SetAside[]> {
  const d = db ?? (await openOutturnDb());
  const list: SetAside[] = [];
  const keys = await d.getAllKeys('datasets');
  const records = await d.getAll('datasets');
  for (let i = 0; i < records.length; i++) {
    const v = judgeDatasetRecord<DatasetMeta>(records[i]);
    if (v.status === 'current') continue;
    const id = String(keys[i]);
    const reason =
      v.reason ??
      (await getSetting<string>(SET_ASIDE + id, d)) ??
      'it is in an older layout that has not been brought forward yet';
    list.push({ store: 'datasets', id, name: nameOf(records[i]), reason });
  }
  if (!options.receipts) return list;
  const receiptKeys = await d.getAllKeys('receipts');
  const receipts = await d.getAll('receipts');
  for (let i = 0; i < receipts.length; i++) {
    const problem = problemOfReceipt(receipts[i]);
    if (problem)
      list.push({ store: 'receipts', id: String(receiptKeys[i]), name: nameOf(receipts[i]), reason: problem });
  }
  return list;
}

/**
 * Brings datasets saved by an older version of Outturn to the current layout, each in one transaction
 * (its chunks and its record together: a crash part-way leaves it as it was). A dataset that cannot be
 * brought forward is left untouched, with the reason kept, and is listed as set aside. Returns how many moved.
 */
export async function migrateDatasets(db?: Db): Promise<number> {
  const d = db ?? (await openOutturnDb());
  // A record of the current layout is read as it is, or set aside: never brought forward. When every record is of
  // it (counted by the layout index, nothing read), there is nothing to do: reading every record and checking its
  // sums was a task of 46-73 ms at each start with a million-row ledger stored (issue 16, point 3).
  const [records, current] = await Promise.all([
    d.count('datasets'),
    d.countFromIndex('datasets', 'bySchema', DATASET_SCHEMA),
  ]);
  if (records === current) return 0;
  let migrated = 0;
  for (const record of await d.getAll('datasets')) {
    const v = judgeDatasetRecord<OlderMeta>(record);
    if (v.status !== 'migrate' || !v.meta) continue;
    // Before layout 6 the sums were in the record: layout 5's packed, older layouts' one list each. They move to the
    // store of their own (a ledger's: the others have none), whatever else is brought forward.
    const { aggregates, ...rest } = v.meta;
    const sums = rest.schema === 5 ? (aggregates as LedgerSums) : packLedgerSums(aggregates as SumList);
    const meta: DatasetMeta = { ...rest, periods: periodsOfSums(sums) };
    const sumsRecord = meta.kind === 'ledger' ? [{ ...sums, datasetId: meta.id }] : [];
    if (meta.schema === 4 || meta.schema === 5) {
      // Layout 4's and 5's chunks are as layout 6 keeps them: only the record changes, its sums moved beside it.
      const tx = d.transaction(['datasets', 'ledgerSums'], 'readwrite');
      try {
        await allOrNothing(tx, [
          () => tx.objectStore('datasets').put({ ...meta, schema: DATASET_SCHEMA }),
          ...sumsRecord.map((r) => () => tx.objectStore('ledgerSums').put(r)),
        ]);
        migrated++;
        await d.delete('settings', SET_ASIDE + meta.id);
      } catch (error) {
        await setAsideUntilNextStart(meta.id, error, d);
      }
      continue;
    }
    const { stored, damaged } = await wholeChunks(await d.getAllFromIndex('chunks', 'byDataset', meta.id));
    let reason: string | null =
      damaged ??
      (stored.length === meta.chunkCount
        ? null
        : `${meta.chunkCount} parts of its rows were stored, ${stored.length} are there`);
    const chunks: StoredChunk[] = [];
    for (let i = 0; i < stored.length && reason === null; i++) {
      // A workspace file's dataset of an older layout is taken in with its chunks already packed.
      const s = stored[i];
      const read = isPackedRecord(s) ? await chunkOfRecord(s) : { chunk: s };
      if ('problem' in read) {
        reason = `part ${i + 1} of its rows is damaged (${read.problem})`;
        break;
      }
      const m = migrateChunk(read.chunk, meta.kind, i);
      if (m.ok) chunks.push(m.value);
      else reason = messages(m.issues);
    }
    if (reason !== null) {
      await putSetting(
        SET_ASIDE + meta.id,
        `it was saved by an older version of Outturn and cannot be brought forward: ${reason}`,
        d,
      );
      continue;
    }
    // Every older layout's chunks are packed (layout 4's form); layout 1's dates were brought to numbers on the way.
    // Layout 3 already knows its year (perhaps set by the user): only its chunks change.
    const current: DatasetMeta = meta.schema === 3 ? { ...meta, schema: DATASET_SCHEMA } : withYear(meta, chunks);
    // Packed before the transaction: it would commit itself while waiting on anything but IndexedDB.
    const records = (await Promise.all(chunks.map((c) => chunkRecords(meta.id, c)))).flat();
    const tx = d.transaction(['datasets', 'chunks', 'ledgerSums'], 'readwrite');
    try {
      await allOrNothing(tx, [
        ...records.map((r) => () => tx.objectStore('chunks').put(r)),
        ...sumsRecord.map((r) => () => tx.objectStore('ledgerSums').put(r)),
        () => tx.objectStore('datasets').put(current),
      ]);
      migrated++;
      await d.delete('settings', SET_ASIDE + meta.id);
    } catch (error) {
      await setAsideUntilNextStart(meta.id, error, d);
    }
  }
  return migrated;
}

/** A record of a layout before 6, as judged (its own fields checked): the sums still in it. */
type OlderMeta = Omit<DatasetMeta, 'periods'> & { aggregates: unknown };
/** Layout 4's sums (and older): one [cost centre, subjective, period, pence] list each. */
type SumList = [string, string, number, number][];

/** Bringing a dataset forward was refused (a full disk): it stays as it was, set aside, and the next start tries again. */
async function setAsideUntilNextStart(id: string, error: unknown, d: Db): Promise<void> {
  const reason = error instanceof Error ? new StorageRefused(error).message : String(error);
  await putSetting(
    SET_ASIDE + id,
    `it was saved by an older version of Outturn and could not yet be brought forward: ${reason}`,
    d,
  ).catch(() => undefined);
}

/**
 * A dataset stored before datasets knew their year, brought forward: the year its own headers and rows give
 * (read as the preview reads a file); the embedded sample's are 2017/18, the only year it had then; an upload
 * that does not say stays without a year (listed on the Import page to be set; no page reads it). It counts
 * from when it was imported, so that what was read before is read still.
 */
function withYear(meta: DatasetMeta, chunks: readonly StoredChunk[]): DatasetMeta {
  const guess = yearGuessOfStored(meta, chunks);
  const sample = meta.source === 'sample';
  const year = guess.year ?? (sample ? SAMPLE_FIRST_YEAR : null);
  const yearEvidence =
    guess.year !== null
      ? guess.evidence
      : sample
        ? ['Part of the embedded 2017/18 sample, stored before datasets knew their year.', ...guess.evidence]
        : [guess.question ?? 'The file does not say which year it is for.', ...guess.evidence];
  return {
    ...meta,
    schema: DATASET_SCHEMA,
    year,
    month: guess.month,
    yearEvidence,
    countsFrom: meta.createdAt,
    // Before this layout only the sample's generated series was illustrative, and its files said so in their names.
    illustrative: sample && /^illustrative-/i.test(meta.name),
    labels: labelsOf(meta.plan, chunks),
    plan: { ...meta.plan, year, month: guess.month, yearEvidence },
  };
}

/** The year of the sample that earlier versions stored: the 19 July 2018 paper's 2017/18. */
const SAMPLE_FIRST_YEAR = 2017;

/**
 * Marks an import as running: if its page never finishes it, the next start-up knows, tidies and tells. `sample`: one
 * of the embedded sample's files, which that start imports again by itself (the notice says so, not to import it).
 */
export async function beginImport(
  datasetId: string,
  info: { fileName: string; size: number; sample?: boolean },
  db?: Db,
): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await guarded(() =>
    d.put(
      'settings',
      {
        datasetId,
        fileName: info.fileName,
        size: info.size,
        startedAt: new Date().toISOString(),
        ...(info.sample ? { sample: true } : {}),
      },
      RUNNING + datasetId,
    ),
  );
}

/**
 * Deletes an import's chunks numbered `from` and above: a second half read by another worker and then read again
 * by the import itself (src/import/split-import.ts), whose chunks would otherwise stand beside the new ones.
 */
export async function deleteChunksFrom(datasetId: string, from: number, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await d.delete('chunks', IDBKeyRange.bound([datasetId, from], [datasetId, Infinity]));
  // And the second half's file, its chunks' bytes (chunk-files.ts), written or not yet named by a record.
  await removeChunkFiles(datasetId, from);
}

/** An import given up (cancelled, crashed, refused): its chunks and its marker go, together. */
export async function abandonImport(datasetId: string, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  const tx = d.transaction(['chunks', 'lineIndex', 'settings'], 'readwrite');
  const keys = await tx.objectStore('chunks').index('byDataset').getAllKeys(datasetId);
  const indexKeys = await tx.objectStore('lineIndex').index('byDataset').getAllKeys(datasetId);
  await Promise.all([
    ...keys.map((k) => tx.objectStore('chunks').delete(k)),
    ...indexKeys.map((k) => tx.objectStore('lineIndex').delete(k)),
    tx.objectStore('settings').delete(RUNNING + datasetId),
    tx.done,
  ]);
  await removeChunkFiles(datasetId);
}

/**
 * Something the user should hear about at the next visit: an import that a closed or reloaded page left unfinished.
 * A type, not an interface: notices are kept as JSON (a setting's value), which an interface cannot promise.
 */
export type Notice = {
  id: string;
  kind: 'interrupted-import';
  fileName: string;
  size: number;
  startedAt: string;
  foundAt: string;
  /** One of the embedded sample's files: imported again by the start that found it (sample-bootstrap.ts). */
  sample?: true;
};

export async function listNotices(db?: Db): Promise<Notice[]> {
  const d = db ?? (await openOutturnDb());
  const notices = await getSetting<unknown>(NOTICES, d);
  return Array.isArray(notices)
    ? (notices as Notice[]).filter((n) => typeof n?.id === 'string' && typeof n.fileName === 'string')
    : [];
}

export async function dismissNotice(id: string, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await putSetting(
    NOTICES,
    (await listNotices(d)).filter((n) => n.id !== id),
    d,
  );
}

/**
 * At start-up, with no import running in any tab (the caller holds IMPORT_LOCK exclusively): every
 * import still marked as running was left unfinished. Its chunks are deleted, a notice is kept for the
 * user, and chunks that belong to no dataset at all are swept too. Returns the imports found unfinished.
 */
export async function sweepUnfinishedImports(db?: Db): Promise<Notice[]> {
  const d = db ?? (await openOutturnDb());
  const range = IDBKeyRange.bound(RUNNING, `${RUNNING}\uffff`);
  const keys = await d.getAllKeys('settings', range);
  const found: Notice[] = [];
  for (const key of keys) {
    const marker = (await d.get('settings', key)) as
      { datasetId?: unknown; fileName?: unknown; size?: unknown; startedAt?: unknown; sample?: unknown } | undefined;
    const datasetId = String(key).slice(RUNNING.length);
    found.push({
      id: `interrupted-${datasetId}`,
      kind: 'interrupted-import',
      fileName: typeof marker?.fileName === 'string' ? marker.fileName : '(a file)',
      size: typeof marker?.size === 'number' ? marker.size : 0,
      startedAt: typeof marker?.startedAt === 'string' ? marker.startedAt : '',
      foundAt: new Date().toISOString(),
      ...(marker?.sample === true ? { sample: true as const } : {}),
    });
    await abandonImport(datasetId, d);
  }
  if (found.length > 0) await putSetting(NOTICES, [...(await listNotices(d)), ...found], d);
  await deleteOrphanChunks(d);
  return found;
}

/**
 * Chunks (and line indexes and sums) that belong to no dataset: left by an import that was cancelled, crashed or
 * reloaded away, or by a deletion a closed page did not finish (the record goes first). Found by
 * their keys ([dataset id, index]) alone: this runs at every start, and reading every chunk's value would read
 * (and deserialise, on the page's thread) every stored row, half a second and more with a million rows stored.
 */
async function deleteOrphanChunks(db?: Db): Promise<number> {
  const d = db ?? (await openOutturnDb());
  // Looked for in a read-only transaction, all four lists asked for at once: at nearly every start there is nothing to
  // delete, and a read-write transaction, even one that writes nothing, waited for its commit (the sweep was 79 ms of
  // a reload's start with a million-row ledger stored). Nothing can become an orphan between the look and the
  // deletion: the caller holds IMPORT_LOCK exclusively, so no import or workspace take-in writes meanwhile.
  const look = d.transaction(['datasets', 'chunks', 'lineIndex', 'ledgerSums'], 'readonly');
  const [datasetKeys, chunkKeys, indexKeys, sumKeys] = await Promise.all([
    look.objectStore('datasets').getAllKeys(),
    look.objectStore('chunks').getAllKeys(),
    look.objectStore('lineIndex').getAllKeys(),
    look.objectStore('ledgerSums').getAllKeys(),
  ]);
  const datasets = new Set(datasetKeys.map(String));
  const orphans = chunkKeys.filter(([datasetId]) => !datasets.has(datasetId));
  const orphanIndex = indexKeys.filter(([id]) => !datasets.has(id));
  const orphanSums = sumKeys.filter((id) => !datasets.has(id));
  // Chunk files (chunk-files.ts) whose dataset is not stored: an abandoned import's that a writer still held open.
  await sweepChunkFiles(datasets);
  if (orphans.length + orphanIndex.length + orphanSums.length === 0) return 0;
  const tx = d.transaction(['chunks', 'lineIndex', 'ledgerSums'], 'readwrite');
  await Promise.all([
    ...orphans.map((key) => tx.objectStore('chunks').delete(key)),
    ...orphanIndex.map((key) => tx.objectStore('lineIndex').delete(key)),
    ...orphanSums.map((key) => tx.objectStore('ledgerSums').delete(key)),
    tx.done,
  ]);
  return orphans.length;
}

export async function getSetting<T>(name: string, db?: Db): Promise<T | undefined> {
  const d = db ?? (await openOutturnDb());
  return (await d.get('settings', name)) as T | undefined;
}

export async function putSetting(name: string, value: JsonValue, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await d.put('settings', value, name);
}

/** Makes a dataset the one that counts for its slot (a ledger: for its periods), from now: chosen by the user. */
export async function chooseDataset(id: string, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  const tx = d.transaction('datasets', 'readwrite');
  const meta = judgeDatasetRecord<DatasetMeta>(await tx.store.get(id)).meta;
  if (!meta) throw new Error('That dataset is no longer stored.');
  await Promise.all([tx.store.put({ ...meta, countsFrom: new Date().toISOString() }), tx.done]);
}

/**
 * Sets a dataset's year and month (the user's correction, after the import). The dataset stops counting until
 * chosen again when another already counts for its new year and month (`displaced`, from the caller).
 */
export async function setDatasetYear(
  id: string,
  change: { year: number; month: number | null; counts: boolean },
  db?: Db,
): Promise<void> {
  const d = db ?? (await openOutturnDb());
  const tx = d.transaction('datasets', 'readwrite');
  const meta = judgeDatasetRecord<DatasetMeta>(await tx.store.get(id)).meta;
  if (!meta) throw new Error('That dataset is no longer stored.');
  const now = new Date();
  const note = `Year and month set by you on ${now.toISOString().slice(0, 10)}.`;
  await Promise.all([
    tx.store.put({
      ...meta,
      year: change.year,
      month: change.month,
      yearEvidence: [note, ...meta.yearEvidence.filter((e) => !e.startsWith('Year and month set by you'))],
      countsFrom: change.counts ? now.toISOString() : null,
    }),
    tx.done,
  ]);
}
