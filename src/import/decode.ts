/*
 * Telling the encoding from the bytes, with evidence. Finance exports arrive as UTF-8 (with or without
 * a byte-order mark), as Windows-1252 from older ledger systems and Excel's "CSV", and occasionally as
 * UTF-16 from Excel's "Unicode text". UTF-8 has a strict grammar: bytes that break it cannot be UTF-8,
 * so a strict decode that fails is proof of a single-byte encoding. Nothing is assumed.
 */

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface EncodingEvidence {
  encoding: Encoding;
  bom: boolean;
  /** In words, for the receipt: why this encoding. */
  reason: string;
}

export type EncodingVerdict = { ok: true; evidence: EncodingEvidence } | { ok: false; code: 'binary'; message: string };

const SAMPLE_BYTES = 1 << 20;

/** Scans the bytes in pieces (a file may be larger than memory allows at once). */
export class EncodingDetector {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;
  private firstBytes: Uint8Array | null = null;
  private invalidAt = -1;
  private nonAscii = 0;
  private poundBytes = 0;
  private nulAt = -1;

  push(bytes: Uint8Array, final = false): void {
    if (this.firstBytes === null) this.firstBytes = bytes.slice(0, 4);
    if (this.nulAt < 0) {
      const nul = bytes.indexOf(0);
      if (nul >= 0) this.nulAt = this.offset + nul;
    }
    // Counting bytes in JavaScript is slow on a large file; the first megabyte is evidence enough.
    const sampleEnd = Math.max(0, Math.min(bytes.length, SAMPLE_BYTES - this.offset));
    for (let i = 0; i < sampleEnd; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) {
        this.nonAscii++;
        if (b === 0xa3) this.poundBytes++;
      }
    }
    if (this.invalidAt < 0 && !this.isUtf16()) {
      try {
        this.utf8.decode(bytes, { stream: !final });
      } catch {
        this.invalidAt = this.offset + firstInvalidUtf8(bytes);
      }
    }
    this.offset += bytes.length;
  }

  private isUtf16(): boolean {
    const b = this.firstBytes;
    return !!b && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
  }

  verdict(): EncodingVerdict {
    const b = this.firstBytes ?? new Uint8Array();
    if (b[0] === 0xff && b[1] === 0xfe) return { ok: true, evidence: { encoding: 'utf-16le', bom: true, reason: 'UTF-16 little-endian byte-order mark (FF FE)' } };
    if (b[0] === 0xfe && b[1] === 0xff) return { ok: true, evidence: { encoding: 'utf-16be', bom: true, reason: 'UTF-16 big-endian byte-order mark (FE FF)' } };
    if (this.nulAt >= 0) {
      return { ok: false, code: 'binary', message: `This is not a text file: it contains a NUL byte at byte ${this.nulAt + 1}. Export the data as CSV and try again.` };
    }
    const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    if (this.invalidAt < 0) {
      const reason = bom
        ? 'UTF-8 byte-order mark (EF BB BF), and every byte is valid UTF-8'
        : this.nonAscii === 0 && this.offset <= SAMPLE_BYTES
          ? 'only ASCII characters, which read the same in UTF-8 and Windows-1252'
          : `no byte-order mark, but every byte is valid UTF-8 (${this.nonAscii} non-ASCII bytes in the first megabyte)`;
      return { ok: true, evidence: { encoding: 'utf-8', bom, reason } };
    }
    const pounds = this.poundBytes > 0 ? `; byte A3 (the £ sign in Windows-1252) occurs ${this.poundBytes} times in the first megabyte` : '';
    return {
      ok: true,
      evidence: {
        encoding: 'windows-1252',
        bom: false,
        reason: `not valid UTF-8 (byte ${this.invalidAt + 1} cannot start or continue a UTF-8 character)${pounds}`,
      },
    };
  }
}

/** A streaming decoder for the chosen encoding; drops a byte-order mark. */
export function createDecoder(encoding: Encoding): (bytes: Uint8Array, final: boolean) => string {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  return (bytes, final) => decoder.decode(bytes, { stream: !final });
}

export function detectEncoding(bytes: Uint8Array): EncodingVerdict {
  const d = new EncodingDetector();
  d.push(bytes, true);
  return d.verdict();
}

/**
 * Where in a piece of bytes UTF-8 first breaks (0 if at its start, e.g. a character split across pieces).
 * Only run on the piece that failed, to name the byte in the receipt.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return i; // cut off at the end of the piece
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return 0;
}
