// A Playwright fixture: a page (from a fresh context, as axe requires) that fails its test on any
// console error, uncaught error, failed request, HTTP error or request to another origin. A test that
// injects a fault names the problems it expects with `test.use({ expectedProblems: /.../ })` (one pattern;
// Playwright would read an array as a fixture's [value, options]); anything else still fails it. Every request the context makes is recorded in `requests` (pages and workers).
import { test as base, expect, type Page } from '@playwright/test';

export interface RecordedRequest {
  method: string;
  url: string;
  resourceType: string;
}

export const test = base.extend<{ app: Page; expectedProblems: RegExp; requests: RecordedRequest[] }>({
  expectedProblems: [/(?!)/, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern; this one needs none
  requests: async ({}, use) => {
    await use([]);
  },
  app: async ({ browser, baseURL, expectedProblems, requests }, use) => {
    if (!baseURL) throw new Error('use.baseURL must be set in playwright.config.ts');
    const origin = new URL(baseURL).origin;
    const context = await browser.newContext({ acceptDownloads: true });
    const problems: string[] = [];
    context.on('request', (r) => {
      requests.push({ method: r.method(), url: r.url(), resourceType: r.resourceType() });
      const url = new URL(r.url());
      if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.origin !== origin) problems.push(`request to another origin: ${r.url()}`);
    });
    context.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? ''})`));
    context.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    context.on('weberror', (e) => problems.push(`uncaught error: ${e.error().message}`));
    context.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    const page = await context.newPage();
    await use(page);
    const seen = problems.filter((p) => !expectedProblems.test(p));
    await context.close();
    expect(seen, 'console errors, page errors, failed requests or requests to other origins').toEqual([]);
  },
});

/**
 * What IndexedDB holds, reduced to what a fault must not change: every dataset (id, name, rows, parts of
 * rows), how many chunks each has, chunks that belong to no dataset, receipts, and imports marked running.
 */
export interface StoredState {
  datasets: { id: string; name: string; rowCount: number; chunkCount: number; chunks: number }[];
  orphanChunks: number;
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
    const all = <T,>(store: string, keys = false) =>
      new Promise<T[]>((resolve, reject) => {
        const s = db.transaction(store).objectStore(store);
        const r = keys ? s.getAllKeys() : s.getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error ?? new Error(`${store} could not be read`));
      });
    const datasets = await all<{ id: string; name: string; rowCount: number; chunkCount: number }>('datasets');
    const chunkKeys = await all<[string, number]>('chunks', true);
    const receipts = (await all<string>('receipts', true)).length;
    const running = (await all<string>('settings', true)).map(String).filter((k) => k.startsWith('import-running/'));
    db.close();
    const ids = new Set(datasets.map((d) => d.id));
    return {
      datasets: datasets
        .map((d) => ({ id: d.id, name: d.name, rowCount: d.rowCount, chunkCount: d.chunkCount, chunks: chunkKeys.filter(([id]) => id === d.id).length }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      orphanChunks: chunkKeys.filter(([id]) => !ids.has(id)).length,
      receipts,
      running,
    };
  });
}

export { expect };
