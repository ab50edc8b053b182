import { LabelCollector } from '../import/dataset-labels';
import type { ImportPlan } from '../import/import-plan';
import { indexColumnsOf, LineIndexBuilder, type LineIndexPart } from '../import/line-index';
import type { ByteSource } from '../import/run-import';
import { readPart, type CutCount, type PartOutcome } from '../import/split-import';
import { ChunkWrites } from './chunk-writes';

/*
 * The second half of a large file, read by a worker of its own on the other core (split-import.ts): its chunks
 * written under the import's dataset (numbered after the first half's), its lines noted for the drill-down's index
 * and its labels gathered, all handed back for the import to take in, or to drop (its chunks then deleted by the
 * import).
 */

export interface PartRequest {
  name: string;
  file: Blob;
  plan: ImportPlan;
  cut: number;
  datasetId: string;
  /** The proof's count before the cut comes in a message of its own (PartCountMessage), when made. */
  countComing: boolean;
}

export interface PartReply {
  outcome: PartOutcome | null;
  /** The half's lines for a ledger's index (null for other files, or where nothing was read). */
  index: LineIndexPart | null;
  labels: string[];
  /** Where the half's time went (ms), when the benchmark asked. */
  timings?: Record<string, number>;
}

export async function partJob(
  source: ByteSource,
  request: PartRequest,
  onProgress: (bytes: number, rows: number) => void,
  timings?: Record<string, number>,
  counted?: Promise<CutCount | null>,
): Promise<PartReply> {
  const { plan, datasetId } = request;
  const writes = ChunkWrites.begin(datasetId, request.file.size, timings);
  const labels = new LabelCollector(plan);
  let index: LineIndexBuilder | null = null;
  try {
    const outcome = await readPart(
      source,
      plan,
      request.cut,
      (chunk) => {
        if (plan.kind === 'ledger') {
          // Numbered from the half's first chunk, which readPart decides.
          index ??= new LineIndexBuilder(indexColumnsOf(plan), chunk.index);
          index.note(chunk);
        }
        labels.add(chunk);
        return writes.add(chunk);
      },
      { onProgress, timings, counted },
    );
    const t = performance.now();
    await writes.done();
    if (timings) timings.partStoreWait = performance.now() - t;
    // A ledger's half with no chunk (every row of it rejected) notes no line.
    const noted =
      outcome && plan.kind === 'ledger'
        ? (index ?? new LineIndexBuilder(indexColumnsOf(plan), outcome.part.start.chunkIndex))
        : null;
    return { outcome, index: noted?.part() ?? null, labels: labels.labels, ...(timings ? { timings } : {}) };
  } finally {
    await writes.settled();
  }
}
