import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ByteSource } from './run-import';

/*
 * The SHA-256 of a file's bytes as they arrive in pieces. @noble/hashes is JavaScript (about 70-90 MB/s: over a
 * second of a core for a 90 MB ledger); the platform's own SHA-256 (`crypto.subtle.digest`, in the browser and in
 * Node 20) is native and many times faster, but takes the bytes whole, not in pieces. So a file that fits memory
 * comfortably is gathered into one buffer and digested natively; a larger one (or where the platform has no
 * `crypto.subtle`: a page not served from a secure origin) is hashed piece by piece with noble, in constant memory.
 */

/** Files up to this are gathered whole for the native digest (the import refuses files over 1 GB). */
const NATIVE_DIGEST_BYTES = 256 * 1024 * 1024;

type Subtle = Pick<SubtleCrypto, 'digest'>;

/** The platform's SHA-256, if it has one (`crypto.subtle` exists only in a secure context). */
const platformSubtle = (): Subtle | undefined => (globalThis.crypto as Crypto | undefined)?.subtle;

/** The size of the pieces a file read whole is handed on in (to the encoding's proof, and for progress). */
const PROOF_PIECE_BYTES = 4 << 20;

export class FileDigest {
  /** The whole file, for the native digest (allocated at the first piece, or the read of pieces()); null otherwise. */
  private whole: Uint8Array<ArrayBuffer> | null = null;
  private readonly native: boolean;
  private readonly size: number;
  private length = 0;
  private incremental: ReturnType<typeof sha256.create> | null = null;
  private readonly subtle: Subtle | undefined;

  /**
   * @param size the file's size, as its source says: the buffer gathered for the native digest.
   * @param limit the largest file gathered whole (a parameter for the tests; NATIVE_DIGEST_BYTES otherwise).
   * @param subtle the native SHA-256 (the platform's; a test passes undefined for the noble path).
   */
  constructor(size: number, limit = NATIVE_DIGEST_BYTES, subtle: Subtle | undefined = platformSubtle()) {
    this.subtle = subtle;
    this.size = size;
    this.native = subtle !== undefined && size <= limit;
    if (!this.native) this.incremental = sha256.create();
  }

  /**
   * The pieces of a source to push through update, and on to the encoding's proof: for a native digest from a
   * source that can read itself whole (a Blob reads several times faster whole than in slices), that one read,
   * in pieces that are views of it (gathered without a copy); otherwise the source's own pieces.
   */
  async *pieces(source: ByteSource): AsyncGenerator<Uint8Array> {
    if (!this.native || !source.whole || this.length > 0) {
      yield* source.chunks();
      return;
    }
    const whole = await source.whole();
    this.whole = whole;
    for (let i = 0; i < whole.length; i += PROOF_PIECE_BYTES) yield whole.subarray(i, i + PROOF_PIECE_BYTES);
  }

  update(piece: Uint8Array): void {
    if (this.native && !this.incremental) {
      this.whole ??= new Uint8Array(this.size);
      if (this.length + piece.length > this.whole.length) this.goIncremental(); // more bytes than the size said
    }
    if (this.incremental) this.incremental.update(piece);
    else if (piece.buffer !== this.whole!.buffer || piece.byteOffset !== this.whole!.byteOffset + this.length)
      this.whole!.set(piece, this.length);
    this.length += piece.length;
  }

  /** The digest as lower-case hex. */
  async hex(): Promise<string> {
    if (this.incremental) return bytesToHex(this.incremental.digest());
    const bytes = (this.whole ?? new Uint8Array()).subarray(0, this.length);
    try {
      return bytesToHex(new Uint8Array(await this.subtle!.digest('SHA-256', bytes)));
    } catch {
      // The native digest refused (out of memory, say): the bytes are all here for noble.
      return bytesToHex(sha256(bytes));
    }
  }

  private goIncremental(): void {
    this.incremental = sha256.create().update(this.whole!.subarray(0, this.length));
    this.whole = null;
  }
}
