import { isPackedChunk, packChunk, unpackChunk } from '../import/packed-chunk';
import type { StoredChunk } from '../import/stored-chunk';
import { readChunkFile, type ChunkFile, type ChunkFileRange, type ChunkFileReader } from './chunk-files';

/*
 * A stored chunk as IndexedDB keeps it since layout 4: its rows packed (src/import/packed-chunk.ts), beside the
 * few fields the store and its checks read without unpacking. About 24 bytes a row of the bench's ledger on
 * disk (40 before amounts and references were packed as such), where the structured clone of the decoded chunk
 * took 47.
 * Reading gives back the decoded StoredChunk, cell for cell, so that nothing that reads rows knows how they
 * are kept. A record may also be deflated ('deflate-raw'), and is read either way.
 */

/** A chunk record of layout 4: what the `chunks` store holds. */
export interface PackedChunkRecord {
  datasetId: string;
  index: number;
  rowCount: number;
  /** packChunk's bytes, deflated when `deflated`: all of them, or the first piece of `pieces` (see below). */
  packed: Uint8Array;
  deflated: boolean;
  /** How many pieces the bytes are kept in, this record's own first: absent (or 1) where they are all here. */
  pieces?: number;
}

/**
 * A chunk record whose bytes are in a file (chunk-files.ts): a large import's, written by the worker that packed them.
 * Read, it is given as a PackedChunkRecord with its bytes (`withBytes`), so that nothing past this file knows.
 */
export interface FiledChunkRecord {
  datasetId: string;
  index: number;
  rowCount: number;
  deflated: false;
  /** Where the packed bytes are. */
  bytesAt: ChunkFileRange;
}

/** A further piece of a chunk's bytes (see below): piece 1, 2 ... of its chunk, in the `chunks` store too. */
export interface ChunkPieceRecord {
  datasetId: string;
  /** Between the chunk's own index and the next chunk's: chunk + piece / PIECE_KEYS. */
  index: number;
  piece: number;
  packed: Uint8Array;
}

/*
 * A chunk's bytes in pieces. Chromium keeps an IndexedDB value whose serialized bytes pass 64 KiB as a blob of its
 * own beside the database (Blink's IDBValueWrapper::kWrapThreshold), and that costs far more than the bytes: a million-row
 * import's 100 chunks of about 360 kB took 7.5 s of the browser's CPU (choose -> receipt 5.0 s at best); the same
 * bytes kept in values under the threshold, 5.8 s (3.9 s). So a chunk's bytes are kept in pieces of at most
 * PIECE_BYTES: its own record holds the first, and each further piece is a record of its own whose key lies
 * between the chunk's and the next chunk's, [datasetId, chunk + piece / PIECE_KEYS] (exact in binary). Whatever
 * deletes a dataset's chunks (by dataset, by a range of indices) deletes their pieces with them; a reader reads a
 * chunk as the records from its key to the next chunk's (chunkRange), and counts chunks by whole indices only.
 */
const PIECE_BYTES = 60_000;
const PIECE_KEYS = 1024;

/** Whether a key's index in the `chunks` store is a chunk's own (a piece's lies between two chunks'). */
export const isChunkIndex = (index: number): boolean => Number.isInteger(index);

/** The keys of a chunk's record and its pieces. */
export const chunkRange = (datasetId: string, index: number): IDBKeyRange =>
  IDBKeyRange.bound([datasetId, index], [datasetId, index + 1], false, true);

/** The records that keep a chunk's bytes: its own (with the first piece), then its further pieces in order. */
function inPieces(record: PackedChunkRecord): (PackedChunkRecord | ChunkPieceRecord)[] {
  const bytes = record.packed;
  if (bytes.length <= PIECE_BYTES) return [record];
  // At most PIECE_KEYS pieces: a chunk of more than 61 MB has larger ones (kept as blobs, slower, still exact).
  const size = Math.max(PIECE_BYTES, Math.ceil(bytes.length / PIECE_KEYS));
  const pieces = Math.ceil(bytes.length / size);
  const records: (PackedChunkRecord | ChunkPieceRecord)[] = [{ ...record, packed: bytes.slice(0, size), pieces }];
  for (let k = 1; k < pieces; k++) {
    const index = record.index + k / PIECE_KEYS;
    records.push({ datasetId: record.datasetId, index, piece: k, packed: bytes.slice(k * size, (k + 1) * size) });
  }
  return records;
}

/**
 * A chunk's record with its bytes whole, from the records of its range (chunkRange, in key order), or why not:
 * a piece missing, out of place or not a piece. A record without pieces (all stored before them) is given as it is.
 */
export function joinPieces(records: readonly unknown[]): { record: unknown } | { problem: string } {
  const first = records[0];
  if (!isPackedRecord(first) || (first.pieces ?? 1) <= 1) {
    return records.length <= 1 ? { record: first } : { problem: 'has records after it that are not its pieces' };
  }
  const n = first.pieces!;
  if (records.length !== n) return { problem: `was kept in ${n} pieces, ${records.length} are there` };
  let total = 0;
  for (let k = 0; k < n; k++) {
    const r = records[k] as Partial<ChunkPieceRecord>;
    if (k > 0 && r.piece !== k) return { problem: `has piece ${k + 1} of ${n} missing or out of place` };
    if (Object.prototype.toString.call(r.packed) !== '[object Uint8Array]')
      return { problem: `has piece ${k + 1} of ${n} damaged` };
    total += r.packed!.length;
  }
  const packed = new Uint8Array(total);
  let at = 0;
  for (const r of records) {
    packed.set((r as ChunkPieceRecord).packed, at);
    at += (r as ChunkPieceRecord).packed.length;
  }
  const whole: PackedChunkRecord = { ...first, packed };
  delete whole.pieces;
  return { record: whole };
}

/** Whether a stored record keeps its bytes in a file. */
function isFiledRecord(record: unknown): record is FiledChunkRecord {
  const at = (record as { bytesAt?: Partial<ChunkFileRange> } | null)?.bytesAt;
  return (
    typeof at === 'object' &&
    at !== null &&
    typeof at.file === 'string' &&
    Number.isSafeInteger(at.offset) &&
    Number.isSafeInteger(at.length)
  );
}

/**
 * A chunk's record with its bytes whole and in memory, from the records of its range (chunkRange, in key order):
 * its pieces joined, or its bytes read from its file; or why not (a piece or the file missing, out of place,
 * damaged). A record without pieces or file (all stored before them) is given as it is. `reader`: chunks asked for
 * in the order they were written, read several at once.
 */
export async function withBytes(
  records: readonly unknown[],
  reader?: ChunkFileReader,
): Promise<{ record: unknown } | { problem: string }> {
  const first = records[0];
  if (!isFiledRecord(first)) return joinPieces(records);
  if (records.length > 1) return { problem: 'has records after it that are not its pieces' };
  try {
    const packed = await readChunkFile(first.bytesAt, reader);
    const { datasetId, index, rowCount } = first;
    return { record: { datasetId, index, rowCount, packed, deflated: false } satisfies PackedChunkRecord };
  } catch (error) {
    return { problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Whether chunks are deflated before they are stored. Chromium compresses large IndexedDB values itself
 * (snappy, in the browser's own code, far faster than deflate in a worker), so the packed bytes are stored
 * as they are; deflate stays readable (and is what a browser without that compression would want).
 */
const DEFLATE = false;

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  // Bytes that do not decompress fail both sides: the read's failure is the one reported.
  written.catch(() => undefined);
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parts.push(value);
    total += value.length;
  }
  await written;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The records for a chunk of a dataset: packed (deflated where DEFLATE), in pieces where large (above). */
export async function chunkRecords(
  datasetId: string,
  chunk: StoredChunk,
): Promise<(PackedChunkRecord | ChunkPieceRecord)[]> {
  const bytes = packChunk(chunk);
  const packed = DEFLATE ? await through(bytes, new CompressionStream('deflate-raw')) : bytes;
  return inPieces({ datasetId, index: chunk.index, rowCount: chunk.rowCount, packed, deflated: DEFLATE });
}

/** The record for a chunk of a dataset whose bytes, packed, are written to `file` (where they are, in one record). */
export function filedChunkRecord(datasetId: string, chunk: StoredChunk, file: ChunkFile): FiledChunkRecord {
  const bytesAt = file.append(packChunk(chunk));
  return { datasetId, index: chunk.index, rowCount: chunk.rowCount, deflated: false, bytesAt };
}

/** Whether a stored record is of layout 4 (packed), by its fields. */
export function isPackedRecord(record: unknown): record is PackedChunkRecord {
  return (
    typeof record === 'object' &&
    record !== null &&
    Object.prototype.toString.call((record as { packed?: unknown }).packed) === '[object Uint8Array]'
  );
}

/** A deflated record's packed bytes (throws where they do not decompress). */
export const inflated = (bytes: Uint8Array): Promise<Uint8Array> =>
  through(bytes, new DecompressionStream('deflate-raw'));

/** A packed record's chunk, or why it cannot be read (in words). Never throws on a damaged record. */
export async function chunkOfRecord(record: PackedChunkRecord): Promise<{ chunk: StoredChunk } | { problem: string }> {
  let bytes: Uint8Array;
  try {
    bytes = record.deflated ? await through(record.packed, new DecompressionStream('deflate-raw')) : record.packed;
  } catch {
    return { problem: 'its bytes do not decompress' };
  }
  if (!isPackedChunk(bytes)) return { problem: 'its bytes are not a packed chunk' };
  const unpacked = unpackChunk(bytes);
  if (!unpacked.ok) return { problem: unpacked.reason };
  if (unpacked.value.index !== record.index || unpacked.value.rowCount !== record.rowCount)
    return { problem: 'its rows are not those its record names' };
  return { chunk: unpacked.value };
}
