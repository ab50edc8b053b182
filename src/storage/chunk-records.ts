import { isPackedChunk, packChunk, unpackChunk } from '../import/packed-chunk';
import type { StoredChunk } from '../import/stored-chunk';

/*
 * A stored chunk as IndexedDB keeps it since layout 4: its rows packed (src/import/packed-chunk.ts), beside the
 * few fields the store and its checks read without unpacking. About 37 bytes a row of the bench's ledger on
 * disk (Chromium compresses large values itself), where the structured clone of the decoded chunk took 47.
 * Reading gives back the decoded StoredChunk, cell for cell, so that nothing that reads rows knows how they
 * are kept. A record may also be deflated ('deflate-raw'), and is read either way.
 */

/** A chunk record of layout 4: what the `chunks` store holds. */
export interface PackedChunkRecord {
  datasetId: string;
  index: number;
  rowCount: number;
  /** packChunk's bytes, deflated when `deflated`. */
  packed: Uint8Array;
  deflated: boolean;
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

/** The record for a chunk of a dataset: packed and deflated. */
export async function chunkRecord(datasetId: string, chunk: StoredChunk): Promise<PackedChunkRecord> {
  const bytes = packChunk(chunk);
  const packed = DEFLATE ? await through(bytes, new CompressionStream('deflate-raw')) : bytes;
  return { datasetId, index: chunk.index, rowCount: chunk.rowCount, packed, deflated: DEFLATE };
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
