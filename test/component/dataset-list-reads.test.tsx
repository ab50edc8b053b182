// The list of datasets read once for every caller of the same task (issue 16, point 3: after an import each page's
// query asks for it at once, and each reading deserialised and checked every record on the page's thread), and
// read again in a later task, which sees any change made since.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureStarted } from '../../src/api/sample-bootstrap';
import { openOutturnDb } from '../../src/storage/db';
import { listDatasets } from '../../src/storage/datasets';

/** getAll calls on the datasets store, counted as IndexedDB (fake-indexeddb here) is asked. */
function countDatasetReads(): () => number {
  const proto = IDBObjectStore.prototype;
  const getAll = Object.getOwnPropertyDescriptor(proto, 'getAll')!.value as (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['getAll']>
  ) => IDBRequest<unknown[]>;
  let reads = 0;
  vi.spyOn(proto, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === 'datasets') reads++;
    return getAll.apply(this, args);
  });
  return () => reads;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the list of datasets', () => {
  it('is read once for the callers of one task, each given a list of its own', async () => {
    await ensureStarted();
    await nextTask();
    const reads = countDatasetReads();
    const lists = await Promise.all([listDatasets(), listDatasets(), listDatasets()]);
    expect(reads()).toBe(1);
    expect(lists[0]).not.toBe(lists[1]);
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    expect(lists[0].length).toBeGreaterThan(20);
    // A list changed by one caller is not another's.
    lists[0].pop();
    expect(lists[1].length).toBe(lists[2].length);
  });

  it('is read again in a later task, and has any change made in between', async () => {
    await ensureStarted();
    await nextTask();
    // Timers held, as a busy page may run IndexedDB's events before a timer: the list must not wait on one to be
    // read afresh (it waited on a `setTimeout(0)`, and this failed under load).
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const reads = countDatasetReads();
    const before = await listDatasets();
    const first = before[0]!;
    const db = await openOutturnDb();
    await db.put('datasets', { ...first, name: 'renamed-in-between.csv' });
    const after = await listDatasets();
    expect(reads()).toBe(2);
    expect(after.find((d) => d.id === first.id)?.name).toBe('renamed-in-between.csv');
    await db.put('datasets', first);
  });
});
