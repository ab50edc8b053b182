import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../import/run-import';

/** A file on disk as a ByteSource, read in pieces so a large file is never held whole. */
export function fileSource(path: string, chunkBytes = 1 << 20, from = 0, to = statSync(path).size): ByteSource {
  return {
    name: basename(path),
    size: to - from,
    range: (a, b) => fileSource(path, chunkBytes, from + a, from + b),
    async *chunks() {
      if (to <= from) return;
      // createReadStream's `end` is the last byte read, not the one after it.
      for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes, start: from, end: to - 1 })) {
        yield new Uint8Array((chunk as Buffer).buffer, (chunk as Buffer).byteOffset, (chunk as Buffer).byteLength);
      }
    },
  };
}

export { bytesSource } from '../import/byte-sources';
