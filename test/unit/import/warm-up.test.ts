// The warm-up a worker runs before a file comes (src/import/warm-up.ts): it is only worth its time where it runs
// the import's own code, so its ledger must be read as a ledger, every row accepted, and its half as a half.
import { describe, expect, it } from 'vitest';
import { ImportCancelled } from '../../../src/import/run-import';
import { warmUp, warmUpLedger, warmUpPart, warmUpPlan } from '../../../src/import/warm-up';

describe('the warm-up', () => {
  it('is a ledger of as many rows as asked, each line ending CRLF', () => {
    const text = new TextDecoder().decode(warmUpLedger(300));
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(302); // the header, 300 rows, and the empty string after the last line break
    expect(lines[0]).toBe('Posting date,Period,Cost centre,Subjective,Description,Supplier,Reference,Amount');
    expect(lines[301]).toBe('');
  });

  it('reads its ledger through the import, every row accepted', async () => {
    expect(await warmUp(new AbortController().signal, await warmUpPlan(3_000), 3_000)).toEqual({
      kind: 'ledger',
      accepted: 3_000,
    });
  });

  it('reads the second half of its ledger as a second reader does, to the end', async () => {
    const read = await warmUpPart(new AbortController().signal, await warmUpPlan(3_000), 3_000);
    // The cut is near the middle: the half holds about half the rows, never all of them.
    expect(read).toBeGreaterThan(1_400);
    expect(read).toBeLessThan(1_600);
  });

  it('stops when a job comes (its signal aborted)', async () => {
    const stop = new AbortController();
    const running = warmUp(stop.signal, await warmUpPlan(20_000), 20_000);
    stop.abort();
    await expect(running).rejects.toBeInstanceOf(ImportCancelled);
  });
});
