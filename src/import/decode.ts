import type { WorkbookChoice, WorkbookIssueCode } from './workbook';
import type { Issue, Result } from '../domain/core/result';
import { Utf8Check } from './utf8-check';
import { firstNul } from './nul-byte';
/*
 * Telling the encoding from the bytes, with evidence. Finance exports arrive as UTF-8 (with or without
 * a byte-order mark), as Windows-1252 from older ledger systems and Excel's "CSV", and occasionally as
 * UTF-16 from Excel's "Unicode text". UTF-8 has a strict grammar: bytes that break it cannot be UTF-8,
 * so a strict decode that fails is proof of a single-byte encoding. Nothing is assumed.
 */

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface EncodingEvidence {
  encoding: Encoding;
  /** A byte-order mark at the start (dropped when decoding, whatever the encoding). */
  bom: boolean;
  /** In words, for the receipt: why this encoding. */
  reason: string;
  /**
   * UTF-8 with bytes that are not (a file that mixes encodings): those bytes read as U+FFFD, and the rows
   * that have one are flagged, rather than every UTF-8 character being silently misread as Windows-1252.
   */
  replaced?: boolean;
  /**
   * An Excel workbook: not decoded as text, but read cell by cell (workbook.ts), from the sheet named here
   * (null until a preview chooses the first visible one). The rest of the import reads its rows as CSV.
   */
  workbook?: WorkbookChoice;
}

export type EncodingIssueCode = 'binary' | 'invalid-utf16' | WorkbookIssueCode;
export type EncodingVerdict = Result<EncodingEvidence, Issue<EncodingIssueCode>>;

const SAMPLE_BYTES = 1 << 20;
/** The first bytes are gathered before deciding anything, however small the pieces the file arrives in. */
const HEAD_BYTES = 4096;

/** Files that are not text, by their first bytes, with what to do instead. */
const SIGNATURES: readonly { bytes: readonly number[]; what: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'an Excel workbook (.xlsx) or another zip file, not CSV. In Excel, use File > Save As > "CSV UTF-8" and import that',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old-style Excel workbook (.xls), not CSV. In Excel, use File > Save As > "CSV UTF-8" and import that',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF, not CSV. Ask for the report as a CSV export' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image, not CSV' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image, not CSV' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive, not CSV. Unpack it and import the CSV inside' },
];

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
}

/**
 * UTF-16 without a byte-order mark: text in Latin script is every other byte zero, on the same side.
 * (Without the pattern a NUL byte means binary, and the message says what to do if it was UTF-16.)
 */
function utf16Pattern(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(head.length, HEAD_BYTES) / 2);
  if (pairs < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  let textEven = 0;
  let textOdd = 0;
  // Tab, line breaks and printable characters: what the other byte of Latin-script UTF-16 holds.
  const text = (b: number): boolean => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b !== 0x7f);
  for (let i = 0; i < pairs; i++) {
    const even = head[2 * i]!;
    const odd = head[2 * i + 1]!;
    if (even === 0) zeroEven++;
    else if (text(even)) textEven++;
    if (odd === 0) zeroOdd++;
    else if (text(odd)) textOdd++;
  }
  if (zeroEven === 0 && zeroOdd >= pairs * 0.7 && textEven >= pairs * 0.9) return 'utf-16le';
  if (zeroOdd === 0 && zeroEven >= pairs * 0.7 && textOdd >= pairs * 0.9) return 'utf-16be';
  return null;
}

/** Scans the bytes in pieces (a file may be larger than memory allows at once). */
export class EncodingDetector {
  private head: Uint8Array[] | null = [];
  private headLength = 0;
  private first = new Uint8Array();
  private family: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  private utf16Bom = false;
  private signature: string | null = null;
  /** UTF-16's proof; UTF-8's is utf8 (a decoder makes the text, which the proof does not need). */
  private decoder: TextDecoder | null = null;
  private utf8 = new Utf8Check();
  private offset = 0;
  private invalidAt = -1;
  private nonAscii = 0;
  private poundBytes = 0;
  /** Well-formed UTF-8 multi-byte characters in the first megabyte: evidence that the file was meant as UTF-8. */
  private utf8Chars = 0;
  private expect = 0;
  private nulAt = -1;

  push(bytes: Uint8Array, final = false): void {
    if (this.head) {
      this.head.push(bytes.slice());
      this.headLength += bytes.length;
      if (this.headLength < HEAD_BYTES && !final) return;
      const all = new Uint8Array(this.headLength);
      let at = 0;
      for (const piece of this.head) {
        all.set(piece, at);
        at += piece.length;
      }
      this.head = null;
      this.decide(all.subarray(0, HEAD_BYTES));
      this.scan(all, final);
      return;
    }
    this.scan(bytes, final);
  }

  private decide(first: Uint8Array): void {
    this.first = first.slice(0, 8);
    this.signature = SIGNATURES.find((s) => startsWith(first, s.bytes))?.what ?? null;
    if (first[0] === 0xff && first[1] === 0xfe) {
      this.family = 'utf-16le';
      this.utf16Bom = true;
    } else if (first[0] === 0xfe && first[1] === 0xff) {
      this.family = 'utf-16be';
      this.utf16Bom = true;
    } else {
      this.family = utf16Pattern(first) ?? 'utf-8';
    }
    if (this.family !== 'utf-8') this.decoder = new TextDecoder(this.family, { fatal: true, ignoreBOM: true });
  }

  private scan(bytes: Uint8Array, final: boolean): void {
    if (this.nulAt < 0) {
      const nul = firstNul(bytes);
      if (nul >= 0) this.nulAt = this.offset + nul;
    }
    // Counting bytes in JavaScript is slow on a large file; the first megabyte is evidence enough.
    const sampleEnd = Math.max(0, Math.min(bytes.length, SAMPLE_BYTES - this.offset));
    for (let i = 0; i < sampleEnd; i++) {
      const b = bytes[i]!;
      if (b < 0x80) {
        this.expect = 0;
        continue;
      }
      this.nonAscii++;
      if (b === 0xa3) this.poundBytes++;
      if (this.expect > 0 && (b & 0xc0) === 0x80) {
        if (--this.expect === 0) this.utf8Chars++;
        continue;
      }
      this.expect = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    }
    if (this.invalidAt < 0 && !this.valid(bytes, final)) {
      this.invalidAt =
        this.offset +
        (this.family === 'utf-8' ? firstInvalidUtf8(bytes) : firstInvalidUtf16(bytes, this.family === 'utf-16le'));
    }
    this.offset += bytes.length;
  }

  /** False on the piece where the bytes stop being the encoding's (or at the end, a character cut short). */
  private valid(bytes: Uint8Array, final: boolean): boolean {
    if (!this.decoder) return this.utf8.push(bytes, final);
    try {
      this.decoder.decode(bytes, { stream: !final });
      return true;
    } catch {
      return false;
    }
  }

  verdict(): EncodingVerdict {
    if (this.head) this.push(new Uint8Array(), true);
    const b = this.first;
    if (this.signature)
      return { ok: false, issues: [{ code: 'binary', message: `This is not a text file: it is ${this.signature}.` }] };
    if (this.family !== 'utf-8') {
      const name = this.family === 'utf-16le' ? 'little-endian' : 'big-endian';
      const how = this.utf16Bom
        ? `UTF-16 ${name} byte-order mark (${this.family === 'utf-16le' ? 'FF FE' : 'FE FF'})`
        : `no byte-order mark, but every other byte is zero, as in UTF-16 ${name} text`;
      if (this.invalidAt >= 0) {
        return {
          ok: false,
          issues: [
            {
              code: 'invalid-utf16',
              message: `This file reads as UTF-16 (${how}), but it is not valid UTF-16: ${this.invalidAt >= this.offset - 1 && this.offset % 2 === 1 ? `it ends in half a character (${this.offset} bytes, an odd number)` : `the character at byte ${this.invalidAt + 1} is broken`}. The file may be cut short or damaged; save it again as "CSV UTF-8" and import that.`,
            },
          ],
        };
      }
      return { ok: true, value: { encoding: this.family, bom: this.utf16Bom, reason: how } };
    }
    if (this.nulAt >= 0) {
      return {
        ok: false,
        issues: [
          {
            code: 'binary',
            message: `This is not a text file: it contains a NUL byte at byte ${this.nulAt + 1}. Export the data as CSV and try again. (If it is text saved as UTF-16, "Unicode text", save it as "CSV UTF-8" instead.)`,
          },
        ],
      };
    }
    const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    if (this.invalidAt < 0) {
      const reason = bom
        ? 'UTF-8 byte-order mark (EF BB BF), and every byte is valid UTF-8'
        : this.nonAscii === 0 && this.offset <= SAMPLE_BYTES
          ? 'only ASCII characters, which read the same in UTF-8 and Windows-1252'
          : `no byte-order mark, but every byte is valid UTF-8 (${this.nonAscii} non-ASCII bytes in the first megabyte)`;
      return { ok: true, value: { encoding: 'utf-8', bom, reason } };
    }
    const invalid = `byte ${this.invalidAt + 1} cannot start or continue a UTF-8 character`;
    const utf8Chars = this.utf8Chars - (bom ? 1 : 0); // the mark itself is one
    if (utf8Chars > 0) {
      return {
        ok: true,
        value: {
          encoding: 'utf-8',
          bom,
          replaced: true,
          reason: `mixed encodings: ${utf8Chars === 1 ? '1 character' : `${utf8Chars} characters`} in the first megabyte ${utf8Chars === 1 ? 'is' : 'are'} written in UTF-8, but ${invalid}. Read as UTF-8: each byte that is not is shown as �, and its row is flagged`,
        },
      };
    }
    const pounds =
      this.poundBytes > 0
        ? `; byte A3 (the £ sign in Windows-1252) occurs ${this.poundBytes} times in the first megabyte`
        : '';
    return {
      ok: true,
      value: {
        encoding: 'windows-1252',
        bom,
        reason: `not valid UTF-8 (${invalid})${pounds}${bom ? '; the UTF-8 byte-order mark at the start is not part of the text and is dropped' : ''}`,
      },
    };
  }
}

/**
 * Bytes a streaming decoder is given at a time (`decodeEach`), however large the piece read from the file. Text of
 * 32 KiB is at most 64 KiB as a string (two bytes a character where one is beyond Latin-1: a dash, a euro), an
 * ordinary young object that dies young once read. A 4 MB piece decoded whole was an 8 MB string, kept apart by V8
 * as a large object: in Chromium, the million-row import's first half spent 0.96-1.28 s decoding its 52 MB that way
 * and 0.55-0.82 s 32 KiB at a time (the bench's ledger, runs one after the other).
 */
export const DECODE_BYTES = 1 << 15;

/**
 * A piece of bytes decoded DECODE_BYTES at a time, each text handed on in order as it is made; stops early when
 * `take` says it wants no more (true). The texts joined are what decoding the piece whole gives.
 */
export function decodeEach(
  decode: (bytes: Uint8Array, final: boolean) => string,
  piece: Uint8Array,
  take: (text: string) => boolean,
): void {
  for (let at = 0; at < piece.length; at += DECODE_BYTES) {
    if (take(decode(piece.subarray(at, at + DECODE_BYTES), false))) return;
  }
}

/** A streaming decoder for the chosen encoding; drops a byte-order mark (a UTF-8 one on a Windows-1252 file too). */
export function createDecoder(
  evidence: Pick<EncodingEvidence, 'encoding' | 'bom'>,
  /** The bytes start in the middle of the file (split-import.ts): a byte order mark there is a character, kept. */
  middle = false,
): (bytes: Uint8Array, final: boolean) => string {
  const decoder = new TextDecoder(evidence.encoding, { ignoreBOM: middle });
  let skip = evidence.encoding === 'windows-1252' && evidence.bom && !middle ? 3 : 0;
  return (bytes, final) => {
    let b = bytes;
    if (skip > 0) {
      const n = Math.min(skip, b.length);
      skip -= n;
      b = b.subarray(n);
    }
    return decoder.decode(b, { stream: !final });
  };
}

/**
 * Where in a piece of bytes UTF-8 first breaks (0 if at its start, e.g. a character split across pieces).
 * Only run on the piece that failed, to name the byte in the receipt.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return i; // cut off at the end of the piece
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return 0;
}

/** Where in a piece of UTF-16 bytes a code unit is broken: an unpaired surrogate, or a last odd byte. */
export function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number): number =>
    littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return i;
}
