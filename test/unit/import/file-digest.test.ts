// The file's SHA-256, made a piece at a time in WebAssembly (hash-wasm) or, where that cannot be compiled, in
// JavaScript (@noble/hashes): both give the same hex digest as an independent SHA-256 (node:crypto, and published
// vectors), for the empty file, a file of one piece and a file of many.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource } from '../../../src/import/byte-sources';
import { fileDigest, nobleSha256, wasmSha256, type Sha256 } from '../../../src/import/file-digest';
import { scan } from '../../../src/import/run-import';

/** The digest of the bytes pushed in pieces of `piece` bytes. */
function digestOf(bytes: Uint8Array, piece: number, digest: Sha256): string {
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

describe('the file digest', () => {
  it.each(VECTORS)('the published digest of %j, in WebAssembly and in JavaScript', async (text, expected) => {
    const bytes = new TextEncoder().encode(text);
    expect(digestOf(bytes, 2, await wasmSha256())).toBe(expected);
    expect(digestOf(bytes, 2, nobleSha256())).toBe(expected);
  });

  it('a file of many pieces, of uneven sizes: both agree with node:crypto', async () => {
    const bytes = someBytes(3 * 65_536 + 17);
    const expected = nodeSha256(bytes);
    for (const piece of [1, 63, 64, 65, 65_536, bytes.length]) {
      expect(digestOf(bytes, piece, await wasmSha256())).toBe(expected);
      expect(digestOf(bytes, piece, nobleSha256())).toBe(expected);
    }
  });

  it('hashes a piece when it is given: the piece may be overwritten afterwards (a buffer used in turn)', async () => {
    const bytes = someBytes(10_000);
    const digest = await fileDigest();
    const buffer = new Uint8Array(1000);
    for (let i = 0; i < bytes.length; i += 1000) {
      buffer.set(bytes.subarray(i, i + 1000));
      digest.update(buffer);
      buffer.fill(0);
    }
    expect(digest.hex()).toBe(nodeSha256(bytes));
  });

  it('made in JavaScript where WebAssembly cannot be (a policy that forbids it)', async () => {
    const bytes = someBytes(5000);
    const refused = () => Promise.reject(new WebAssembly.CompileError('refused by the content security policy'));
    expect(digestOf(bytes, 3000, await fileDigest(refused))).toBe(nodeSha256(bytes));
  });
});

describe('scan: the file proof', () => {
  it('a Blob read as a stream: the SHA-256 of every byte', async () => {
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
