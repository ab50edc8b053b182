// Faults during an import, in real Chromium with the built app and its real worker and IndexedDB: the worker
// crashing part-way, the browser refusing a write (a real quota, set through the DevTools protocol), a second
// tab importing at the same time, and a reload part-way. Each asserts that the stored data is exactly as it
// was before that import (the same datasets, rows and parts of rows; no orphan chunks; no import left marked
// as running) and that the user was told, on screen. The large ledger is generated here and deleted after.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { generateLedger } from '../../bench/generate-ledger';
import { expect, storedState, test, traceSplits } from './watched-page';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';

/** The sample's datasets, stored at first start. */
const SAMPLES = SAMPLE_FILE_LIST.length;

const FIXTURE = fileURLToPath(new URL('../fixtures/ledger-windows-1252.csv', import.meta.url));
const ROWS = 400_000; // about 36 MB
/**
 * A million rows (90 MB), for a fault that must strike while the import still reads: its reading outlasts the wait
 * for its first rows stored, where 400,000 rows came to be read to the end within it once the import was fast enough
 * (3 December 2026: the file-deleted test saw the import finish).
 */
const LONG_ROWS = 1_000_000;

/**
 * The ledgers' texts, made once in this worker: five tests here import the same million rows, and making them took
 * 2.8 s of a core each time (the other worker's test waiting on it for the core). Each test still writes its own file.
 */
const ledgerTexts = new Map<number, string>();

/** The large ledger, in this test's own output folder (tests may run side by side), deleted after. */
function bigLedger(rows = ROWS): { path: string; remove: () => void } {
  const dir = test.info().outputPath('ledger');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'big-ledger.csv');
  let text = ledgerTexts.get(rows);
  if (text === undefined) {
    text = generateLedger(rows, 11).text;
    ledgerTexts.set(rows, text);
  }
  writeFileSync(path, text);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The Import page with the sample stored (first start), and what is stored then. */
async function openImport(page: Page) {
  await page.goto('/import');
  await expect(page.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept`) })).toBeVisible();
  const before = await storedState(page);
  expect(before.datasets).toHaveLength(SAMPLES);
  expect([before.orphanChunks, before.strayFiles, before.running]).toEqual([0, [], []]);
  return before;
}

/**
 * Holds every write to the chunks store until released: a read-write transaction over it, kept busy from the page.
 * IndexedDB runs transactions over the same store in the order they were made (this Chromium holds back every
 * read-write transaction of the database: a write to the settings store waited too), so the import's chunk writes
 * wait behind it; it reads on until its writes in flight are full (ChunkWrites: 6 a half, of about 30 chunks each,
 * fewer than the chunks of either half of this file), then waits too, part-way through the file. A fault struck
 * while held strikes a running import, however fast the machine (the file-deleted test saw a 1M-row import read to
 * the end before the file was deleted). Resolves once the hold has begun: every write made before it has ended.
 */
async function holdChunkWrites(page: Page): Promise<{ release: () => Promise<void> }> {
  // The start-up's tidying first (sample-bootstrap.ts marks it tidied): it deletes orphan chunks holding the import
  // lock, and held behind the hold it would keep the import from starting at all.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('outturn:tidied').length))
    .toBeGreaterThan(0);
  await page.evaluate(
    () =>
      new Promise<void>((held, failed) => {
        const open = indexedDB.open('outturn');
        open.onerror = () => failed(open.error ?? new Error('the database did not open'));
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('chunks', 'readwrite').objectStore('chunks');
          const flag = window as unknown as { releaseChunkWrites?: boolean };
          flag.releaseChunkWrites = false;
          let first = true;
          // A request always pending keeps the transaction open; none left once released, and it commits.
          const spin = (): void => {
            if (flag.releaseChunkWrites) {
              db.close();
              return;
            }
            const r = store.get(['(held)', 0]);
            r.onsuccess = () => {
              if (first) held();
              first = false;
              spin();
            };
            r.onerror = () => failed(r.error ?? new Error('the hold failed'));
          };
          spin();
        };
      }),
  );
  return {
    release: async () => {
      if (!page.isClosed())
        await page.evaluate(() => {
          (window as unknown as { releaseChunkWrites?: boolean }).releaseChunkWrites = true;
        });
    },
  };
}

/**
 * Starts importing a file with its chunk writes held (holdChunkWrites), and waits until it says it has read rows:
 * the import is then part-way, and cannot end until released.
 */
async function startHeldImport(page: Page, path: string, name: string) {
  await page.getByLabel(/Choose a CSV file/).setInputFiles(path);
  await page.getByRole('button', { name: `Import ${name}` }).click();
  // Held once the import has marked itself running (its first write), not before: this Chromium runs one
  // read-write transaction at a time over the whole database, so a hold taken first would keep it from starting.
  await expect
    .poll(async () => (await storedState(page)).running.length, { timeout: 30_000, intervals: [20, 50, 100] })
    .toBe(1);
  const hold = await holdChunkWrites(page);
  await expect(page.getByRole('heading', { name: `Importing ${name}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'rows read' })).toHaveText(/, [1-9][\d,]* rows read$/, {
    timeout: 30_000,
  });
  return hold;
}

test.describe('the worker crashing part-way', () => {
  test.use({ expectedProblems: /injected fault: the import worker crashed/ });

  test('leaves the stored data as it was, and says so', async ({ app }) => {
    const big = bigLedger(LONG_ROWS);
    try {
      const before = await openImport(app);
      // Held from its marker on: held only once some rows were stored, a busy machine's import could end first.
      const hold = await startHeldImport(app, big.path, 'big-ledger.csv');
      // One worker per job: the last import worker is the import's (a large file's second half has a worker of its own).
      const worker = app
        .workers()
        .filter((w) => w.url().includes('import.worker'))
        .at(-1)!;
      // An uncaught error inside the worker, as a bug in it would throw, while the import waits on its writes.
      await worker.evaluate(() => {
        setTimeout(() => {
          throw new Error('injected fault: the import worker crashed');
        });
      });
      await hold.release();
      await expect(app.getByRole('alert')).toHaveText(
        /^The import stopped unexpectedly \(.*injected fault: the import worker crashed\)\. Nothing from it was kept\.$/,
      );
      await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept`) })).toBeVisible();
      await expect.poll(() => storedState(app)).toEqual(before);
    } finally {
      big.remove();
    }
  });
});

test.describe('the worker reading the second half crashing part-way', () => {
  test('the import reads that half itself: every row kept once, nothing of the crashed worker left', async ({
    app,
  }) => {
    const big = bigLedger(LONG_ROWS);
    try {
      const before = await openImport(app);
      // The import's trace says whether the second half was taken in (1) or dropped and read again (0).
      const split = await traceSplits(app);
      const hold = await startHeldImport(app, big.path, 'big-ledger.csv');
      // A file this large is read in two halves; the second half's worker is the part worker, started as the import
      // begins. While the writes are held it cannot have finished its half.
      await expect.poll(() => app.workers().some((w) => w.url().includes('part.worker'))).toBe(true);
      const part = app.workers().find((w) => w.url().includes('part.worker'));
      await part!.evaluate(() => {
        setTimeout(() => {
          throw new Error('injected fault: the second half worker crashed');
        });
      });
      await hold.release();
      await expect(
        app.getByRole('article', { name: 'Import receipt: big-ledger.csv' }).getByRole('status'),
      ).toContainText(
        `${LONG_ROWS.toLocaleString('en-GB')} rows read = ${LONG_ROWS.toLocaleString('en-GB')} accepted`,
        {
          timeout: 60_000,
        },
      );
      expect(split.taken, 'the crashed half was dropped, and read again by the import').toBe(0);
      const after = await storedState(app);
      const added = after.datasets.filter((d) => !before.datasets.some((b) => b.id === d.id));
      expect(added.map((d) => [d.name, d.rowCount, d.chunks === d.chunkCount])).toEqual([
        ['big-ledger.csv', LONG_ROWS, true],
      ]);
      expect([after.orphanChunks, after.strayFiles, after.running]).toEqual([0, [], []]);
    } finally {
      big.remove();
    }
  });
});

test.describe('the browser refusing a write', () => {
  test('(IndexedDB refusing the fourth part of the rows, as a full disk does) leaves the stored data as it was, and says so', async ({
    app,
  }) => {
    // Chromium's DevTools quota override (Storage.overrideQuotaForOrigin) does not reach IndexedDB in headless
    // Chromium 156, so the refusal is injected where the browser reports it: the worker's IndexedDB writes. The
    // worker script is served as built, with this in front of it; everything else is the real app.
    await app.context().route('**/assets/import.worker-*.js', async (route) => {
      const response = await route.fetch();
      const refuse = `{ const put = IDBObjectStore.prototype.put; let n = 0;
        IDBObjectStore.prototype.put = function (...args) {
          if (this.name === 'chunks' && ++n > 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.apply(this, args);
        }; }\n`;
      await route.fulfill({ response, body: refuse + (await response.text()) });
    });
    const big = bigLedger();
    try {
      const before = await openImport(app);
      await app.getByLabel(/Choose a CSV file/).setInputFiles(big.path);
      await app.getByRole('button', { name: 'Import big-ledger.csv' }).click();
      await expect(app.getByRole('alert')).toHaveText(
        'The browser refused to store the data: its storage for this site is full. Nothing from this import was kept; delete a dataset or free space and try again.',
        { timeout: 30_000 },
      );
      await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept`) })).toBeVisible();
      await expect.poll(() => storedState(app)).toEqual(before);
    } finally {
      big.remove();
    }
  });
});

test.describe('a second tab importing at the same time', () => {
  test('both imports are kept whole, neither disturbs the other, and each tab is told of the other', async ({
    app,
  }) => {
    const big = bigLedger(LONG_ROWS);
    try {
      const before = await openImport(app);
      // Held from the import's marker on, so that the import still runs however long the second tab takes to start:
      // held only once some rows were stored, a busy machine's import had written the rest and ended before the
      // hold, and the second tab (rightly) saw no import to tell of.
      const hold = await startHeldImport(app, big.path, 'big-ledger.csv');

      // A second tab opens while the first imports: its start-up must not take the running import for an unfinished
      // one, nor its rows for an orphan's.
      const second = await app.context().newPage();
      await second.goto('/import');
      await expect(
        second.getByRole('status').filter({ hasText: 'Another tab is importing big-ledger.csv' }),
      ).toBeVisible({ timeout: 30_000 });
      await hold.release();
      // Some of its rows stored and the import still running, or the import committed with all of them.
      await expect
        .poll(
          async () => {
            const seen = await storedState(second);
            const committed = seen.datasets.find((d) => d.name === 'big-ledger.csv');
            return committed ? committed.chunks === committed.chunkCount : seen.orphanChunks > 0 && seen.running.length;
          },
          { timeout: 30_000, intervals: [50, 100, 200] },
        )
        .toBeTruthy();
      await second.getByLabel(/Choose a CSV file/).setInputFiles(FIXTURE);
      await second.getByRole('button', { name: 'Import ledger-windows-1252.csv' }).click();
      await expect(second.getByRole('article', { name: 'Import receipt: ledger-windows-1252.csv' })).toBeVisible();

      await expect(app.getByRole('article', { name: 'Import receipt: big-ledger.csv' })).toBeVisible({
        timeout: 60_000,
      });
      // Each tab lists both, without a reload: the other tab's import was announced.
      await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES + 2} datasets, kept`) })).toBeVisible();
      await expect(second.getByRole('table', { name: new RegExp(`^${SAMPLES + 2} datasets, kept`) })).toBeVisible();
      await expect(second.getByRole('status').filter({ hasText: 'Another tab is importing' })).toHaveCount(0);

      const after = await storedState(app);
      const added = after.datasets.filter((d) => !before.datasets.some((b) => b.id === d.id));
      expect(added.map((d) => [d.name, d.rowCount]).sort()).toEqual([
        ['big-ledger.csv', LONG_ROWS],
        ['ledger-windows-1252.csv', 3],
      ]);
      for (const d of after.datasets) expect(d.chunks, `${d.name}: every part of its rows is there`).toBe(d.chunkCount);
      expect(after.datasets.filter((d) => before.datasets.some((b) => b.id === d.id))).toEqual(before.datasets);
      expect([after.orphanChunks, after.strayFiles, after.running, after.receipts]).toEqual([
        0,
        [],
        [],
        before.receipts + 2,
      ]);
    } finally {
      big.remove();
    }
  });
});

test.describe('a reload during an import', () => {
  test('leaves the stored data as it was, and the page says what happened', async ({ app }) => {
    const big = bigLedger(LONG_ROWS);
    try {
      const before = await openImport(app);
      // Held from its marker on (held only once some rows were stored, a busy machine's import could end first): the
      // reload strikes an import that has read rows and is writing them.
      await startHeldImport(app, big.path, 'big-ledger.csv');

      await app.reload(); // ends the hold with its page
      await expect(app.getByRole('status').filter({ hasText: 'did not finish' })).toHaveText(
        /^The import of big-ledger\.csv started \d{4}-\d\d-\d\d \d\d:\d\d UTC did not finish: the page was closed or reloaded while it ran\. Nothing from it was kept, and the data stored before it is as it was\./,
      );
      await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept`) })).toBeVisible();
      await expect.poll(() => storedState(app)).toEqual(before);

      // The notice goes when dismissed, and stays gone after another reload.
      await app.getByRole('button', { name: 'Dismiss the notice about big-ledger.csv' }).click();
      await expect(app.getByText('did not finish')).toHaveCount(0);
      await app.reload();
      await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept`) })).toBeVisible();
      await expect(app.getByText('did not finish')).toHaveCount(0);
    } finally {
      big.remove();
    }
  });
});

// A file changed on disk part-way: deleted (read on through the file the browser opened, it would give its bytes as
// chosen), or rewritten in place with other figures of the same size (read on, it would give the new ones from there
// on, with no error from the browser): either way the import says so and keeps nothing (byte-sources.ts,
// unchangedSince).
const changes: [string, (path: string, remove: () => void) => void][] = [
  ['deleted from disk', (_path, remove) => remove()],
  [
    'rewritten in place with other figures',
    (path) => writeFileSync(path, readFileSync(path, 'latin1').replace(/7/g, '8'), 'latin1'),
  ],
];
for (const [change, make] of changes) {
  test.describe(`the file ${change} part-way through its import`, () => {
    test('leaves the stored data as it was, and says what happened', async ({ app }) => {
      const big = bigLedger(LONG_ROWS);
      try {
        const before = await openImport(app);
        const hold = await startHeldImport(app, big.path, 'big-ledger.csv');
        make(big.path, big.remove); // the browser reads the file from disk as the import goes
        await hold.release();
        await expect(app.getByRole('alert')).toHaveText(
          'big-ledger.csv could not be read to the end: it was moved, changed or deleted while Outturn was reading it. Nothing from this import was kept; choose the file again.',
        );
        await expect.poll(() => storedState(app)).toEqual(before);
      } finally {
        big.remove();
      }
    });
  });
}
