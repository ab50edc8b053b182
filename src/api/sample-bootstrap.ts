import { formatFinancialYear } from '../domain/core/period';
import { messages } from '../domain/core/result';
import type { EncodingEvidence } from '../import/decode';
import { planOf, planProblems, yearProblem, type Preview } from '../import/preview';
import {
  getSetting,
  IMPORT_LOCK,
  listDatasets,
  migrateDatasets,
  putSetting,
  sweepUnfinishedImports,
} from '../storage/datasets';
import type { ImportReply } from '../worker/import-jobs';
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

/** Imports the sample files given (default: every one) that are not already loaded. */
export async function importSample(files: readonly SampleFile[] = SAMPLE_FILE_LIST): Promise<void> {
  const loaded = new Set((await listDatasets()).filter((d) => d.source === 'sample').map((d) => d.sha256));
  for (const file of files) {
    const url = new URL(`${import.meta.env.BASE_URL}data/${file}`, window.location.href);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The sample file ${file} could not be loaded (HTTP ${response.status}).`);
    const blob = new Blob([await response.arrayBuffer()]);
    await importBlob(file, blob, loaded);
  }
}

/**
 * The whole pipeline with every guess accepted: for the sample, whose layout is known. Its year is read from
 * the file like any upload's; only a file that does not say gets the year the sample's catalogue gives.
 */
async function importBlob(name: SampleFile, file: Blob, loaded: ReadonlySet<string>): Promise<ImportReply | null> {
  const scanned = await startJob({ type: 'scan', name, file }).promise;
  if (!scanned.verdict.ok) throw new Error(`${name}: ${messages(scanned.verdict.issues)}`);
  if (loaded.has(scanned.sha256)) return null; // already loaded (the same bytes)
  const encoding: EncodingEvidence = scanned.verdict.value;
  let { preview } = await startJob({ type: 'preview', name, file, encoding, choices: {}, useProfile: false }).promise;
  const settled = SAMPLE_YEAR_SETTLED[name];
  if (preview.year === null && settled !== undefined)
    ({ preview } = await startJob({
      type: 'preview',
      name,
      file,
      encoding,
      choices: { year: settled },
      useProfile: false,
    }).promise);
  assertImportable(preview);
  const ids = {
    datasetId: crypto.randomUUID(),
    receiptId: crypto.randomUUID(),
    sha256: scanned.sha256,
    origin: 'sample' as const,
    illustrative: ILLUSTRATIVE_SAMPLE.has(name),
  };
  const plan = planOf(preview);
  if (preview.yearGuess.year === null)
    plan.yearEvidence = [
      `${preview.yearGuess.question ?? 'The file names no year.'} The sample's catalogue gives ${formatFinancialYear({ startYear: plan.year! })}, the year of the paper it was transcribed from.`,
    ];
  return startJob({ type: 'import', name, file, plan, ids }).promise;
}

function assertImportable(preview: Preview): void {
  const year = yearProblem(preview);
  const problems = [...planProblems(preview), ...(year ? [year] : [])];
  if (problems.length > 0) throw new Error(`${preview.fileName}: ${problems.join(' ')}`);
}
