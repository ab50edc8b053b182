/*
 * Whether bytes are UTF-8, a piece at a time, exactly as a fatal TextDecoder('utf-8') judges them (the WHATWG
 * Encoding standard's UTF-8 decoder: no overlong forms, no surrogates, nothing past U+10FFFF, no character cut
 * short at the end), but without making the text: the decoder builds a string of every piece only for the proof
 * to drop it, which costs more than the check itself. A ledger is mostly ASCII, so ASCII is passed over four bytes
 * at a time, and only the bytes of other characters are read one by one.
 */

const NO_WORDS = new Int32Array(0);

export class Utf8Check {
  /** Continuation bytes still to come for the character begun (0 between characters). */
  private needed = 0;
  /** The range the next continuation byte must lie in (narrower after E0, ED, F0 and F4). */
  private lower = 0x80;
  private upper = 0xbf;
  private broken = false;

  /**
   * Reads the next piece; false if the bytes so far (and, when final, the end of the file) are not UTF-8: the
   * piece where a fatal TextDecoder fed the same pieces would throw. Once false, always false.
   */
  push(bytes: Uint8Array, final: boolean): boolean {
    if (this.broken) return false;
    this.broken = !this.read(bytes) || (final && this.needed > 0);
    return !this.broken;
  }

  private read(bytes: Uint8Array): boolean {
    const n = bytes.length;
    // The piece's bytes from `start`, a multiple of 4 into its buffer, as 32-bit words for the ASCII runs.
    const start = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
    const words = n - start >= 4 ? new Int32Array(bytes.buffer, bytes.byteOffset + start, (n - start) >> 2) : NO_WORDS;
    let { needed, lower, upper } = this;
    let i = 0;
    while (i < n) {
      if (needed === 0 && i >= start && ((i - start) & 3) === 0) {
        let w = (i - start) >> 2;
        while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
        i = start + 4 * w;
        if (i >= n) break;
      }
      const b = bytes[i++]!;
      if (needed === 0) {
        if (b < 0x80) continue;
        if (b >= 0xc2 && b <= 0xdf) needed = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          needed = 2;
          if (b === 0xe0) lower = 0xa0;
          else if (b === 0xed) upper = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          needed = 3;
          if (b === 0xf0) lower = 0x90;
          else if (b === 0xf4) upper = 0x8f;
        } else return false;
      } else {
        if (b < lower || b > upper) return false;
        lower = 0x80;
        upper = 0xbf;
        needed--;
      }
    }
    this.needed = needed;
    this.lower = lower;
    this.upper = upper;
    return true;
  }
}
