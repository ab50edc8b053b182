// What IndexedDB holds, reduced to what a fault must not change: every dataset (id, name, rows, parts),
// the chunks of each, the receipts, and any import still marked as running. Compared before and after a fault.
import { openOutturnDb } from '../../src/storage/db';

export interface StoredState {
  datasets: { id: string; name: string; rowCount: number; chunkCount: number }[];
  chunksByDataset: Record<string, number>;
  orphanChunks: number;
  receipts: string[];
  running: string[];
}

export async function storedState(): Promise<StoredState> {
  const db = await openOutturnDb();
  const datasets = (await db.getAll('datasets'))

    .map((d) => ({ id: d.id, name: String(d.name), rowCount: Number(d.rowCount), chunkCount: Number(d.chunkCount) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set(datasets.map((d) => d.id));
  const chunksByDataset: Record<string, number> = {};
  let orphanChunks = 0;
  // A chunk's bytes past 60 kB are kept in pieces keyed between its index and the next (chunk-records.ts): a chunk
  // is counted by its own record, and a piece whose chunk is not there is counted as an orphan.
  const keys = await db.getAllKeys('chunks');
  const chunkKeys = new Set(keys.filter(([, i]) => Number.isInteger(i)).map(([id, i]) => `${id}/${i}`));
  for (const [datasetId, index] of keys) {
    const whole = Number.isInteger(index);
    if (ids.has(datasetId) && chunkKeys.has(`${datasetId}/${Math.floor(index)}`)) {
      if (whole) chunksByDataset[datasetId] = (chunksByDataset[datasetId] ?? 0) + 1;
    } else orphanChunks++;
  }
  const receipts = (await db.getAllKeys('receipts')).map(String).sort();
  const running = (await db.getAllKeys('settings')).map(String).filter((k) => k.startsWith('import-running/'));
  return { datasets, chunksByDataset, orphanChunks, receipts, running };
}
