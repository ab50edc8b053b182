// A File is read as a stream into a few buffers used in turn (blobSource): every byte comes once and in order, in
// pieces of the size asked (the last shorter), whatever sizes the stream's own reads come in; a piece stays as it was
// while the next is read ahead (importRows and readPart ask for the next piece before they read the one they have);
// a reading stopped early lets the stream go; where a stream cannot be read into our buffers, slices are read; the
// reader is held while it reads (Chromium loses a pending read whose reader only that read holds), and let go after.
import { describe, expect, it, vi } from 'vitest';
import { blobReadersInUse, blobSource, readAhead } from '../../../src/import/byte-sources';

/** Bytes that are not a repeated pattern (a linear congruential sequence), so a piece dropped, doubled or overwritten shows. */
function someBytes(n: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The bytes as a Blob of many parts of uneven sizes (a stream's reads then end at other places than the pieces). */
function blobOf(bytes: Uint8Array<ArrayBuffer>): Blob {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0, k = 1; at < bytes.length; k++) {
    const n = Math.min(bytes.length - at, 997 * k);
    parts.push(bytes.slice(at, at + n));
    at += n;
  }
  return new Blob(parts);
}

describe('a File read in pieces', () => {
  it('gives every byte once, in order, in pieces of the size asked, for sizes around the piece size', async () => {
    const size = 64 << 10;
    for (const n of [0, 1, size - 1, size, size + 1, 5 * size + 12_345]) {
      const bytes = someBytes(n, n + 1);
      const pieces: Uint8Array[] = [];
      for await (const piece of blobSource('ledger.csv', blobOf(bytes), size).chunks()) pieces.push(piece.slice());
      const lengths = pieces.map((p) => p.length);
      const expected = Array.from({ length: Math.ceil(n / size) }, (_, i) => Math.min(size, n - i * size));
      expect(lengths).toEqual(expected);
      const joined = new Uint8Array(n);
      let at = 0;
      for (const p of pieces) {
        joined.set(p, at);
        at += p.length;
      }
      expect(joined).toEqual(bytes);
    }
  });

  it('keeps a piece as it was while the next is read ahead, and the one after that', async () => {
    const size = 16 << 10;
    const bytes = someBytes(40 * size + 321);
    const source = blobSource('ledger.csv', blobOf(bytes), size);
    let at = 0;
    let before: { piece: Uint8Array; from: number } | null = null;
    for await (const piece of readAhead(source)) {
      // The next piece has been asked for (read ahead) while this one is read: this one and the last are intact.
      expect(piece).toEqual(bytes.subarray(at, at + piece.length));
      if (before) expect(before.piece).toEqual(bytes.subarray(before.from, before.from + before.piece.length));
      before = { piece, from: at };
      at += piece.length;
    }
    expect(at).toBe(bytes.length);
  });

  it('reads a range of the file as the file holds it', async () => {
    const bytes = someBytes(300_000);
    const range = blobSource('ledger.csv', blobOf(bytes), 50_000).range!(123_457, 250_001);
    const got: number[] = [];
    for await (const piece of range.chunks()) got.push(...piece);
    expect(new Uint8Array(got)).toEqual(bytes.subarray(123_457, 250_001));
  });

  it('lets the stream go when the reading stops early (a preview reads the first megabyte only)', async () => {
    const bytes = someBytes(200_000);
    let cancelled = false;
    const blob = blobOf(bytes);
    const stream = blob.stream();
    const watched = {
      size: blob.size,
      slice: (from?: number, to?: number) => blob.slice(from, to),
      stream: () => {
        const reader = stream.getReader({ mode: 'byob' });
        return {
          getReader: () => ({
            read: (view: Uint8Array<ArrayBuffer>) => reader.read(view),
            cancel: async () => {
              cancelled = true;
              await reader.cancel();
            },
            releaseLock: () => reader.releaseLock(),
          }),
        };
      },
    } as unknown as Blob;
    for await (const piece of blobSource('ledger.csv', watched, 10_000).chunks()) {
      expect(piece).toEqual(bytes.subarray(0, 10_000));
      break;
    }
    expect(cancelled).toBe(true);
  });

  it('reads slice by slice where the stream cannot be read into buffers of its reader', async () => {
    const bytes = someBytes(100_000);
    const blob = blobOf(bytes);
    const noByob = {
      size: blob.size,
      slice: (from?: number, to?: number) => blob.slice(from, to),
      stream: () => ({
        getReader: () => {
          throw new TypeError('this stream is not a byte stream');
        },
      }),
    } as unknown as Blob;
    const got: number[] = [];
    for await (const piece of blobSource('ledger.csv', noByob, 30_000).chunks()) got.push(piece.length);
    expect(got).toEqual([30_000, 30_000, 30_000, 10_000]);
  });

  it('holds its reader while it reads, and lets it go when the reading ends, stops, or stops with a read ahead', async () => {
    const bytes = someBytes(100_000);
    // Counted from what is in use already (the unit tests share their modules, file after file).
    const before = blobReadersInUse();
    const inUse: number[] = [];
    for await (const piece of blobSource('ledger.csv', blobOf(bytes), 10_000).chunks()) {
      expect(piece.length).toBe(10_000);
      inUse.push(blobReadersInUse() - before);
    }
    expect(inUse).toEqual(Array<number>(10).fill(1));
    expect(blobReadersInUse()).toBe(before);

    for await (const piece of blobSource('ledger.csv', blobOf(bytes), 10_000).chunks()) {
      expect(blobReadersInUse()).toBe(before + 1);
      expect(piece.length).toBe(10_000);
      break;
    }
    expect(blobReadersInUse()).toBe(before);

    // The next piece is being read when the reading stops: the reader is let go once that read settles.
    for await (const piece of readAhead(blobSource('ledger.csv', blobOf(bytes), 10_000))) {
      expect(piece.length).toBe(10_000);
      break;
    }
    await vi.waitFor(() => expect(blobReadersInUse()).toBe(before));
  });

  /** The Blob's stream, but as a file on disk changed part-way reads: `bytes` from its stream, `size` as chosen. */
  function changedFile(bytes: Uint8Array<ArrayBuffer>, size: number, sliceRead: () => Promise<ArrayBuffer>): Blob {
    const blob = blobOf(bytes);
    return {
      size,
      stream: () => blob.stream(),
      slice: () => ({ arrayBuffer: sliceRead }),
    } as unknown as Blob;
  }

  const read = async (blob: Blob): Promise<number> => {
    let n = 0;
    for await (const piece of blobSource('ledger.csv', blob, 10_000).chunks()) n += piece.length;
    return n;
  };

  it('says the file changed where its stream ends short of the size chosen (a file cut short as it was read)', async () => {
    const bytes = someBytes(25_000);
    const blob = changedFile(bytes, 40_000, () => Promise.resolve(new ArrayBuffer(1)));
    await expect(read(blob)).rejects.toMatchObject({ name: 'NotReadableError' });
  });

  it("says what a slice's read says after the last piece (a file deleted or rewritten in place as it was read)", async () => {
    const bytes = someBytes(25_000);
    const gone = () => Promise.reject(new DOMException('A requested file could not be found', 'NotFoundError'));
    await expect(read(changedFile(bytes, 25_000, gone))).rejects.toMatchObject({ name: 'NotFoundError' });
    // The same file unchanged: every byte, no error.
    expect(await read(changedFile(bytes, 25_000, () => Promise.resolve(new ArrayBuffer(1))))).toBe(25_000);
  });

  it("a read of the stream that fails says what a slice's read says, where that fails too", async () => {
    const failing = (sliceRead: () => Promise<ArrayBuffer>): Blob =>
      ({
        size: 30_000,
        stream: () =>
          new ReadableStream({
            type: 'bytes',
            pull: (controller) => controller.error(new TypeError('network error')),
          }),
        slice: () => ({ arrayBuffer: sliceRead }),
      }) as unknown as Blob;
    const changed = () => Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError'));
    await expect(read(failing(changed))).rejects.toMatchObject({ name: 'NotReadableError' });
    await expect(read(failing(() => Promise.resolve(new ArrayBuffer(1))))).rejects.toThrow('network error');
  });
});
