import { canonicalJson, type JsonValue } from '../domain/core/canonical-json';
import type { StoredChunk } from '../import/stored-chunk';
import type { ImportReceipt } from '../import/receipt';
import {
  ContentHasher,
  LinesHasher,
  WORKSPACE_FORMAT,
  WORKSPACE_TYPE,
  encodeChunk,
  isLocalSetting,
  type WorkspaceRecord,
} from '../import/workspace-file';
import type { PlanDataset } from '../import/workspace-plan';
import { listDatasets, putChunkRecords, readLedgerSums, type DatasetMeta } from './datasets';
import { chunkOfRecord, chunkRange, chunkRecords, isPackedRecord, withBytes } from './chunk-records';
import { openOutturnDb, type Db, type KeptRecord } from './db';
import { ledgerSumRows } from './ledger-sums';

/*
 * The workspace file's side of IndexedDB: every store read out as the lines of the file (a chunk at a
 * time, never the whole database in memory), this browser's state for the plan, and the writes of an
 * import. Datasets are written as an import writes them: rows first, then the records in one transaction.
 */

export interface WorkspaceCounts {
  datasets: number;
  rows: number;
  receipts: number;
  profiles: number;
  scenarios: number;
  snapshots: number;
  settings: number;
}

async function settingNames(d: Db): Promise<string[]> {
  return (await d.getAllKeys('settings')).map(String).filter((k) => !isLocalSetting(k));
}

export async function workspaceCounts(db?: Db): Promise<WorkspaceCounts> {
  const d = db ?? (await openOutturnDb());
  const datasets = await listDatasets(d);
  return {
    datasets: datasets.length,
    rows: datasets.reduce((t, m) => t + m.rowCount, 0),
    receipts: await d.count('receipts'),
    profiles: await d.count('profiles'),
    scenarios: await d.count('scenarios'),
    snapshots: await d.count('snapshots'),
    settings: (await settingNames(d)).length,
  };
}

/** A stored chunk, one at a time (keys [datasetId, index]), unpacked. */
async function chunkAt(d: Db, datasetId: string, index: number): Promise<StoredChunk | undefined> {
  const records = await d.getAll('chunks', chunkRange(datasetId, index));
  if (records.length === 0) return undefined;
  const whole = await withBytes(records);
  if ('problem' in whole) throw new Error(`Row chunk ${index} ${whole.problem}.`);
  const stored = whole.record;
  if (!isPackedRecord(stored)) return stored as StoredChunk;
  const read = await chunkOfRecord(stored);
  if ('problem' in read) throw new Error(`Row chunk ${index} is damaged: ${read.problem}.`);
  return read.chunk;
}

/** A dataset's content hash, from its stored rows (the hash the workspace file carries). */
export async function datasetContentSha256(meta: DatasetMeta, db?: Db): Promise<string> {
  const d = db ?? (await openOutturnDb());
  const hasher = new ContentHasher();
  for (let i = 0; i < meta.chunkCount; i++) {
    const chunk = await chunkAt(d, meta.id, i);
    if (!chunk)
      throw new Error(`${meta.name}: row chunk ${i} of ${meta.chunkCount} is missing from this browser's storage.`);
    hasher.addChunk(encodeChunk(chunk));
  }
  return hasher.finish(await fileRecordOf(meta, d));
}

/**
 * A dataset record as a workspace file keeps it: layout 4's, its sums in it as one list (JSON), so that files written
 * before and after layouts 5 and 6 read, and hash, alike; taken in, the record is brought forward as any of layout 4
 * is (its sums moved to their store, its periods found from them).
 */
async function fileRecordOf(meta: DatasetMeta, d: Db) {
  const sums = meta.kind === 'ledger' ? ledgerSumRows(await readLedgerSums(meta, d)) : [];
  const record: Omit<DatasetMeta, 'periods'> & { periods?: number[] } = { ...meta, schema: 4 };
  delete record.periods;
  return { ...record, aggregates: sums };
}

/**
 * Every line of a workspace file, in order: what it is; each dataset's chunks, its receipt and then its
 * record (with its content hash); the other receipts; mapping profiles; scenarios; frozen packs; settings;
 * and a last line counting the lines before it with their SHA-256.
 */
export async function* workspaceLinesFromStorage(
  stamp: { exportedAt: string; appVersion: string },
  db?: Db,
): AsyncGenerator<string> {
  const d = db ?? (await openOutturnDb());
  const lines = new LinesHasher();
  const line = (record: WorkspaceRecord): string => {
    const text = JSON.stringify(record);
    lines.add(text);
    return text;
  };
  yield line({
    type: WORKSPACE_TYPE,
    format: WORKSPACE_FORMAT,
    exportedAt: stamp.exportedAt,
    appVersion: stamp.appVersion,
  });
  const datasets = await listDatasets(d);
  const attached = new Set<string>();
  for (const meta of datasets) {
    const hasher = new ContentHasher();
    for (let i = 0; i < meta.chunkCount; i++) {
      const chunk = await chunkAt(d, meta.id, i);
      if (!chunk)
        throw new Error(
          `${meta.name}: row chunk ${i} of ${meta.chunkCount} is missing from this browser's storage, so it cannot be exported.`,
        );
      const encoded = encodeChunk(chunk);
      hasher.addChunk(encoded);
      yield line({ type: 'chunk', datasetId: meta.id, ...encoded });
    }
    const receipt = await d.get('receipts', meta.receiptId);
    if (receipt) {
      attached.add(meta.receiptId);
      yield line({ type: 'receipt', receipt: receipt as unknown as JsonValue });
    }
    const record = await fileRecordOf(meta, d);
    yield line({ type: 'dataset', meta: record as unknown as JsonValue, contentSha256: hasher.finish(record) });
  }
  for (const receipt of await d.getAll('receipts')) {
    if (!attached.has(receipt.id)) yield line({ type: 'receipt', receipt: receipt as unknown as JsonValue });
  }
  for (const profile of await d.getAll('profiles'))
    yield line({ type: 'profile', profile: profile as unknown as JsonValue });
  for (const record of await d.getAll('scenarios'))
    yield line({ type: 'scenario', record: record as unknown as JsonValue });
  for (const record of await d.getAll('snapshots'))
    yield line({ type: 'snapshot', record: record as unknown as JsonValue });
  for (const name of await settingNames(d))
    yield line({ type: 'setting', name, value: (await d.get('settings', name)) ?? null });
  const count = lines.lines;
  yield JSON.stringify({ type: 'end', lines: count, sha256: lines.digest() } satisfies WorkspaceRecord);
}

/** This browser's side of the plan: datasets (with content hashes, for the names the file has) and every keyed record. */
export async function localWorkspaceState(names: ReadonlySet<string>, db?: Db) {
  const d = db ?? (await openOutturnDb());
  const datasets: PlanDataset[] = [];
  for (const meta of await listDatasets(d)) {
    if (!names.has(meta.name)) continue;
    datasets.push({
      id: meta.id,
      name: meta.name,
      createdAt: meta.createdAt,
      rowCount: meta.rowCount,
      contentSha256: await datasetContentSha256(meta, d),
    });
  }
  const keyed = async (store: 'profiles' | 'scenarios' | 'snapshots', key: (r: Record<string, unknown>) => string) =>
    new Map(
      (await d.getAll(store)).map((r) => [key(r as Record<string, unknown>), canonicalJson(r as unknown as JsonValue)]),
    );
  const settings = new Map<string, string>();
  for (const name of await settingNames(d)) settings.set(name, canonicalJson((await d.get('settings', name)) ?? null));
  return {
    datasets,
    receiptIds: new Set((await d.getAllKeys('receipts')).map(String)),
    profiles: await keyed('profiles', (r) => String(r.signature)),
    scenarios: await keyed('scenarios', (r) => String(r.id)),
    snapshots: await keyed('snapshots', (r) => String(r.id)),
    settings,
  };
}

/** Writes one imported chunk (not yet visible: no dataset record names it until commitDatasetsByName). */
export async function putImportedChunk(datasetId: string, chunk: StoredChunk, db?: Db): Promise<void> {
  await putChunkRecords(await chunkRecords(datasetId, chunk), db);
}

/**
 * Makes a name's imported datasets the ones this browser holds, in one transaction: this browser's
 * datasets of that name are removed (their receipts stay) and the file's dataset records and receipts
 * written. Returns the ids whose rows are now orphans, for deleteChunks.
 */
export async function commitDatasetsByName(
  name: string,
  metas: readonly DatasetMeta[],
  receipts: readonly ImportReceipt[],
  db?: Db,
): Promise<string[]> {
  const d = db ?? (await openOutturnDb());
  const incoming = new Set(metas.map((m) => m.id));
  const tx = d.transaction(['datasets', 'receipts'], 'readwrite');
  const datasets = tx.objectStore('datasets');
  const existing = (await datasets.getAll()).filter((m) => m.name === name && !incoming.has(m.id));
  await Promise.all([
    ...existing.map((m) => datasets.delete(m.id)),
    ...metas.map((m) => datasets.put(m)),
    ...receipts.map((r) => tx.objectStore('receipts').put(r)),
    tx.done,
  ]);
  return existing.map((m) => m.id);
}

export async function putReceiptIfNew(receipt: ImportReceipt, db?: Db): Promise<boolean> {
  const d = db ?? (await openOutturnDb());
  if (await d.get('receipts', receipt.id)) return false;
  await d.put('receipts', receipt);
  return true;
}

/** Whether a workspace file's record can be kept in a keyed store: an object with its key, as text. */
function isKept<Key extends string>(record: JsonValue, key: Key): record is KeptRecord<Key> {
  return isJsonObject(record) && typeof record[key] === 'string';
}

const isJsonObject = (v: JsonValue): v is { readonly [key: string]: JsonValue | undefined } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A record with no key to be kept under is refused as IndexedDB would refuse it (DataError), before it is written. */
const unkeyed = (store: string, key: string) =>
  new DOMException(`A record for ${store} has no ${key} to be kept under.`, 'DataError');

/** Keeps a workspace file's profile, scenario or frozen pack as it came (its reader checks it when it is used). */
export async function putRecord(
  store: 'profiles' | 'scenarios' | 'snapshots',
  record: JsonValue,
  db?: Db,
): Promise<void> {
  const d = db ?? (await openOutturnDb());
  if (store === 'profiles') {
    if (!isKept(record, 'signature')) throw unkeyed(store, 'signature');
    await d.put(store, record);
  } else {
    if (!isKept(record, 'id')) throw unkeyed(store, 'id');
    await d.put(store, record);
  }
}
