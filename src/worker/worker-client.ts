import { ImportCancelled, type Progress } from '../import/run-import';
import { abandonImport, IMPORT_LOCK } from '../storage/datasets';
import type { JobMessage, JobRequest } from './messages';
import { runJob } from './run-job';

/*
 * The typed way to run an import job from the page: in a module worker (one per job, so that
 * cancelling is terminating, which stops the work at once), or on the page where there is no Worker.
 * A cancelled or crashed import leaves nothing: its chunks are deleted, and its dataset was never written.
 */

export interface Job<T> {
  promise: Promise<T>;
  cancel(): void;
}

/** Takes IMPORT_LOCK (shared) for the page; returns what lets it go (safe to call before it is granted, or twice). */
function holdImportLock(): () => void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  let released = false;
  let letGo: (() => void) | undefined;
  void locks?.request(IMPORT_LOCK, { mode: 'shared' }, () => (released ? undefined : new Promise<void>((resolve) => (letGo = resolve))));
  return () => {
    released = true;
    letGo?.();
  };
}

export function startJob<T>(request: JobRequest, onProgress: (p: Progress) => void = () => undefined): Job<T> {
  // The page holds the import lock (shared) too, until its clean-up is done: no start-up sweep in another tab
  // may run between the worker's end and the clean-up and take a cancelled import for one a closed page left.
  const release = request.type === 'import' ? holdImportLock() : () => undefined;
  const cleanUp = async (): Promise<void> => {
    if (request.type === 'import') await abandonImport(request.ids.datasetId).catch(() => undefined);
    release();
  };

  if (typeof Worker === 'undefined') {
    const controller = new AbortController();
    const promise = runJob(request, onProgress, controller.signal) as Promise<T>;
    promise.then(release, release);
    return { promise, cancel: () => controller.abort() };
  }

  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (v: T) => void; reject: (e: Error) => void } | undefined;
  const promise = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (): void => {
    worker.terminate();
    settle = undefined;
  };
  worker.onmessage = (event: MessageEvent<JobMessage>) => {
    const m = event.data;
    if (m.type === 'progress') onProgress(m.progress);
    else if (m.type === 'done') {
      settle?.resolve(m.result as T);
      finish();
      release();
    } else {
      const s = settle;
      finish();
      void cleanUp().then(() => s?.reject(new Error(m.message)));
    }
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const s = settle;
    finish();
    void cleanUp().then(() => s?.reject(new Error(`The import stopped unexpectedly (${event.message || 'the worker failed'}). Nothing from it was kept.`)));
  };
  worker.postMessage(request);
  return {
    promise,
    cancel: () => {
      const s = settle;
      if (!s) return;
      finish();
      void cleanUp().then(() => s.reject(new ImportCancelled()));
    },
  };
}
