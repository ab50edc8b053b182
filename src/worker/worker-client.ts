import { ImportCancelled, type Progress, type Scan } from '../import/run-import';
import { abandonImport, IMPORT_LOCK } from '../storage/datasets';
import { openOutturnDb } from '../storage/db';
import type { CutCount } from '../import/split-import';
import type {
  CutCountMessage,
  JobKind,
  JobMessage,
  JobReplies,
  JobRequest,
  ProofMessage,
  WarmMessage,
} from './messages';
import { runAfterReply } from './after-reply';
import { runJob } from './run-job';

/*
 * The typed way to run an import job from the page: in a module worker (one per job, so that
 * cancelling is terminating, which stops the work at once), or on the page where there is no Worker.
 * A cancelled or crashed import leaves nothing: its chunks are deleted, and its dataset was never written.
 */

export interface Job<T> {
  promise: Promise<T>;
  cancel(): void;
  /** Hands an import whose request had no sha256 its file's proof, made beside it (another job's scan). */
  prove(scan: Scan): void;
  /** Hands such an import the count before its file's cut, made by that scan before its proof. */
  count(cutCount: CutCount): void;
}

/** Whether the browser benchmark asked for where an import's time goes (logged by the worker). */
function traced(): boolean {
  try {
    return globalThis.localStorage?.getItem('outturn-trace') === '1';
  } catch {
    return false;
  }
}

/** Takes IMPORT_LOCK (shared) for the page; returns what lets it go (safe to call before it is granted, or twice). */
function holdImportLock(): () => void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  let released = false;
  let letGo: (() => void) | undefined;
  void locks?.request(IMPORT_LOCK, { mode: 'shared' }, () =>
    released ? undefined : new Promise<void>((resolve) => (letGo = resolve)),
  );
  return () => {
    released = true;
    letGo?.();
  };
}

/** The datasets a job writes (an import's, the sample's), which a cancelled or crashed job leaves to be cleaned up. */
const writesDatasets: { [K in JobKind]: (request: JobRequest<K>) => string[] } = {
  scan: () => [],
  glance: () => [],
  preview: () => [],
  import: (request) => [request.ids.datasetId],
  sample: (request) => request.files.map((f) => f.ids.datasetId),
};

/**
 * Cleans up after a job that stopped: the rows of each dataset it was writing and never committed. A dataset the
 * job committed before it stopped (a sample job imports several files, each committed on its own) is kept whole.
 */
async function abandonUncommitted(datasetIds: readonly string[]): Promise<void> {
  const db = await openOutturnDb();
  for (const id of datasetIds) if ((await db.getKey('datasets', id)) === undefined) await abandonImport(id, db);
}

const newImportWorker = (): Worker => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

/** Workers started before their jobs are known (warmWorkers), taken by the next jobs. */
const warm: Worker[] = [];

/**
 * Starts `count` import workers now, for jobs about to be asked for (a first start's sample, while its files are
 * fetched): a worker's start (loading and compiling its code) then runs beside the fetch, not after it. Returns
 * what stops those not taken by a job (the jobs did not come: the fetch failed). Nothing where there is no Worker.
 */
export function warmWorkers(count: number): () => void {
  if (typeof Worker === 'undefined') return () => undefined;
  const started = Array.from({ length: count }, newImportWorker);
  warm.push(...started);
  return () => {
    for (const w of started) {
      const i = warm.indexOf(w);
      if (i < 0) continue;
      warm.splice(i, 1);
      w.terminate();
    }
  };
}

/**
 * An import worker started ahead of the next import, reading the warm-up's ledger meanwhile, with its second half's
 * reader doing the same (src/import/warm-up.ts); taken by the next import job. Kept while a page wants one
 * (keepImportWorkerReady), and made again when the import that took the last one is done.
 */
let readied: Worker | null = null;
let readiedWanted = 0;

function readyImportWorker(): void {
  if (readied || readiedWanted === 0) return;
  readied = newImportWorker();
  readied.postMessage({ type: 'warm', trace: traced() } satisfies WarmMessage);
}

/**
 * Keeps an import worker ready for the next import while the caller (the Import page) is there: a large file's
 * import then starts in code already compiled for it, on both cores. Returns what lets it go (the ready worker is
 * stopped when no caller wants it any more). Nothing where there is no Worker.
 */
export function keepImportWorkerReady(): () => void {
  if (typeof Worker === 'undefined') return () => undefined;
  readiedWanted++;
  readyImportWorker();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    readiedWanted--;
    if (readiedWanted > 0 || !readied) return;
    readied.terminate();
    readied = null;
  };
}

/** Starts a job of kind K; its promise gives that kind's reply (JobReplies[K]). */
export function startJob<K extends JobKind>(
  request: JobRequest<K>,
  onProgress: (p: Progress) => void = () => undefined,
  /** A scan's count before a large text file's cut, as soon as it is made (before the scan's reply). */
  onCount?: (cutCount: CutCount) => void,
): Job<JobReplies[K]> {
  // The page holds the import lock (shared) too, until its clean-up is done: no start-up sweep in another tab
  // may run between the worker's end and the clean-up and take a cancelled import for one a closed page left.
  const datasetIds = writesDatasets[request.type](request);
  const release = datasetIds.length > 0 ? holdImportLock() : () => undefined;
  const cleanUp = async (): Promise<void> => {
    await abandonUncommitted(datasetIds).catch(() => undefined);
    release();
  };

  if (request.type === 'import' && traced()) (request as JobRequest<'import'>).trace = true;

  if (typeof Worker === 'undefined') {
    const controller = new AbortController();
    let proved: (scan: Scan) => void = () => undefined;
    const proof = new Promise<Scan>((resolve) => (proved = resolve));
    let counted: (cutCount: CutCount) => void = () => undefined;
    const count = new Promise<CutCount>((resolve) => (counted = resolve));
    const promise = runJob(request, onProgress, controller.signal, { proof, counted: count, onCount });
    promise.then(release, release);
    // What the job left for after its reply (an import's line index), as the worker does it after its reply.
    promise.then(runAfterReply, () => undefined);
    return { promise, cancel: () => controller.abort(), prove: proved, count: counted };
  }

  const wasReady = request.type === 'import' && readied !== null;
  const worker = (wasReady ? readied : null) ?? warm.pop() ?? newImportWorker();
  if (wasReady) readied = null;
  let settle: { resolve: (v: JobReplies[K]) => void; reject: (e: Error) => void } | undefined;
  const promise = new Promise<JobReplies[K]>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (): void => {
    worker.terminate();
    settle = undefined;
    if (wasReady) readyImportWorker();
  };
  worker.onmessage = (event: MessageEvent<JobMessage<K>>) => {
    const m = event.data;
    if (m.type === 'progress') onProgress(m.progress);
    else if (m.type === 'counted') onCount?.(m.cutCount);
    else if (m.type === 'done') {
      // The reply is shown now; the worker is stopped once it has done what the job left for after it (`idle`).
      settle?.resolve(m.result);
      settle = undefined;
      release();
    } else if (m.type === 'idle') {
      worker.terminate();
      // The next import's worker is made ready once this one's work is done, not beside it.
      if (wasReady) readyImportWorker();
    } else if (settle) {
      const s = settle;
      finish();
      void cleanUp().then(() => s?.reject(new Error(m.message)));
    }
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    // After the reply: only the work left for after it failed (an index the read worker can make again).
    if (!settle) {
      worker.terminate();
      return;
    }
    const s = settle;
    finish();
    void cleanUp().then(() =>
      s?.reject(
        new Error(
          `The import stopped unexpectedly (${event.message || 'the worker failed'}). Nothing from it was kept.`,
        ),
      ),
    );
  };
  worker.postMessage(request);
  return {
    promise,
    prove: (scan) => {
      if (settle) worker.postMessage({ type: 'proof', ...scan } satisfies ProofMessage);
    },
    count: (cutCount) => {
      if (settle) worker.postMessage({ type: 'cut-count', cutCount } satisfies CutCountMessage);
    },
    cancel: () => {
      const s = settle;
      if (!s) return;
      finish();
      void cleanUp().then(() => s.reject(new ImportCancelled()));
    },
  };
}
