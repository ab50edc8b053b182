import { Worker } from 'node:worker_threads';
import type { ImportPlan } from '../import/import-plan';
import type { Split } from '../import/run-import';
import type { PartOutcome } from '../import/split-import';
import type { PartThreadData } from './part-thread';

/*
 * The command line's and the benchmark's second reader (src/import/split-import.ts): a large file's second half
 * read on a thread of its own, on the other core, as the browser's import reads it with a worker of its own. The
 * thread keeps no chunk (nothing is stored here); with `pack`, it packs each as the browser would store it, and
 * says how many bytes that made (`packedBytes`).
 */
/**
 * The thread's file is TypeScript, run as this process runs it, through tsx: Node 20 does not hand a loader given
 * by --import to a thread (the thread fails on ".ts"), so the thread registers tsx itself, then imports its file.
 */
const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./part-thread.ts', import.meta.url).href)}); });`;

export function nodeSplit(
  origin: { path: string } | { bytes: Uint8Array },
  name: string,
  plan: ImportPlan,
  pack = false,
): Split & { packedBytes(): number } {
  let packed = 0;
  let thread: Worker | null = null;
  return {
    start: (cut) =>
      new Promise<PartOutcome | null>((resolve) => {
        const data: PartThreadData = { name, plan, cut, pack, ...origin };
        const t = new Worker(boot, { eval: true, workerData: data });
        thread = t;
        t.once('message', (m: { outcome?: PartOutcome | null; packed?: number; failed?: string }) => {
          packed = m.packed ?? 0;
          resolve(m.outcome ?? null);
          void t.terminate();
        });
        t.once('error', () => resolve(null));
      }),
    taken: () => undefined,
    cancel: () => void thread?.terminate(),
    dropped: async () => {
      packed = 0;
      await thread?.terminate();
    },
    progress: () => ({ bytes: 0, rows: 0 }),
    packedBytes: () => packed,
  };
}
