// Playwright fixtures for the end-to-end tests.
//
// `app`: a page of the built app whose browser profile has had its first start (the embedded sample imported
// through the pipeline, which takes seconds on a busy machine): the fixture waits until the app says so (the
// Import page lists the sample's datasets), bounded only by the test's own timeout, so no test waits on it
// against a short expect timeout. Three kinds of profile:
//  - fresh (the default): a new browser context for the test, holding what a first start stores: a copy of the
//    worker's started profile (its IndexedDB and localStorage, through Playwright's storage state), so that each
//    test does not import the 26 sample files again (a first start is seconds of both cores). The fixture checks
//    the copy (every dataset, its rows and parts, the receipts) on an empty page of the app's origin, so that
//    the test's first page of the app is the one it opens. For tests that
//    change what is stored (imports, deletes, saved scenarios, a workspace taken in, faults, recovery), keep
//    settings (presentation mode), route requests, or open second tabs.
//  - first-start (`test.use({ profile: 'first-start' })`): a new, empty context whose first start the test
//    watches: for a test that records every request of a profile from its very first page. The shared profile's
//    own first start (below) is a real one in every worker too.
//  - shared (`test.use({ profile: 'shared' })`): one context per worker, started once; each test gets a new
//    page in it and closes it after. For tests that only read. The fixture checks the stored datasets and
//    receipts are as the first start left them when such a test ends, so a test that writes fails here.
// Either way the page fails its test on any console error, uncaught error, failed request, HTTP error or
// request to another origin made while the test runs (collected per test, for shared contexts too). A test
// that injects a fault names the problems it expects with `test.use({ expectedProblems: /.../ })` (one
// pattern; Playwright would read an array as a fixture's [value, options]); anything else still fails it.
// Every request the context makes during the test is recorded in `requests` (pages and workers).
import {
  test as base,
  expect,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Page,
  type Request,
  type Response,
  type WebError,
} from '@playwright/test';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';

export interface RecordedRequest {
  method: string;
  url: string;
  resourceType: string;
}

export type Profile = 'fresh' | 'first-start' | 'shared';

interface SharedProfile {
  context: BrowserContext;
  stored: StoredState;
  /** What its first start stored (IndexedDB and localStorage), taken before any test used it: a fresh profile starts from it. */
  started: Awaited<ReturnType<BrowserContext['storageState']>>;
}

/** What the browser fetches for a page on its own and cancels when the page goes: the app's workers' scripts, its icon. */
const CANCELLED_WITH_THE_PAGE = /^(\/assets\/[\w-]+\.worker-[\w-]+\.js|\/favicon\.svg)$/;

/** Watches a context for what fails a test; `stop()` detaches and returns what was seen. */
function watch(context: BrowserContext, origin: string, requests: RecordedRequest[]): { stop: () => string[] } {
  const problems: string[] = [];
  const onRequest = (r: Request) => {
    requests.push({ method: r.method(), url: r.url(), resourceType: r.resourceType() });
    const url = new URL(r.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin !== origin)
      problems.push(`request to another origin: ${r.url()}`);
  };
  const onFailed = (r: Request) => {
    const error = r.failure()?.errorText ?? '';
    // A worker's script still being fetched when the test leaves or reloads the page is cancelled by the browser with
    // the document (the app starts its read worker with every start, an import its workers): the test's doing, not
    // the app's. So is the page's icon, which the browser fetches after the page has loaded, when a test may already
    // be on its way to the next page (CI saw it once, in years.spec.ts). A worker or icon that truly fails to load
    // still fails the test (an HTTP error, or the page's own error).
    if (error === 'net::ERR_ABORTED' && CANCELLED_WITH_THE_PAGE.test(new URL(r.url()).pathname)) return;
    problems.push(`request failed: ${r.url()} (${error})`);
  };
  const onResponse = (r: Response) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  };
  const onWebError = (e: WebError) => problems.push(`uncaught error: ${e.error().message}`);
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  };
  context.on('request', onRequest);
  context.on('requestfailed', onFailed);
  context.on('response', onResponse);
  context.on('weberror', onWebError);
  context.on('console', onConsole);
  return {
    stop: () => {
      context.off('request', onRequest);
      context.off('requestfailed', onFailed);
      context.off('response', onResponse);
      context.off('weberror', onWebError);
      context.off('console', onConsole);
      return [...problems];
    },
  };
}

/** The sample's datasets, stored at a profile's first start. */
const SAMPLES = SAMPLE_FILE_LIST.length;

/**
 * A profile's first start: the app imports the embedded sample, then the Import page lists its datasets.
 * Waited for without a timeout of its own: only the test's (or the worker fixture's) bounds it.
 */
async function firstStart(page: Page): Promise<void> {
  await page.goto('/import');
  await expect(page.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept in this browser`) })).toBeVisible(
    { timeout: 0 },
  );
}

/**
 * A page has drawn what it shows: its heading (`heading`, if named) is there and no section still says it is
 * opening, loading, checking or putting itself together. Bounded only by the test's timeout: on a busy machine a page may take seconds to draw.
 */
export async function pageReady(page: Page, heading?: string): Promise<void> {
  // After a click in the app (no new document) name the page's heading, or the old page would do.
  const h2 =
    heading === undefined
      ? page.locator('main h2').first()
      : page.getByRole('heading', { level: 2, name: heading, exact: true });
  await expect(h2).toBeVisible({ timeout: 0 });
  await expect(
    page.locator('main [role="status"]').filter({ hasText: /^(Loading|Checking|Opening|Putting)/ }),
  ).toHaveCount(0, { timeout: 0 });
}

export const test = base.extend<
  { app: Page; expectedProblems: RegExp; requests: RecordedRequest[]; profile: Profile },
  { sharedProfile: { get: () => Promise<SharedProfile>; made: () => boolean } }
>({
  expectedProblems: [/(?!)/, { option: true }],
  profile: ['fresh', { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern; this one needs none
  requests: async ({}, use) => {
    await use([]);
  },
  // One started profile per worker, for the tests that only read: made when a test first asks for it (a worker
  // that runs only fresh-profile tests never makes it), closed when the worker ends. Created with the project's
  // `use` options (a worker fixture does not get them from the test's context factory).
  sharedProfile: [
    async ({ browser }, use, workerInfo) => {
      let made: Promise<SharedProfile> | undefined;
      const make = async (): Promise<SharedProfile> => {
        const options = workerInfo.project.use;
        const baseURL = options.baseURL;
        if (!baseURL) throw new Error('use.baseURL must be set in playwright.config.ts');
        const contextOptions: BrowserContextOptions = {
          baseURL,
          locale: options.locale,
          timezoneId: options.timezoneId,
          acceptDownloads: true,
        };
        const context = await browser.newContext(contextOptions);
        const watcher = watch(context, new URL(baseURL).origin, []);
        const page = await context.newPage();
        await firstStart(page);
        const stored = await storedState(page);
        const started = await context.storageState({ indexedDB: true });
        await page.close();
        expect(watcher.stop(), 'console errors, page errors or failed requests during the shared first start').toEqual(
          [],
        );
        return { context, stored, started };
      };
      await use({
        made: () => made !== undefined,
        get: () => {
          made ??= make();
          return made;
        },
      });
      if (made) await (await made.catch(() => undefined))?.context.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ browser, baseURL, expectedProblems, requests, profile, sharedProfile }, use, testInfo) => {
    if (!baseURL) throw new Error('use.baseURL must be set in playwright.config.ts');
    const origin = new URL(baseURL).origin;
    if (profile === 'shared') {
      // The test that makes the shared profile also waits for its first start: give it that time on top.
      if (!sharedProfile.made()) testInfo.setTimeout(testInfo.timeout + 60_000);
      const shared = await sharedProfile.get();
      const watcher = watch(shared.context, origin, requests);
      const page = await shared.context.newPage();
      await use(page);
      // Read before the page closes (closing may abort what it still loads).
      const unchanged = page.url().startsWith(origin) && !page.isClosed() ? await storedState(page) : shared.stored;
      const seen = watcher.stop().filter((p) => !expectedProblems.test(p));
      if (!page.isClosed()) await page.close();
      expect(seen, 'console errors, page errors, failed requests or requests to other origins').toEqual([]);
      expect(unchanged, 'a test on the shared profile left the stored data as its first start did').toEqual(
        shared.stored,
      );
      return;
    }
    // A fresh profile is a copy of the worker's started one (made by the first test that needs it, which is given
    // the time of that first start on top of its own); a first-start profile starts empty.
    let shared: SharedProfile | undefined;
    if (profile === 'fresh') {
      if (!sharedProfile.made()) testInfo.setTimeout(testInfo.timeout + 60_000);
      shared = await sharedProfile.get();
    }
    const context = await browser.newContext({ acceptDownloads: true, storageState: shared?.started });
    const watcher = watch(context, origin, requests);
    const page = await context.newPage();
    if (shared) {
      // The copy holds what the first start stored: read at the origin from an empty page answered here (no app
      // code runs, nothing is requested of the server), so that the test's own first page is the app's first.
      // Opening the Import page here to see the sample listed cost a page of the app drawn in every test, and
      // most tests then open a page of their own.
      const blank = `${origin}/__empty-page-of-the-test-fixture`;
      await page.route(blank, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>-</title><link rel="icon" href="data:,">',
        }),
      );
      await page.goto(blank);
      await page.unroute(blank);
      expect(await storedState(page), 'a fresh profile holds what the first start stored').toEqual(shared.stored);
    } else await firstStart(page);
    await use(page);
    const seen = watcher.stop().filter((p) => !expectedProblems.test(p));
    await context.close();
    expect(seen, 'console errors, page errors, failed requests or requests to other origins').toEqual([]);
  },
});

/**
 * What IndexedDB and the origin private file system hold, reduced to what a fault must not change: every dataset
 * (id, name, rows, parts of rows), how many chunks each has, chunks that belong to no dataset, the datasets whose
 * chunk bytes are in files (a large import's: src/storage/chunk-files.ts) and files that belong to no dataset,
 * receipts, and imports marked running.
 */
export interface StoredState {
  datasets: { id: string; name: string; rowCount: number; chunkCount: number; chunks: number }[];
  orphanChunks: number;
  /** The dataset ids with a directory of chunk files. */
  filed: string[];
  /** Chunk files (dataset id/file) that no stored dataset's chunk record names. */
  strayFiles: string[];
  receipts: number;
  running: string[];
}

export async function storedState(page: Page): Promise<StoredState> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('outturn');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('the database did not open'));
    });
    const all = <T>(store: string, keys = false) =>
      new Promise<T[]>((resolve, reject) => {
        const s = db.transaction(store).objectStore(store);
        const r = keys ? s.getAllKeys() : s.getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error ?? new Error(`${store} could not be read`));
      });
    const datasets = await all<{ id: string; name: string; rowCount: number; chunkCount: number }>('datasets');
    const chunkKeys = await all<[string, number]>('chunks', true);
    const ids = new Set(datasets.map((d) => d.id));
    const named = new Set(
      (await all<{ datasetId: string; bytesAt?: { file: string } }>('chunks')).flatMap((r) =>
        r.bytesAt && ids.has(r.datasetId) ? [r.bytesAt.file] : [],
      ),
    );
    const receipts = (await all<string>('receipts', true)).length;
    const running = (await all<string>('settings', true)).map(String).filter((k) => k.startsWith('import-running/'));
    db.close();
    const filed: string[] = [];
    const strayFiles: string[] = [];
    const root = await navigator.storage.getDirectory();
    const chunkFiles = await root.getDirectoryHandle('chunks').catch(() => null);
    if (chunkFiles)
      for await (const id of chunkFiles.keys()) {
        filed.push(id);
        for await (const file of (await chunkFiles.getDirectoryHandle(id)).keys())
          if (!named.has(`${id}/${file}`)) strayFiles.push(`${id}/${file}`);
      }
    // A chunk's bytes past 60 kB are kept in pieces keyed between its index and the next (chunk-records.ts): a
    // chunk is counted by its own record, and a piece whose chunk is not there as an orphan.
    const own = new Set(chunkKeys.filter(([, i]) => Number.isInteger(i)).map(([id, i]) => `${id}/${i}`));
    const placed = (id: string, i: number): boolean => ids.has(id) && own.has(`${id}/${Math.floor(i)}`);
    return {
      datasets: datasets
        .map((d) => ({
          id: d.id,
          name: d.name,
          rowCount: d.rowCount,
          chunkCount: d.chunkCount,
          chunks: chunkKeys.filter(([id, i]) => id === d.id && Number.isInteger(i)).length,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      orphanChunks: chunkKeys.filter(([id, i]) => !placed(id, i)).length,
      filed: filed.sort(),
      strayFiles: strayFiles.sort(),
      receipts,
      running,
    };
  });
}

/**
 * Asks the page's imports for their trace (`outturn-trace`) and keeps, from each, whether a large file's second
 * half, read by a worker of its own, was taken in (1) or dropped and read again (0): the object is updated as
 * imports end.
 */
export async function traceSplits(page: Page): Promise<{ taken?: number }> {
  const seen: { taken?: number } = {};
  page.on('console', (m) => {
    const t = m.text();
    if (t.startsWith('outturn:timings '))
      seen.taken = (JSON.parse(t.slice('outturn:timings '.length)) as { splitTaken?: number }).splitTaken;
  });
  await page.evaluate(() => localStorage.setItem('outturn-trace', '1'));
  return seen;
}

export { expect };
