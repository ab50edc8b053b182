// A chunk record of layout 4 gives back the chunk it was made from, whether its bytes are stored as packed or
// deflated; a damaged record is said in words, never thrown, so that readChunks can name the dataset.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packChunk } from '../../../src/import/packed-chunk';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import { chunkOfRecord, chunkRecord, isPackedRecord } from '../../../src/storage/chunk-records';

const chunk: StoredChunk = {
  index: 3,
  rowCount: 2,
  lines: Uint32Array.from([40, 41]),
  warned: Uint8Array.from([0, 1]),
  raw: [
    ['01234', '01234'],
    ['"1,234.56"', '(0.01)'],
  ],
  pence: { amount: Float64Array.from([123456, -1]) },
  periods: Uint8Array.from([12, 13]),
  dates: { postingDate: Uint32Array.from([20180331, 20180331]) },
};

describe('chunk records', () => {
  it('are packed, and read back cell for cell', async () => {
    const record = await chunkRecord('d1', chunk);
    expect(isPackedRecord(record)).toBe(true);
    expect(record).toMatchObject({ datasetId: 'd1', index: 3, rowCount: 2 });
    const read = await chunkOfRecord(record);
    expect('chunk' in read && read.chunk.raw).toEqual(chunk.raw);
    expect('chunk' in read && Array.from(read.chunk.pence.amount!)).toEqual([123456, -1]);
  });

  it('read a deflated record too (deflated here by zlib, not by the code under test)', async () => {
    const packed = new Uint8Array(deflateRawSync(packChunk(chunk)));
    const read = await chunkOfRecord({ datasetId: 'd1', index: 3, rowCount: 2, packed, deflated: true });
    expect('chunk' in read && read.chunk.raw).toEqual(chunk.raw);
    expect('chunk' in read && Array.from(read.chunk.lines)).toEqual([40, 41]);
  });

  it('say what is wrong with a damaged record', async () => {
    const good = await chunkRecord('d1', chunk);
    expect(await chunkOfRecord({ ...good, packed: Uint8Array.from([1, 2, 3]), deflated: true })).toEqual({
      problem: 'its bytes do not decompress',
    });
    expect(await chunkOfRecord({ ...good, packed: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) })).toEqual({
      problem: 'its bytes are not a packed chunk',
    });
    expect(await chunkOfRecord({ ...good, index: 4 })).toEqual({ problem: 'its rows are not those its record names' });
  });
});
