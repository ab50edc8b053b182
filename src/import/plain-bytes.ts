/*
 * The fast path of the record reader read from the file's bytes rather than from decoded text: the same ordinary
 * records as plain-records.ts reads, cell for cell and number for number in the pools, without the text being
 * decoded first. Chromium's TextDecoder turns the bench's ledger into text at about 150 MB/s (a sixth of the import's
 * two halves' CPU, and a two-byte string wherever a line has a dash or an accent); here an ASCII cell already kept in
 * its column's pool is never made as a string at all, and another is made from its bytes (String.fromCharCode).
 * Written by hand because no library reads CSV records from bytes exactly as papaparse reads them from text; the
 * differential property test (record-reader-bytes.test.ts) holds it to papaparse alone, on any bytes cut anywhere.
 *
 * An ordinary record is as plain-records.ts says. Bytes 0x80 and above are decoded here only inside the cell that
 * holds them: UTF-8 strictly (a byte that is not UTF-8 stops the fast path at its record, and the decoder reads it
 * as the text path always has, with its replacement character), Windows-1252 by the table the browser's own decoder
 * gives. Neither encoding has a byte below 0x80 inside a character, so a quote, a delimiter or a line break byte is
 * always that character.
 */

import { asciiText, wideText, type ByteEncoding } from './byte-text';
import { HASH_SEED, hashEnd, hashUnit } from './cell-pool';
import type { CodesHolder } from './plain-records';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const DOUBLED = /""/g;

/**
 * Reads the ordinary records of `bytes` from `from` (a record's start), handing each to `sink` exactly as
 * readPlainRecords hands it from the decoded text (the same cells, the same numbers in the same pools), and returns
 * where it stopped: the start of the first record that is not ordinary, holds bytes that are not the encoding's, or
 * does not end in the bytes (bytes.length when every record was read).
 */
export function readPlainBytes(
  bytes: Uint8Array,
  delimiter: number,
  sink: (cells: string[]) => void,
  from: number,
  holder: CodesHolder,
  encoding: ByteEncoding,
): number {
  const n = bytes.length;
  let start = from;
  let i = from;
  let cells: string[] = [];
  let col = 0;
  let cc = holder.cellCodes;
  while (i < n) {
    let c: number;
    const pool = cc !== null && col < cc.pools.length ? cc.pools[col]! : null;
    const hashing = pool !== null && pool.pooling;
    // A cell's bytes are [from, to); `wide`: one of them is beyond ASCII, so it is decoded and looked up by its text.
    let cellFrom: number;
    let cellTo: number;
    let doubled = false;
    let wide = false;
    let h = HASH_SEED;
    if (bytes[i] === QUOTE) {
      let j = i + 1;
      for (;;) {
        if (j >= n) return start;
        c = bytes[j]!;
        if (c === QUOTE) {
          if (j + 1 >= n) return start;
          if (bytes[j + 1] !== QUOTE) break;
          doubled = true;
          j += 2;
          continue;
        }
        if (c === LF || c === CR) return start;
        if (c >= 0x80) wide = true;
        else if (hashing) h = hashUnit(h, c);
        j++;
      }
      cellFrom = i + 1;
      cellTo = j;
      // What follows the closing quote is judged once the cell is looked up, as plain-records.ts does (so that the
      // pools see the same lookups, in the same order, on either path).
      c = bytes[j + 1]!;
      i = j + 2;
    } else {
      let j = i;
      c = 0;
      while (j < n) {
        c = bytes[j]!;
        if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
        if (c >= 0x80) wide = true;
        else if (hashing) h = hashUnit(h, c);
        j++;
      }
      if (j >= n || c === QUOTE) return start;
      cellFrom = i;
      cellTo = j;
      i = j + 1;
    }
    let cell: string;
    let code = -1;
    if (wide || doubled) {
      const text = wide ? wideText(bytes, cellFrom, cellTo, encoding) : asciiText(bytes, cellFrom, cellTo);
      if (text === null) return start;
      cell = doubled ? text.replace(DOUBLED, '"') : text;
      if (hashing) code = pool.code(cell);
      if (code >= 0) cell = pool!.values[code]!;
    } else if (hashing) {
      code = pool.codeBytes(bytes, cellFrom, cellTo, hashEnd(h, cellTo - cellFrom));
      cell = code >= 0 ? pool.values[code]! : asciiText(bytes, cellFrom, cellTo);
    } else cell = asciiText(bytes, cellFrom, cellTo);
    if (pool !== null) cc!.codes[col] = code;
    cells[col++] = cell;
    if (c === delimiter) continue;
    if (c !== LF && c !== CR) return start;
    // A line break ends the record (i is just after its first byte).
    if (c === CR) {
      if (i >= n) return start; // the LF of a CRLF may be the next piece's first byte
      if (bytes[i] === LF) i++;
    }
    if (cells.length !== col) cells.length = col;
    sink(cells);
    cells = new Array<string>(col);
    col = 0;
    start = i;
    cc = holder.cellCodes;
  }
  return start;
}
