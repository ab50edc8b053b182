/*
 * Where a large text file may be cut in two, for its halves to be read side by side (split-import.ts), and what
 * the bytes before the cut hold: counted in the bytes themselves, fast, by what the reader will verify exactly
 * (a guess that proves wrong costs the time of reading the second half again, never a row). Only for encodings in
 * which a line feed byte is always a line feed (UTF-8, Windows-1252): not UTF-16.
 */

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * The lines and records of the bytes before a cut, piece by piece. `breaks`: line breaks as the reader counts them
 * (LF, CRLF, and a CR alone), an upper bound on the records (each ends at one). `records`: the line feeds outside
 * quotes, by the parity of the quotes before them, which is what a well-formed file's records are.
 */
export class BreakCounter {
  records = 0;
  breaks = 0;
  private inQuotes = false;
  private lastCr = false;

  push(bytes: Uint8Array): void {
    // One pass over the bytes, a byte at a time: cheaper than a search per quote where every cell is quoted.
    let breaks = this.breaks;
    let records = this.records;
    let inQuotes = this.inQuotes;
    // A CR at the end of the last piece: alone unless this piece starts with LF.
    if (this.lastCr && bytes[0] !== LF) breaks++;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      const b = bytes[i]!;
      if (b > QUOTE) continue;
      if (b === LF) {
        breaks++;
        if (!inQuotes) records++;
      } else if (b === QUOTE) inQuotes = !inQuotes;
      else if (b === CR && i + 1 < n && bytes[i + 1] !== LF) breaks++;
    }
    this.lastCr = n > 0 && bytes[n - 1] === CR;
    this.breaks = breaks;
    this.records = records;
    this.inQuotes = inQuotes;
  }

  /** The end of the bytes: a CR at the very end is a break of its own. */
  finish(): void {
    if (this.lastCr) this.breaks++;
    this.lastCr = false;
  }
}
