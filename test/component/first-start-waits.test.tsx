// At a first start opened on a page that says when its first figures are drawn (Revenue), the sample's later year
// waits until they are (issue 16, point 4): its import took the two cores the drawing needed. It comes when the
// page says so; every file is still imported, each with its receipt. Its own file: a first start is once per page.
import { describe, expect, it, vi } from 'vitest';
import { ensureStarted, ensureYearStarted, firstFiguresDrawn, holdRestOfSample } from '../../src/api/sample-bootstrap';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';
import { listDatasets, listReceipts } from '../../src/storage/datasets';
import * as client from '../../src/worker/worker-client';

vi.mock('../../src/worker/worker-client', { spy: true });

const sampleJobs = () => vi.mocked(client.startJob).mock.calls.filter(([r]) => r.type === 'sample').length;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a first start on a page that draws first', () => {
  it('imports the later year only once the page says its first figures are drawn', async () => {
    holdRestOfSample();
    await ensureYearStarted(2018);
    // The newest year's two jobs, and no more: without the wait the next year's jobs start as this one ends.
    for (let i = 0; i < 5; i++) await nextTask();
    expect(sampleJobs()).toBe(2);
    expect((await listDatasets()).every((d) => d.year === 2018)).toBe(true);

    firstFiguresDrawn();
    await ensureStarted();
    expect(sampleJobs()).toBe(4);
    const datasets = await listDatasets();
    expect(datasets.map((d) => d.name).sort()).toEqual([...SAMPLE_FILE_LIST].sort());
    const receipts = new Set((await listReceipts()).map((r) => r.id));
    expect(datasets.every((d) => receipts.has(d.receiptId))).toBe(true);
  }, 60_000);
});
