import type { LabelCollector } from '../import/dataset-labels';
import type { ImportPlan } from '../import/import-plan';
import type { LineIndexBuilder } from '../import/line-index';
import type { Split } from '../import/run-import';
import { deleteChunksFrom } from '../storage/datasets';
import type { PartMessage } from './messages';
import type { PartReply } from './part-job';

/*
 * The import worker's second reader (split-import.ts): a worker of its own, started for one file's second half,
 * on the other core. Where there is no Worker (tests, Node), an import reads the whole file itself.
 */

const newPartWorker = (): Worker => new Worker(new URL('./part.worker.ts', import.meta.url), { type: 'module' });

/** The split of one import: its second half read by a part worker, taken in by the import's index and labels. */
export function workerSplit(
  file: Blob,
  name: string,
  plan: ImportPlan,
  datasetId: string,
  index: LineIndexBuilder | null,
  labels: LabelCollector,
  timings: Record<string, number> | undefined,
): Split | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker | null = null;
  let reply: PartReply | null = null;
  let seen = { bytes: 0, rows: 0 };
  const stop = (): void => {
    worker?.terminate();
    worker = null;
  };
  return {
    start: (cut) =>
      new Promise((resolve) => {
        const w = newPartWorker();
        worker = w;
        w.onmessage = (event: MessageEvent<PartMessage>) => {
          const m = event.data;
          if (m.type === 'progress') {
            seen = { bytes: m.bytes, rows: m.rows };
            return;
          }
          stop();
          reply = m.type === 'done' ? m.reply : null;
          // The half's own timings beside the import's (the benchmark prints them as one list).
          if (timings && reply?.timings) Object.assign(timings, reply.timings);
          resolve(reply?.outcome ?? null);
        };
        w.onerror = (event: ErrorEvent) => {
          event.preventDefault();
          stop();
          resolve(null);
        };
        w.postMessage({ name, file, plan, cut, datasetId, trace: timings !== undefined });
      }),
    taken: (outcome) => {
      if (index && reply?.index) index.absorb(reply.index, outcome.part.start.chunkIndex);
      labels.absorb(reply?.labels ?? []);
      seen = { bytes: 0, rows: 0 };
    },
    dropped: async (fromChunk) => {
      stop();
      seen = { bytes: 0, rows: 0 };
      await deleteChunksFrom(datasetId, fromChunk);
    },
    progress: () => seen,
  };
}
