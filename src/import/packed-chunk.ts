import { AS_TEXT, amountText, isWay, wayOfCell } from './amount-text';
import { numberedColumn, numberedText, type NumberedColumn } from './numbered-text';
import type { BuiltChunk, StoredChunk } from './stored-chunk';

/*
 * A stored chunk packed into bytes for IndexedDB: every cell kept (the drill-down reads the original text of
 * each), in a few flat arrays that compress well, where the structured clone of the decoded chunk wrote a
 * tagged string per cell (47 bytes a row on disk in Chromium before this layout, 37 after). Storage keeps the
 * bytes (src/storage/chunk-records.ts); unpacking gives back the same StoredChunk, cell for cell.
 *
 * - A text column whose values repeat (dates, periods, codes, names) is a dictionary of its distinct values
 *   and one small integer a row. A column that hardly repeats is, of these, the fewest bytes: an amount
 *   column as the way each cell was written (amount-text.ts; the text itself where no way gives it back),
 *   a column of numbered references as a dictionary of the texts before the numbers and the numbers
 *   (numbered-text.ts), or its cells in order.
 * - Every text (dictionary values and plain cells, in order) is one UTF-8 string, with each length.
 * - Numbers are held in the narrowest integer array that holds each exactly (a Float64Array where one does
 *   not: a fraction, or beyond 32 bits); a blank amount (NaN) is a flag a row beside a 0.
 * - Line numbers one after another are their first; otherwise the steps between them.
 * - A date read from a text column kept as a dictionary is one date for each of the column's values (the column's
 *   numbers serve for both); other dates are a dictionary, or each row's.
 * - An array whose values are all one value is that value in the header, no bytes (a month's file: one period).
 *
 * Layout: "OTC2", the header's length (u32), the header (JSON, UTF-8), padding to 8, then the arrays one after
 * another, each padded to 8 bytes, in the order the header lists them ("OTC1", before amount and numbered columns,
 * dates by their column and arrays of one value, is read the same way: its header names none of them). packed-rows.ts reads a few rows of
 * a chunk from the same layout without unpacking it (the drill-down's page of lines).
 */

const MAGIC = [0x4f, 0x54, 0x43, 0x32]; // "OTC2"
/** The layout before (no amount or numbered columns, no arrays of one value): still read. */
const MAGIC_1 = 0x31;

export type NumberType = 'u8' | 'u16' | 'u32' | 'i32' | 'f64';

/** One array of numbers as the header describes it: its element type and count (and `c`, every value, if one). */
export interface ArrayEntry {
  t: NumberType;
  n: number;
  c?: number;
}

/**
 * A text column: dictionary (its values' count), plain, an amount (the pence key whose cells it writes, and how
 * many of its cells are kept as text), or numbered (the count of texts before the numbers).
 */
export type RawColumn =
  { dict: number } | { plain: true } | { amount: string; texts: number } | { numbered: number; from: number };

/**
 * A date column: its values as a dictionary (their count), or each row's (null), or one value for each value of the
 * raw column `of`, a dictionary (the date read from that column's cell: the column's numbers serve for both).
 */
export type DateColumn = { dict: number | null } | { of: number };

/** A number column: `nulls` when some cells are NaN (blank), kept as a flag array before the values. */
export interface NumberColumn {
  nulls: boolean;
}

export interface Header {
  index: number;
  rowCount: number;
  /** null: lines one after another from `firstLine`; else the steps between them in an array. */
  lineSteps: boolean;
  firstLine: number;
  warned: boolean;
  raw: RawColumn[];
  pence: [string, NumberColumn][];
  dates: [string, DateColumn][];
  /** How the texts were written: UTF-8, or UTF-16 code units where a text is not well-formed Unicode. */
  text: 'utf8' | 'utf16';
  arrays: ArrayEntry[];
}

/** A dictionary is tried on this many cells first; kept if at most one cell in DICT_REPEATS is a new value. */
const DICT_TRIAL = 1_000;
const DICT_REPEATS = 2;

const CTORS = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f64: Float64Array,
} as const;

/** The narrowest type holding every value exactly (values with NaN excluded by the caller). */
function narrowest(values: ArrayLike<number>): NumberType {
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || Object.is(v, -0)) return 'f64';
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min >= 0) return max <= 0xff ? 'u8' : max <= 0xffff ? 'u16' : max <= 0xffffffff ? 'u32' : 'f64';
  return min >= -0x80000000 && max <= 0x7fffffff ? 'i32' : 'f64';
}

class Writer {
  readonly arrays: ArrayEntry[] = [];
  readonly parts: ArrayBufferView[] = [];

  /** Adds numbers in their narrowest exact type (or the type given); all one value, the value alone. */
  numbers(values: ArrayLike<number>, type: NumberType = narrowest(values)): void {
    const typed = new CTORS[type](values.length);
    typed.set(values); // every value fits the type (narrowest, or a type its values were made for)
    const c = oneValue(typed);
    if (c !== null) {
      this.arrays.push({ t: type, n: values.length, c });
      return;
    }
    this.arrays.push({ t: type, n: values.length });
    this.parts.push(typed);
  }
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/**
 * The value every element is (a finite number, not -0, which JSON keeps exactly), or null (none: empty). Compared
 * as bytes, each element's with the one before's: one loop over one kind of array, where reading the elements of
 * five kinds of typed array in one loop cost 18 ns each (a constant array is read to its end, every chunk).
 */
function oneValue(values: Typed): number | null {
  if (values.length === 0) return null;
  const c = values[0]!;
  if (!Number.isFinite(c) || Object.is(c, -0)) return null;
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const size = values.BYTES_PER_ELEMENT;
  for (let i = size; i < bytes.length; i++) if (bytes[i] !== bytes[i - size]) return null;
  return c;
}

const hasLoneSurrogate = (s: string): boolean => {
  for (let i = s.search(/[\uD800-\uDFFF]/); i >= 0 && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
};

/** Whether a column's values repeat too little for a dictionary: `distinct` values by its cell `index` (from 0). */
const repeatsTooLittle = (distinct: number, index: number, limit: number): boolean =>
  distinct > limit || (index >= DICT_TRIAL && distinct * DICT_REPEATS > index);

/**
 * A column whose first DICT_GLANCE cells hold more than DICT_GLANCE_DISTINCT values is taken not to repeat (its
 * amounts, its references): it is kept another way at once. Without the glance, such a column of a 1,500-row chunk
 * went into the dictionary's map until its 751st value, in every chunk: in a profile of the million-row import in
 * Chromium, a tenth of the workers' time, and a fifth of packing's in Node. Only the layout chosen depends on it;
 * every layout gives the cells back exactly.
 */
const DICT_GLANCE = 64;
const DICT_GLANCE_DISTINCT = 56;

/**
 * A column as a dictionary (its distinct values, and each row's code) when its values repeat enough: at most
 * `limit` distinct, not nearly all different in its first DICT_GLANCE cells, and after the first DICT_TRIAL cells
 * at most one in DICT_REPEATS new. Null otherwise.
 */
export function dictionaryOf<T>(cells: ArrayLike<T>, limit: number): { values: T[]; codes: Uint32Array } | null {
  const codes = new Uint32Array(cells.length);
  const seen = new Map<T, number>();
  const values: T[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    let code = seen.get(cell);
    if (code === undefined) {
      code = values.length;
      values.push(cell);
      seen.set(cell, code);
      if (repeatsTooLittle(values.length, i, limit)) return null;
    }
    codes[i] = code;
    if (i === DICT_GLANCE - 1 && values.length > DICT_GLANCE_DISTINCT) return null;
  }
  return { values, codes };
}

/**
 * The texts' lengths, and their characters as the UTF-8 of the texts joined (UTF-16 code units where a text
 * is not well-formed Unicode, which UTF-8 cannot hold). Written character by character, straight into the
 * bytes: nearly every cell of a ledger is ASCII, and joining the texts into one string and encoding it cost
 * more than the rest of packing together (a chunk's 20,000 texts).
 */
function textsAsBytes(texts: readonly string[]): { lengths: ArrayLike<number>; bytes: Uint8Array; utf16: boolean } {
  let chars = 0;
  for (const t of texts) chars += t.length;
  const lengths = chars <= 0xffff ? new Uint16Array(texts.length) : new Uint32Array(texts.length);
  // At most 3 bytes of UTF-8 a UTF-16 code unit (a pair of surrogates, 4 bytes, is 2 units).
  let out = new Uint8Array(chars * 3);
  let at = 0;
  const encoder = new TextEncoder();
  for (let k = 0; k < texts.length; k++) {
    const t = texts[k]!;
    lengths[k] = t.length;
    let i = 0;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0x80) break;
      out[at++] = c;
    }
    if (i === t.length) continue;
    if (hasLoneSurrogate(t)) {
      for (let rest = k + 1; rest < texts.length; rest++) lengths[rest] = texts[rest]!.length;
      return { lengths, bytes: utf16Bytes(texts, chars), utf16: true };
    }
    at += encoder.encodeInto(t.slice(i), out.subarray(at)).written;
  }
  out = out.subarray(0, at);
  return { lengths, bytes: out, utf16: false };
}

/** The texts joined, as UTF-16 code units (little-endian, as typed arrays hold them here). */
function utf16Bytes(texts: readonly string[], chars: number): Uint8Array {
  const units = new Uint16Array(chars);
  let at = 0;
  for (const t of texts) for (let i = 0; i < t.length; i++) units[at++] = t.charCodeAt(i);
  return new Uint8Array(units.buffer);
}

/**
 * A column's dictionary: the one the chunk builder kept (a copy of its numbers, no lookup), when it kept one
 * and it is worth it (at most one value in DICT_REPEATS cells); else looked up cell by cell (dictionaryOf).
 */
function columnDictionary(
  chunk: BuiltChunk,
  column: number,
): { values: readonly string[]; codes: ArrayLike<number> } | null {
  const cells = chunk.raw[column]!;
  const limit = Math.max(1, Math.floor(cells.length / DICT_REPEATS));
  const kept = chunk.dictionaries?.[column];
  if (kept && kept.codes.length === cells.length) return kept.values.length <= limit ? kept : null;
  return dictionaryOf(cells, limit);
}

const codeType = (values: number): NumberType => (values <= 0x100 ? 'u8' : values <= 0x10000 ? 'u16' : 'u32');

/** Rows an amount column is first tried on: kept as ways if most of them are written by one. */
const AMOUNT_TRIAL = 32;

/**
 * A plain column as the ways its cells write an amount column's pence (amount-text.ts), with the texts of the
 * cells no way writes, in order; null where the column writes no amount of the chunk (found by trying each
 * amount on the first rows) or where half its cells would be kept as text anyway.
 */
function amountColumn(
  chunk: BuiltChunk,
  cells: readonly string[],
): { key: string; ways: Uint8Array; texts: string[] } | null {
  const n = cells.length;
  const trial = Math.min(n, AMOUNT_TRIAL);
  for (const [key, pence] of Object.entries(chunk.pence)) {
    let written = 0;
    for (let i = 0; i < trial; i++) if (wayOfCell(cells[i]!, pence[i]!) !== AS_TEXT) written++;
    if (written * 2 <= trial) continue;
    const ways = new Uint8Array(n);
    const texts: string[] = [];
    for (let i = 0; i < n; i++) {
      const way = wayOfCell(cells[i]!, pence[i]!);
      ways[i] = way;
      if (way === AS_TEXT) texts.push(cells[i]!);
    }
    if (texts.length * 2 < n) return { key, ways, texts };
  }
  return null;
}

/**
 * A plain column as numbered references (numbered-text.ts), where its texts before the numbers repeat
 * (dictionaryOf's rule) and that is fewer bytes than its cells (each about a byte a character, and a length).
 */
function numberedOf(cells: readonly string[]): NumberedColumn | null {
  const n = cells.length;
  const limit = Math.max(1, Math.floor(n / DICT_REPEATS));
  const column = numberedColumn(cells, (distinct, rows) => repeatsTooLittle(distinct, rows - 1, limit));
  if (!column) return null;
  let beforeChars = 0;
  for (const v of column.before) beforeChars += v.length;
  const bytes = (values: Typed, type: NumberType): number =>
    oneValue(values) !== null ? 0 : values.length * CTORS[type].BYTES_PER_ELEMENT;
  const size =
    beforeChars +
    column.before.length +
    bytes(column.codes, codeType(column.before.length)) +
    bytes(column.widths, 'u8') +
    bytes(column.steps, narrowest(column.steps));
  return size < column.chars + n ? column : null;
}

/**
 * A date column as one value for each value of a raw column kept as a dictionary, where every row's date is its
 * cell's (the date column's own numbers, a byte or two a row, not kept again); null where no such column.
 */
function dateOfColumn(
  values: Uint32Array,
  dicts: readonly ({ values: readonly string[]; codes: ArrayLike<number> } | null)[],
): { column: number; byCode: Float64Array } | null {
  for (let column = 0; column < dicts.length; column++) {
    const dict = dicts[column];
    // Not where one value a text of the column would take more than the date's own dictionary numbers.
    if (!dict || dict.values.length * 4 > values.length * 2) continue;
    const byCode = new Float64Array(dict.values.length).fill(-1);
    let each = true;
    for (let i = 0; i < values.length && each; i++) {
      const code = dict.codes[i]!;
      const was = byCode[code]!;
      if (was === -1) byCode[code] = values[i]!;
      else if (was !== values[i]) each = false;
    }
    if (!each) continue;
    for (let k = 0; k < byCode.length; k++) if (byCode[k] === -1) byCode[k] = 0; // a value no row has
    return { column, byCode };
  }
  return null;
}

/** The chunk as bytes (to be compressed and stored); unpackChunk gives it back exactly. */
export function packChunk(chunk: BuiltChunk): Uint8Array {
  const n = chunk.rowCount;
  const w = new Writer();
  const texts: string[] = [];

  // Lines: one after another (nearly always), else the steps between them.
  const first = n > 0 ? chunk.lines[0]! : 0;
  let sequential = true;
  for (let i = 1; i < n && sequential; i++) if (chunk.lines[i] !== first + i) sequential = false;
  if (!sequential) {
    const steps = new Float64Array(n);
    for (let i = 0; i < n; i++) steps[i] = chunk.lines[i]! - (i === 0 ? 0 : chunk.lines[i - 1]!);
    w.numbers(steps, narrowest(steps) === 'f64' ? 'f64' : narrowest(steps));
  }
  let warned = false;
  for (let i = 0; i < n && !warned; i++) if (chunk.warned[i] !== 0) warned = true;
  if (warned) w.numbers(chunk.warned, 'u8');
  w.numbers(chunk.periods, 'u8');

  const rawDicts: ({ values: readonly string[]; codes: ArrayLike<number> } | null)[] = [];
  const raw: RawColumn[] = chunk.raw.map((cells, column) => {
    const dict = columnDictionary(chunk, column);
    rawDicts.push(dict);
    if (dict) {
      for (const v of dict.values) texts.push(v);
      w.numbers(dict.codes, codeType(dict.values.length));
      return { dict: dict.values.length };
    }
    const amount = amountColumn(chunk, cells);
    if (amount) {
      for (const t of amount.texts) texts.push(t);
      w.numbers(amount.ways, 'u8');
      return { amount: amount.key, texts: amount.texts.length };
    }
    const numbered = numberedOf(cells);
    if (numbered) {
      for (const v of numbered.before) texts.push(v);
      w.numbers(numbered.codes, codeType(numbered.before.length));
      w.numbers(numbered.widths, 'u8');
      w.numbers(numbered.steps);
      return { numbered: numbered.before.length, from: numbered.from };
    }
    for (const c of cells) texts.push(c);
    return { plain: true };
  });

  const pence = Object.entries(chunk.pence).map(([key, values]): [string, NumberColumn] => {
    let nulls = false;
    for (let i = 0; i < values.length && !nulls; i++) if (Number.isNaN(values[i])) nulls = true;
    if (!nulls) {
      w.numbers(values);
      return [key, { nulls: false }];
    }
    const flags = new Uint8Array(values.length);
    const filled = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) flags[i] = 1;
      else filled[i] = v;
    }
    w.numbers(flags, 'u8');
    w.numbers(filled);
    return [key, { nulls: true }];
  });

  const dates = Object.entries(chunk.dates).map(([key, values]): [string, DateColumn] => {
    // dates: a few hundred distinct days in ten thousand rows, each read from a column of a few hundred texts
    const of = dateOfColumn(values, rawDicts);
    if (of) {
      w.numbers(of.byCode);
      return [key, { of: of.column }];
    }
    const dict = dictionaryOf(values, 0xffff);
    if (!dict) {
      w.numbers(values);
      return [key, { dict: null }];
    }
    w.numbers(dict.values);
    w.numbers(dict.codes, codeType(dict.values.length));
    return [key, { dict: dict.values.length }];
  });

  // Every text at once: each length, then their characters.
  const { lengths, bytes: textBytes, utf16 } = textsAsBytes(texts);
  w.numbers(lengths);
  w.arrays.push({ t: 'u8', n: textBytes.length });
  w.parts.push(textBytes);

  const header: Header = {
    index: chunk.index,
    rowCount: n,
    lineSteps: !sequential,
    firstLine: first,
    warned,
    raw,
    pence,
    dates,
    text: utf16 ? 'utf16' : 'utf8',
    arrays: w.arrays,
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const start = pad8(8 + head.length);
  let total = start;
  for (const p of w.parts) total += pad8(p.byteLength);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, head.length, true);
  out.set(head, 8);
  let at = start;
  for (const p of w.parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += pad8(p.byteLength);
  }
  return out;
}

export const pad8 = (n: number): number => (n + 7) & ~7;

/** Whether bytes are a packed chunk (by their first four bytes: this layout's, or the one before). */
export function isPackedChunk(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b || (i === 3 && bytes[i] === MAGIC_1));
}

/**
 * The numbers of an array as the header lists it: a view of the body at `at`, or, for an array of one value, that
 * value `n` times (no bytes). Throws, in words, where the body is too short or the value not a number.
 */
export function arrayAt(entry: ArrayEntry, body: Uint8Array, at: number): ArrayLike<number> {
  const Ctor = CTORS[entry.t];
  if (!Ctor) throw new Error('an array is of no known type');
  if (entry.c !== undefined) {
    if (typeof entry.c !== 'number') throw new Error("an array's value is not a number");
    return new Ctor(entry.n).fill(entry.c);
  }
  if (at + entry.n * Ctor.BYTES_PER_ELEMENT > body.byteLength) throw new Error('it is cut short');
  return new Ctor(body.buffer as ArrayBuffer, body.byteOffset + at, entry.n);
}

/** Bytes an array of the header takes in the body (padded; none for an array of one value). */
export const bytesOf = (entry: ArrayEntry): number =>
  entry.c !== undefined ? 0 : pad8(entry.n * (CTORS[entry.t]?.BYTES_PER_ELEMENT ?? 0));

/** A raw column's arrays, as the header lists them after the periods, in column order. */
export interface ColumnArrays {
  codes?: ArrayLike<number>;
  ways?: ArrayLike<number>;
  widths?: ArrayLike<number>;
  steps?: ArrayLike<number>;
}

export function columnArrays(column: RawColumn, take: () => ArrayLike<number>): ColumnArrays {
  if ('dict' in column) return { codes: take() };
  if ('amount' in column) return { ways: take() };
  if ('numbered' in column) return { codes: take(), widths: take(), steps: take() };
  return {};
}

/** The numbers of the raw column a date column is read from (DateColumn `of`); throws where it has none. */
export function dateCodes(columns: readonly ColumnArrays[], of: number): ArrayLike<number> {
  const codes = columns[of]?.codes;
  if (!codes || columns[of]?.steps) throw new Error('a date names no column');
  return codes;
}

/** The texts a raw column keeps among the chunk's: its dictionary's values, its cells, or those named. */
export const textsOf = (column: RawColumn, rowCount: number): number =>
  'dict' in column
    ? column.dict
    : 'amount' in column
      ? column.texts
      : 'numbered' in column
        ? column.numbered
        : rowCount;

/**
 * The chunk packChunk packed, or a reason in words when the bytes are not one (damaged, or another layout).
 * Never throws on bad bytes.
 */
export function unpackChunk(bytes: Uint8Array): { ok: true; value: StoredChunk } | { ok: false; reason: string } {
  try {
    return { ok: true, value: unpack(bytes) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function unpack(bytes: Uint8Array): StoredChunk {
  if (!isPackedChunk(bytes)) throw new Error('its bytes are not a packed chunk');
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headLength))) as Header;
  // A copy aligned to 8 bytes, so every array is a view of it.
  const body = bytes.slice(pad8(8 + headLength));
  let at = 0;
  let next = 0;
  const take = (): ArrayLike<number> => {
    const e = header.arrays[next++];
    if (!e) throw new Error('an array is missing');
    const view = arrayAt(e, body, at);
    at += bytesOf(e);
    return view;
  };
  const n = header.rowCount;
  const lines = new Uint32Array(n);
  if (header.lineSteps) {
    const steps = take();
    let line = 0;
    for (let i = 0; i < n; i++) lines[i] = line += steps[i]!;
  } else {
    for (let i = 0; i < n; i++) lines[i] = header.firstLine + i;
  }
  const warned = header.warned ? Uint8Array.from(take()) : new Uint8Array(n);
  const periods = Uint8Array.from(take());
  const columns = header.raw.map((c) => columnArrays(c, take));
  const pence: Record<string, Float64Array> = {};
  for (const [key, c] of header.pence) {
    const flags = c.nulls ? take() : null;
    const values = Float64Array.from(take());
    if (flags) for (let i = 0; i < n; i++) if (flags[i]) values[i] = Number.NaN;
    pence[key] = values;
  }
  const dates: Record<string, Uint32Array> = {};
  for (const [key, c] of header.dates) {
    if ('dict' in c && c.dict === null) {
      dates[key] = Uint32Array.from(take());
      continue;
    }
    const values = take();
    const dictCodes = 'of' in c ? dateCodes(columns, c.of) : take();
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = values[dictCodes[i]!]!;
    dates[key] = out;
  }
  const lengths = take();
  const textBytes = take() as Uint8Array;
  const text =
    header.text === 'utf16' ? utf16Text(textBytes) : new TextDecoder('utf-8', { fatal: true }).decode(textBytes);
  let t = 0;
  let pos = 0;
  const nextText = (): string => {
    const length = lengths[t++];
    if (length === undefined) throw new Error('a text is missing');
    const s = text.slice(pos, pos + length);
    pos += length;
    return s;
  };
  const raw = header.raw.map((c, col) => {
    const cells = new Array<string>(n);
    const { codes, ways, widths, steps } = columns[col]!;
    if ('dict' in c || 'numbered' in c) {
      const values = Array.from({ length: 'dict' in c ? c.dict : c.numbered }, nextText);
      let number = 'numbered' in c ? c.from : 0;
      for (let i = 0; i < n; i++) {
        const v = values[codes![i]!];
        if (v === undefined) throw new Error('a cell names no value');
        if (!steps) cells[i] = v;
        else cells[i] = numberedText(v, (number += steps[i]!), widths![i]!);
      }
    } else if ('amount' in c) {
      const amounts = pence[c.amount];
      if (!amounts) throw new Error('an amount column names no amount');
      for (let i = 0; i < n; i++) cells[i] = ways![i] === AS_TEXT ? nextText() : wayText(amounts[i]!, ways![i]!);
    } else {
      for (let i = 0; i < n; i++) cells[i] = nextText();
    }
    return cells;
  });
  if (pos !== text.length || t !== lengths.length || next !== header.arrays.length)
    throw new Error('its texts do not add up');
  return { index: header.index, rowCount: n, lines, warned, raw, pence, periods, dates };
}

/** An amount written the way stored; throws where the way is none or does not write it (damaged bytes). */
export function wayText(pence: number, way: number): string {
  const text = isWay(way) ? amountText(pence, way) : null;
  if (text === null) throw new Error('an amount cell is not written by its way');
  return text;
}

export function utf16Text(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  let s = '';
  for (let i = 0; i < units.length; i += 4096) s += String.fromCharCode(...units.subarray(i, i + 4096));
  return s;
}
