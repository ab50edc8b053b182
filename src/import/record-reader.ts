import Papa from 'papaparse';
import type { Issue } from '../domain/core/result';
import type { CellPool } from './cell-pool';
import type { ByteEncoding } from './byte-text';
import { decodeEach } from './decode';
import { readPlainBytes } from './plain-bytes';
import { crlfPairs, firstBreakEnd, readPlainRecords, type CodesHolder } from './plain-records';
import type { Delimiter } from './sniff';

/*
 * Decoded text in, records (rows of cells) out, in order, streamed, for the import session and the
 * preview alike (so both number the rows the same way). papaparse does the reading; this adds what a
 * hostile file needs and papaparse does not give:
 *  - any line ending (CRLF, LF, a lone CR, mixed in one file) ends a row, as in a spreadsheet;
 *  - a quote out of place (a field that opens with " and never closes, or closes and runs on:
 *    "a"b) would make papaparse read the rest of the file, or up to the next stray quote, as one
 *    cell: those rows would vanish. Here such a row is reported as broken and reading goes on at its
 *    next line, so every line after it is still read;
 *  - a row longer than MAX_ROW_CHARS (a 200 MB file with no line break) is reported without being
 *    held: memory stays bounded by one row, however big the file.
 * Ordinary records are read by a fast path of its own (plain-records.ts), giving exactly what papaparse
 * gives; papaparse reads from the first record that is anything else, to the end of that piece.
 */

/** The longest row read: Excel holds 32,767 characters in a cell, so no export has a row of a million. */
export const MAX_ROW_CHARS = 1 << 20;

/** A row that could not be read as cells. It is still a row: the session counts and rejects it. */
export type RecordProblemCode = 'unbalanced-quote' | 'unclosed-quote' | 'row-too-long';
export type RecordProblem = Issue<RecordProblemCode>;

/**
 * A record, or a row that could not be read as cells (with its problem). `breaks` counts the line breaks
 * inside its quoted cells: the record spans breaks + 1 lines of the file.
 */
export type RecordSink = (cells: string[], problem?: RecordProblem, breaks?: number, codes?: Int32Array) => void;

/** Line breaks inside a record's cells (0 for nearly every record). */
export function breaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) for (let i = c.indexOf('\n'); i >= 0; i = c.indexOf('\n', i + 1)) n++;
  return n;
}

/** A streaming decoder (decode.ts createDecoder): the bytes given it so far, in order, as text. */
export type Decode = (bytes: Uint8Array, final: boolean) => string;

const LF = 10;
const CR = 13;

/** Where the first line break in bytes[from, ...) ends (after the LF of a CRLF), or -1: none, or a CR at the end. */
function breakEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF) return i + 1;
    if (b === CR) {
      if (i + 1 >= bytes.length) return -1;
      return bytes[i + 1] === LF ? i + 2 : i + 1;
    }
  }
  return -1;
}

/** Characters handed to papaparse at once (see push). */
const PARSE_PIECE = 1 << 16;

const LIMIT = MAX_ROW_CHARS.toLocaleString('en-GB');
const HEAD = 200;

const unbalanced = (): RecordProblem => ({
  code: 'unbalanced-quote',
  message:
    'A quote (") in this row opens a field that closes in the wrong place, so its cells cannot be told apart. The row was not imported; reading went on at the next line.',
});
const unclosed = (): RecordProblem => ({
  code: 'unclosed-quote',
  message: `A quote (") in this row opens a field that never closes (or not within ${LIMIT} characters): a stray quote? The row was not imported; reading went on at its next line.`,
});

type Field = { kind: 'record'; cells: string[]; end: number } | { kind: 'broken' } | { kind: 'incomplete' };

/** Where the piece of `whole` that starts at `at` ends: just after the first line break PARSE_PIECE on, or the end. */
function pieceEnd(whole: string, at: number): number {
  const nl = whole.length - at <= PARSE_PIECE ? -1 : whole.indexOf('\n', at + PARSE_PIECE);
  return nl < 0 ? whole.length : nl + 1;
}

export class RecordReader {
  private readonly parser: Papa.Parser;
  /** The start of a row not yet complete. */
  private partial = '';
  /** A CR at the end of the last piece: it may be the first half of a CRLF. */
  private carry = '';
  /** A row too long to hold, being passed over to its line break. */
  private skipping: { chars: number; head: string } | null = null;
  private done = false;
  private readonly plain: boolean;
  private readonly delimiterCode: number;
  private readonly plainSink: (cells: string[]) => void;
  /** Characters handed to papaparse (the rest were read by the fast path): for the tests. */
  papaparsed = 0;
  /**
   * Records not read by the fast path (papaparse's, the recovery's, a row too long): a part of a file read apart
   * from the rest (split-import.ts) is taken only where every record near its ends was an ordinary one, which any
   * cutting of the text into pieces reads alike.
   */
  unusualRecords = 0;
  private readonly sink: RecordSink;

  /** `plain: false` reads every record with papaparse: the reference the fast path is tested against. */
  constructor(
    private readonly delimiter: Delimiter,
    sink: RecordSink,
    options: { plain?: boolean } = {},
  ) {
    this.parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
    this.plain = options.plain ?? true;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.plainSink = (cells) => sink(cells, undefined, 0, this.holder.cellCodes?.codes);
    this.sink = (cells, problem, breaks) => {
      this.unusualRecords++;
      sink(cells, problem, breaks);
    };
  }

  private readonly holder: CodesHolder = { cellCodes: null };

  /**
   * From the next record on, the fast path looks each cell up in its column's pool (cell-pool.ts) as it reads it,
   * and hands the record on with each cell's number there (RecordSink's `codes`, valid for that call only): a
   * repeated value is never made as a fresh string. Records papaparse reads come without numbers.
   */
  useCellPools(pools: readonly CellPool[]): void {
    this.holder.cellCodes = { pools, codes: new Int32Array(pools.length).fill(-2) };
  }

  /** Whether what was pushed so far ends where a record ends: nothing held over (no row begun, no CR, no skip). */
  get atRecordStart(): boolean {
    return this.textAtRecordStart && this.rest === null;
  }

  private get textAtRecordStart(): boolean {
    return this.partial === '' && this.carry === '' && this.skipping === null && !this.done;
  }

  /** The bytes of a record begun at the end of the last piece read as bytes, not yet ended. */
  private rest: Uint8Array | null = null;
  /**
   * The decoder whose bytes so far end with a line feed (so it holds no part of a character, and no byte-order mark
   * is still to come): from a record's start there, bytes can be read as bytes, the decoder given none of them.
   */
  private clean: Decode | null = null;

  /**
   * The file's next bytes, read as `decode` reads them: the ordinary records from the bytes themselves
   * (plain-bytes.ts), everything else decoded and pushed as text. The bytes are read as bytes from a record's start
   * with the decoder clean (its bytes end in a line feed): at a piece's start, or once the text path has been given
   * the piece up to its first line feed. From the first record that is not ordinary, the rest of the piece goes to the
   * text path, which reads it as it reads any text (a record the piece ends in the middle of is kept as bytes until
   * the next piece ends it). `encoding` null: the bytes are always decoded (UTF-16, or a reader without a fast path).
   */
  pushBytes(piece: Uint8Array, decode: Decode, encoding: ByteEncoding | null): void {
    if (this.done) return;
    if (encoding === null || !this.plain) {
      this.pushDecoded(piece, decode);
      return;
    }
    let at = 0;
    if (this.rest === null && !(this.clean === decode && this.textAtRecordStart)) {
      const lf = piece.indexOf(LF);
      if (lf < 0) {
        this.pushDecoded(piece, decode);
        return;
      }
      at = lf + 1;
      this.pushDecoded(piece.subarray(0, at), decode);
      if (!(this.clean === decode && this.textAtRecordStart)) {
        this.pushDecoded(piece.subarray(at), decode);
        return;
      }
    }
    if (this.rest !== null) {
      // The record begun in the last piece, with the rest of its line: read on its own (not the whole piece joined).
      const rest = this.rest;
      this.rest = null;
      const k = breakEnd(piece, 0);
      if (k < 0) {
        // No line ends in this piece: the record is long, or not ordinary; the text path reads on from it.
        this.pushDecoded(rest, decode);
        this.pushDecoded(piece, decode);
        return;
      }
      const head = joinBytes(rest, piece.subarray(0, k));
      const p = readPlainBytes(head, this.delimiterCode, this.plainSink, 0, this.holder, encoding);
      if (p !== head.length) {
        // The records read are handed on; the text path reads on from the first that is not ordinary (a lone CR ends
        // the head, which may be a CRLF's as far as the head can tell, and is read there too).
        this.pushDecoded(head.subarray(p), decode);
        this.pushDecoded(piece.subarray(k), decode);
        return;
      }
      at = k;
    }
    const p = readPlainBytes(piece, this.delimiterCode, this.plainSink, at, this.holder, encoding);
    if (p === piece.length) return;
    if (breakEnd(piece, p) < 0) {
      // One line left, not ended (the usual end of a piece; or ended by a CR that may be a CRLF's): kept for the next.
      this.rest = piece.slice(p);
      return;
    }
    this.pushDecoded(piece.subarray(p), decode);
  }

  /** The end of bytes pushed with pushBytes: a record still begun is read as text, then the decoder's last text. */
  endBytes(decode: Decode): void {
    if (this.rest !== null) {
      const rest = this.rest;
      this.rest = null;
      this.push(decode(rest, false));
    }
    this.push(decode(new Uint8Array(), true));
  }

  /** Bytes decoded (32 KiB at a time: decode.ts decodeEach) and pushed as text. */
  private pushDecoded(bytes: Uint8Array, decode: Decode): void {
    if (bytes.length === 0) return;
    decodeEach(decode, bytes, (text) => {
      this.push(text);
      return false;
    });
    this.clean = bytes[bytes.length - 1] === LF ? decode : null;
  }

  push(text: string): void {
    if (this.done) return;
    let t = this.carry + text;
    this.carry = '';
    if (t.length > 0 && t.charCodeAt(t.length - 1) === 13) {
      this.carry = '\r';
      t = t.slice(0, -1);
    }
    if (this.plain && !this.skipping) this.pushPlain(t);
    else this.pushPieces(normalise(t), 0);
  }

  /**
   * The text with its line endings made LF, from `from`, a piece at a time, as the reader has always read it.
   * papaparse gets the text a piece at a time: the rows of one piece are handed on and die young, where the
   * 40,000 rows of a 4 MB piece lived at once and were promoted to the old generation. Each piece ends at a
   * line break, so that the row left over is usually none and the piece is parsed as it is, not copied onto
   * the end of the last one.
   */
  private pushPieces(whole: string, from: number): void {
    if (from > 0 && from >= whole.length) return;
    let at = from;
    do {
      const end = pieceEnd(whole, at);
      this.read(at === 0 && end === whole.length ? whole : whole.slice(at, end), false);
      at = end;
    } while (at < whole.length);
  }

  /**
   * The fast path over the text as it came (any line endings), from the row left over; from the first record
   * that is not ordinary, the rest exactly as pushPieces reads it: that record's piece (the one pushPieces
   * would have cut, from that record on) and every piece after it. Where a piece ends can matter for a row
   * with a quote out of place (papaparse and the recovery read a few of those differently), so it is kept.
   */
  private pushPlain(t: string): void {
    let partial = this.partial;
    this.partial = '';
    let text = t;
    let p: number;
    if (partial === '') {
      p = readPlainRecords(t, this.delimiterCode, this.plainSink, 0, this.holder);
    } else {
      // The row left over is read with the rest of its line, and the text after it on its own: the text is not
      // joined onto the row (reading a joined string character by character takes about half as long again).
      const k = firstBreakEnd(t);
      const head = k < 0 ? '' : partial + t.slice(0, k);
      if (k >= 0 && readPlainRecords(head, this.delimiterCode, this.plainSink, 0, this.holder) === head.length) {
        partial = '';
        p = readPlainRecords(t, this.delimiterCode, this.plainSink, k, this.holder);
      } else {
        text = partial + t;
        p = readPlainRecords(text, this.delimiterCode, this.plainSink, 0, this.holder);
      }
    }
    if (p === text.length) return;
    if (text.indexOf('\n', p) < 0 && text.indexOf('\r', p) < 0) {
      // One line left, not ended (the usual end of a piece of the file): its piece runs to the end.
      this.parse(p === 0 ? text : text.slice(p), false);
      return;
    }
    const whole = normalise(t);
    // Where the record stopped at is, in the text with LF line endings, and in `whole` (after the row left over).
    const q = p - crlfPairs(text, partial.length, p);
    const inWhole = Math.max(0, q - partial.length);
    let at = 0;
    let end: number;
    for (;;) {
      end = pieceEnd(whole, at);
      if (inWhole < end || end >= whole.length) break;
      at = end;
    }
    this.parse(q >= partial.length ? whole.slice(inWhole, end) : partial.slice(q) + whole.slice(0, end), false);
    this.pushPieces(whole, end);
  }

  /** The end of the text: the last row, if it has no line break. */
  finish(): void {
    if (this.done) return;
    const t = this.carry === '' ? '' : '\n';
    this.carry = '';
    this.read(t, true);
    this.done = true;
  }

  private read(text: string, final: boolean): void {
    let t = text;
    if (this.skipping) {
      const nl = t.indexOf('\n');
      if (nl < 0) {
        this.skipping.chars += t.length;
        if (final) this.endSkip();
        return;
      }
      this.skipping.chars += nl;
      this.endSkip();
      t = t.slice(nl + 1);
    }
    this.parse(this.partial + t, final);
  }

  private parse(text: string, final: boolean): void {
    this.partial = '';
    // The ordinary records first; papaparse reads the rest of this piece from the first record that is not,
    // from a record's start, so exactly as it would have read it from the piece's start.
    const at = this.plain ? readPlainRecords(text, this.delimiterCode, this.plainSink, 0, this.holder) : 0;
    if (at === text.length) return;
    this.parseWithPapaparse(at === 0 ? text : text.slice(at), final);
  }

  private parseWithPapaparse(text: string, final: boolean): void {
    this.papaparsed += text.length;
    const result = this.parser.parse(text, 0, !final) as Papa.ParseResult<string[]> & { meta: { cursor: number } };
    if (result.errors.some((e) => e.type === 'Quotes')) {
      this.recover(text, final);
      return;
    }
    const data = result.data;
    if (final && data.length > 0) {
      // A file that ends with a line break has no further record: the parser's empty last row is not a row.
      const last = data[data.length - 1]!;
      if (last.length === 1 && last[0] === '') data.pop();
    }
    // Each record ends at a line break, so more line breaks than records means a quoted cell spans lines:
    // only then are the cells looked through, to say which record spans how many.
    const consumed = final ? text.length : result.meta.cursor;
    let breaks = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < consumed; i = text.indexOf('\n', i + 1)) breaks++;
    if (breaks > data.length - (final && !text.endsWith('\n') ? 1 : 0)) {
      for (const cells of data) this.sink(cells, undefined, breaksIn(cells));
    } else {
      for (const cells of data) this.sink(cells);
    }
    if (!final) {
      this.partial = text.substring(result.meta.cursor);
      if (this.partial.length > MAX_ROW_CHARS) this.oversize();
    }
  }

  /** The row being read is longer than a row may be. */
  private oversize(): void {
    const text = this.partial;
    this.partial = '';
    if (text.indexOf('\n') < 0) {
      // One line, no end in sight: pass over it to its line break, holding nothing.
      this.skipping = { chars: text.length, head: text.slice(0, HEAD) };
      return;
    }
    // Line breaks, but papaparse could not end the row: a quote opened and not closed within the limit.
    this.recover(text, false);
  }

  private endSkip(): void {
    const s = this.skipping!;
    this.skipping = null;
    this.sink([`${s.head}…`], {
      code: 'row-too-long',
      message: `This row is ${s.chars.toLocaleString('en-GB')} characters long with no line break; Outturn reads rows of up to ${LIMIT} characters. The row was not imported; reading went on at the next line.`,
    });
  }

  /**
   * Row by row where papaparse met a quote out of place: the same rules (a field is quoted when it
   * starts with ", "" is a quote inside it, spaces may follow the closing quote), and a broken row is
   * reported whole, as its first line split at the delimiter, with reading resumed at its next line.
   */
  private recover(text: string, final: boolean): void {
    let pos = 0;
    while (pos < text.length) {
      const r = readRecord(text, pos, this.delimiter, final);
      if (r.kind === 'record') {
        this.sink(r.cells, undefined, breaksIn(r.cells));
        pos = r.end;
        continue;
      }
      if (r.kind === 'incomplete' && !final && text.length - pos <= MAX_ROW_CHARS) {
        this.partial = text.slice(pos);
        return;
      }
      const nl = text.indexOf('\n', pos);
      if (nl < 0 && !final) {
        // The broken row's first line is not complete yet: wait for its end (or for it to be too long).
        this.partial = text.slice(pos);
        if (this.partial.length > MAX_ROW_CHARS) this.oversize();
        return;
      }
      const line = nl < 0 ? text.slice(pos) : text.slice(pos, nl);
      this.sink(
        line.length > MAX_ROW_CHARS ? [`${line.slice(0, HEAD)}…`] : line.split(this.delimiter),
        r.kind === 'broken' ? unbalanced() : unclosed(),
      );
      pos = nl < 0 ? text.length : nl + 1;
    }
  }
}

/** Two pieces of bytes end to end. */
function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const all = new Uint8Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  return all;
}

/** Every line ending as LF: CRLF, LF and a lone CR each end a row, even mixed in one file. */
export function normalise(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

function readRecord(text: string, start: number, delimiter: string, final: boolean): Field {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const cells: string[] = [];
  let i = start;
  for (;;) {
    if (i >= n) {
      if (!final) return { kind: 'incomplete' };
      cells.push('');
      return { kind: 'record', cells, end: n };
    }
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return { kind: 'incomplete' };
        if (q + 1 >= n && !final) return { kind: 'incomplete' }; // the next piece may start with the second " of ""
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        let k = q + 1;
        while (k < n && text.charCodeAt(k) === 32) k++;
        if (k >= n) {
          if (!final) return { kind: 'incomplete' };
          cells.push(value);
          return { kind: 'record', cells, end: n };
        }
        const c = text.charCodeAt(k);
        if (c === d) {
          cells.push(value);
          i = k + 1;
          break;
        }
        if (c === 10) {
          cells.push(value);
          return { kind: 'record', cells, end: k + 1 };
        }
        return { kind: 'broken' };
      }
      continue;
    }
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === d || c === 10) break;
      j++;
    }
    if (j >= n) {
      if (!final) return { kind: 'incomplete' };
      cells.push(text.slice(i));
      return { kind: 'record', cells, end: n };
    }
    cells.push(text.slice(i, j));
    if (text.charCodeAt(j) === 10) return { kind: 'record', cells, end: j + 1 };
    i = j + 1;
  }
}
