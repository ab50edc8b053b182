import type { LabelCollector } from '../import/dataset-labels';
import type { ImportPlan } from '../import/import-plan';
import type { LineIndexBuilder } from '../import/line-index';
import type { Split } from '../import/run-import';
import type { CutCount, PartOutcome } from '../import/split-import';
import { deleteChunksFrom } from '../storage/datasets';
import type { PartCountMessage, PartMessage, WarmMessage } from './messages';
import type { PartReply, PartRequest } from './part-job';

/*
 * The import worker's second reader (split-import.ts): a worker of its own, started for one file's second half,
 * on the other core. Where there is no Worker (tests, Node), an import reads the whole file itself.
 */

const newPartWorker = (): Worker => new Worker(new URL('./part.worker.ts', import.meta.url), { type: 'module' });

/** A part worker started, and whether it loaded (false: its script failed). */
interface Started {
  worker: Worker;
  ready: Promise<boolean>;
}

function startPartWorker(): Started {
  const worker = newPartWorker();
  const ready = new Promise<boolean>((resolve) => {
    worker.onmessage = (event: MessageEvent<PartMessage>) => {
      if (event.data.type === 'ready') resolve(true);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      resolve(false);
    };
  });
  return { worker, ready };
}

/** A part worker started ahead of an import (readyPartWorker), taken by the next split. */
let spare: Started | null = null;

/**
 * Starts the second half's reader of the next large import now, reading the warm-up's ledger with `plan` until its
 * request comes (src/import/warm-up.ts): for an import worker itself started ahead of an import (import.worker.ts).
 */
export function readyPartWorker(trace: boolean, plan: ImportPlan): void {
  if (typeof Worker === 'undefined' || spare) return;
  spare = startPartWorker();
  spare.worker.postMessage({ type: 'warm', trace, plan } satisfies WarmMessage);
}

/** The split of one import: its second half read by a part worker, taken in by the import's index and labels. */
export function workerSplit(
  file: Blob,
  name: string,
  plan: ImportPlan,
  datasetId: string,
  index: LineIndexBuilder | null,
  labels: LabelCollector,
  timings: Record<string, number> | undefined,
  counted?: Promise<CutCount | undefined>,
): Split | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker | null = null;
  let reply: PartReply | null = null;
  let seen = { bytes: 0, rows: 0 };
  let settle: (outcome: PartOutcome | null) => void = () => undefined;
  let asked = 0;
  const stop = (): void => {
    worker?.terminate();
    worker = null;
  };
  const finish = (outcome: PartOutcome | null): void => {
    stop();
    settle(outcome);
  };
  // Started before the import's own reading begins (importRows awaits launch, for a file it splits): a worker
  // started by a worker is started through its parent's thread, and with the parent busy reading (tasks of 100 ms
  // and more) that took 0.6 s, not 0.1. The one started ahead of the import (readyPartWorker) is taken where there is
  // one: already loaded, and its code compiled by its warm-up.
  let ready: Promise<boolean> | null = null;
  const launch = (): Promise<boolean> =>
    (ready ??= (async () => {
      const launchedAt = performance.now();
      const started = spare ?? startPartWorker();
      spare = null;
      const w = started.worker;
      worker = w;
      const loaded = await started.ready;
      if (timings) timings.partReady = performance.now() - launchedAt;
      if (!loaded) {
        finish(null);
        return false;
      }
      w.onmessage = (event: MessageEvent<PartMessage>) => {
        const m = event.data;
        if (m.type === 'started') {
          // From the request sent to the worker taking it up, for the benchmark.
          if (timings) timings.partLaunch = performance.now() - asked;
        } else if (m.type === 'progress') {
          seen = { bytes: m.bytes, rows: m.rows };
        } else if (m.type !== 'ready') {
          reply = m.type === 'done' ? m.reply : null;
          // The half's own timings beside the import's (the benchmark prints them as one list).
          if (timings && reply?.timings) Object.assign(timings, reply.timings);
          finish(reply?.outcome ?? null);
        }
      };
      w.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        finish(null);
      };
      return true;
    })());
  return {
    cancel: () => finish(null),
    launch: async () => {
      await launch();
    },
    start: (cut) =>
      new Promise((resolve) => {
        settle = resolve;
        const w = worker;
        if (!w) {
          resolve(null);
          return;
        }
        asked = performance.now();
        const request: PartRequest & { trace: boolean } = {
          name,
          file,
          plan,
          cut,
          datasetId,
          countComing: counted !== undefined,
          trace: timings !== undefined,
        };
        w.postMessage(request);
        // The proof's count before the cut, when made (at once where it was made before the import): the worker need
        // not read those bytes again for it, unless its own count is done first.
        void counted?.then(
          (c) => worker?.postMessage({ type: 'count', count: c?.cut === cut ? c : null } satisfies PartCountMessage),
          () => worker?.postMessage({ type: 'count', count: null } satisfies PartCountMessage),
        );
      }),
    taken: (outcome) => {
      if (index && reply?.index) index.absorb(reply.index, outcome.part.start.chunkIndex);
      labels.absorb(reply?.labels ?? []);
      seen = { bytes: 0, rows: 0 };
    },
    dropped: async (fromChunk) => {
      finish(null);
      seen = { bytes: 0, rows: 0 };
      await deleteChunksFrom(datasetId, fromChunk);
    },
    progress: () => seen,
  };
}
