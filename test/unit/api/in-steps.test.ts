// Long work run on the page's thread in slices (src/api/in-steps.ts): the same result as straight through, the thread
// let go between slices, and the chosen month's work ahead of the whole year's.
import { describe, expect, it } from 'vitest';
import { inSteps } from '../../../src/api/in-steps';
import { runThrough, type Steps } from '../../../src/domain/core/steps';

/** Work of `n` pieces, each noted in `log` as it runs, returning its name. */
function* work(name: string, n: number, log: string[]): Steps<string> {
  for (let i = 1; i <= n; i++) {
    log.push(`${name}${i}`);
    yield;
  }
  return name;
}

/**
 * Resolves in a task whose slice has just begun. The slice is the task's, not a test's: the test before may have used
 * this task's (seen on a busy machine: the next test began in the same task, its slice over, and its first run waited).
 * A probe run of one step runs at once only in a task whose slice is not used up; it begins one if none has.
 */
async function inAFreshSlice(): Promise<void> {
  for (;;) {
    let ranAtOnce = false;
    const probe = inSteps(
      (function* (): Steps<void> {
        ranAtOnce = true;
        yield;
      })(),
      { sliceMs: 10 },
    );
    if (ranAtOnce) return;
    await probe;
  }
}

describe('inSteps', () => {
  it('gives the result the steps give run straight through', async () => {
    expect(await inSteps(work('a', 5, []))).toBe(runThrough(work('a', 5, [])));
  });

  it('lets other tasks run between its slices', async () => {
    const log: string[] = [];
    // A task queued, and due, before the work starts: run straight through, the work would end before it. (Due: a
    // timer of 0 waits at least a millisecond in Node, and three slices can pass in less, as one run under load showed.)
    setTimeout(() => log.push('other task'), 0);
    const queued = performance.now();
    while (performance.now() - queued < 5);
    await inSteps(work('a', 3, log), { sliceMs: 0 });
    expect(log.indexOf('other task')).toBeGreaterThan(-1);
    expect(log.indexOf('other task')).toBeLessThan(log.indexOf('a3'));
  });

  it('holds a background run between its slices while an urgent one runs', async () => {
    const log: string[] = [];
    const year = inSteps(work('year', 4, log), { background: true, sliceMs: 0 });
    const month = inSteps(work('month', 4, log), { sliceMs: 0 });
    await Promise.all([year, month]);
    // The year's first slice ran before the month was asked for; then the month's work, whole, before the year's rest.
    const firstMonth = log.indexOf('month1');
    const lastMonth = log.indexOf('month4');
    expect(log.slice(firstMonth, lastMonth + 1)).toEqual(['month1', 'month2', 'month3', 'month4']);
    expect(log.indexOf('year4')).toBeGreaterThan(lastMonth);
  });

  it('shares one slice among the runs of a task: once it is used, another run waits for a later task', async () => {
    // Steps of about 6 ms each, slices of 10 ms.
    function* slow(name: string, log: string[]): Steps<string> {
      for (let i = 1; i <= 3; i++) {
        const t = performance.now();
        while (performance.now() - t < 6);
        log.push(`${name}${i}`);
        yield;
      }
      return name;
    }
    const log: string[] = [];
    await inAFreshSlice();
    const a = inSteps(slow('a', log), { sliceMs: 10 });
    // Asked for in the task where a has used the slice, b runs nothing in it: before the change it ran a slice of its
    // own there (24 ms of steps in one task).
    const b = inSteps(slow('b', log), { sliceMs: 10 });
    // a's slice is one step or two (a busy machine can stretch a step past the slice): b's none.
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((step) => step.startsWith('a'))).toBe(true);
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect([...log].sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
  });
});
