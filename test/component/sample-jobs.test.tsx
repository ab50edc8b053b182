// The first start imports the embedded sample in two jobs (two workers side by side), not one worker per file:
// each file still through the same scan, preview and import, with its own dataset and receipt.
import { describe, expect, it, vi } from 'vitest';
import { importSample } from '../../src/api/sample-bootstrap';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';
import { listDatasets, listReceipts } from '../../src/storage/datasets';
import * as client from '../../src/worker/worker-client';

vi.mock('../../src/worker/worker-client', { spy: true });

describe('the sample at first start', () => {
  it('is imported in two jobs, every file once, each a dataset with its receipt', async () => {
    await importSample();
    const jobs = vi.mocked(client.startJob).mock.calls.map(([request]) => request);
    expect(jobs).toHaveLength(2);
    const files = jobs.flatMap((r) => (r.type === 'sample' ? r.files.map((f) => f.name) : []));
    expect([...files].sort()).toEqual([...SAMPLE_FILE_LIST].sort());
    const datasets = await listDatasets();
    expect(datasets.map((d) => d.name).sort()).toEqual([...SAMPLE_FILE_LIST].sort());
    const receipts = new Set((await listReceipts()).map((r) => r.id));
    expect(datasets.every((d) => receipts.has(d.receiptId))).toBe(true);
  });
});
