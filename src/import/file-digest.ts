import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createSHA256 } from 'hash-wasm';

/*
 * The SHA-256 of a file's bytes as they arrive in pieces, made in WebAssembly (hash-wasm) as they come.
 *
 * Why not the platform's own (`crypto.subtle.digest`): it is native, but takes the bytes whole, so a 90 MB ledger was
 * gathered into one buffer first and then copied again by the digest. In Chromium that was 280-340 MB of memory
 * touched for the first time and 1.6-2.3 s of a core for the proof, where hash-wasm hashes the pieces as they are read
 * (90 MB in 225 ms in Node) and touches no new memory (bench/README.md, the sixteenth and seventeenth stops).
 * Why not @noble/hashes alone: it is JavaScript, about 70-90 MB/s (over a second of a core for that ledger). It stays
 * as the fallback where WebAssembly cannot be compiled (a page whose policy forbids it; the app's allows it with
 * 'wasm-unsafe-eval').
 */

/** A SHA-256 made a piece at a time. */
export interface Sha256 {
  update(piece: Uint8Array): void;
  /** The digest of every piece, as lower-case hex. */
  hex(): string;
}

/** hash-wasm's SHA-256 (WebAssembly). */
export async function wasmSha256(): Promise<Sha256> {
  const hasher = await createSHA256();
  return {
    update: (piece) => void hasher.update(piece),
    hex: () => hasher.digest('hex'),
  };
}

/** @noble/hashes' SHA-256 (JavaScript). */
export function nobleSha256(): Sha256 {
  const hash = sha256.create();
  return {
    update: (piece) => void hash.update(piece),
    hex: () => bytesToHex(hash.digest()),
  };
}

/**
 * A file's SHA-256, fed its pieces as they are read (each is hashed at once, so it may be overwritten afterwards).
 * `make` is the SHA-256 tried first (a parameter for the tests); where it cannot be made, noble's is used.
 */
export async function fileDigest(make: () => Promise<Sha256> = wasmSha256): Promise<Sha256> {
  try {
    return await make();
  } catch {
    return nobleSha256();
  }
}
