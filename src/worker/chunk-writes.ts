import type { StoredChunk } from '../import/stored-chunk';
import { chunkRecords } from '../storage/chunk-records';
import { putImportChunkRecords } from '../storage/datasets';

/*
 * The writing of an import's chunks (and of a second half's, read by another worker: part-job.ts), a few at a
 * time, so that reading goes on while IndexedDB writes.
 */

/** Where an import's time goes (ms), for the benchmarks (import-jobs.ts ImportTimings). */
type Timings = Record<string, number>;

/** Chunks written at once: the session goes on reading while IndexedDB writes, with at most this many waiting. */
const WRITES_IN_FLIGHT = 32;

/** Writes the chunks of one import, a few at a time, so that reading goes on while IndexedDB writes. */
export class ChunkWrites {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly datasetId: string,
    private readonly timings?: Timings,
  ) {}

  private check(): void {
    if (this.failure) throw this.failure.error;
  }

  async add(chunk: StoredChunk): Promise<void> {
    this.check();
    const t0 = performance.now();
    const records = await chunkRecords(this.datasetId, chunk);
    const t1 = performance.now();
    const write = putImportChunkRecords(this.datasetId, records).then(
      () => void this.inFlight.delete(write),
      (error: unknown) => {
        this.inFlight.delete(write);
        this.failure ??= { error };
      },
    );
    this.inFlight.add(write);
    if (this.inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(this.inFlight);
    if (this.timings) {
      this.timings.pack = (this.timings.pack ?? 0) + t1 - t0;
      this.timings.writeWait = (this.timings.writeWait ?? 0) + performance.now() - t1;
    }
    this.check();
  }

  async done(): Promise<void> {
    await Promise.all(this.inFlight);
    this.check();
  }

  /** Waits for every write begun to end, well or not (a stopped reading leaves no write running behind it). */
  async settled(): Promise<void> {
    await Promise.allSettled(this.inFlight);
  }
}
