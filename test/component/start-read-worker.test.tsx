// At a start with data stored, the read worker is started with the start (sample-bootstrap.ts), not at the first
// figures' question: its start (thread, script, database connection) was 200-260 ms of a reload's path to them
// (issue 16, point 3). Its own file: a start is once per page.
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';
import * as storage from '../../src/storage/datasets';
import * as readClient from '../../src/worker/read-client';

vi.mock('../../src/worker/read-client', { spy: true });

describe('a start with the sample already stored', () => {
  it('starts the read worker before the pages read, once', async () => {
    await storage.putSetting('sample-imported', [...SAMPLE_FILE_LIST]);
    const { ensureYearStarted, ensureStarted } = await import('../../src/api/sample-bootstrap');
    await ensureYearStarted(2017);
    expect(readClient.startReadWorker).toHaveBeenCalledTimes(1);
    await ensureStarted();
    expect(readClient.startReadWorker).toHaveBeenCalledTimes(1);
  });
});
