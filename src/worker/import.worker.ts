/// <reference lib="webworker" />
// The import worker: a thin shell that runs one job and reports progress, so the page stays responsive
// while a large file is read. Rows stay here and in storage; the page gets counts, totals and receipts.
import type { Progress } from '../import/run-import';
import type { JobMessage, JobRequest } from './messages';
import { runJob } from './run-job';

const post = (message: JobMessage): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

let lastProgress = 0;
function progress(p: Progress): void {
  // At most ten messages a second: progress is for people, and messages cost the page time.
  const now = Date.now();
  if (now - lastProgress < 100 && p.bytes < p.totalBytes) return;
  lastProgress = now;
  post({ type: 'progress', progress: p });
}

self.onmessage = (event: MessageEvent<JobRequest>) => {
  runJob(event.data, progress).then(
    (result) => post({ type: 'done', result }),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
