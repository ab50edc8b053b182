// A chunk record of layout 4 gives back the chunk it was made from, whether its bytes are stored as packed or
// deflated; a damaged record is said in words, never thrown, so that readChunks can name the dataset.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateLedger } from '../../../bench/generate-ledger';
import { bytesSource } from '../../../src/import/byte-sources';
import { packChunk } from '../../../src/import/packed-chunk';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import {
  chunkOfRecord,
  chunkRecords,
  isChunkIndex,
  isPackedRecord,
  joinPieces,
  type PackedChunkRecord,
} from '../../../src/storage/chunk-records';
import { importWhole } from '../helpers/receipt-of';

const chunkRecord = async (datasetId: string, c: StoredChunk): Promise<PackedChunkRecord> => {
  const records = await chunkRecords(datasetId, c);
  expect(records).toHaveLength(1);
  return records[0] as PackedChunkRecord;
};

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

describe('chunk records in pieces', () => {
  /** A chunk of `rows` rows whose cells hardly repeat: its packed bytes grow with it. */
  const big = (rows: number): StoredChunk => ({
    index: 7,
    rowCount: rows,
    lines: Uint32Array.from({ length: rows }, (_, i) => i + 2),
    warned: new Uint8Array(rows),
    raw: [Array.from({ length: rows }, (_, i) => `REF-${i}-${(i * 7919) % 104729}`)],
    pence: { amount: Float64Array.from({ length: rows }, (_, i) => i * 3) },
    periods: new Uint8Array(rows).fill(1),
    dates: {},
  });

  it('a chunk whose bytes pass 60 kB is kept in pieces, each under 64 KiB, keyed between it and the next chunk', async () => {
    const c = big(20_000);
    const packed = packChunk(c);
    expect(packed.length).toBeGreaterThan(3 * 60_000);
    const records = await chunkRecords('d1', c);
    expect(records.length).toBe(Math.ceil(packed.length / 60_000));
    for (const r of records) expect(r.packed.length).toBeLessThanOrEqual(60_000);
    const indices = records.map((r) => r.index);
    expect(indices[0]).toBe(7);
    expect(indices.slice(1).every((i) => i > 7 && i < 8 && !isChunkIndex(i))).toBe(true);
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
    // Each piece is its own bytes: not a view of the whole (a structured clone would keep all of it).
    for (const r of records) expect(r.packed.byteLength).toBe(r.packed.buffer.byteLength);

    const joined = joinPieces(records);
    if (!('record' in joined)) throw new Error(joined.problem);
    expect(Array.from((joined.record as PackedChunkRecord).packed)).toEqual(Array.from(packed));
    const read = await chunkOfRecord(joined.record as PackedChunkRecord);
    expect('chunk' in read && read.chunk.raw).toEqual(c.raw);
  });

  it('a piece missing, out of place or damaged is said, not read as rows', async () => {
    const records = await chunkRecords('d1', big(20_000));
    expect(joinPieces(records.slice(0, -1))).toEqual({
      problem: `was kept in ${records.length} pieces, ${records.length - 1} are there`,
    });
    const swapped = [records[0], records[2], records[1], ...records.slice(3)];
    expect(joinPieces(swapped)).toEqual({ problem: `has piece 2 of ${records.length} missing or out of place` });
    const damaged = [...records];
    damaged[1] = { ...damaged[1]!, packed: 'not bytes' as unknown as Uint8Array };
    expect(joinPieces(damaged)).toEqual({ problem: `has piece 2 of ${records.length} damaged` });
    const small = await chunkRecords('d1', chunk);
    expect(joinPieces([...small, records[1]])).toEqual({ problem: 'has records after it that are not its pieces' });
  });
});

describe('chunks as the import cuts them', () => {
  // The drill-down's first page reads whole the chunks that hold its lines (up to one per line): a chunk of an
  // ordinary ledger must be one record, under Chromium's 64 KiB threshold, not 360 kB kept in six pieces as the
  // 10,000-row chunks were. The bench's ledger (10 columns, quoted fields, long descriptions), 4,000 rows.
  it('hold 1,500 rows, each chunk of an ordinary ledger one record', async () => {
    const { text } = generateLedger(4_000, 5);
    const { chunks, result } = await importWhole(bytesSource('gl.csv', new TextEncoder().encode(text)));
    expect(result.rows).toMatchObject({ read: 4_000, accepted: 4_000 });
    expect(chunks.map((c) => c.rowCount)).toEqual([1_500, 1_500, 1_000]);
    for (const c of chunks) {
      const records = await chunkRecords('d1', c);
      expect(records).toHaveLength(1);
      expect((records[0] as PackedChunkRecord).packed.length).toBeLessThan(60_000);
    }
  });
});
