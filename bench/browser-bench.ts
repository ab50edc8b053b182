// npm run bench:browser -- [--rows N] [--port P]
// In Chromium, against the built app (vite preview): a generated ledger of N rows (default 100,000) imported
// through the Import page. Printed, each on its line:
//   - choose the file -> receipt on screen (scan, preview, import in the worker, IndexedDB commit), and its parts
//     (choose -> preview on screen; Import pressed -> receipt on screen);
//   - where the worker's time went (the import job's own timings, logged when the page asks: `outturn-trace`);
//   - long tasks on the page's main thread during the import (PerformanceObserver 'longtask': over 50 ms);
//   - stored on disk per row (navigator.storage.estimate() before and after the import);
//   - the browser's peak memory during the import (PSS of every Chromium process, sampled every 250 ms), and
//     that peak above the memory before the import, per row;
//   - reload -> the stored datasets listed again;
//   - the peer: papaparse alone in a worker over the same file (peer-scenario.ts), and the import's time against it.
// Each scenario is a function of its own taking the open page: add one (first start, drill-down ...) beside them.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { inMemoryProfiles, onDiskProfiles } from './profiles';
import { generateLedger } from './generate-ledger';
import { printReadFigures, readScenarios } from './browser-read-scenarios';
import { peerScenario } from './peer-scenario';
import { summariseTrace } from './trace-profile';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 100_000);
const port = arg('port', 4499);
// The read scenarios (browser-read-scenarios.ts): first starts, and a reload and drill-down with this many rows stored.
const readRows = arg('read-rows', 1_000_000);
const readRounds = arg('read-rounds', 3);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-GB');

mkdirSync('test-results', { recursive: true });
const file = `test-results/bench-ledger-${rows}.csv`;
writeFileSync(file, generateLedger(rows, 11).text);

/** Every Chromium process below this one, with its command line. */
function chromiumProcesses(): { pid: number; cmd: string }[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const found: { pid: number; cmd: string }[] = [];
  const visit = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      try {
        const cmd = readFileSync(`/proc/${child}/cmdline`, 'utf8');
        if (/chrom/i.test(cmd)) found.push({ pid: child, cmd });
      } catch {
        // gone
      }
      visit(child);
    }
  };
  visit(process.pid);
  return found;
}

/** Proportional set size (kB) of every process below this one that is Chromium: the browser's memory. */
function browserPssKb(): number {
  let total = 0;
  for (const { pid } of chromiumProcesses()) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return total;
}

/** Samples the browser's memory until stopped; gives the peak (kB). */
function sampleMemory(): () => number {
  let peak = browserPssKb();
  // Every 250 ms, not 50: reading smaps_rollup walks each process's page tables, and every 50 ms that took the
  // kernel a fifth of the machine's time during a 1M-row import (vmstat: system time 40-49% against 13-25%),
  // slowing the import it measures. The import's memory grows over seconds: a 250 ms sample still sees its peak.
  const timer = setInterval(() => (peak = Math.max(peak, browserPssKb())), 250);
  return () => {
    clearInterval(timer);
    return Math.max(peak, browserPssKb());
  };
}

/** The kind of a Chromium process, from its command line: browser, renderer, gpu-process, or a utility's sub-type. */
function processKind(cmdline: string): string {
  // Chromium's children rewrite their command line with spaces between the arguments.
  const args = cmdline.split(/[\0 ]/);
  const value = (name: string): string | undefined =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const type = value('type');
  if (type === undefined) return 'browser';
  if (type === 'utility') return (value('utility-sub-type') ?? 'utility').replace(/\.mojom\..*$/, '');
  return type;
}

/** The length of the kernel's clock tick (ms) and of a page of memory (bytes), as /proc counts them. */
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());

/** The fields of a /proc stat line after the command's name (which may hold spaces): state is [0], utime [11]. */
const statFields = (stat: string): string[] => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/**
 * CPU time (ms, user + system) of every Chromium thread below this process, by process kind and thread name
 * ("renderer/DedicatedWorker"): unlike the clock, it does not count the turns other work on the machine takes.
 */
function browserCpuMs(): Map<string, number> {
  const cpuOf = (stat: string): number => {
    const fields = statFields(stat);
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  };
  const byThread = new Map<string, number>();
  for (const { pid, cmd } of chromiumProcesses()) {
    try {
      const kind = processKind(cmd);
      let live = 0;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const ms = cpuOf(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
        const key = `${kind}/${readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim()}`;
        byThread.set(key, (byThread.get(key) ?? 0) + ms);
        live += ms;
      }
      // A thread that has ended (a job's worker, ended with its job) is counted in its process's time only.
      const ended = `${kind}/(ended threads)`;
      byThread.set(ended, (byThread.get(ended) ?? 0) + cpuOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) - live);
    } catch {
      // gone
    }
  }
  return byThread;
}

/**
 * The kernel's share of every Chromium process's CPU time (ms) and its minor page faults by kind of process, whole
 * processes (ended threads included): on this project's machines a page touched for the first time cost about 14 us
 * (a fresh 90 MB buffer filled once: 300 ms), so memory newly taken shows as system time.
 */
function browserFaults(): { systemMs: number; faults: Map<string, number> } {
  let systemMs = 0;
  const faults = new Map<string, number>();
  for (const { pid, cmd } of chromiumProcesses()) {
    try {
      const fields = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      systemMs += Number(fields[12]) * TICK_MS;
      const kind = processKind(cmd);
      faults.set(kind, (faults.get(kind) ?? 0) + Number(fields[7]));
    } catch {
      // gone
    }
  }
  return { systemMs, faults };
}

/** The CPU time each kind of thread took between two readings of browserCpuMs, largest first. */
function cpuBetween(before: Map<string, number>, after: Map<string, number>): [string, number][] {
  return [...after]
    .map(([k, v]): [string, number] => [k, v - (before.get(k) ?? 0)])
    .filter(([, v]) => v !== 0)
    .sort((a, b) => b[1] - a[1]);
}

const storageUsage = (page: Page): Promise<number> =>
  page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

/** Choose file -> receipt: as the bench heard it, and by the page's clock (its two parts, null where not marked). */
interface ImportTimes {
  heardMs: number;
  pageMs: number | null;
}

/** The import of the ledger through the Import page: its figures, printed. */
async function importScenario(page: Page): Promise<ImportTimes> {
  const timings: string[] = [];
  const afterReply: string[] = [];
  const warmed: string[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('outturn:timings ')) timings.push(m.text().slice('outturn:timings '.length));
    if (m.text().startsWith('outturn:after-reply ')) afterReply.push(m.text().slice('outturn:after-reply '.length));
    if (m.text().startsWith('outturn:warmed ')) warmed.push(m.text().slice('outturn:warmed '.length));
  });
  await page.evaluate(() => localStorage.setItem('outturn-trace', '1'));
  await page.reload();
  await page.getByRole('table', { name: /datasets, kept in this browser/ }).waitFor({ timeout: 60_000 });
  // A person opens the file dialog, which readies an import worker and its second reader (src/import/warm-up.ts),
  // and takes longer to find the file than that takes: the file is given once both say they are ready (at most 20 s;
  // --cold: at once, the warm-up still running).
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel(/Choose a CSV file/).click();
  const dialog = await chooser;
  const openedAt = Date.now();
  if (!process.argv.includes('--cold'))
    for (let waited = 0; warmed.length < 2 && waited < 20_000; waited += 25) await page.waitForTimeout(25);
  console.log(
    `the file dialog open ${fmt(Date.now() - openedAt)} ms; the ready workers: ${warmed.join(', ') || 'none said so'}`,
  );
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const storedBefore = await storageUsage(page);
  // --profile: a CPU profile of the page's main thread during the import, to name what its long tasks run.
  const cdp = process.argv.includes('--profile') ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const memoryBefore = browserPssKb();
  const peakMemory = sampleMemory();

  // The same times in the page, by its own clock: from the file input's change and the Import button's click events to
  // the preview's and the receipt's first frame on screen, without the harness's part (Playwright's checks before a
  // click, about 0.1 s, and its polling for what it waits on).
  // (A string: tsx names the functions of a closure with a helper the page does not have.)
  await page.evaluate(`(() => {
    const marks = {};
    window.benchMarks = marks;
    const painted = (name) => requestAnimationFrame(() => setTimeout(() => {
      marks[name] ??= performance.now();
      console.log('outturn-bench:' + name);
    }));
    const importButton = () =>
      [...document.querySelectorAll('button')].some((b) => b.textContent?.startsWith('Import bench-ledger'));
    document.addEventListener('change', () => (marks.chosen ??= performance.now()), true);
    document.addEventListener('click', (e) => {
      if (e.target.closest('button')?.textContent?.startsWith('Import bench-ledger')) marks.pressed ??= performance.now();
    }, true);
    new MutationObserver(() => {
      if (marks.chosen !== undefined && !marks.previewSeen && importButton()) {
        marks.previewSeen = 1;
        painted('preview');
      }
      const receipt = [...document.querySelectorAll('h3')].some((h) => h.textContent?.startsWith('Import receipt: bench-ledger'));
      if (!marks.receiptSeen && receipt) {
        marks.receiptSeen = 1;
        painted('receipt');
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
  // Waited for by the page's word (its console), not a Playwright locator's polling: that runs Playwright's script
  // on the page's thread (role and name queries over the whole page) and was itself a long task of the import.
  const painted = (name: string): Promise<unknown> =>
    page.waitForEvent('console', { predicate: (m) => m.text() === `outturn-bench:${name}`, timeout: 300_000 });
  const cpuBefore = browserCpuMs();
  const t0 = Date.now();
  const previewed = painted('preview');
  await dialog.setFiles(file);
  await previewed;
  const previewMs = Date.now() - t0;
  const cpuAtPreview = browserCpuMs();
  const faultsAtPreview = browserFaults();
  const t1 = Date.now();
  const received = painted('receipt');
  // --trace: V8's sampling profiler in every thread (the workers too) from Import pressed to the receipt, summed by
  // function (bench/trace-profile.ts); the profiler slows every thread, so its shares count, not its times.
  const tracing = process.argv.includes('--trace');
  const tracer = tracing ? browser.browser : undefined;
  if (tracing && !tracer) throw new Error('--trace needs --in-memory (one browser to trace)');
  if (tracer)
    await tracer.startTracing(page, {
      categories: (process.env.TRACE_CATEGORIES ?? 'disabled-by-default-v8.cpu_profiler,v8.execute').split(','),
    });
  await page.getByRole('button', { name: /^Import bench-ledger/ }).click({ timeout: 60_000 });
  await received;
  if (tracer) {
    writeFileSync('test-results/import-trace.json', await tracer.stopTracing());
    console.log('  where the import worker and the part worker spent their time (profiled):');
    for (const line of summariseTrace('test-results/import-trace.json')) console.log(`    ${line}`);
  }
  const importMs = Date.now() - t0;
  const afterClickMs = Date.now() - t1;
  const cpuAfter = browserCpuMs();
  const faultsAfter = browserFaults();
  const peakKb = peakMemory();
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync('test-results/main-thread.cpuprofile', JSON.stringify(profile));
    console.log('  main-thread CPU profile: test-results/main-thread.cpuprofile');
  }
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const status = await page
    .getByRole('article', { name: /Import receipt/ })
    .getByRole('status')
    .innerText();
  // A ledger's line index is kept after the receipt (src/worker/after-reply.ts): its time is logged when it is done,
  // and the storage measured after it.
  for (let waited = 0; afterReply.length < 1 && waited < 30_000; waited += 50) await page.waitForTimeout(50);
  const storedAfter = await storageUsage(page);

  console.log(`file ${file}: ${rows.toLocaleString('en-GB')} rows`);
  console.log(status.split('.')[0]);
  console.log(`choose file -> receipt on screen: ${fmt(importMs)} ms`);
  console.log(
    `  choose file -> preview on screen: ${fmt(previewMs)} ms; Import pressed -> receipt: ${fmt(afterClickMs)} ms`,
  );
  const m = await page.evaluate<Record<string, number>>('window.benchMarks');
  const marked =
    m.chosen !== undefined && m.preview !== undefined && m.pressed !== undefined && m.receipt !== undefined;
  const pageMs = marked ? m.preview! - m.chosen! + m.receipt! - m.pressed! : null;
  if (marked)
    console.log(
      `  in the page (its events to the frame drawn): chosen -> preview ${fmt(m.preview! - m.chosen!)} ms; Import clicked -> receipt ${fmt(m.receipt! - m.pressed!)} ms; both ${fmt(pageMs!)} ms`,
    );
  for (const t of timings) {
    const parts = Object.entries(JSON.parse(t) as Record<string, number>).map(([k, v]) => `${k} ${fmt(v)}`);
    console.log(`  the import worker (ms): ${parts.join(', ')}`);
  }
  for (const t of afterReply) {
    const parts = Object.entries(JSON.parse(t) as Record<string, number>).map(([k, v]) => `${k} ${fmt(v)}`);
    console.log(`  after the receipt, the import worker (ms): ${parts.join(', ')}`);
  }
  // Less moved by other work on the machine than the clock: the CPU time Chromium's threads took.
  for (const [label, from, to] of [
    ['choose -> preview', cpuBefore, cpuAtPreview],
    ['Import pressed -> receipt', cpuAtPreview, cpuAfter],
  ] as const) {
    const spent = cpuBetween(from, to);
    const total = spent.reduce((n, [, v]) => n + v, 0);
    const top = spent.filter(([, v]) => v >= 100).map(([k, v]) => `${k} ${fmt(v)}`);
    // The renderer's main thread (its process's first thread, named as the program): the page's own work (point 3).
    const pageThread = spent.find(([k]) => k === 'renderer/chromium')?.[1] ?? 0;
    console.log(
      `  browser CPU time, ${label}: ${fmt(total)} ms (${top.join(', ')}); the page's own thread ${fmt(pageThread)} ms`,
    );
  }
  // Pages first touched (minor faults) between the two readings, in MB, by kind of process.
  const touched = [...faultsAfter.faults].map(([k, v]): [string, number] => [
    k,
    ((v - (faultsAtPreview.faults.get(k) ?? 0)) * PAGE_BYTES) / 1e6,
  ]);
  console.log(
    `  of which the kernel's (system time), Import pressed -> receipt: ${fmt(faultsAfter.systemMs - faultsAtPreview.systemMs)} ms; ${fmt(touched.reduce((n, [, mb]) => n + mb, 0))} MB of pages first touched (${touched.map(([k, mb]) => `${k} ${fmt(mb)} MB`).join(', ')})`,
  );
  const over = longTasks.filter((d) => d > 50);
  console.log(
    `main-thread long tasks during the import: ${over.length} over 50 ms${over.length ? ` (longest ${fmt(Math.max(...over))} ms)` : ''}`,
  );
  console.log(
    `stored on disk: ${fmt(storedAfter - storedBefore)} bytes more (navigator.storage.estimate), ${((storedAfter - storedBefore) / rows).toFixed(1)} bytes a row`,
  );
  console.log(
    `browser memory (PSS of every Chromium process): ${fmt(memoryBefore / 1024)} MB before, peak ${fmt(peakKb / 1024)} MB during the import; the import's peak ${fmt(((peakKb - memoryBefore) * 1024) / rows)} bytes a row`,
  );
  return { heardMs: importMs, pageMs };
}

/** Reload with the ledger stored: until the Import page lists it again. */
async function reloadScenario(page: Page): Promise<void> {
  const t1 = Date.now();
  await page.reload();
  await page
    .getByRole('row')
    .filter({ hasText: `bench-ledger-${rows}.csv` })
    .waitFor({ timeout: 60_000 });
  console.log(`reload -> stored datasets listed again: ${fmt(Date.now() - t1)} ms`);
}

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

const browser = process.argv.includes('--in-memory') ? await inMemoryProfiles() : onDiskProfiles();
console.log(`each page's data: ${browser.kept}`);
try {
  const page = await (await browser.newContext()).newPage();
  // Said as they come: a bench that stalls or fails says what the page met.
  page.on('crash', () => console.error('the page crashed'));
  page.on('pageerror', (e) => console.error('an error on the page:', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('the page logged an error:', m.text());
  });
  await page.goto(`${base}/import`);
  await page.getByRole('table', { name: /datasets, kept in this browser/ }).waitFor({ timeout: 60_000 });
  console.log(`load average before: ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim()}`);
  const times = await importScenario(page);
  await reloadScenario(page);
  // The peer in the same hour (peer-scenario.ts): the machine's speed moves too much for the import's figure alone.
  const peer = await peerScenario(browser, file);
  console.log(
    `the peer, papaparse alone in a worker (file.text() then Papa.parse, rows kept; nothing checked, hashed or stored): choose file -> ${fmt(peer.rows)} rows parsed ${fmt(peer.totalMs)} ms (text ${fmt(peer.readMs)}, parse ${fmt(peer.parseMs)}); the import's choose -> receipt is ${(times.heardMs / peer.totalMs).toFixed(2)} of it${times.pageMs === null ? '' : `; by the page's clock, as the peer is timed (its two parts, without the harness's turn between them), ${(times.pageMs / peer.totalMs).toFixed(2)}`}`,
  );
  printReadFigures(
    await readScenarios(browser, base, {
      rows: readRows,
      rounds: readRounds,
      cpuMs: () => [...browserCpuMs().values()].reduce((t, v) => t + v, 0),
    }),
  );
} catch (error) {
  // What the page showed when it failed (an import stalled part-way shows its progress).
  for (const p of browser.contexts().flatMap((c) => c.pages()))
    console.error(
      'the page said:',
      (
        await p
          .locator('main')
          .innerText()
          .catch(() => '?')
      ).slice(0, 1500),
    );
  // Said here: the browser's close below ends every wait still pending, whose "closed" error would hide this one.
  console.error('the bench failed:', error);
  process.exitCode = 1;
} finally {
  await browser.close();
  try {
    process.kill(-server.pid!);
  } catch {
    server.kill();
  }
}
