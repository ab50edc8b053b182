// At each start with no import running, sweepUnfinishedImports tidies what an unfinished import or deletion left.
// Nearly always there is nothing: it then looks without writing, since a read-write transaction waits for its commit
// even when it writes nothing (the sweep was 79 ms of a reload's start with a million-row ledger stored).
import { describe, expect, it } from 'vitest';
import { sweepUnfinishedImports } from '../../src/storage/datasets';
import { openOutturnDb, type Db } from '../../src/storage/db';

/** The database, with the stores of every read-write transaction begun noted. */
function watched(db: Db): { db: Db; writes: string[][] } {
  const writes: string[][] = [];
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (key === 'transaction' && typeof value === 'function')
        return (stores: string | string[], mode?: IDBTransactionMode, ...rest: unknown[]) => {
          if (mode === 'readwrite') writes.push([stores].flat());
          return (value as (...a: unknown[]) => unknown).call(target, stores, mode, ...rest);
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: proxy, writes };
}

describe('the start-up sweep', () => {
  it('writes nothing when nothing was left behind', async () => {
    const db = await openOutturnDb('sweep-clean');
    await db.put('datasets', { id: 'a', schema: 6 } as never);
    await db.put('chunks', { datasetId: 'a', index: 0 } as never);
    const { db: w, writes } = watched(db);
    expect(await sweepUnfinishedImports(w)).toEqual([]);
    expect(writes).toEqual([]);
    expect(await db.count('chunks')).toBe(1);
  });

  it('deletes what belongs to no dataset, and only that', async () => {
    const db = await openOutturnDb('sweep-orphans');
    await db.put('datasets', { id: 'a', schema: 6 } as never);
    await db.put('chunks', { datasetId: 'a', index: 0 } as never);
    await db.put('chunks', { datasetId: 'gone', index: 0 } as never);
    await db.put('lineIndex', { datasetId: 'gone', part: 0 } as never);
    await db.put('ledgerSums', { datasetId: 'gone' } as never);
    const { db: w, writes } = watched(db);
    await sweepUnfinishedImports(w);
    expect(writes.length).toBe(1);
    expect(await db.getAllKeys('chunks')).toEqual([['a', 0]]);
    expect(await db.count('lineIndex')).toBe(0);
    expect(await db.count('ledgerSums')).toBe(0);
  });
});
