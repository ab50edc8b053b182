// A Playwright fixture: a page (from a fresh context, as axe requires) that fails its test on any
// console error, uncaught error, failed request, HTTP error or request to another origin.
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ app: Page }>({
  app: async ({ browser, baseURL }, use) => {
    if (!baseURL) throw new Error('use.baseURL must be set in playwright.config.ts');
    const origin = new URL(baseURL).origin;
    const context = await browser.newContext();
    const problems: string[] = [];
    context.on('request', (r) => {
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
    const seen = [...problems];
    await context.close();
    expect(seen, 'console errors, page errors, failed requests or requests to other origins').toEqual([]);
  },
});

export { expect };
