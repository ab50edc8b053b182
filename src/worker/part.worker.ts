/// <reference lib="webworker" />
// The worker that reads a large file's second half beside the import (part-job.ts), started by the import
// worker itself (worker-split.ts). It answers once: what it made of the half, or that it failed.
import { blobSource } from '../import/byte-sources';
import type { ImportPlan } from '../import/import-plan';
import type { CutCount } from '../import/split-import';
import { warmUpPart } from '../import/warm-up';
import type { PartCountMessage, PartMessage, WarmMessage } from './messages';
import { partJob, type PartRequest } from './part-job';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let lastProgress = 0;

// Loaded and ready for its request (the import waits for this before it starts reading: see worker-split.ts).
scope.postMessage({ type: 'ready' } satisfies PartMessage);

// The proof's count before the cut, sent after the request when the import has it (PartCountMessage).
let countCame: (count: CutCount | null) => void = () => undefined;
const count = new Promise<CutCount | null>((resolve) => (countCame = resolve));

/** The warm-up under way (started ahead of an import: warm-up.ts), stopped when the request comes. */
let warming: AbortController | null = null;

function warm(trace: boolean, plan: ImportPlan): void {
  const stop = (warming = new AbortController());
  const t0 = performance.now();
  warmUpPart(stop.signal, plan).then(
    (records) => {
      if (trace)
        console.info(`outturn:warmed ${JSON.stringify({ worker: 'part', ms: performance.now() - t0, records })}`);
    },
    () => undefined, // failed: the half is read either way, only colder
  );
}

scope.onmessage = (event: MessageEvent<(PartRequest & { trace?: boolean }) | PartCountMessage | WarmMessage>) => {
  if ('type' in event.data) {
    if (event.data.type === 'warm') {
      if (event.data.plan) warm(event.data.trace ?? false, event.data.plan);
    } else countCame(event.data.count);
    return;
  }
  warming?.abort();
  warming = null;
  const request = event.data;
  const timings: Record<string, number> | undefined = request.trace ? {} : undefined;
  const started = performance.now();
  scope.postMessage({ type: 'started' } satisfies PartMessage);
  const progress = (bytes: number, rows: number): void => {
    const now = Date.now();
    if (now - lastProgress < 100) return;
    lastProgress = now;
    scope.postMessage({ type: 'progress', bytes, rows } satisfies PartMessage);
  };
  partJob(
    blobSource(request.name, request.file),
    request,
    progress,
    timings,
    request.countComing ? count : undefined,
  ).then(
    (reply) => {
      if (timings) timings.partTotal = performance.now() - started;
      // Copied, not transferred: the noted chunks' arrays are the chunks' own (a few MB for half a million rows), and
      // two may share a buffer, which a transfer list refuses.
      scope.postMessage({ type: 'done', reply } satisfies PartMessage);
    },
    (error: unknown) =>
      scope.postMessage({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies PartMessage),
  );
};
