import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../import/run-import';

/** A file on disk as a ByteSource, read in pieces so a large file is never held whole. */
export function fileSource(path: string, chunkBytes = 1 << 20): ByteSource {
  const size = statSync(path).size;
  return {
    name: basename(path),
    size,
    async *chunks() {
      for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
        yield new Uint8Array((chunk as Buffer).buffer, (chunk as Buffer).byteOffset, (chunk as Buffer).byteLength);
      }
    },
  };
}

export { bytesSource } from '../import/byte-sources';
