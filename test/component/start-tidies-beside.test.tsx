// At every start but the first, the start-up's tidying (sweepUnfinishedImports: what an unfinished import or
// deletion left) runs beside the pages' first reads, not before them: it deletes only what no dataset owns, which
// no page reads, and it was 30-95 ms of a reload's start with a million rows stored (issue 16, point 3). An
// interrupted import it finds still reaches the page (its notice), by the pages reading again. Its own file: a start
// is once per page.
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';
import * as storage from '../../src/storage/datasets';

vi.mock('../../src/storage/datasets', { spy: true });

describe('a start with the sample already stored', () => {
  it('lets the pages read while the tidying is still going on, and marks it tidied once it is over', async () => {
    // A browser that has started before: the database is there and the sample recorded as imported.
    await storage.putSetting('sample-imported', [...SAMPLE_FILE_LIST]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.mocked(storage.sweepUnfinishedImports).mockImplementation(async () => {
      await held;
      return [];
    });
    const { ensureYearStarted, ensureStarted } = await import('../../src/api/sample-bootstrap');

    // Before the change this waited for the tidying, which is held: the test's bound ended it.
    await ensureYearStarted(2017);
    await ensureStarted();
    expect(storage.migrateDatasets).toHaveBeenCalledTimes(1);
    expect(storage.sweepUnfinishedImports).toHaveBeenCalledTimes(1);
    expect(performance.getEntriesByName('outturn:stored-ready')).toHaveLength(1);
    expect(performance.getEntriesByName('outturn:tidied')).toHaveLength(0);

    release();
    await vi.waitFor(() => expect(performance.getEntriesByName('outturn:tidied')).toHaveLength(1));
  }, 30_000);
});
