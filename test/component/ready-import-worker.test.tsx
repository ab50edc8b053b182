// The import worker kept ready while the Import page is open (src/worker/worker-client.ts keepImportWorkerReady):
// only an import takes it, the next is made ready once that import's worker is done, and none is left running
// when the page lets it go. Workers are stood in for by a class that records what it is sent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobRequest } from '../../src/worker/messages';

class StandInWorker {
  static made: StandInWorker[] = [];
  readonly sent: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    StandInWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** A message from the worker to the page. */
  says(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

const file = new Blob(['Amount\n1\n']);
const importRequest: JobRequest<'import'> = {
  type: 'import',
  name: 'ledger.csv',
  file,
  plan: {} as JobRequest<'import'>['plan'],
  ids: { datasetId: 'd1', receiptId: 'r1', sha256: 'x', origin: 'upload' },
};
const types = (w: StandInWorker) => w.sent.map((m) => (m as { type: string }).type);

async function client() {
  StandInWorker.made = [];
  vi.stubGlobal('Worker', StandInWorker);
  vi.resetModules();
  return import('../../src/worker/worker-client');
}

afterEach(() => vi.unstubAllGlobals());

describe('the import worker kept ready', () => {
  it('is started with a warm-up, and taken by the next import, not by a scan', async () => {
    const { keepImportWorkerReady, startJob } = await client();
    const release = keepImportWorkerReady();
    expect(StandInWorker.made).toHaveLength(1);
    const ready = StandInWorker.made[0]!;
    expect(types(ready)).toEqual(['warm']);

    startJob({ type: 'scan', name: 'ledger.csv', file });
    expect(StandInWorker.made).toHaveLength(2);
    expect(types(ready)).toEqual(['warm']);

    startJob(importRequest);
    expect(StandInWorker.made).toHaveLength(2);
    expect(types(ready)).toEqual(['warm', 'import']);
    release();
    // Taken by the import: letting the page go does not stop it.
    expect(ready.terminated).toBe(false);
  });

  it('is made again once the import that took it is done, and stopped when the page lets it go', async () => {
    const { keepImportWorkerReady, startJob } = await client();
    const release = keepImportWorkerReady();
    const first = StandInWorker.made[0]!;
    const job = startJob(importRequest);
    job.promise.catch(() => undefined);
    // While the import runs, nothing else is started beside it.
    expect(StandInWorker.made).toHaveLength(1);
    first.says({ type: 'done', result: {} });
    expect(StandInWorker.made).toHaveLength(1);
    first.says({ type: 'idle' });
    expect(first.terminated).toBe(true);
    expect(StandInWorker.made).toHaveLength(2);
    const next = StandInWorker.made[1]!;
    expect(types(next)).toEqual(['warm']);
    release();
    expect(next.terminated).toBe(true);
  });

  it('is not made again after the page let it go', async () => {
    const { keepImportWorkerReady, startJob } = await client();
    const release = keepImportWorkerReady();
    const first = StandInWorker.made[0]!;
    startJob(importRequest).promise.catch(() => undefined);
    release();
    first.says({ type: 'done', result: {} });
    first.says({ type: 'idle' });
    expect(StandInWorker.made).toHaveLength(1);
  });
});
