// At each start, migrateDatasets brings older layouts forward. A record of the current layout is never brought
// forward, so when every record is of it there is nothing to read: the layout index (database version 3) counts
// them. Reading every record and checking its sums was a 46-73 ms task at each start with a 1M-row ledger stored.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DATASET_SCHEMA, migrateDatasets } from '../../src/storage/datasets';
import { openOutturnDb, type Db } from '../../src/storage/db';

/** The database, with every `getAll` of the datasets store counted. */
function counted(db: Db): { db: Db; readings: () => number } {
  let readings = 0;
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (key === 'getAll' && typeof value === 'function')
        return (store: string, ...rest: unknown[]) => {
          if (store === 'datasets') readings += 1;
          return (value as (...a: unknown[]) => unknown).call(target, store, ...rest);
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: proxy, readings: () => readings };
}

describe('migrateDatasets at a start', () => {
  it('reads no record when every record is of the current layout', async () => {
    const db = await openOutturnDb('counts-current');
    await db.put('datasets', { id: 'a', schema: DATASET_SCHEMA } as never);
    await db.put('datasets', { id: 'b', schema: DATASET_SCHEMA } as never);
    const { db: watched, readings } = counted(db);
    expect(await migrateDatasets(watched)).toBe(0);
    expect(readings()).toBe(0);
  });

  it('reads them all when one is of an older layout, or of none (layout 1 had no number)', async () => {
    for (const older of [
      { id: 'old', schema: DATASET_SCHEMA - 1 },
      { id: 'first', name: 'first.csv' },
    ]) {
      const db = await openOutturnDb(`counts-older-${older.id}`);
      await db.put('datasets', { id: 'a', schema: DATASET_SCHEMA } as never);
      await db.put('datasets', older as never);
      const { db: watched, readings } = counted(db);
      await migrateDatasets(watched);
      expect(readings()).toBe(1);
    }
  });

  it('counts the records a version-2 database already held, from its upgrade on', async () => {
    // As version 2 left it: the datasets store with its hash index, and two records.
    const v2 = await openDB('counts-upgraded', 2, {
      upgrade(db) {
        db.createObjectStore('datasets', { keyPath: 'id' }).createIndex('byHash', 'sha256');
        db.createObjectStore('chunks', { keyPath: ['datasetId', 'index'] }).createIndex('byDataset', 'datasetId');
        for (const store of ['receipts', 'scenarios', 'snapshots']) db.createObjectStore(store, { keyPath: 'id' });
        db.createObjectStore('profiles', { keyPath: 'signature' });
        db.createObjectStore('settings');
        db.createObjectStore('lineIndex', { keyPath: ['datasetId', 'part'] }).createIndex('byDataset', 'datasetId');
      },
    });
    await v2.put('datasets', { id: 'a', schema: DATASET_SCHEMA });
    await v2.put('datasets', { id: 'b', schema: DATASET_SCHEMA - 1 });
    v2.close();
    const db = await openOutturnDb('counts-upgraded');
    expect(await db.countFromIndex('datasets', 'bySchema', DATASET_SCHEMA)).toBe(1);
    expect(await db.count('datasets')).toBe(2);
    // And the store a ledger's sums move to (version 4), empty until the start brings the records forward.
    expect(await db.count('ledgerSums')).toBe(0);
  });
});
