/// <reference lib="webworker" />
// The import worker: a thin shell that runs one job and reports progress, so the page stays responsive
// while a large file is read. Rows stay here and in storage; the page gets counts, totals and receipts.
import type { Progress, Scan } from '../import/run-import';
import type { CutCount } from '../import/split-import';
import { warmUp, warmUpPlan } from '../import/warm-up';
import type { CutCountMessage, JobMessage, JobRequest, ProofMessage, WarmMessage } from './messages';
import { runAfterReply } from './after-reply';
import { runJob } from './run-job';
import { readyPartWorker } from './worker-split';

const post = (message: JobMessage): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

let lastProgress = 0;
function progress(p: Progress): void {
  // At most ten messages a second: progress is for people, and messages cost the page time.
  const now = Date.now();
  if (now - lastProgress < 100 && p.bytes < p.totalBytes) return;
  lastProgress = now;
  post({ type: 'progress', progress: p });
}

// An import whose file's proof is made beside it gets the proof as a message of its own, later, and the count before
// the cut (made first) before it.
let proved: (scan: Scan) => void = () => undefined;
const proof = new Promise<Scan>((resolve) => (proved = resolve));
let counted: (count: CutCount) => void = () => undefined;
const count = new Promise<CutCount>((resolve) => (counted = resolve));

/** The warm-up under way (a worker started ahead of an import: warm-up.ts), stopped when the job comes. */
let warming: AbortController | null = null;

/**
 * Started ahead of an import: this worker plans the warm-up's ledger, starts the second half's reader with that plan
 * (its warm-up runs on the other core), then reads the ledger itself. For the benchmark (`trace`), the time it took
 * is logged.
 */
function warm(trace: boolean): void {
  const stop = (warming = new AbortController());
  const t0 = performance.now();
  warmUpPlan()
    .then((plan) => {
      if (stop.signal.aborted) return null;
      readyPartWorker(trace, plan);
      return warmUp(stop.signal, plan);
    })
    .then(
      (read) => {
        if (trace && read)
          console.info(`outturn:warmed ${JSON.stringify({ worker: 'import', ms: performance.now() - t0, ...read })}`);
      },
      () => undefined, // stopped by a job, or failed: the job runs either way, only colder
    );
}

self.onmessage = (event: MessageEvent<JobRequest | ProofMessage | CutCountMessage | WarmMessage>) => {
  const m = event.data;
  if (m.type === 'warm') {
    warm(m.trace ?? false);
    return;
  }
  warming?.abort();
  warming = null;
  if (m.type === 'proof') {
    proved({ sha256: m.sha256, verdict: m.verdict, ...(m.cutCount ? { cutCount: m.cutCount } : {}) });
    return;
  }
  if (m.type === 'cut-count') {
    counted(m.cutCount);
    return;
  }
  const beside =
    m.type === 'import' && m.ids.sha256 === null
      ? { proof, counted: count }
      : m.type === 'scan'
        ? { onCount: (cutCount: CutCount) => post({ type: 'counted', cutCount }) }
        : undefined;
  void runJob(m, progress, undefined, beside)
    .then(
      (result) => post({ type: 'done', result }),
      (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
    // What the job left for after its reply (an import's line index), then the page may stop this worker.
    .then(runAfterReply)
    .finally(() => post({ type: 'idle' }));
};
