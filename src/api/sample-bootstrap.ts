import { messages } from '../domain/core/result';
import type { EncodingEvidence } from '../import/decode';
import { planOf, planProblems, type Preview } from '../import/preview';
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
import { SAMPLE_FILE_LIST } from './sample-files';

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
    if (await getSetting<boolean>(SAMPLE_SETTING)) return;
    await importSample();
    await putSetting(SAMPLE_SETTING, true);
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

/** Imports every sample file that is not already loaded (by name). */
export async function importSample(): Promise<void> {
  const loaded = new Set((await listDatasets()).map((d) => d.name));
  for (const file of SAMPLE_FILE_LIST) {
    if (loaded.has(file)) continue;
    const url = new URL(`${import.meta.env.BASE_URL}data/${file}`, window.location.href);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The sample file ${file} could not be loaded (HTTP ${response.status}).`);
    const blob = new Blob([await response.arrayBuffer()]);
    await importBlob(file, blob, 'sample');
  }
}

/** The whole pipeline with every guess accepted: for the sample, whose layout is known. */
async function importBlob(name: string, file: Blob, origin: 'sample' | 'upload'): Promise<ImportReply> {
  const scanned = await startJob({ type: 'scan', name, file }).promise;
  if (!scanned.verdict.ok) throw new Error(`${name}: ${messages(scanned.verdict.issues)}`);
  const encoding: EncodingEvidence = scanned.verdict.value;
  const { preview } = await startJob({ type: 'preview', name, file, encoding, choices: {}, useProfile: false }).promise;
  assertImportable(preview);
  const ids = { datasetId: crypto.randomUUID(), receiptId: crypto.randomUUID(), sha256: scanned.sha256, origin };
  return startJob({ type: 'import', name, file, plan: planOf(preview), ids }).promise;
}

function assertImportable(preview: Preview): void {
  const problems = planProblems(preview);
  if (problems.length > 0) throw new Error(`${preview.fileName}: ${problems.join(' ')}`);
}
