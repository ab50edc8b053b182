import { AS_TEXT } from './amount-text';
import { numberedText } from './numbered-text';
import {
  arrayAt,
  bytesOf,
  columnArrays,
  dateCodes,
  isPackedChunk,
  pad8,
  textsOf,
  utf16Text,
  wayText,
  type Header,
} from './packed-chunk';
import type { StoredChunk } from './stored-chunk';

/*
 * A few rows of a chunk, read where they are kept: from a packed chunk's bytes (packed-chunk.ts) without unpacking
 * the rest (no string made for a cell not asked for, no column decoded whole), or from a decoded chunk. The
 * drill-down reads a page of lines from many chunks, a handful of rows from each: unpacking each chunk whole cost
 * a chunk's 80,000 cells for each handful.
 */

/** One chunk's rows, a cell at a time. */
export interface ChunkRows {
  index: number;
  rowCount: number;
  /** Spreadsheet row number. */
  line(row: number): number;
  period(row: number): number;
  /** A column's text as stored ('' where the column is not there). */
  cell(column: number, row: number): string;
  /** A canonical amount in pence, NaN where blank or not there. */
  amount(key: string, row: number): number;
  /** A canonical date as yyyymmdd, 0 where none. */
  date(key: string, row: number): number;
}

/** A decoded chunk's rows. */
export function rowsOfChunk(chunk: StoredChunk): ChunkRows {
  return {
    index: chunk.index,
    rowCount: chunk.rowCount,
    line: (row) => chunk.lines[row] ?? 0,
    period: (row) => chunk.periods[row] ?? 0,
    cell: (column, row) => chunk.raw[column]?.[row] ?? '',
    amount: (key, row) => chunk.pence[key]?.[row] ?? Number.NaN,
    date: (key, row) => chunk.dates[key]?.[row] ?? 0,
  };
}

type Numbers = ArrayLike<number>;

/**
 * A packed chunk's rows, read in place: the header is read once, each array is a view of the bytes, and a text
 * is made only when its cell is asked for (sliced from the bytes where every text is ASCII; else the texts are
 * decoded once). Throws, in words, where the bytes are not a whole packed chunk.
 */
export function rowsOfPacked(bytes: Uint8Array): ChunkRows {
  if (!isPackedChunk(bytes)) throw new Error('its bytes are not a packed chunk');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength))) as Header;
  const start = pad8(8 + headLength);
  // Arrays are views of the bytes where they are aligned (as IndexedDB gives them), of a copy where not.
  const aligned = (bytes.byteOffset + start) % 8 === 0;
  const body = aligned ? bytes.subarray(start) : bytes.slice(start);
  let at = 0;
  let next = 0;
  const take = (): Numbers => {
    const e = header.arrays[next++];
    if (!e) throw new Error('an array is missing');
    const array = arrayAt(e, body, at);
    at += bytesOf(e);
    return array;
  };
  const n = header.rowCount;
  const steps = header.lineSteps ? take() : null;
  if (header.warned) take();
  const periods = take();
  const columns = header.raw.map((c) => columnArrays(c, take));
  const pence = new Map<string, { flags: Numbers | null; values: Numbers }>();
  for (const [key, c] of header.pence) {
    const flags = c.nulls ? take() : null;
    pence.set(key, { flags, values: take() });
  }
  const dates = new Map<string, { values: Numbers; codes: Numbers | null }>();
  for (const [key, c] of header.dates) {
    if ('dict' in c && c.dict === null) dates.set(key, { values: take(), codes: null });
    else {
      const values = take();
      dates.set(key, { values, codes: 'of' in c ? dateCodes(columns, c.of) : take() });
    }
  }
  const lengths = take();
  const textBytes = take() as Uint8Array;
  if (next !== header.arrays.length) throw new Error('its arrays do not add up');

  // Where each column's texts begin among all the texts (a dictionary's values, or every cell in order).
  const firstText: number[] = [];
  let texts = 0;
  for (const c of header.raw) {
    firstText.push(texts);
    texts += textsOf(c, n);
  }
  if (texts !== lengths.length) throw new Error('its texts do not add up');
  let offsets: Float64Array | null = null;
  let decoded: string | null = null;
  const textAt = (k: number): string => {
    if (!offsets) {
      offsets = new Float64Array(lengths.length + 1);
      for (let i = 0; i < lengths.length; i++) offsets[i + 1] = offsets[i]! + lengths[i]!;
      const chars = offsets[lengths.length]!;
      // Every text ASCII (one byte a character) when the UTF-8 is as long as the text: a cell is its bytes.
      if (header.text === 'utf16') decoded = utf16Text(textBytes);
      else if (textBytes.length !== chars) decoded = new TextDecoder('utf-8', { fatal: true }).decode(textBytes);
      if (decoded !== null && decoded.length !== chars) throw new Error('its texts do not add up');
    }
    const from = offsets[k]!;
    const to = offsets[k + 1]!;
    if (decoded !== null) return decoded.slice(from, to);
    return latin1(textBytes, from, to);
  };

  const amount = (key: string, row: number): number => {
    const a = pence.get(key);
    if (!a || a.flags?.[row]) return Number.NaN;
    return a.values[row]!;
  };
  // Made when a column's first cell is asked for: a row's place among its column's texts (an amount column keeps
  // the texts of the rows no way writes, in order), and a numbered column's numbers (the steps added up).
  const ranks = new Map<number, Int32Array>();
  const textRank = (column: number, ways: Numbers): Int32Array => {
    let rank = ranks.get(column);
    if (!rank) {
      rank = new Int32Array(n);
      for (let i = 0, k = 0; i < n; i++) rank[i] = ways[i] === AS_TEXT ? k++ : -1;
      ranks.set(column, rank);
    }
    return rank;
  };
  const numbers = new Map<number, Float64Array>();
  const numberAt = (column: number, from: number, steps: Numbers): Float64Array => {
    let made = numbers.get(column);
    if (!made) {
      made = new Float64Array(n);
      for (let i = 0, v = from; i < n; i++) made[i] = v += steps[i]!;
      numbers.set(column, made);
    }
    return made;
  };

  let lines: Float64Array | null = null;
  const check = (row: number): void => {
    if (!(row >= 0 && row < n)) throw new RangeError(`row ${row} is not in the chunk`);
  };
  return {
    index: header.index,
    rowCount: n,
    line: (row) => {
      check(row);
      if (!steps) return header.firstLine + row;
      if (!lines) {
        lines = new Float64Array(n);
        let line = 0;
        for (let i = 0; i < n; i++) lines[i] = line += steps[i]!;
      }
      return lines[row]!;
    },
    period: (row) => (check(row), periods[row]!),
    cell: (column, row) => {
      check(row);
      const c = header.raw[column];
      if (!c) return '';
      const { codes, ways, widths, steps } = columns[column]!;
      if ('amount' in c) {
        const way = ways![row]!;
        if (way !== AS_TEXT) return wayText(amount(c.amount, row), way);
        const k = textRank(column, ways!)[row]!;
        if (k >= c.texts) throw new Error('a cell names no value');
        return textAt(firstText[column]! + k);
      }
      if ('dict' in c || 'numbered' in c) {
        const k = codes![row]!;
        if (k >= ('dict' in c ? c.dict : c.numbered)) throw new Error('a cell names no value');
        const text = textAt(firstText[column]! + k);
        if (!('numbered' in c)) return text;
        return numberedText(text, numberAt(column, c.from, steps!)[row]!, widths![row]!);
      }
      return textAt(firstText[column]! + row);
    },
    amount: (key, row) => (check(row), amount(key, row)),
    date: (key, row) => {
      check(row);
      const d = dates.get(key);
      if (!d) return 0;
      return d.codes ? d.values[d.codes[row]!]! : d.values[row]!;
    },
  };
}

/** ASCII bytes as a string, a short run at a time (a cell is short). */
function latin1(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 4096) s += String.fromCharCode(...bytes.subarray(i, Math.min(to, i + 4096)));
  return s;
}
