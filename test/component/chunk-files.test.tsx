// A large import's chunk bytes in files of the origin private file system (src/storage/chunk-files.ts), their
// records in IndexedDB saying where: written, read back, and removed with the import, the dataset or the sweep.
import { beforeEach, describe, expect, it } from 'vitest';
import { CellPool } from '../../src/import/cell-pool';
import { addRow, buildChunk, newChunk } from '../../src/import/chunk-builder';
import { packChunk } from '../../src/import/packed-chunk';
import {
  abandonImport,
  beginImport,
  deleteChunksFrom,
  deleteDataset,
  readChunkRows,
  readChunks,
  sweepUnfinishedImports,
} from '../../src/storage/datasets';
import { openOutturnDb } from '../../src/storage/db';
import { datasetContentSha256 } from '../../src/storage/workspace';
import type { DatasetMeta } from '../../src/storage/datasets';
import { ChunkWrites } from '../../src/worker/chunk-writes';
import { fakeFileSystem } from './fake-file-system';

/** A chunk of two rows: cost centre and amount, as a reader of the file would build it. */
function chunkOf(index: number, centre: string) {
  const chunk = newChunk([new CellPool(), new CellPool()], 2, ['amount'], []);
  addRow(chunk, [centre, '12.34'], 2, false, [1234], 1, []);
  addRow(chunk, [`${centre}-b`, '-5.00'], 3, false, [-500], 1, []);
  return buildChunk(chunk, index);
}

/** A size past the point where chunk bytes go to a file (chunk-writes.ts: 4 MiB). */
const LARGE = 8 * 1024 * 1024;

async function recordsOf(datasetId: string) {
  const db = await openOutturnDb();
  return db.getAllFromIndex('chunks', 'byDataset', datasetId);
}

async function written(datasetId: string, size: number, chunks: number, from = 0): Promise<void> {
  const writes = ChunkWrites.begin(datasetId, size);
  for (let i = from; i < from + chunks; i++) await writes.add(chunkOf(i, `CC${i}`));
  await writes.done();
}

let fs: ReturnType<typeof fakeFileSystem>;
beforeEach(() => {
  fs = fakeFileSystem();
});

describe("a large import's chunk bytes", () => {
  it('are written one after another to a file of their own, their records saying where', async () => {
    await beginImport('big-1', { fileName: 'big.csv', size: LARGE });
    await written('big-1', LARGE, 3);
    const records = await recordsOf('big-1');
    expect(records).toHaveLength(3);
    expect(fs.files('big-1')).toHaveLength(1);
    // Each chunk's packed bytes, end to end, in index order: worked out here from the chunks themselves.
    let offset = 0;
    for (const [i, r] of records.entries()) {
      expect('packed' in r).toBe(false);
      const length = packChunk(chunkOf(i, `CC${i}`)).length;
      expect(r).toMatchObject({ index: i, rowCount: 2, bytesAt: { offset, length } });
      offset += length;
    }
  });

  it('are read back cell for cell, whole and a few rows at a time', async () => {
    await beginImport('big-2', { fileName: 'big.csv', size: LARGE });
    await written('big-2', LARGE, 3);
    const chunks = await readChunks('big-2');
    expect(chunks.map((c) => c.raw[0])).toEqual([
      ['CC0', 'CC0-b'],
      ['CC1', 'CC1-b'],
      ['CC2', 'CC2-b'],
    ]);
    const [rows] = await readChunkRows({ id: 'big-2', name: 'big.csv' }, [2]);
    expect(rows!.index).toBe(2);
    expect(rows!.rowCount).toBe(2);
  });

  it('are read back in order across many reads of their file (4 MiB at a time)', async () => {
    await beginImport('wide-1', { fileName: 'wide.csv', size: LARGE });
    // Fifty chunks of about 100 kB (a cell of 100,000 letters each): 5 MB, past one read of the file.
    const wide = (i: number) => `${String.fromCharCode(65 + (i % 26)).repeat(100_000)}${i}`;
    const writes = ChunkWrites.begin('wide-1', LARGE);
    for (let i = 0; i < 50; i++) await writes.add(chunkOf(i, wide(i)));
    await writes.done();
    const chunks = await readChunks('wide-1');
    expect(chunks.map((c) => c.raw[0]![0])).toEqual(Array.from({ length: 50 }, (_, i) => wide(i)));
  });

  it('of a small import stay in its records, as before files', async () => {
    await beginImport('small-1', { fileName: 'small.csv', size: 1 });
    await written('small-1', 1, 2);
    const records = await recordsOf('small-1');
    expect(records.every((r) => 'packed' in r && !('bytesAt' in r))).toBe(true);
    expect(fs.files('small-1')).toEqual([]);
    expect((await readChunks('small-1')).map((c) => c.raw[0])).toEqual([
      ['CC0', 'CC0-b'],
      ['CC1', 'CC1-b'],
    ]);
  });

  it('that are gone or cut short are said, never read as rows', async () => {
    await beginImport('gone-1', { fileName: 'gone.csv', size: LARGE });
    await written('gone-1', LARGE, 2);
    const own = await (await fs.root.getDirectoryHandle('chunks')).getDirectoryHandle('gone-1');
    const [name] = fs.files('gone-1');
    const file = await own.getFileHandle(name!);
    file.bytes = file.bytes.slice(0, file.bytes.length - 1);
    await expect(readChunks('gone-1')).rejects.toThrow(/part 2 of its rows cannot be read: its file is shorter/);
    await own.removeEntry(name!);
    await beginImport('gone-2', { fileName: 'gone.csv', size: LARGE });
    await written('gone-2', LARGE, 1);
    const [other] = fs.files('gone-2');
    await (await (await fs.root.getDirectoryHandle('chunks')).getDirectoryHandle('gone-2')).removeEntry(other!);
    await expect(readChunks('gone-2')).rejects.toThrow(/part 1 of its rows cannot be read: its file is missing/);
  });

  it('go to the records where no file handle is given, and no empty file stays', async () => {
    fs.refuseHandles();
    await beginImport('no-handle-1', { fileName: 'n.csv', size: LARGE });
    await written('no-handle-1', LARGE, 2);
    expect((await recordsOf('no-handle-1')).every((r) => 'packed' in r)).toBe(true);
    expect(fs.files('no-handle-1')).toEqual([]);
    expect((await readChunks('no-handle-1')).map((c) => c.raw[0]![0])).toEqual(['CC0', 'CC1']);
  });

  it("that the site's storage cannot hold are refused as IndexedDB's refusal is said", async () => {
    await beginImport('full-1', { fileName: 'full.csv', size: LARGE });
    // Room for a little more than the first chunk: its file's first growth (4 MiB) is refused, its bytes are not.
    fs.setQuota(packChunk(chunkOf(0, 'CC0')).length + 10);
    const writes = ChunkWrites.begin('full-1', LARGE);
    await writes.add(chunkOf(0, 'CC0'));
    await expect(writes.add(chunkOf(1, 'CC1'))).rejects.toThrow(/its storage for this site is full/);
    await writes.settled();
    await abandonImport('full-1');
    expect(fs.files('full-1')).toEqual([]);
  });

  it('go with an abandoned import, and with a deleted dataset', async () => {
    await beginImport('abandoned-1', { fileName: 'a.csv', size: LARGE });
    await written('abandoned-1', LARGE, 2);
    await abandonImport('abandoned-1');
    expect(fs.files('abandoned-1')).toEqual([]);
    expect(await recordsOf('abandoned-1')).toEqual([]);

    await beginImport('deleted-1', { fileName: 'd.csv', size: LARGE });
    await written('deleted-1', LARGE, 2);
    await deleteDataset('deleted-1');
    expect(fs.files('deleted-1')).toEqual([]);
  });

  it("of a second half read again go, written or not yet named by a record; the first half's stay", async () => {
    await beginImport('halves-1', { fileName: 'h.csv', size: LARGE });
    await written('halves-1', LARGE, 2);
    await written('halves-1', LARGE, 2, 2);
    // A second half stopped part-way (its worker crashed): its bytes written, its records not yet.
    const crashed = ChunkWrites.begin('halves-1', LARGE);
    await crashed.add(chunkOf(4, 'CC4'));
    await crashed.settled();
    expect(fs.files('halves-1')).toHaveLength(3);
    const firstFile = (await recordsOf('halves-1'))[0]!;
    await deleteChunksFrom('halves-1', 2);
    expect((await recordsOf('halves-1')).map((r) => r.index)).toEqual([0, 1]);
    expect(fs.files('halves-1')).toEqual(['bytesAt' in firstFile ? firstFile.bytesAt.file.split('/')[1] : '']);
    expect((await readChunks('halves-1')).map((c) => c.raw[0]![0])).toEqual(['CC0', 'CC1']);
  });

  it('go into a workspace file as the same rows as bytes kept in the records: the same content hash', async () => {
    // One dataset's record, its chunks kept once in a file and once in the records: a workspace file's hash of the
    // dataset (its rows and its record) must not tell the two apart.
    const meta = { id: 'ws-1', name: 'ws.csv', kind: 'budget', chunkCount: 3, schema: 6 } as unknown as DatasetMeta;
    await beginImport('ws-1', { fileName: 'ws.csv', size: LARGE });
    await written('ws-1', LARGE, 3);
    expect(fs.files('ws-1')).toHaveLength(1);
    const fromFile = await datasetContentSha256(meta);
    await abandonImport('ws-1');
    await beginImport('ws-1', { fileName: 'ws.csv', size: 1 });
    await written('ws-1', 1, 3);
    expect(fs.files('ws-1')).toEqual([]);
    expect(await datasetContentSha256(meta)).toBe(fromFile);
    // And a changed row changes it (the hash reads the rows, not only the record).
    await abandonImport('ws-1');
    await beginImport('ws-1', { fileName: 'ws.csv', size: LARGE });
    await written('ws-1', LARGE, 2);
    const writes = ChunkWrites.begin('ws-1', LARGE);
    await writes.add(chunkOf(2, 'CHANGED'));
    await writes.done();
    expect(await datasetContentSha256(meta)).not.toBe(fromFile);
  });

  it('left by a writer that held its file open when its import was given up are swept at the next start', async () => {
    await beginImport('held-1', { fileName: 'held.csv', size: LARGE });
    const writes = ChunkWrites.begin('held-1', LARGE);
    await writes.add(chunkOf(0, 'CC0'));
    // The page gives the import up while the worker still holds its file: the file cannot be removed yet.
    await abandonImport('held-1');
    expect(fs.files('held-1')).toHaveLength(1);
    await writes.settled();
    // A stored dataset's files are kept.
    await beginImport('kept-1', { fileName: 'kept.csv', size: LARGE });
    await written('kept-1', LARGE, 1);
    const db = await openOutturnDb();
    await db.delete('settings', 'import-running/kept-1');
    await db.put('datasets', { id: 'kept-1' } as never);
    await sweepUnfinishedImports();
    expect(fs.files('held-1')).toEqual([]);
    expect(fs.files('kept-1')).toHaveLength(1);
  });
});
