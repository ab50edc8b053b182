// A first start imports the sample's newest year first, and a page of that year waits for its own files only
// (issue 16, point 4: the default year's figures after about half the sample). Every file still goes through the
// same import, with its dataset and receipt; the year each file's import reads is the catalogue's.
import { describe, expect, it, vi } from 'vitest';
import { ensureFirstYearStarted, ensureStarted, ensureYearStarted } from '../../src/api/sample-bootstrap';
import { SAMPLE_FILE_LIST, SAMPLE_FILES } from '../../src/api/sample-files';
import { listDatasets, listReceipts } from '../../src/storage/datasets';
import * as client from '../../src/worker/worker-client';

vi.mock('../../src/worker/worker-client', { spy: true });

// The catalogue's years, written out here from the files' own titles (the paper is 2017/18; the second
// illustrative year's files are named 2018-19), not read from the code under test.
const FILES_2018: string[] = Object.entries(SAMPLE_FILES)
  .filter(([, file]) => file.startsWith('illustrative-2018-19-'))
  .map(([, file]) => file);
const FILES_2017 = SAMPLE_FILE_LIST.filter((f) => !FILES_2018.includes(f));

describe('a first start', () => {
  it('imports 2018/19 first; its pages wait for its files only, the list of years is whole at the end', async () => {
    expect(FILES_2018).toHaveLength(10);

    await ensureYearStarted(2018);
    const early = await listDatasets();
    const names = new Set(early.map((d) => d.name));
    expect(FILES_2018.every((f) => names.has(f))).toBe(true);
    // The rest is still to come: 17 files cannot have been imported in the moment since 2018/19's were.
    expect(FILES_2017.every((f) => names.has(f))).toBe(false);
    const { rest } = await ensureFirstYearStarted();
    expect(rest).not.toBeNull();

    await ensureStarted();
    expect((await ensureFirstYearStarted()).rest).toBeNull();
    const datasets = await listDatasets();
    expect(datasets.map((d) => d.name).sort()).toEqual([...SAMPLE_FILE_LIST].sort());
    // Each file's import read the year its catalogue gives.
    for (const d of datasets) expect([d.name, d.year]).toEqual([d.name, FILES_2018.includes(d.name) ? 2018 : 2017]);
    const receipts = new Set((await listReceipts()).map((r) => r.id));
    expect(datasets.every((d) => receipts.has(d.receiptId))).toBe(true);

    // Two jobs (two workers side by side) for each year, the newest year's first.
    const jobs = vi
      .mocked(client.startJob)
      .mock.calls.map(([request]) => (request.type === 'sample' ? request.files.map((f) => f.name) : []));
    expect(jobs).toHaveLength(4);
    expect(jobs.slice(0, 2).flat().sort()).toEqual([...FILES_2018].sort());
    expect(jobs.slice(2).flat().sort()).toEqual([...FILES_2017].sort());
  });
});
