import type { ByteSource } from './run-import';

/** Bytes in memory as a ByteSource (a fetched sample file, tests, benchmarks). */
export function bytesSource(name: string, bytes: Uint8Array, chunkBytes = 1 << 20): ByteSource {
  return {
    name,
    size: bytes.length,
    range: (from, to) => bytesSource(name, bytes.subarray(from, to), chunkBytes),
    // eslint-disable-next-line @typescript-eslint/require-await -- bytes in memory are there at once; the interface is async for files
    async *chunks() {
      for (let i = 0; i < bytes.length; i += chunkBytes)
        yield bytes.subarray(i, Math.min(bytes.length, i + chunkBytes));
    },
  };
}

/**
 * A File (or Blob) as a ByteSource, read slice by slice: a file larger than a string can hold
 * (a V8 string stops near 512M characters) is never read whole.
 */
export function blobSource(name: string, blob: Blob, chunkBytes = 4 << 20): ByteSource {
  return {
    name,
    size: blob.size,
    blob,
    range: (from, to) => blobSource(name, blob.slice(from, to), chunkBytes),
    async *chunks() {
      for (let i = 0; i < blob.size; i += chunkBytes)
        yield new Uint8Array(await blob.slice(i, i + chunkBytes).arrayBuffer());
    },
    // Only for a proof of a file that fits memory (FileDigest, up to 256 MB): one read of a 90 MB Blob took
    // 82-175 ms in a Chromium worker, its 23 slices of 4 MB 208-547 ms.
    whole: async () => new Uint8Array(await blob.arrayBuffer()),
  };
}

/**
 * The pieces of a source, each asked for before the one before it is handed on: a File's slice is read off the
 * thread (the browser's I/O) while this thread works on the last, rather than after it. A failed read is thrown where
 * its piece is awaited (marked handled meanwhile, so that a reading stopped before then reports no stray rejection).
 */
export async function* readAhead(source: ByteSource): AsyncGenerator<Uint8Array, void, undefined> {
  const pieces = source.chunks()[Symbol.asyncIterator]();
  const ask = () => {
    const p = pieces.next();
    p.catch(() => undefined);
    return p;
  };
  let coming = ask();
  for (;;) {
    const next = await coming;
    if (next.done) return;
    coming = ask();
    yield next.value;
  }
}

/** The pieces as one array (the first `limit` bytes, or all). */
export function joined(pieces: readonly Uint8Array[], limit = Infinity): Uint8Array {
  const total = Math.min(
    limit,
    pieces.reduce((n, p) => n + p.length, 0),
  );
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of pieces) {
    if (at >= total) break;
    const part = p.subarray(0, total - at);
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Every byte of a source, in one array (a workbook, read whole once its size was checked; a window of a file). */
export async function allBytes(source: ByteSource): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for await (const chunk of source.chunks()) pieces.push(chunk.slice());
  return joined(pieces);
}
