import type { Steps } from '../domain/core/steps';

/*
 * Runs long domain work (domain/core/steps.ts) on the page's thread in slices of at most about SLICE_MS, letting the
 * page go between them: a big ledger's monitoring model (20,000 lines a month) took 60-180 ms in one task, where the
 * page must never be held over 50 ms (issue 16, point 3). The result is the same as run straight through.
 */

/** The most one slice runs before the page is let go (under the 50 ms of a long task, with room for what follows). */
const SLICE_MS = 15;

interface YieldingScheduler {
  yield: () => Promise<void>;
}

/**
 * Lets the page's thread go until its next task: `scheduler.yield()` where the browser has it (the work goes on ahead
 * of other queued tasks, after input and drawing), else a message to itself (a timer would wait at least 4 ms each
 * time once nested: hundreds of slices in a year's models).
 */
function letThePageGo(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * When this task's slice began (null until a run works in it): the slice is the task's, not a run's. Runs going side
 * by side or one after another (a year's months, each its own run; the ledger's sums, the checks), each with a slice
 * of its own, held one task for 46-71 ms at a reload with a million-row ledger stored. Set by the first run to work
 * in a task, and cleared by a task queued then, which runs before any run let go after it resumes.
 */
let sliceBegan: number | null = null;

/** The time this task's runs have had (0 as the first begins it). */
function sliceUsed(): number {
  if (sliceBegan === null) {
    sliceBegan = performance.now();
    void letThePageGo().then(() => (sliceBegan = null));
  }
  return performance.now() - sliceBegan;
}

/** Urgent runs going (the page's first figures), and what a background run waits on until there are none. */
let urgent = 0;
let urgentDone: { promise: Promise<void>; resolve: () => void } | null = null;

/**
 * Runs the steps to their result, letting the page go whenever a slice has run SLICE_MS. A `background` run (the
 * year's other months) waits between its slices while an urgent one (the chosen month, the page's first figures)
 * runs: sliced side by side, the first figures came about 300 ms later than when each month was one task.
 */
export async function inSteps<T>(
  steps: Steps<T>,
  { background = false, sliceMs = SLICE_MS }: { background?: boolean; sliceMs?: number } = {},
): Promise<T> {
  if (!background) begun();
  try {
    for (;;) {
      while (background && urgentDone !== null) await urgentDone.promise;
      // The task's slice used, by this run or another: the page goes first, and the run goes on in a later task. A
      // slice begun here has at least one step.
      const fresh = sliceBegan === null;
      if (sliceUsed() >= sliceMs && !fresh) {
        await letThePageGo();
        continue;
      }
      const step = steps.next();
      if (step.done) return step.value;
    }
  } finally {
    if (!background) ended();
  }
}

function begun(): void {
  urgent += 1;
  if (!urgentDone) {
    let resolve = (): void => undefined;
    const promise = new Promise<void>((r) => (resolve = r));
    urgentDone = { promise, resolve };
  }
}

function ended(): void {
  urgent -= 1;
  if (urgent === 0 && urgentDone) {
    urgentDone.resolve();
    urgentDone = null;
  }
}
