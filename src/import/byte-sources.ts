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
 * A File (or Blob) as a ByteSource, read as a stream into a few buffers used in turn (streamedPieces): a file larger
 * than a string can hold (a V8 string stops near 512M characters) is never read whole, and reading it takes no new
 * memory a piece. A piece is good until the one after the next is asked for (ByteSource.chunks).
 */
export function blobSource(name: string, blob: Blob, chunkBytes = 4 << 20): ByteSource {
  return {
    name,
    size: blob.size,
    blob,
    range: (from, to) => blobSource(name, blob.slice(from, to), chunkBytes),
    chunks: () => streamedPieces(blob, chunkBytes),
  };
}

/** Buffers a Blob's stream is read into, in turn: a piece is overwritten only when the one after the next is asked for. */
const PIECE_BUFFERS = 3;

/**
 * The readers reading (from their first read to their end), held here only so that they stay reachable. Chromium
 * (156) loses a read of a Blob's stream in a worker when a full garbage collection runs while it is pending and
 * nothing reachable holds the reader: the read never settles, with no error, and the import waits for ever (6 bench
 * runs of 10 stalled so). Nothing else holds it: the import's chain of awaits is reachable only from that pending
 * read. Measured with a page of its own (bench/blob-stream-gc.ts): a collection every 3 ms lost a read in 5 runs of
 * 5 with the reader held by nothing, and in none of 5 with it held here.
 */
const readersInUse = new Set<ReadableStreamBYOBReader>();

/** How many readers of a Blob's stream are under way (for the tests: none is left behind). */
export const blobReadersInUse = (): number => readersInUse.size;

/**
 * A Blob's bytes in pieces of `size` (the last shorter), read from its stream with a reader that fills buffers of
 * ours ("bring your own buffer"), the same few in turn. Why not a slice's arrayBuffer() a piece: each read then
 * takes new memory (and the browser's side of it more again), and on this project's machines a page of memory
 * touched for the first time costs about 14 us. For a 90 MB ledger in Chromium, 4 MB slices took 620-1,220 ms and
 * 140-200 MB of new pages, the stream into three 4 MB buffers 100-640 ms and 5-50 MB. Where a stream cannot be
 * read so (an older browser, a platform without byte streams), slice by slice as before.
 */
async function* streamedPieces(blob: Blob, size: number): AsyncGenerator<Uint8Array> {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = blob.stream().getReader({ mode: 'byob' });
  } catch {
    yield* slicedPieces(blob, size);
    return;
  }
  const buffers: (ArrayBuffer | null)[] = new Array<ArrayBuffer | null>(PIECE_BUFFERS).fill(null);
  let turn = 0;
  let ended = false;
  let read = 0;
  readersInUse.add(reader);
  try {
    while (!ended) {
      // A read fills what the stream has at hand: read on into the same buffer until it is full, or the file ends.
      // Each read hands the buffer to the stream and back (it is transferred): the one given back is kept.
      let buffer = buffers[turn] ?? new ArrayBuffer(size);
      let filled = 0;
      while (filled < size) {
        const r = await reader.read(new Uint8Array(buffer, filled, size - filled)).catch(async (error: unknown) => {
          // A stream's read that fails says only "network error" (a file changed as it was read, say): a slice's read
          // says what it was, where it can.
          await readsAsChosen(blob);
          throw error;
        });
        if (r.value) buffer = r.value.buffer;
        if (r.done) {
          ended = true;
          break;
        }
        filled += r.value.byteLength;
      }
      buffers[turn] = buffer;
      turn = (turn + 1) % PIECE_BUFFERS;
      read += filled;
      if (ended) await unchangedSince(blob, read);
      if (filled > 0) yield new Uint8Array(buffer, 0, filled);
    }
  } finally {
    // Read to the end, or stopped early (a preview needs the first megabyte): the stream is let go either way.
    readersInUse.delete(reader);
    if (!ended) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * Throws as a slice's read would (NotFoundError, NotReadableError) where the file on disk was deleted, changed or cut
 * short since it was chosen. A stream reads through the file it opened, and on Linux Chromium 156 said nothing of a
 * change: a file deleted part-way was read to its end (its bytes as chosen, which is harmless), but one rewritten in
 * place gave the new bytes from there on, and one cut short ended early, with no error either way. A slice's read
 * checks the file against the one chosen (its time of change), so one small read after the last piece says whether
 * every piece before it was the file as chosen.
 */
async function unchangedSince(blob: Blob, read: number): Promise<void> {
  if (read !== blob.size)
    throw new DOMException(`${read} bytes read of ${blob.size}: the file changed as it was read`, 'NotReadableError');
  await readsAsChosen(blob);
}

/** One byte read through a slice: it fails (NotFoundError, NotReadableError) where the file is not as chosen. */
async function readsAsChosen(blob: Blob): Promise<void> {
  if (blob.size > 0) await blob.slice(0, 1).arrayBuffer();
}

/** A Blob's bytes in pieces of `size`, each slice read on its own (new memory each). */
async function* slicedPieces(blob: Blob, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < blob.size; i += size) yield new Uint8Array(await blob.slice(i, i + size).arrayBuffer());
}

/**
 * The pieces of a source, each asked for before the one before it is handed on: a File's next piece is read off the
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
  let ended = false;
  try {
    for (;;) {
      const next = await coming;
      if (next.done) {
        ended = true;
        return;
      }
      coming = ask();
      yield next.value;
    }
  } finally {
    // Stopped early (the second half read to where the first took over, a failure): the piece read ahead is let go,
    // and with it the source's reader (closed once that read settles), rather than left suspended for good.
    if (!ended) void pieces.return?.().catch(() => undefined);
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
