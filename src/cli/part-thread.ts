// The second half of a large file read on a thread of its own (node-split.ts), as the browser's part worker reads
// it: its chunks packed as they would be stored (the CLI keeps none; the benchmark counts their bytes). One thread
// for the process, taking one request after another: a thread's start (tsx compiling the import's code) costs a
// second of CPU, more than reading half of a million rows.
import { parentPort } from 'node:worker_threads';
import type { ImportPlan } from '../import/import-plan';
import { packChunk } from '../import/packed-chunk';
import { readPart, type CutCount } from '../import/split-import';
import { bytesSource, fileSource } from './node-source';

export interface PartThreadRequest {
  id: number;
  name: string;
  /** The file on disk, or its bytes (in shared memory, not copied). */
  path?: string;
  bytes?: Uint8Array;
  plan: ImportPlan;
  cut: number;
  pack: boolean;
  counted: CutCount | null;
}

let queue = Promise.resolve();
parentPort!.on('message', (r: PartThreadRequest) => {
  queue = queue.then(async () => {
    const source = r.path ? fileSource(r.path, 4 << 20) : bytesSource(r.name, r.bytes!, 4 << 20);
    let packed = 0;
    try {
      const outcome = await readPart(
        source,
        r.plan,
        r.cut,
        (chunk) => {
          if (r.pack) packed += packChunk(chunk).length;
        },
        { counted: r.counted },
      );
      parentPort!.postMessage({ id: r.id, outcome, packed });
    } catch (error) {
      parentPort!.postMessage({
        id: r.id,
        outcome: null,
        failed: error instanceof Error ? error.message : String(error),
      });
    }
  });
});
parentPort!.postMessage({ ready: true });
