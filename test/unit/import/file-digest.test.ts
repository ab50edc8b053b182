// The file's SHA-256, made natively (crypto.subtle, the file gathered whole) or incrementally (@noble/hashes, a
// piece at a time): both give the same hex digest as an independent SHA-256 (node:crypto, and published vectors),
// for the empty file, a file of one piece and a file of many, and whichever path a file takes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource } from '../../../src/import/byte-sources';
import { FileDigest } from '../../../src/import/file-digest';
import { scan, type ByteSource } from '../../../src/import/run-import';

const subtle = globalThis.crypto.subtle;

/** The platform's SHA-256, counting its calls: which path a digest took. */
function countingSubtle(): { digest: SubtleCrypto['digest']; calls: () => number } {
  let calls = 0;
  return {
    digest: (algorithm, data) => {
      calls++;
      return subtle.digest(algorithm, data);
    },
    calls: () => calls,
  };
}

/** The digest of the bytes pushed in pieces of `piece` bytes. */
async function digestOf(bytes: Uint8Array, piece: number, digest: FileDigest): Promise<string> {
  for (let i = 0; i < bytes.length; i += piece) digest.update(bytes.subarray(i, i + piece));
  return digest.hex();
}

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Bytes that are not a repeated pattern (a linear congruential sequence), so a piece dropped or doubled shows. */
function someBytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

// FIPS 180-2's examples (and the empty string's digest, as every SHA-256 implementation lists it).
const VECTORS: [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
];

describe('FileDigest', () => {
  it.each(VECTORS)('the published digest of %j, natively and incrementally', async (text, expected) => {
    const bytes = new TextEncoder().encode(text);
    const native = countingSubtle();
    expect(await digestOf(bytes, 2, new FileDigest(bytes.length, 1024, native))).toBe(expected);
    expect(native.calls()).toBe(1);
    expect(await digestOf(bytes, 2, new FileDigest(bytes.length, 1024, undefined))).toBe(expected);
  });

  it('a file of many pieces: both paths agree with node:crypto', async () => {
    const bytes = someBytes(3 * 65_536 + 17);
    const expected = nodeSha256(bytes);
    const native = countingSubtle();
    expect(await digestOf(bytes, 65_536, new FileDigest(bytes.length, bytes.length, native))).toBe(expected);
    expect(native.calls()).toBe(1);
    expect(await digestOf(bytes, 65_536, new FileDigest(bytes.length, bytes.length, undefined))).toBe(expected);
  });

  it('a file over the limit is hashed incrementally, to the same digest', async () => {
    const bytes = someBytes(10_000);
    const native = countingSubtle();
    expect(await digestOf(bytes, 3000, new FileDigest(bytes.length, bytes.length - 1, native))).toBe(nodeSha256(bytes));
    expect(native.calls()).toBe(0);
  });

  it('more bytes than the source said: what was gathered is hashed on, incrementally', async () => {
    const bytes = someBytes(10_000);
    const native = countingSubtle();
    expect(await digestOf(bytes, 3000, new FileDigest(4000, 1 << 20, native))).toBe(nodeSha256(bytes));
    expect(native.calls()).toBe(0);
  });

  it('fewer bytes than the source said: the digest is of the bytes read', async () => {
    const bytes = someBytes(5000);
    const native = countingSubtle();
    expect(await digestOf(bytes, 3000, new FileDigest(8000, 1 << 20, native))).toBe(nodeSha256(bytes));
    expect(native.calls()).toBe(1);
  });

  it('a native digest that fails is made by noble from the gathered bytes', async () => {
    const bytes = someBytes(5000);
    const failing = { digest: () => Promise.reject(new Error('out of memory')) };
    expect(await digestOf(bytes, 3000, new FileDigest(bytes.length, 1 << 20, failing))).toBe(nodeSha256(bytes));
  });
});

describe('FileDigest.pieces: a source read whole', () => {
  /** A source of these bytes that counts its reads, whole or in pieces of 1,000 bytes. */
  function countingSource(bytes: Uint8Array<ArrayBuffer>) {
    const reads = { whole: 0, chunks: 0 };
    const source: ByteSource = {
      name: 'ledger.csv',
      size: bytes.length,
      // eslint-disable-next-line @typescript-eslint/require-await -- bytes in memory
      async *chunks() {
        reads.chunks++;
        for (let i = 0; i < bytes.length; i += 1000) yield bytes.slice(i, i + 1000);
      },
      whole: () => {
        reads.whole++;
        return Promise.resolve(bytes);
      },
    };
    return { source, reads };
  }

  it('a native digest reads the file once, whole, and hands it on as views of that read', async () => {
    const bytes = someBytes(10 << 20); // more than one 4 MB piece
    const { source, reads } = countingSource(bytes);
    const digest = new FileDigest(bytes.length);
    const pieces: Uint8Array[] = [];
    for await (const piece of digest.pieces(source)) {
      pieces.push(piece);
      digest.update(piece);
    }
    expect(await digest.hex()).toBe(nodeSha256(bytes));
    expect(reads).toEqual({ whole: 1, chunks: 0 });
    expect(pieces.map((p) => p.length)).toEqual([4 << 20, 4 << 20, 2 << 20]);
    expect(pieces.every((p) => p.buffer === bytes.buffer)).toBe(true);
  });

  it('an incremental digest reads the source in its own pieces', async () => {
    const bytes = someBytes(5000);
    const { source, reads } = countingSource(bytes);
    const digest = new FileDigest(bytes.length, 1000);
    for await (const piece of digest.pieces(source)) digest.update(piece);
    expect(await digest.hex()).toBe(nodeSha256(bytes));
    expect(reads).toEqual({ whole: 0, chunks: 1 });
  });
});

describe('scan: the file proof', () => {
  it('a Blob read whole: the SHA-256 of every byte', async () => {
    const bytes = someBytes(9 << 20);
    expect((await scan(blobSource('ledger.csv', new Blob([bytes])))).sha256).toBe(nodeSha256(bytes));
  });

  it('gives the SHA-256 of every byte, over pieces, and of the empty file', async () => {
    const bytes = new TextEncoder().encode('Cost Centre,Amount\r\n'.repeat(5000));
    const s = await scan(bytesSource('ledger.csv', bytes, 4096));
    expect(s.sha256).toBe(nodeSha256(bytes));
    expect((await scan(bytesSource('empty.csv', new Uint8Array()))).sha256).toBe(VECTORS[0]![1]);
  });
});
