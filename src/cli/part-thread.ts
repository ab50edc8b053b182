// The second half of a large file read on a thread of its own (node-split.ts), as the browser's part worker reads
// it: its chunks packed as they would be stored (the CLI keeps none; the benchmark counts their bytes).
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportPlan } from '../import/import-plan';
import { packChunk } from '../import/packed-chunk';
import { readPart } from '../import/split-import';
import { bytesSource, fileSource } from './node-source';

export interface PartThreadData {
  name: string;
  /** The file on disk, or its bytes (shared, not copied). */
  path?: string;
  bytes?: Uint8Array;
  plan: ImportPlan;
  cut: number;
  pack: boolean;
}

const data = workerData as PartThreadData;
const source = data.path ? fileSource(data.path, 4 << 20) : bytesSource(data.name, data.bytes!, 4 << 20);
let packed = 0;
readPart(source, data.plan, data.cut, (chunk) => {
  if (data.pack) packed += packChunk(chunk).length;
}).then(
  (outcome) => parentPort!.postMessage({ outcome, packed }),
  (error: unknown) => parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) }),
);
