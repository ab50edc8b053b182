// An import running at start-up (another tab's, or the reloaded page's worker not yet gone) puts the tidying off:
// it is tried again until no import holds the lock. The pages have read by then, so they are made to read again,
// but only when the sweep found an interrupted import to show: nothing found, nothing for them to read again
// (before the change every page was read again on every such start). Its own file: a start is once per page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';
import type { Notice } from '../../src/storage/datasets';

vi.mock('../../src/storage/datasets', { spy: true });
vi.mock('../../src/api/cross-tab', { spy: true });

/** A lock manager whose import lock is held elsewhere for the first `busy` asks, then free. */
function locksBusyFor(importLock: string, busy: number): { locks: LockManager; asks: () => number } {
  let asks = 0;
  const request = (name: string, ...rest: unknown[]): Promise<unknown> => {
    const callback = rest[rest.length - 1] as (lock: Lock | null) => unknown;
    if (name !== importLock) return Promise.resolve(callback({ name, mode: 'exclusive' }));
    asks += 1;
    return Promise.resolve(callback(asks <= busy ? null : { name, mode: 'exclusive' }));
  };
  return { locks: { request } as unknown as LockManager, asks: () => asks };
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'locks');
  vi.clearAllMocks();
  vi.resetModules();
});

describe('a start while an import holds the lock', () => {
  it.each<[string, { found: number; readAgain: number }]>([
    ['nothing found: the pages are not read again', { found: 0, readAgain: 0 }],
    ['an interrupted import found: the pages read again, once', { found: 1, readAgain: 1 }],
  ])(
    'tries the tidying again until the lock is free; %s',
    async (_, c) => {
      // Each case a fresh page: its own modules (and mocks), the same stored database.
      const storage = await import('../../src/storage/datasets');
      const crossTab = await import('../../src/api/cross-tab');
      await storage.putSetting('sample-imported', [...SAMPLE_FILE_LIST]);
      const notice: Notice = {
        id: 'n1',
        kind: 'interrupted-import',
        fileName: 'gl-march.csv',
        size: 1024,
        startedAt: '2026-12-04T10:00:00.000Z',
        foundAt: '2026-12-04T10:01:00.000Z',
      };
      vi.mocked(storage.sweepUnfinishedImports).mockResolvedValue(c.found ? [notice] : []);
      vi.mocked(crossTab.datasetsChangedHere).mockImplementation(() => undefined);
      const { locks, asks } = locksBusyFor(storage.IMPORT_LOCK, 1);
      Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
      const { ensureStarted } = await import('../../src/api/sample-bootstrap');

      await ensureStarted();
      expect(asks()).toBe(1);
      expect(storage.sweepUnfinishedImports).not.toHaveBeenCalled();
      // Retried after a second: the sweep runs once the lock is free.
      await vi.waitFor(() => expect(storage.sweepUnfinishedImports).toHaveBeenCalledTimes(1), { timeout: 10_000 });
      await vi.waitFor(() => expect(asks()).toBe(2));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(crossTab.datasetsChangedHere).toHaveBeenCalledTimes(c.readAgain);
    },
    30_000,
  );
});
