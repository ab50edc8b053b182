import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/*
 * The SHA-256 of a file's bytes as they arrive in pieces. @noble/hashes is JavaScript (about 70-90 MB/s: over a
 * second of a core for a 90 MB ledger); the platform's own SHA-256 (`crypto.subtle.digest`, in the browser and in
 * Node 20) is native and many times faster, but takes the bytes whole, not in pieces. So a file that fits memory
 * comfortably is gathered into one buffer and digested natively; a larger one (or where the platform has no
 * `crypto.subtle`: a page not served from a secure origin) is hashed piece by piece with noble, in constant memory.
 */

/** Files up to this are gathered whole for the native digest (the import refuses files over 1 GB). */
export const NATIVE_DIGEST_BYTES = 256 * 1024 * 1024;

type Subtle = Pick<SubtleCrypto, 'digest'>;

/** The platform's SHA-256, if it has one (`crypto.subtle` exists only in a secure context). */
const platformSubtle = (): Subtle | undefined => (globalThis.crypto as Crypto | undefined)?.subtle;

export class FileDigest {
  /** The whole file, for the native digest; null once hashing incrementally. */
  private whole: Uint8Array<ArrayBuffer> | null;
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
    this.whole = subtle && size <= limit ? new Uint8Array(size) : null;
    if (!this.whole) this.incremental = sha256.create();
  }

  update(piece: Uint8Array): void {
    if (this.whole && this.length + piece.length > this.whole.length) this.goIncremental(); // more bytes than said
    if (this.whole) this.whole.set(piece, this.length);
    else this.incremental!.update(piece);
    this.length += piece.length;
  }

  /** The digest as lower-case hex. */
  async hex(): Promise<string> {
    if (this.whole) {
      const bytes = this.whole.subarray(0, this.length);
      try {
        return bytesToHex(new Uint8Array(await this.subtle!.digest('SHA-256', bytes)));
      } catch {
        // The native digest refused (out of memory, say): the bytes are all here for noble.
        return bytesToHex(sha256(bytes));
      }
    }
    return bytesToHex(this.incremental!.digest());
  }

  private goIncremental(): void {
    this.incremental = sha256.create().update(this.whole!.subarray(0, this.length));
    this.whole = null;
  }
}
