// The page's main thread (issue 16, point 3): long tasks (a PerformanceObserver for `longtask`, registered before
// the page's first script) and the time to a usable page, against a build of the app in Chromium:
//   first   a fresh profile opens /revenue: time to the board summary drawn; the long tasks until then and until
//           the whole sample is in and drawn (the `sample-2017` mark, then a second);
//   import  the generated 1M-row ledger (`generateLedger`, as `npm run bench:browser`) imported through the Import
//           page, in a kept profile: choose -> receipt, the long tasks meanwhile, and while the receipt is drawn;
//   reload  with it stored: the Import page reloaded (-> the ledger listed again), and Revenue at 2017/18 P12
//           reloaded (-> its board summary drawn), each with its long tasks over the next 3 s;
//           the ledger counts for 2017/18 there ("Use this file" after the import), so the monitoring reads its
//           sums: 20,000 cost centre and subjective pairs over 12 periods.
// Prints each figure with the load and the browser's CPU time (main thread, and the whole renderer).
// tsx bench/main-thread.ts [first] [import] [reload] [--port P] [--rows N] [--dist DIR] [--profile-dir DIR]
// (--profile-dir: where the import's browser profile is kept, so that `reload` can run again without importing.)
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/e2e/chromium';
import { startPreview } from './preview-server';
import { generateLedger } from './generate-ledger';
import { watchLongTasks } from './long-tasks';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg('port') ?? 4499);
const rows = Number(arg('rows') ?? 1_000_000);
const dist = arg('dist') ?? 'dist';
const profileDir = arg('profile-dir') ?? `${tmpdir()}/outturn-main-thread-${rows}`;
const steps = new Set(process.argv.slice(2).filter((a) => /^(first|import|reload)$/.test(a)));
const base = `http://localhost:${port}`;
const file = `test-results/bench-ledger-${rows}.csv`;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** CPU time (ms) of Chromium's renderer processes below this one: [its main thread, the whole renderer]. */
function rendererCpuMs(): [number, number] {
  const tick = 10; // CLK_TCK is 100 on Linux
  const cpuOf = (stat: string): number => {
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * tick;
  };
  const children = new Map<number, number[]>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
    } catch {
      // gone
    }
  }
  let main = 0;
  let all = 0;
  const visit = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      try {
        if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--type=renderer')) {
          main += cpuOf(readFileSync(`/proc/${child}/task/${child}/stat`, 'utf8'));
          all += cpuOf(readFileSync(`/proc/${child}/stat`, 'utf8'));
        }
      } catch {
        // gone
      }
      visit(child);
    }
  };
  visit(process.pid);
  return [main, all];
}

const longTasks = (page: Page, from = 0, to = Infinity): Promise<number[]> =>
  page.evaluate(
    ([f, t]) =>
      (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
        .filter((l) => l.start >= f! && l.start < t!)
        .map((l) => Math.round(l.duration)),
    [from, to],
  );
const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());
const mark = (page: Page, name: string): Promise<number | undefined> =>
  page.evaluate((n) => performance.getEntriesByName(`outturn:${n}`)[0]?.startTime, name);
const said = (tasks: number[]): string =>
  `${tasks.length} over 50 ms${tasks.length ? ` (longest ${Math.max(...tasks)}; ${JSON.stringify(tasks)})` : ''}`;

const profiling = process.argv.includes('--cpu-profile');
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** The functions that took the most of the main thread (self time), from a CPU profile. */
function topFunctions(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, top = 30): void {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`);
}

async function timed<T>(label: string, work: () => Promise<T>, page?: Page): Promise<T> {
  const cdp = profiling && page ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const cpu0 = rendererCpuMs();
  const t0 = Date.now();
  const out = await work();
  const cpu1 = rendererCpuMs();
  if (cdp) {
    await new Promise((r) => setTimeout(r, 3000));
    const { profile } = await cdp.send('Profiler.stop');
    const name = `${tmpdir()}/outturn-main-thread-${label.replace(/\W+/g, '-')}.cpuprofile`;
    writeFileSync(name, JSON.stringify(profile));
    console.log(`  ${name}`);
    topFunctions(profile as never);
  }
  console.log(
    `${label}: ${fmt(Date.now() - t0)} ms (load ${load()}; renderer CPU ${fmt(cpu1[1] - cpu0[1])} ms, its main thread ${fmt(cpu1[0] - cpu0[0])} ms)`,
  );
  return out;
}

const server = await startPreview(port, dist);
const summary = (page: Page) => page.getByRole('heading', { name: /^Board summary, / });
try {
  if (steps.has('first')) {
    const browser = await chromium.launch(chromiumLaunchOptions());
    const context = await browser.newContext();
    await watchLongTasks(context);
    const page = await context.newPage();
    await page.goto('about:blank');
    await timed('first start -> board summary drawn', async () => {
      await page.goto(`${base}/revenue`);
      await summary(page).waitFor({ timeout: 120_000 });
    });
    const drawnAt = await now(page);
    console.log(`  long tasks to the board summary: ${said(await longTasks(page, 0, drawnAt))}`);
    await page.waitForFunction(() => performance.getEntriesByName('outturn:sample-2017').length > 0, null, {
      timeout: 120_000,
    });
    await page.waitForTimeout(1500);
    console.log(
      `  long tasks after it, to the whole sample in and drawn (+1.5 s): ${said(await longTasks(page, drawnAt))}; sample-2017 at ${fmt((await mark(page, 'sample-2017')) ?? 0)} ms`,
    );
    await browser.close();
  }
  if (steps.has('import') || steps.has('reload')) {
    if (steps.has('import') && existsSync(profileDir))
      throw new Error(`${profileDir} exists: remove it to import again`);
    mkdirSync('test-results', { recursive: true });
    if (steps.has('import') && !existsSync(file)) writeFileSync(file, generateLedger(rows, 11).text);
    const context = await chromium.launchPersistentContext(profileDir, chromiumLaunchOptions());
    await watchLongTasks(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const listed = () => page.getByRole('row', { name: new RegExp(`^bench-(sample-)?ledger-${rows}\\.csv`) });
    if (steps.has('import')) {
      await page.goto(`${base}/import`);
      await page.getByRole('table', { name: /datasets, kept in this browser/ }).waitFor({ timeout: 120_000 });
      // The sample in and drawn before the import begins.
      await page.waitForTimeout(3000);
      const from = await now(page);
      let receiptAt = 0;
      await timed('import: choose the file -> receipt on screen', async () => {
        await page.getByLabel(/Choose a CSV file/).setInputFiles(file);
        await page.getByRole('button', { name: /^Import bench-ledger/ }).click({ timeout: 120_000 });
        await page.getByRole('article', { name: /Import receipt/ }).waitFor({ timeout: 900_000 });
        receiptAt = await now(page);
      });
      await page.waitForTimeout(3000);
      console.log(`  long tasks during the import: ${said(await longTasks(page, from, receiptAt - 1000))}`);
      console.log(
        `  long tasks from 1 s before the receipt to 3 s after: ${said(await longTasks(page, receiptAt - 1000))}`,
      );
      await page.getByRole('button', { name: 'Use this file' }).click();
      await page.getByText(/now counts for/).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(2000);
    }
    if (steps.has('reload')) {
      await page.goto(`${base}/import`);
      await listed().waitFor({ timeout: 120_000 });
      await page.waitForTimeout(2000);
      await timed(
        'reload the Import page -> the ledger listed again',
        async () => {
          await page.reload();
          await listed().waitFor({ timeout: 120_000 });
        },
        page,
      );
      await page.waitForTimeout(3000);
      console.log(`  long tasks from the reload's start: ${said(await longTasks(page))}`);
      await page.goto(`${base}/revenue?year=2017-18&month=12`);
      await summary(page).waitFor({ timeout: 120_000 });
      await page.waitForTimeout(2000);
      await timed(
        'reload Revenue 2017/18 P12 -> board summary drawn',
        async () => {
          await page.reload();
          await summary(page).waitFor({ timeout: 120_000 });
        },
        page,
      );
      const drawnAt = await now(page);
      await page.waitForTimeout(3000);
      console.log(
        `  at ${fmt(drawnAt)} ms from navigation; long tasks to it: ${said(await longTasks(page, 0, drawnAt))}; in the 3 s after: ${said(await longTasks(page, drawnAt))}`,
      );
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
