import { formatFinancialYear } from '../domain/core/period';
import { getSetting, IMPORT_LOCK, migrateDatasets, putSetting, sweepUnfinishedImports } from '../storage/datasets';
import type { SampleFileRequest } from '../worker/sample-jobs';
import { startJob } from '../worker/worker-client';
import { datasetsChangedHere } from './cross-tab';
import { ILLUSTRATIVE_SAMPLE, SAMPLE_FILE_LIST, SAMPLE_YEAR_SETTLED, type SampleFile } from './sample-files';

/*
 * First start: the embedded 2017/18 sample (data/*.csv) goes through the same import pipeline as any
 * upload, so its receipts are shown like any other. Done once per browser; a Web Lock keeps two tabs
 * opened together from importing it twice. Also brings stored datasets to the current layout, and tidies
 * what an import that never finished left behind (telling the user, in a notice).
 */

const SAMPLE_SETTING = 'sample-imported';
let ready: Promise<void> | undefined;

export function ensureStarted(): Promise<void> {
  ready ??= start().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function start(): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const work = async (): Promise<void> => {
    // Datasets saved by an older version are brought forward (or set aside, with the reason) before anything reads them.
    await migrateDatasets();
    // Imports left unfinished by a closed or reloaded page are tidied, but only when no tab is importing:
    // a running import's chunks belong to no dataset until its commit, and must not be taken for orphans.
    if (!locks) await sweepUnfinishedImports();
    else if (!(await sweepIfNoImportRuns(locks))) retrySweep(locks, 1000);
    // The sample files imported at a first start, once each: a later version's new sample files (a second
    // sample year) are imported at its first start too; a sample file the user deleted is not brought back.
    const done = await getSetting<unknown>(SAMPLE_SETTING);
    const imported = new Set<string>(done === true ? FIRST_SAMPLE : Array.isArray(done) ? done.map(String) : []);
    const missing = SAMPLE_FILE_LIST.filter((f) => !imported.has(f));
    if (missing.length === 0) return;
    await importSample(missing);
    await putSetting(SAMPLE_SETTING, [...imported, ...missing]);
  };
  if (locks) await locks.request('outturn-start', work);
  else await work();
}

/** The sweep, if no import holds the lock in any tab (never waiting for it: a queued request would hold up new imports). */
function sweepIfNoImportRuns(locks: LockManager): Promise<boolean> {
  return locks.request(IMPORT_LOCK, { mode: 'exclusive', ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await sweepUnfinishedImports();
    return true;
  });
}

/**
 * An import was running at start-up: in another tab, or (just after a reload) the closing page's worker not yet
 * gone. Try again now and then until none is, then show what the sweep found.
 */
function retrySweep(locks: LockManager, delayMs: number): void {
  setTimeout(() => {
    sweepIfNoImportRuns(locks).then(
      (swept) => (swept ? datasetsChangedHere() : retrySweep(locks, 2000)),
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
  const fetched = await Promise.all(
    files.map(async (file) => {
      const url = new URL(`${import.meta.env.BASE_URL}data/${file}`, window.location.href);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The sample file ${file} could not be loaded (HTTP ${response.status}).`);
      return sampleRequest(file, new Blob([await response.arrayBuffer()]));
    }),
  );
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
