// A working tool for the read side (not part of `npm run bench:browser`): against the built app, in a browser
// profile kept in $TMPDIR/outturn-read-profile-N (the big ledger imported once; outside test-results/, which
// Playwright empties at each run), profiles the page's main thread during
//   first  a first start in a fresh profile, to the board summary drawn;
//   reload a reload of the cost centre 20500 with the ledger stored, to its subjectives drawn;
//   drill  the drill-down to 20500 / 3010's ledger lines;
//   cold   those lines' own address opened in a new document (after drill).
// Prints each step's time, its long tasks and the functions that took the most of the main thread (self time);
// the whole profile is written to $TMPDIR/outturn-read-<step>.cpuprofile (Chromium DevTools opens it).
// tsx bench/read-profile.ts [first|reload|drill|cold ...] [--port P] [--rows N] [--dist DIR]
// (--dist: a build of its own, e.g. `vite build --outDir DIR --minify false` for readable function names.)
import { tmpdir } from 'node:os';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/e2e/chromium';
import { startPreview } from './preview-server';
import { sampleShapedLedger } from './browser-read-scenarios';
import { watchLongTasks } from './long-tasks';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const port = arg('port', 4205);
const rows = arg('rows', 1_000_000);
const distAt = process.argv.indexOf('--dist');
const dist = distAt >= 0 ? process.argv[distAt + 1]! : 'dist';
const steps = process.argv.slice(2).filter((a) => /^(first|reload|drill|cold)$/.test(a));
const base = `http://localhost:${port}`;
const ledger = `test-results/bench-sample-ledger-${rows}.csv`;
mkdirSync('test-results', { recursive: true });

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function summarise(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, top = 25): void {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  console.log(`  profile: ${total.toFixed(0)} ms sampled`);
  for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`);
}

async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  const out = await work();
  const ms = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`${tmpdir()}/outturn-read-${name}.cpuprofile`, JSON.stringify(profile));
  const tasks = await page.evaluate(() =>
    ((window as unknown as { longTasks?: { start: number; duration: number }[] }).longTasks ?? []).map((t) =>
      Math.round(t.duration),
    ),
  );
  const marks = await page.evaluate(() =>
    [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')]
      .filter((m) => m.name.startsWith('outturn:'))
      .map((m) => `${m.name.slice(8)} ${Math.round(m.startTime)}${m.duration ? `+${Math.round(m.duration)}` : ''}`),
  );
  console.log(`${name}: ${ms} ms; long tasks ${JSON.stringify(tasks)}; marks (ms) ${marks.join(', ')}`);
  summarise(profile as never);
  return out;
}

const server = await startPreview(port, dist);
const subjective = (page: Page) => page.getByRole('link', { name: /^3010 / });
try {
  if (steps.includes('first')) {
    const browser = await chromium.launch(chromiumLaunchOptions());
    const context = await browser.newContext();
    await watchLongTasks(context);
    const page = await context.newPage();
    await page.goto('about:blank');
    await profiled(page, 'first', async () => {
      await page.goto(`${base}/revenue`);
      await page.getByRole('heading', { name: /^Board summary, / }).waitFor({ timeout: 120_000 });
    });
    await browser.close();
  }
  if (steps.includes('reload') || steps.includes('drill') || steps.includes('cold')) {
    const dir = `${tmpdir()}/outturn-read-profile-${rows}`;
    const fresh = !existsSync(dir);
    const context = await chromium.launchPersistentContext(dir, chromiumLaunchOptions());
    await watchLongTasks(context);
    const page = context.pages()[0] ?? (await context.newPage());
    if (fresh) {
      // The same ledger as `npm run bench:browser` (same seed), written here when that has not been run.
      if (!existsSync(ledger)) writeFileSync(ledger, sampleShapedLedger(rows, 7).text);
      await page.goto(`${base}/import`);
      await page.getByRole('table', { name: /datasets, kept in this browser/ }).waitFor({ timeout: 120_000 });
      await page.getByLabel(/Choose a CSV file/).setInputFiles(ledger);
      await page.getByRole('button', { name: /^Import bench-sample-ledger/ }).click({ timeout: 120_000 });
      await page.getByRole('article', { name: /Import receipt/ }).waitFor({ timeout: 600_000 });
      await page.getByRole('button', { name: 'Use this file' }).click();
      await page.getByText(/now counts for/).waitFor({ timeout: 60_000 });
      console.log('imported the ledger');
    }
    await page.goto(
      `${base}/revenue?year=2017-18&month=12&open=${encodeURIComponent('cc:organisational-support:20500')}`,
    );
    await subjective(page).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(3000);
    await profiled(page, 'reload', async () => {
      await page.reload();
      await subjective(page).waitFor({ timeout: 120_000 });
      await page.waitForTimeout(300);
    });
    const table = page.getByRole('table', { name: /Ledger lines behind the actual to date/ });
    if (steps.includes('drill') || steps.includes('cold')) {
      await profiled(page, 'drill', async () => {
        await subjective(page).click();
        await table.getByRole('row').nth(2).waitFor({ timeout: 300_000 });
      });
    }
    if (steps.includes('cold')) {
      const lines = page.url();
      // When the lines' table first has rows, by the page's clock (a string: tsx names a closure's functions with a
      // helper the page does not have).
      await context.addInitScript(`new MutationObserver(() => {
        if (window.linesAt) return;
        const caption = [...document.querySelectorAll('table caption')].find((c) =>
          c.textContent.startsWith('Ledger lines behind'));
        if (caption && caption.closest('table').querySelectorAll('tr').length > 2) window.linesAt = performance.now();
      }).observe(document, { childList: true, subtree: true })`);
      await page.goto('about:blank');
      await profiled(page, 'cold', async () => {
        await page.goto(lines);
        await table.getByRole('row').nth(2).waitFor({ timeout: 300_000 });
      });
      const at = await page.evaluate<number>('window.linesAt');
      const nav = await page.evaluate<string>(`JSON.stringify(performance.getEntriesByType('navigation').map((n) => ({
        request: Math.round(n.requestStart), response: Math.round(n.responseEnd),
        domInteractive: Math.round(n.domInteractive), load: Math.round(n.loadEventEnd) })))`);
      console.log(`  cold, by the page's clock: the lines' rows in the DOM at ${Math.round(at)} ms; navigation ${nav}`);
    }
    await context.close();
  }
} finally {
  try {
    process.kill(-server.pid!);
  } catch {
    server.kill();
  }
}
