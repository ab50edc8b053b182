// npm run bench:browser -- [--rows N]
// In Chromium, against the built app (vite preview): a generated ledger of N rows (default 100,000)
// imported through the Import page (time from choosing the file to the receipt on screen), then a reload
// (time until the stored data is listed again), and the longest task on the page's main thread while the
// file imports (a task over 100 ms would freeze the page for the user).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/e2e/chromium';
import { generateLedger } from './generate-ledger';
import { printReadFigures, readScenarios } from './browser-read-scenarios';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 100_000);
const port = arg('port', 4499);
// The read scenarios (browser-read-scenarios.ts): first starts, and a reload and drill-down with this many rows stored.
const readRows = arg('read-rows', 1_000_000);
const readRounds = arg('read-rounds', 3);

mkdirSync('test-results', { recursive: true });
const file = `test-results/bench-ledger-${rows}.csv`;
writeFileSync(file, generateLedger(rows, 11).text);

const server = spawn('node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});
const base = `http://localhost:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/import`);
  await page.getByRole('table', { name: /datasets, kept in this browser/ }).waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });

  const t0 = Date.now();
  await page.getByLabel(/Choose a CSV file/).setInputFiles(file);
  await page.getByRole('button', { name: /^Import bench-ledger/ }).click({ timeout: 60_000 });
  await page.getByRole('article', { name: /Import receipt/ }).waitFor({ timeout: 300_000 });
  const importMs = Date.now() - t0;
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  const status = await page
    .getByRole('article', { name: /Import receipt/ })
    .getByRole('status')
    .innerText();

  const t1 = Date.now();
  await page.reload();
  await page
    .getByRole('row')
    .filter({ hasText: `bench-ledger-${rows}.csv` })
    .waitFor({ timeout: 60_000 });
  const reloadMs = Date.now() - t1;

  console.log(`file ${file}: ${rows.toLocaleString('en-GB')} rows`);
  console.log(status.split('.')[0]);
  console.log(`choose file -> receipt on screen: ${importMs} ms`);
  console.log(`reload -> stored datasets listed again: ${reloadMs} ms`);
  console.log(
    `longest main-thread task during the import: ${longest.toFixed(0)} ms (long tasks are over 50 ms; 0 = none)`,
  );
  printReadFigures(await readScenarios(browser, base, { rows: readRows, rounds: readRounds }));
} finally {
  await browser.close();
  try {
    process.kill(-server.pid!);
  } catch {
    server.kill();
  }
}
