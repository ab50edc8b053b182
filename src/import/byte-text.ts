/*
 * Strings made from a file's bytes, for the record reader's fast path over bytes (plain-bytes.ts) and the pools it
 * looks cells up in (cell-pool.ts): an ASCII cell from its bytes as they are, a cell beyond ASCII decoded here.
 */

/** Encodings whose bytes the fast path reads: every byte below 0x80 is the ASCII character. */
export type ByteEncoding = 'utf-8' | 'windows-1252';

/** Windows-1252's characters for bytes 0x80 to 0xFF, from the platform's own decoder (the text path's). */
let cp1252: Uint16Array | null = null;
function cp1252Table(): Uint16Array {
  if (cp1252) return cp1252;
  const bytes = new Uint8Array(128).map((_, i) => 0x80 + i);
  // Streamed, as the text path decodes: Node 20 reads a whole (not streamed) decode of windows-1252 as Latin-1, 0x96
  // as U+0096 rather than the en dash.
  const text = new TextDecoder('windows-1252').decode(bytes, { stream: true });
  cp1252 = new Uint16Array(128).map((_, i) => text.charCodeAt(i));
  return cp1252;
}

/** Code units of a cell beyond ASCII, decoded here (grown as a longer cell needs). */
let scratch = new Uint16Array(256);

/** Arguments handed to String.fromCharCode at once (a call's arguments live on the stack). */
const APPLY_UNITS = 4096;

/** The string of code units (or bytes, all below 0x100) in an array, made in calls of at most APPLY_UNITS. */
function textOfUnits(units: Uint16Array | Uint8Array, from: number, to: number): string {
  if (to - from <= APPLY_UNITS) return String.fromCharCode.apply(null, units.subarray(from, to) as unknown as number[]);
  let text = '';
  for (let at = from; at < to; at += APPLY_UNITS)
    text += String.fromCharCode.apply(null, units.subarray(at, Math.min(to, at + APPLY_UNITS)) as unknown as number[]);
  return text;
}

/**
 * An ASCII cell's string from its bytes. Short cells, the most, by one call with the bytes as arguments (in Chromium,
 * 25-45 ns a cell for references and amounts, against 75 for a call through an array and 1,700 for a TextDecoder's).
 */
export function asciiText(b: Uint8Array, i: number, j: number): string {
  switch (j - i) {
    case 0:
      return '';
    case 1:
      return String.fromCharCode(b[i]!);
    case 2:
      return String.fromCharCode(b[i]!, b[i + 1]!);
    case 3:
      return String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!);
    case 4:
      return String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);
    case 5:
      return String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!);
    case 6:
      return String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!);
    case 7:
      return String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!);
    case 8:
      return String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    case 9:
      return String.fromCharCode(
        b[i]!,
        b[i + 1]!,
        b[i + 2]!,
        b[i + 3]!,
        b[i + 4]!,
        b[i + 5]!,
        b[i + 6]!,
        b[i + 7]!,
        b[i + 8]!,
      );
    case 10:
      return String.fromCharCode(
        b[i]!,
        b[i + 1]!,
        b[i + 2]!,
        b[i + 3]!,
        b[i + 4]!,
        b[i + 5]!,
        b[i + 6]!,
        b[i + 7]!,
        b[i + 8]!,
        b[i + 9]!,
      );
    case 11:
      return String.fromCharCode(
        b[i]!,
        b[i + 1]!,
        b[i + 2]!,
        b[i + 3]!,
        b[i + 4]!,
        b[i + 5]!,
        b[i + 6]!,
        b[i + 7]!,
        b[i + 8]!,
        b[i + 9]!,
        b[i + 10]!,
      );
    case 12:
      return String.fromCharCode(
        b[i]!,
        b[i + 1]!,
        b[i + 2]!,
        b[i + 3]!,
        b[i + 4]!,
        b[i + 5]!,
        b[i + 6]!,
        b[i + 7]!,
        b[i + 8]!,
        b[i + 9]!,
        b[i + 10]!,
        b[i + 11]!,
      );
    default:
      return textOfUnits(b, i, j);
  }
}

/**
 * The text of bytes[from, to), which hold a byte beyond ASCII; null where they are not UTF-8 (for 'utf-8'): a byte
 * that cannot start or continue a character, a character cut short, an overlong form, a surrogate or a code point
 * past U+10FFFF, each of which the platform's decoder reads as U+FFFD.
 */
export function wideText(bytes: Uint8Array, from: number, to: number, encoding: ByteEncoding): string | null {
  if (scratch.length < 2 * (to - from)) scratch = new Uint16Array(2 * (to - from));
  const units = scratch;
  let n = 0;
  if (encoding === 'windows-1252') {
    const table = cp1252Table();
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      units[n++] = b < 0x80 ? b : table[b - 0x80]!;
    }
    return textOfUnits(units, 0, n);
  }
  for (let i = from; i < to;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units[n++] = b;
      i++;
      continue;
    }
    // The second byte's range where the first narrows it (no overlong form, no surrogate, nothing past U+10FFFF).
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      more = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      more = 2;
      cp = b & 0x0f;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      more = 3;
      cp = b & 0x07;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return null;
    if (i + more >= to) return null;
    for (let k = 1; k <= more; k++) {
      const c = bytes[i + k]!;
      if (k === 1 ? c < lo || c > hi : (c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units[n++] = 0xd800 | (cp >> 10);
      units[n++] = 0xdc00 | (cp & 0x3ff);
    } else units[n++] = cp;
    i += more + 1;
  }
  return textOfUnits(units, 0, n);
}
