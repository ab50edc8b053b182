import { Worker } from 'node:worker_threads';
import type { ImportPlan } from '../import/import-plan';
import type { Split } from '../import/run-import';
import type { CutCount, PartOutcome } from '../import/split-import';
import type { PartThreadRequest } from './part-thread';

/*
 * The command line's and the benchmark's second reader (src/import/split-import.ts): a large file's second half
 * read on a thread of its own, on the other core, as the browser's import reads it with a worker of its own. The
 * thread keeps no chunk (nothing is stored here); with `pack`, it packs each as the browser would store it, and
 * says how many bytes that made (`packedBytes`). One thread serves the process, kept between imports (it keeps
 * the process alive only while it reads a half).
 */

/**
 * The thread's file is TypeScript, run as this process runs it, through tsx: Node 20 does not hand a loader given
 * by --import to a thread (the thread fails on ".ts"), so the thread registers tsx itself, then imports its file.
 */
const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./part-thread.ts', import.meta.url).href)}); });`;

/**
 * The share of the file the import's own thread reads before the cut, here: half. The browser's first reader takes
 * more (split-import.ts FIRST_SHARE, 0.58), as its second starts later and its last writes queue behind the first's;
 * here the thread starts at once (kept between imports) and stores nothing, and the halves are read at the same
 * rate. At 0.58 the thread ended 0.3 to 0.45 s before the import's own reading, on the bench's 1M ledger (five
 * rounds); at 0.5 the two ended within about 0.1 s of each other, and 0.46 and 0.42 left the import waiting for
 * the thread.
 */
export const NODE_SHARE = 0.5;

type Reply = { ready?: true; id?: number; outcome?: PartOutcome | null; packed?: number };

let thread: { worker: Worker; waiting: Map<number, (reply: Reply) => void> } | null = null;
let nextId = 0;

function theThread(): NonNullable<typeof thread> {
  if (thread) return thread;
  const worker = new Worker(boot, { eval: true });
  const waiting = new Map<number, (reply: Reply) => void>();
  const t = { worker, waiting };
  worker.on('message', (m: Reply) => {
    if (m.id === undefined) return;
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
    // Idle, the thread does not keep the process alive; while it reads a half, it does.
    if (waiting.size === 0) worker.unref();
  });
  // A failed thread answers every request with nothing: the import reads those halves itself.
  worker.on('error', () => {
    for (const answer of waiting.values()) answer({ outcome: null });
    waiting.clear();
    if (thread === t) thread = null;
  });
  thread = t;
  return t;
}

export function nodeSplit(
  origin: { path: string } | { bytes: Uint8Array },
  name: string,
  plan: ImportPlan,
  pack = false,
  cutCount?: CutCount,
): Split & { packedBytes(): number } {
  let packed = 0;
  return {
    start: (cut) =>
      new Promise<PartOutcome | null>((resolve) => {
        const t = theThread();
        const id = nextId++;
        t.waiting.set(id, (m) => {
          packed = m.packed ?? 0;
          resolve(m.outcome ?? null);
        });
        // The count the file's scan made before the cut, where it is this cut's: the thread need not count again.
        const counted = cutCount?.cut === cut ? cutCount : null;
        const request: PartThreadRequest = { id, name, plan, cut, pack, counted, ...origin };
        t.worker.ref();
        t.worker.postMessage(request);
      }),
    taken: () => undefined,
    // A cancelled import: the thread is stopped (the next import starts another).
    cancel: () => {
      void thread?.worker.terminate();
      thread = null;
    },
    dropped: async () => {
      packed = 0;
      await Promise.resolve();
    },
    progress: () => ({ bytes: 0, rows: 0 }),
    share: NODE_SHARE,
    packedBytes: () => packed,
  };
}
