/*
 * The fast path of the record reader (record-reader.ts): ordinary RFC 4180 records read by hand, papaparse
 * taking over at the first record that is anything else. Written by hand because no library reads
 * exactly as papaparse does and faster: papaparse stays the reference, and this reads only the records on
 * which it provably agrees with it (a differential property test, record-reader-plain.test.ts, checks the
 * records and the rejections against the reader with papaparse alone, on any text cut anywhere).
 *
 * On the bench's ledger (every amount quoted, "1,234.56") papaparse's own cost is in its quoted fields: a
 * regular expression run over every one to undo doubled quotes, and a substring or two to look at what
 * follows the closing quote. Here a cell is one slice, and a doubled quote is undone only where there is one.
 *
 * An ordinary record:
 *  - it ends with a line break: LF, CRLF or a lone CR, as the reader reads them (record-reader.ts), so that the
 *    text need not have its line endings made LF first (which cost as much as reading it); a record the text
 *    ends in the middle of, or a CR that ends the text, is left to papaparse, which keeps it for the next piece
 *    or reads it as the last;
 *  - each field is either unquoted, with no quote (") in it at all, or quoted: a quote at the field's start,
 *    then anything but a quote or a line break, with "" for a quote, and a closing quote followed at once by
 *    the delimiter or by a line break.
 * Anything else (a quote inside an unquoted field, a line break in a quoted one, spaces or anything after a
 * closing quote, a quote that never closes) stops the fast path at the start of that record.
 */

import { HASH_SEED, hashEnd, hashUnit, type CellPool } from './cell-pool';

/**
 * The pools a record's cells are looked up in, one per column of the header, and where each cell's number is
 * written for the record being handed on (-1: not pooled). Set once the header is bound; until then, and for a
 * column past the header's, a cell is made as a string of its own.
 */
export interface CellCodes {
  readonly pools: readonly CellPool[];
  readonly codes: Int32Array;
}
export interface CodesHolder {
  cellCodes: CellCodes | null;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const DOUBLED = /""/g;

/**
 * Reads the ordinary records of `text` from `from` (a record's start), handing each to `sink` as papaparse
 * would have read it, and returns where it stopped: the start of the first record that is not ordinary or
 * does not end in the text (text.length when every record was read).
 */
export function readPlainRecords(
  text: string,
  delimiter: number,
  sink: (cells: string[]) => void,
  from = 0,
  holder?: CodesHolder,
): number {
  const n = text.length;
  let start = from;
  let i = from;
  // Each record's cells are written in place (the next cell's column is `col`) into an array made at the last
  // record's width: pushed onto an empty array, which each record's first cell grew, the reader took about an
  // eighth longer on the bench's ledger.
  let cells: string[] = [];
  let col = 0;
  // Read again after each record: the header's record, handed on, is what sets them.
  let cc = holder?.cellCodes ?? null;
  while (i < n) {
    let c: number;
    const pool = cc !== null && col < cc.pools.length ? cc.pools[col]! : null;
    // A column that has stopped being pooled (amounts, references) is not hashed: its cells are only cut out.
    const hashing = pool !== null && pool.pooling;
    if (text.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      let doubled = false;
      let h = HASH_SEED;
      for (;;) {
        if (j >= n) return start;
        c = text.charCodeAt(j);
        if (c === QUOTE) {
          if (j + 1 >= n) return start;
          if (text.charCodeAt(j + 1) !== QUOTE) break;
          doubled = true;
          j += 2;
          continue;
        }
        if (c === LF || c === CR) return start;
        if (hashing) h = hashUnit(h, c);
        j++;
      }
      // j is the closing quote, and a character follows it.
      if (pool !== null) {
        const code = !hashing
          ? -1
          : doubled
            ? pool.code(text.slice(i + 1, j).replace(DOUBLED, '"'))
            : pool.codeHashed(text, i + 1, j, hashEnd(h, j - i - 1));
        cc!.codes[col] = code;
        cells[col++] = code >= 0 ? pool.values[code]! : unquoted(text, i + 1, j, doubled);
      } else cells[col++] = unquoted(text, i + 1, j, doubled);
      c = text.charCodeAt(j + 1);
      i = j + 2;
      if (c === delimiter) continue;
      if (c !== LF && c !== CR) return start;
    } else {
      let j = i;
      c = 0;
      let h = HASH_SEED;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === delimiter || c === LF || c === CR || c === QUOTE) break;
        if (hashing) h = hashUnit(h, c);
        j++;
      }
      if (j >= n || c === QUOTE) return start;
      if (pool !== null) {
        const code = hashing ? pool.codeHashed(text, i, j, hashEnd(h, j - i)) : -1;
        cc!.codes[col] = code;
        cells[col++] = code >= 0 ? pool.values[code]! : text.slice(i, j);
      } else cells[col++] = text.slice(i, j);
      i = j + 1;
      if (c === delimiter) continue;
    }
    // A line break ends the record (i is just after its first character).
    if (c === CR) {
      if (i >= n) return start; // the LF of a CRLF may be the next piece's first character
      if (text.charCodeAt(i) === LF) i++;
    }
    if (cells.length !== col) cells.length = col;
    sink(cells);
    cells = new Array<string>(col);
    col = 0;
    start = i;
    cc = holder?.cellCodes ?? null;
  }
  return start;
}

/** A quoted cell's text, its doubled quotes undone. */
function unquoted(text: string, from: number, to: number, doubled: boolean): string {
  const value = text.slice(from, to);
  return doubled ? value.replace(DOUBLED, '"') : value;
}

/** Where the first line break of the text ends (after the LF of a CRLF), or -1: none, or a CR at the end. */
export function firstBreakEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) {
      if (i + 1 >= text.length) return -1;
      return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
  }
  return -1;
}

/** CRLF pairs whose CR is in text[from, to): what making the line endings LF takes out of that stretch. */
export function crlfPairs(text: string, from: number, to: number): number {
  let pairs = 0;
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) === LF) pairs++;
  return pairs;
}
