import { formatFinancialYear } from '../domain/core/period';
import {
  getSetting,
  IMPORT_LOCK,
  migrateDatasets,
  putSetting,
  sweepUnfinishedImports,
  type Notice,
} from '../storage/datasets';
import { DB_NAME, openOutturnDb } from '../storage/db';
import type { SampleFileRequest } from '../worker/sample-jobs';
import { startReadWorker } from '../worker/read-client';
import { startJob, warmWorkers } from '../worker/worker-client';
import { datasetsChangedHere } from './cross-tab';
import { SAMPLE_BUNDLE, unpackSampleBundle } from './sample-bundle';
import {
  ILLUSTRATIVE_SAMPLE,
  SAMPLE_FILE_LIST,
  SAMPLE_FILE_YEAR,
  SAMPLE_YEAR_SETTLED,
  type SampleFile,
} from './sample-files';

/*
 * First start: the embedded 2017/18 sample (data/*.csv) goes through the same import pipeline as any
 * upload, so its receipts are shown like any other. Done once per browser; a Web Lock keeps two tabs
 * opened together from importing it twice. Also brings stored datasets to the current layout, and tidies
 * what an import that never finished left behind (telling the user, in a notice).
 */

const SAMPLE_SETTING = 'sample-imported';

/**
 * A start under way: the sample's files of each year it imports, newest year first, one year after the other
 * (`years`: resolved when that year's files, and every year's before it in that order, are stored), and the whole
 * start (`all`). A year the sample does not import now has no entry.
 */
interface Start {
  years: ReadonlyMap<number, Promise<void>>;
  /** The first year imported (the newest): the year a page opens on by default. */
  first: Promise<void>;
  all: Promise<void>;
}

let starting: Promise<Start> | undefined;
/** Whether this page's start is over (the sample wholly imported, or nothing to import). */
let allDone = false;

/**
 * The rest of the sample (the years after the first) waits while the page shown draws its first figures, so that
 * its import does not take the cores that drawing needs (issue 16, point 4). Only a page that says when it has
 * drawn them asks for the wait (`holdRestOfSample`, from the shell); the rest starts when it says so
 * (`firstFiguresDrawn`), when the page is left, when anything asks for one of those years (`ensureYearStarted`),
 * or at the latest REST_WAIT_MS after the first year is in.
 */
const REST_WAIT_MS = 4000;
let holds = 0;
let letRestIn: () => void = () => undefined;
const restMayStart = new Promise<void>((resolve) => (letRestIn = resolve));

/**
 * The page shown will say when its first figures are drawn (`firstFiguresDrawn`): until then the sample's other
 * years wait (for at most REST_WAIT_MS once the first is in). Returns what lets them go (the page left).
 */
export function holdRestOfSample(): () => void {
  holds++;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--holds === 0) letRestIn();
  };
}

/** The page shown has drawn its first figures: the sample's other years may be imported now. */
export function firstFiguresDrawn(): void {
  letRestIn();
}

/** Resolves when the sample's later years may be imported: at once unless a page holds them (holdRestOfSample). */
function restWait(): Promise<void> {
  if (holds === 0) return Promise.resolve();
  const timer = setTimeout(letRestIn, REST_WAIT_MS);
  return restMayStart.then(() => clearTimeout(timer));
}

/** Starts the first start at once (main.tsx, before the first page is drawn): its failure is the pages' to show. */
export function beginFirstStart(): void {
  begin().catch(() => undefined);
}

/** Starts (once per page) and resolves when the stored datasets are brought forward and the sample's years planned. */
function begin(): Promise<Start> {
  starting ??= new Promise<Start>((resolve, reject) => {
    start(resolve).then(
      () => resolve({ years: new Map(), first: Promise.resolve(), all: Promise.resolve() }), // nothing was imported
      (error: unknown) => {
        starting = undefined; // a later call tries again
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  return starting;
}

/** Resolves when the whole start is done: every stored dataset brought forward and the whole sample imported. */
export async function ensureStarted(): Promise<void> {
  await (
    await begin()
  ).all;
}

/**
 * Resolves when what a page of `year` reads is there: the stored datasets brought forward and the sample's files
 * of that year imported (not those of other years, imported after). A first start thus draws the newest year's
 * figures after about half the sample.
 */
export async function ensureYearStarted(year: number): Promise<void> {
  const s = await begin();
  const phase = s.years.get(year);
  // A page reading one of the later years is not kept waiting for another page's first figures.
  if (phase && phase !== s.first) letRestIn();
  await (phase ?? Promise.resolve());
}

/**
 * Resolves when the first year the sample imports (its newest) is there, with whether the rest is still to come
 * (`rest`, resolved when it is): for the list of years with data, whose newest is the default year.
 */
export async function ensureFirstYearStarted(): Promise<{ rest: Promise<void> | null }> {
  const s = await begin();
  await s.first;
  return { rest: allDone ? null : s.all };
}

/**
 * Whether this browser has no Outturn database yet (a first visit), asked without opening (and so creating) it;
 * false where the browser cannot say.
 */
async function noDatabaseYet(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  try {
    return !(await indexedDB.databases()).some((d) => d.name === DB_NAME);
  } catch {
    return false;
  }
}

type Fetched = { files: SampleFileRequest[] } | { error: unknown };

/**
 * At a first visit every sample file is missing: they are fetched, and the import workers started, at once, beside
 * the opening of the database, the start's lock and the tidying (each a round trip to the browser, together a
 * second and more on a busy machine), rather than after them. Null otherwise: what is missing is read first.
 */
function fetchAhead(): { fetched: Promise<Fetched>; unwarm: () => void } {
  const unwarm = warmWorkers(2);
  const fetched = fetchSample(SAMPLE_FILE_LIST).then(
    (files): Fetched => ({ files }),
    (error: unknown): Fetched => ({ error }),
  );
  return { fetched, unwarm };
}

async function start(planned: (s: Start) => void): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const firstVisit = noDatabaseYet();
  const ahead = firstVisit.then((first) => (first ? fetchAhead() : null));
  // Opened as soon as that is known (not before: the opening creates it), beside the lock's round trip; one
  // connection per page, which the work below takes. With data stored, the read worker too: the first figures ask
  // it for the ledgers' sums (at a first visit it is started when asked, after the sample's imports have begun).
  firstVisit
    .then((first) => {
      if (!first) startReadWorker();
      return openOutturnDb();
    })
    .catch(() => undefined);
  const work = async (): Promise<void> => {
    // At a first visit nothing was stored to bring forward or tidy (what another tab opened beside this one
    // stores is of this version, and its imports are its own): two round trips to the browser saved.
    const first = await firstVisit;
    // Datasets saved by an older version are brought forward (or set aside, with the reason) before anything reads them.
    if (!first) await migrateDatasets();
    // The sample files imported at a first start, once each: a later version's new sample files (a second
    // sample year) are imported at its first start too; a sample file the user deleted is not brought back.
    const done = await getSetting<unknown>(SAMPLE_SETTING);
    const imported = new Set<string>(done === true ? FIRST_SAMPLE : Array.isArray(done) ? done.map(String) : []);
    const missing = SAMPLE_FILE_LIST.filter((f) => !imported.has(f));
    // For the benchmarks (bench/read-profile.ts): the stored data brought forward, ready to read.
    performance.mark('outturn:stored-ready');
    const early = await ahead;
    if (missing.length === 0) {
      early?.unwarm();
      // Nothing to import (every start but the first): the pages read now, and the tidying below runs beside
      // them. It deletes only what no dataset owns, which no page reads; on a reload with a million rows stored it
      // was 30-95 ms of the page's start before its first figures (issue 16, point 3).
      allDone = true;
      planned({ years: new Map(), first: Promise.resolve(), all: Promise.resolve() });
      // A failure here is not the pages' (they read what datasets own): tried again at the next start.
      if (!first) await tidy(locks, true).catch(() => undefined);
      tidied();
      return;
    }
    if (!first) await tidy(locks, false);
    tidied();
    // The newest year first, each year's files recorded as imported when they are, so that a page of the newest
    // year (the default) waits for its own files only.
    // Every file is fetched first: one that cannot be loaded stops the start before any year is imported, so that
    // no page shows a sample half-loaded.
    const got = early ? await early.fetched : await fetchSample(missing).then((files) => ({ files }));
    if ('error' in got) {
      early?.unwarm();
      throw got.error;
    }
    const fetched = got.files.filter((r) => (missing as readonly string[]).includes(r.name));
    performance.mark('outturn:sample-fetched');
    const years = [...new Set(missing.map((f) => SAMPLE_FILE_YEAR[f]))].sort((a, b) => b - a);
    const phases = new Map<number, Promise<void>>();
    let previous = Promise.resolve();
    for (const year of years) {
      const files = missing.filter((f) => SAMPLE_FILE_YEAR[f] === year);
      const later = year !== years[0];
      previous = previous.then(async () => {
        if (later) await restWait();
        await importFetched(fetched.filter((r) => (files as readonly string[]).includes(r.name)));
        files.forEach((f) => imported.add(f));
        await putSetting(SAMPLE_SETTING, [...imported]);
        // For the benchmarks (bench/read-profile.ts): when each year of a first start was in.
        performance.mark(`outturn:sample-${year}`);
      });
      previous.catch(() => undefined); // awaited below and by the pages; a failure is theirs to show
      phases.set(year, previous);
    }
    // Over before anything awaiting it runs on: the list of years read again then is read whole.
    const all = previous.then(() => void (allDone = true));
    planned({ years: phases, first: phases.get(years[0]!)!, all });
    await all;
  };
  if (locks) await locks.request('outturn-start', work);
  else await work();
  allDone = true;
}

/**
 * Imports left unfinished by a closed or reloaded page are tidied, but only when no tab is importing: a running
 * import's chunks belong to no dataset until its commit, and must not be taken for orphans. `late`: the pages are
 * already reading, so an interrupted import it finds is shown by having them read again (its notice).
 */
async function tidy(locks: LockManager | undefined, late: boolean): Promise<void> {
  if (!locks) {
    const found = await sweepUnfinishedImports();
    if (late) showFound(found);
    return;
  }
  const found = await sweepIfNoImportRuns(locks);
  if (found === null) retrySweep(locks, 1000);
  else if (late) showFound(found);
}

/** For the tests (test/e2e/faults.spec.ts): the start-up's tidying is over (none at a first visit; put off while an import runs). */
const tidied = (): void => void performance.mark('outturn:tidied');

/** The pages already read: an interrupted import the sweep found (its notice) is shown by having them read again. */
function showFound(found: readonly Notice[]): void {
  if (found.length > 0) datasetsChangedHere();
}

/**
 * The sweep, if no import holds the lock in any tab (never waiting for it: a queued request would hold up new
 * imports): what it found, or null when an import runs.
 */
function sweepIfNoImportRuns(locks: LockManager): Promise<Notice[] | null> {
  return locks.request(IMPORT_LOCK, { mode: 'exclusive', ifAvailable: true }, (lock) =>
    lock ? sweepUnfinishedImports() : null,
  );
}

/**
 * An import was running at start-up: in another tab, or (just after a reload) the closing page's worker not yet
 * gone. Try again now and then until none is, then show what the sweep found (the pages have read by then).
 */
function retrySweep(locks: LockManager, delayMs: number): void {
  setTimeout(() => {
    sweepIfNoImportRuns(locks).then(
      (found) => (found === null ? retrySweep(locks, 2000) : showFound(found)),
      () => retrySweep(locks, 5000),
    );
  }, delayMs);
}

/**
 * The sample files of the versions that recorded only that the sample was imported (true): the paper's nine tables
 * and the seven illustrative 2017/18 files. Files added to the sample since are imported at the next start.
 */
const FIRST_SAMPLE: readonly string[] = [
  'table-1-revenue-outturn.csv',
  'constabulary-summary.csv',
  'table-3-opcc-corporate-costs.csv',
  'table-4-capital-programme.csv',
  'table-4-capital-financing.csv',
  'table-5-reserves.csv',
  'appendix-2-revenue-carry-forwards.csv',
  'appendix-3-capital-schemes.csv',
  'appendix-4-capital-carry-forwards.csv',
  'illustrative-2017-18-budget.csv',
  'illustrative-2017-18-p03-outturn.csv',
  'illustrative-2017-18-p06-outturn.csv',
  'illustrative-2017-18-p09-outturn.csv',
  'illustrative-2017-18-p12-outturn.csv',
  'illustrative-2017-18-ledger-p01-p11.csv',
  'illustrative-2017-18-ledger-p12.csv',
];

/**
 * Imports the sample files given (default: every one) that are not already loaded: fetched together, then
 * imported in two jobs (two workers, side by side: a machine has two cores or more), each file through the same
 * scan, preview and import as any upload, with its own receipt. Two workers, not one per file: starting a worker
 * (its code, its database connection) cost more than importing a small file. Within a job the files are imported
 * in the catalogue's order.
 */
export async function importSample(files: readonly SampleFile[] = SAMPLE_FILE_LIST): Promise<void> {
  await importFetched(await fetchSample(files));
}

/** The sample's files in one response (sample-bundle.ts); null where the server has none, or not whole. */
async function fetchBundle(): Promise<Map<string, Uint8Array<ArrayBuffer>> | null> {
  try {
    const response = await fetch(new URL(`${import.meta.env.BASE_URL}data/${SAMPLE_BUNDLE}`, window.location.href));
    return response.ok ? unpackSampleBundle(new Uint8Array(await response.arrayBuffer())) : null;
  } catch {
    return null;
  }
}

/**
 * The sample files given, fetched together: from the bundle of them all where the server has it, each file on its
 * own otherwise (and any the bundle lacks); fails (naming the file) if any cannot be loaded.
 */
async function fetchSample(files: readonly SampleFile[]): Promise<SampleFileRequest[]> {
  const bundle = await fetchBundle();
  return Promise.all(
    files.map(async (file) => {
      const bundled = bundle?.get(file);
      if (bundled) return sampleRequest(file, new Blob([bundled]));
      const url = new URL(`${import.meta.env.BASE_URL}data/${file}`, window.location.href);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The sample file ${file} could not be loaded (HTTP ${response.status}).`);
      return sampleRequest(file, new Blob([await response.arrayBuffer()]));
    }),
  );
}

/** Fetched sample files imported in two jobs side by side, each a lane of files one after the other. */
async function importFetched(fetched: readonly SampleFileRequest[]): Promise<void> {
  const lanes = [fetched.filter((_, i) => i % 2 === 0), fetched.filter((_, i) => i % 2 === 1)];
  await Promise.all(
    lanes
      .filter((lane) => lane.length > 0)
      .map((lane) => startJob({ type: 'sample', name: 'the embedded sample', files: lane }).promise),
  );
}

function sampleRequest(file: SampleFile, blob: Blob): SampleFileRequest {
  const settled = SAMPLE_YEAR_SETTLED[file] ?? null;
  return {
    name: file,
    file: blob,
    settledYear: settled,
    settledWhy:
      settled === null
        ? ''
        : `The sample's catalogue gives ${formatFinancialYear({ startYear: settled })}, the year of the paper it was transcribed from.`,
    illustrative: ILLUSTRATIVE_SAMPLE.has(file),
    ids: { datasetId: crypto.randomUUID(), receiptId: crypto.randomUUID() },
  };
}
