import type { StoredChunk } from '../import/stored-chunk';
import {
  chunkRecords,
  filedChunkRecord,
  type ChunkPieceRecord,
  type FiledChunkRecord,
  type PackedChunkRecord,
} from '../storage/chunk-records';
import { ChunkFile } from '../storage/chunk-files';
import { putImportChunkRecords, StorageRefused } from '../storage/datasets';

/*
 * The writing of an import's chunks (and of a second half's, read by another worker: part-job.ts), a few at a
 * time and several chunks to a transaction, so that reading goes on while IndexedDB writes.
 */

/** Where an import's time goes (ms), for the benchmarks (import-jobs.ts ImportTimings). */
type Timings = Record<string, number>;

/**
 * Writes begun at once: the session goes on reading while IndexedDB writes, with at most this many waiting (about
 * 8.6 MB of records, less than the 32 writes of 360 kB before BATCH_BYTES grew).
 */
const WRITES_IN_FLIGHT = 6;

/**
 * Bytes of chunk records gathered into one write (one transaction): a transaction costs far more than its bytes, and
 * chunks are small (CHUNK_ROWS, stored-chunk.ts: about 54 kB of an ordinary ledger). Written a chunk a transaction, a
 * million rows' 667 chunks waited 1.7 s on IndexedDB in Chromium, against 0.06 s for the same bytes in 100
 * transactions. In 25 transactions (1.44 MB each, not 360 kB), the second half's last writes, queued behind the first
 * half's, waited 262-704 ms, not 803-1,074, and the first half waited 0-242 ms for the second, not 394-639 (six
 * runs each of the browser bench's million rows, alternating, 32 writes waiting); with six waiting, 260-514 ms and
 * 0 ms (three runs).
 */
const BATCH_BYTES = 1_440_000;

/**
 * Files from this size on keep their chunks' bytes in a file of their own (chunk-files.ts), written by the worker that
 * packs them; smaller ones in IndexedDB's records, as before (a file costs its opening, four round trips to the
 * browser's process, and the embedded sample's 27 small imports at the first start would pay it 27 times for little).
 */
const FILED_FROM_BYTES = 4 * 1024 * 1024;

/** Writes the chunks of one import, a few at a time, so that reading goes on while IndexedDB writes. */
export class ChunkWrites {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;
  /** Records packed and not yet written: written together once BATCH_BYTES are here, or at `done`. */
  private batch: (PackedChunkRecord | ChunkPieceRecord | FiledChunkRecord)[] = [];
  private batchBytes = 0;

  private constructor(
    private readonly datasetId: string,
    private readonly timings: Timings | undefined,
    /** Whether the chunks' bytes are to be written to a file (opened at the first chunk, named by its index). */
    private readonly filing: boolean,
  ) {}

  /** Where the chunks' bytes are written, when in a file; null: in the records. */
  private file: ChunkFile | null = null;
  private opened = false;

  /** The writes of an import's chunks from a file of `fileSize` bytes (its bytes in a file where large: above). */
  static begin(datasetId: string, fileSize: number, timings?: Timings): ChunkWrites {
    return new ChunkWrites(datasetId, timings, fileSize >= FILED_FROM_BYTES);
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }

  async add(chunk: StoredChunk): Promise<void> {
    this.check();
    if (this.filing && !this.opened) {
      this.opened = true;
      this.file = await ChunkFile.open(this.datasetId, chunk.index);
    }
    const t0 = performance.now();
    const records = this.file ? [this.filed(chunk)] : await chunkRecords(this.datasetId, chunk);
    const t1 = performance.now();
    for (const r of records) {
      this.batch.push(r);
      this.batchBytes += 'bytesAt' in r ? r.bytesAt.length : r.packed.length;
    }
    if (this.batchBytes >= BATCH_BYTES) {
      this.write();
      if (this.inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(this.inFlight);
    }
    if (this.timings) {
      this.timings.pack = (this.timings.pack ?? 0) + t1 - t0;
      this.timings.writeWait = (this.timings.writeWait ?? 0) + performance.now() - t1;
    }
    this.check();
  }

  /** A chunk's bytes written to the file; a refusal (the disk or the site's quota full) said as IndexedDB's is. */
  private filed(chunk: StoredChunk): FiledChunkRecord {
    try {
      return filedChunkRecord(this.datasetId, chunk, this.file!);
    } catch (error) {
      throw error instanceof DOMException ? new StorageRefused(error) : error;
    }
  }

  /** Begins writing the records gathered, in one transaction. */
  private write(): void {
    if (this.batch.length === 0) return;
    const write = putImportChunkRecords(this.datasetId, this.batch).then(
      () => void this.inFlight.delete(write),
      (error: unknown) => {
        this.inFlight.delete(write);
        this.failure ??= { error };
      },
    );
    this.inFlight.add(write);
    this.batch = [];
    this.batchBytes = 0;
  }

  /** Writes what is gathered and waits for every write; the file, if any, is flushed and closed first. */
  async done(): Promise<void> {
    this.closeFile();
    this.write();
    await Promise.all(this.inFlight);
    this.check();
  }

  /**
   * Waits for every write begun to end, well or not, and closes the file (a stopped reading leaves no write running
   * behind it, and no file held open that its import's abandonment must remove).
   */
  async settled(): Promise<void> {
    try {
      this.closeFile();
    } catch {
      // The reading has stopped already, with its own error.
    }
    await Promise.allSettled(this.inFlight);
  }

  private closeFile(): void {
    const file = this.file;
    this.file = null;
    file?.close();
  }
}
