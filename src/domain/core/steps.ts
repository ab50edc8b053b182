/*
 * Long work done in steps: a generator that yields between pieces of it (a big ledger's 20,000 lines a month), so that
 * a caller on the page's thread can let the page draw and answer between them (api/in-steps.ts: no task over 50 ms,
 * issue 16), while a caller with no page to keep (a test, the command line) runs it straight through. The work and
 * its result are the same either way: a step only says "a piece is done".
 */

/** Work that yields (nothing) between its pieces and returns its result at the end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps straight through, in this task. */
export function runThrough<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Counts a loop's pieces: `due()` is true once every `every` calls, where the loop yields. */
export function pieces(every: number): { due: () => boolean } {
  let n = 0;
  return {
    due: () => {
      n += 1;
      if (n < every) return false;
      n = 0;
      return true;
    },
  };
}
