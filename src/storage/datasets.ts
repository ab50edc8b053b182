import type { StoredChunk } from '../import/import-session';
import type { ImportPlan } from '../import/import-session';
import type { ImportReceipt } from '../import/receipt';
import type { DatasetKind } from '../import/dataset-kinds';
import { openOutturnDb, type Db } from './db';

/*
 * Datasets in IndexedDB: rows in column-oriented chunks (~10,000 rows a record, typed arrays for
 * amounts and periods), so a million rows is about a hundred records, not a million. An import writes
 * its chunks first and its dataset record last, in one transaction with the receipt: until that commit
 * the chunks belong to no dataset and are never read, and a cancelled, crashed or refused import is
 * cleaned up by deleting them. A reload therefore sees every import whole or not at all.
 */

export interface DatasetMeta {
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
  /** Ledger: exact sums by cost centre, subjective and period (pence). */
  aggregates: [string, string, number, number][];
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

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof DOMException ? new StorageRefused(error) : error;
  }
}

export async function putChunk(datasetId: string, chunk: StoredChunk, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await guarded(() => d.put('chunks', { ...chunk, datasetId } as never));
}

/** Makes an import visible: the dataset record and its receipt, together. */
export async function commitDataset(meta: DatasetMeta, receipt: ImportReceipt, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await guarded(async () => {
    const tx = d.transaction(['datasets', 'receipts'], 'readwrite');
    await Promise.all([tx.objectStore('datasets').put(meta as never), tx.objectStore('receipts').put(receipt as never), tx.done]);
  });
}

/** Deletes the chunks of a dataset id (an abandoned import, or a deleted dataset). */
export async function deleteChunks(datasetId: string, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  const tx = d.transaction('chunks', 'readwrite');
  const keys = await tx.store.index('byDataset').getAllKeys(datasetId);
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
}

export async function listDatasets(db?: Db): Promise<DatasetMeta[]> {
  const d = db ?? (await openOutturnDb());
  const all = (await d.getAll('datasets')) as unknown as DatasetMeta[];
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function getReceipt(id: string, db?: Db): Promise<ImportReceipt | undefined> {
  const d = db ?? (await openOutturnDb());
  return (await d.get('receipts', id)) as unknown as ImportReceipt | undefined;
}

export async function listReceipts(db?: Db): Promise<ImportReceipt[]> {
  const d = db ?? (await openOutturnDb());
  const all = (await d.getAll('receipts')) as unknown as ImportReceipt[];
  return all.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
}

export async function findByHash(sha256: string, db?: Db): Promise<DatasetMeta[]> {
  const d = db ?? (await openOutturnDb());
  return (await d.getAllFromIndex('datasets', 'byHash', sha256)) as unknown as DatasetMeta[];
}

export async function readChunks(datasetId: string, db?: Db): Promise<StoredChunk[]> {
  const d = db ?? (await openOutturnDb());
  const chunks = (await d.getAllFromIndex('chunks', 'byDataset', datasetId)) as unknown as StoredChunk[];
  return chunks.sort((a, b) => a.index - b.index);
}

/** Deletes a dataset and its rows; its receipt stays, as the record that the import happened. */
export async function deleteDataset(id: string, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await d.delete('datasets', id);
  await deleteChunks(id, d);
}

/** Chunks that belong to no dataset: left by an import that was cancelled, crashed or reloaded away. */
export async function deleteOrphanChunks(db?: Db): Promise<number> {
  const d = db ?? (await openOutturnDb());
  const datasets = new Set((await d.getAllKeys('datasets')).map(String));
  const tx = d.transaction('chunks', 'readwrite');
  let removed = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (!datasets.has((cursor.value as { datasetId: string }).datasetId)) {
      await cursor.delete();
      removed++;
    }
  }
  await tx.done;
  return removed;
}

export async function getSetting<T>(name: string, db?: Db): Promise<T | undefined> {
  const d = db ?? (await openOutturnDb());
  return (await d.get('settings', name)) as T | undefined;
}

export async function putSetting(name: string, value: unknown, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await d.put('settings', value as never, name);
}
