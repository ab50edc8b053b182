// A running import's chunks are written only while its marker stands: a worker the page has stopped may still write
// for a moment after the page has cleaned up, and such a write must keep nothing (it left chunks that belonged to no
// dataset: the e2e cancel test, 3 chunks in one run under load).
import { describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../src/cli/seeded-random';
import { CellPool } from '../../src/import/cell-pool';
import { addRow, buildChunk, newChunk } from '../../src/import/chunk-builder';
import * as storage from '../../src/storage/datasets';
import { abandonImport, beginImport, readChunks } from '../../src/storage/datasets';
import { openOutturnDb } from '../../src/storage/db';
import { ChunkWrites } from '../../src/worker/chunk-writes';

function chunkOf(index: number) {
  const chunk = newChunk([new CellPool(), new CellPool()], 2, ['amount'], []);
  addRow(chunk, ['C1', '12.34'], 2, false, [1234], 1, []);
  addRow(chunk, ['C2', '-5.00'], 3, false, [-500], 1, []);
  return buildChunk(chunk, index);
}

vi.mock('../../src/storage/datasets', { spy: true });

const storedOf = async (datasetId: string): Promise<number> => {
  const db = await openOutturnDb();
  return (await db.getAllKeysFromIndex('chunks', 'byDataset', datasetId)).length;
};

describe("an import's chunk writes", () => {
  it('are kept while the import runs, and go with it when it is given up', async () => {
    await beginImport('running-1', { fileName: 'a.csv', size: 1 });
    const writes = ChunkWrites.begin('running-1', 1);
    await writes.add(chunkOf(0));
    await writes.done();
    expect(await storedOf('running-1')).toBe(1);
    expect((await readChunks('running-1'))[0]!.raw[0]).toEqual(['C1', 'C2']);
    await abandonImport('running-1');
    expect(await storedOf('running-1')).toBe(0);
  });

  it('keep nothing written after the import was given up, and say so', async () => {
    await beginImport('cancelled-1', { fileName: 'b.csv', size: 1 });
    const writes = ChunkWrites.begin('cancelled-1', 1);
    await writes.add(chunkOf(0));
    await writes.done();
    await abandonImport('cancelled-1');
    // The stopped worker's next write, after the page's clean-up.
    await writes.add(chunkOf(1));
    await expect(writes.done()).rejects.toThrow(/cancelled-1 was given up/);
    expect(await storedOf('cancelled-1')).toBe(0);
  });

  it('keep nothing for an import never begun', async () => {
    const writes = ChunkWrites.begin('never-1', 1);
    await writes.add(chunkOf(0));
    await expect(writes.done()).rejects.toThrow(/never-1 was given up/);
    expect(await storedOf('never-1')).toBe(0);
  });
});

describe("an import's chunk writes, many small chunks", () => {
  // A transaction costs far more than its bytes: chunks are gathered into writes of about 1.44 MB (chunk-writes.ts).
  it('are gathered several to a transaction, and every one is stored once done', async () => {
    await beginImport('many-1', { fileName: 'c.csv', size: 1 });
    const writes = ChunkWrites.begin('many-1', 1);
    const rows = 1_500;
    const chunks = 60;
    // Sixty chunks of 1,500 rows with a reference of 24 random letters each: at least 36 kB packed, so at most 40
    // make a write.
    const next = seededRandom(3);
    const refs = Array.from({ length: chunks }, () =>
      Array.from({ length: rows }, () =>
        Array.from({ length: 24 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(next() * 24)]).join(''),
      ),
    );
    const chunkOfRows = (index: number) => {
      const chunk = newChunk([new CellPool(), new CellPool()], rows, ['amount'], []);
      for (let i = 0; i < rows; i++) addRow(chunk, [refs[index]![i]!, '1.00'], 2 + i, false, [100], 1, []);
      return buildChunk(chunk, index);
    };
    vi.mocked(storage.putImportChunkRecords).mockClear();
    for (let i = 0; i < chunks; i++) await writes.add(chunkOfRows(i));
    await writes.done();
    expect(await storedOf('many-1')).toBe(chunks);
    const transactions = vi.mocked(storage.putImportChunkRecords).mock.calls.length;
    expect(transactions).toBeGreaterThan(1);
    expect(transactions).toBeLessThanOrEqual(5);
    expect((await readChunks('many-1')).map((c) => c.raw[0])).toEqual(refs);
  });
});
