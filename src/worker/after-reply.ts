/*
 * Work a job leaves for after its reply: the page shows the reply at once, and the worker stays until this is done
 * (it says so with an `idle` message; the page stops it then). An import's line index is the one such work: its
 * sorts and its write took 0.3 to 0.5 s of a million-row import's path to the receipt, and only a drill-down
 * reads it. What fails here fails quietly: the read worker makes an index that is missing from the chunks.
 */

const pending: (() => Promise<unknown>)[] = [];

/** Runs `work` after the job's reply has been sent. */
export function afterReply(work: () => Promise<unknown>): void {
  pending.push(work);
}

/** Runs the work left by the jobs so far, one after another; resolves when none is left. */
export async function runAfterReply(): Promise<void> {
  for (let work = pending.shift(); work; work = pending.shift()) {
    // Its own task: the reply's message is posted before this work takes the thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await work().catch(() => undefined);
  }
}
