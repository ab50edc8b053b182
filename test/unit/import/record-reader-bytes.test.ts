// The record reader's fast path over bytes (plain-bytes.ts, RecordReader.pushBytes) against the reader with
// papaparse alone (`plain: false`) over the decoded text: the same records, rejections and line breaks, the cells
// looked up in their pools numbered as the pools number them, for UTF-8 and Windows-1252 bytes cut anywhere, with
// characters of one, two, three and four bytes, and bytes that are not UTF-8.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutPieces as cut } from '../helpers/cut-pieces';
import { asciiText, wideText } from '../../../src/import/byte-text';
import { CellPool } from '../../../src/import/cell-pool';
import { createDecoder } from '../../../src/import/decode';
import { RecordReader } from '../../../src/import/record-reader';
import type { Delimiter } from '../../../src/import/sniff';

type Call = [cells: string[], problem: string | undefined, breaks: number];
type Encoding = 'utf-8' | 'windows-1252';

/** The reference: papaparse alone over the bytes decoded by the platform's decoder in one piece. */
function reference(bytes: Uint8Array, delimiter: Delimiter, encoding: Encoding): Call[] {
  const calls: Call[] = [];
  const reader = new RecordReader(delimiter, (cells, problem, breaks) =>
    calls.push([[...cells], problem?.code, breaks ?? 0]),
  );
  const decode = createDecoder({ encoding, bom: false });
  reader.push(decode(bytes, false));
  reader.push(decode(new Uint8Array(), true));
  reader.finish();
  return calls;
}

/**
 * Read from the bytes in the given pieces, pooled from the first record's call (as the session binds its header), each
 * number the reader gave checked against its pool; `papaparse` counts the characters the text path handed papaparse.
 */
function fromBytes(
  pieces: readonly Uint8Array[],
  delimiter: Delimiter,
  encoding: Encoding,
  columns = 3,
): { calls: Call[]; papaparsed: number; decoded: number } {
  const calls: Call[] = [];
  const pools = Array.from({ length: columns }, () => new CellPool());
  const wrong: [column: number, cell: string, code: number][] = [];
  const reader: RecordReader = new RecordReader(delimiter, (cells, problem, breaks, codes) => {
    calls.push([[...cells], problem?.code, breaks ?? 0]);
    if (calls.length === 1) reader.useCellPools(pools);
    if (!codes) return;
    for (let c = 0; c < Math.min(columns, cells.length); c++) {
      const n = codes[c]!;
      if (n >= 0 && (pools[c]!.values[n] !== cells[c] || pools[c]!.code(cells[c]!) !== n))
        wrong.push([c, cells[c]!, n]);
    }
  });
  const decoder = createDecoder({ encoding, bom: false });
  let decoded = 0;
  const decode = (bytes: Uint8Array, final: boolean): string => {
    decoded += bytes.length;
    return decoder(bytes, final);
  };
  for (const p of pieces) reader.pushBytes(p, decode, encoding);
  reader.endBytes(decode);
  reader.finish();
  expect(wrong).toEqual([]);
  return { calls, papaparsed: reader.papaparsed, decoded };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Windows-1252 bytes of text whose characters it has. */
function cp1252(text: string): Uint8Array {
  const table = new Map<string, number>();
  const decoded = new TextDecoder('windows-1252').decode(
    new Uint8Array(256).map((_, i) => i),
    { stream: true },
  );
  for (let i = 0; i < 256; i++) table.set(decoded[i]!, i);
  return Uint8Array.from(Array.from(text, (c) => table.get(c)!));
}

const delimiterArb = fc.constantFrom<Delimiter>(',', ';', '\t', '|');
/** Characters of one, two, three and four bytes in UTF-8 (the last two UTF-16 units). */
const wideChars = ['a', '0', ' ', '.', '£', 'é', '–', '€', '😀'];
const textArb = (extra: string[], maxLength: number) =>
  fc.array(fc.constantFrom(...wideChars, ...extra), { maxLength }).map((cs) => cs.join(''));
/** Fields of ordinary records, quoted or not, with doubled quotes and characters of every UTF-8 length. */
const plainFieldArb = fc.oneof(
  { weight: 4, arbitrary: textArb([], 6) },
  { weight: 3, arbitrary: textArb([',', ';', '|', '\t'], 6).map((s) => `"${s}"`) },
  { weight: 1, arbitrary: textArb(['"'], 4).map((s) => `"${s.replace(/"/g, '""')}"`) },
  // A quoted cell across lines: not ordinary, read by the text path, whatever piece it falls in.
  { weight: 1, arbitrary: textArb([], 3).map((s) => `"${s}\n${s}"`) },
);
const lineEndArb = fc.constantFrom('\n', '\n', '\r\n', '\r');

function textOf(records: [string[], string][], delimiter: Delimiter, endsWithBreak: boolean): string {
  const text = records.map(([fields, end]) => fields.join(delimiter) + end).join('');
  return endsWithBreak ? text : text.replace(/[\r\n]+$/, '');
}

describe('record reader: ordinary records read from the bytes', () => {
  it('UTF-8 records with multi-line cells and any line endings, cut anywhere: exactly papaparse’s reading', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(plainFieldArb, { minLength: 1, maxLength: 5 }), lineEndArb), { maxLength: 12 }),
        delimiterArb,
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, delimiter, endsWithBreak, at) => {
          const bytes = utf8(textOf(records, delimiter, endsWithBreak));
          expect(fromBytes(cut(bytes, at), delimiter, 'utf-8').calls).toEqual(reference(bytes, delimiter, 'utf-8'));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('Windows-1252 records, cut anywhere: exactly papaparse’s reading of the decoded text', () => {
    const fieldArb = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .£é–€]{0,6}$/),
      fc.stringMatching(/^[a-z ,£é–]{0,6}$/).map((s) => `"${s}"`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fieldArb, { minLength: 1, maxLength: 4 }), lineEndArb), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, at) => {
          const bytes = cp1252(textOf(records, ',', true));
          expect(fromBytes(cut(bytes, at), ',', 'windows-1252').calls).toEqual(reference(bytes, ',', 'windows-1252'));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('any bytes at all, UTF-8 or not, in one piece: exactly papaparse’s reading of what the decoder makes of them', () => {
    // Bytes that are not UTF-8 (a lone continuation byte, a character cut short, an overlong form, a surrogate) stop
    // the fast path at their record; the decoder reads them as U+FFFD, as it always has.
    const byteArb = fc.constantFrom(
      ...[0x22, 0x22, 0x2c, 0x2c, 0x0a, 0x0a, 0x0d, 0x20, 0x61, 0x31, 0x09],
      ...[0xc3, 0xa9, 0xe2, 0x80, 0x93, 0xf0, 0x9f, 0x98, 0x80, 0xc0, 0xed, 0xa0, 0xff, 0xef, 0xbb, 0xbf],
    );
    fc.assert(
      fc.property(fc.array(byteArb, { maxLength: 60 }), (list) => {
        const bytes = Uint8Array.from(list);
        expect(fromBytes([bytes], ',', 'utf-8').calls).toEqual(reference(bytes, ',', 'utf-8'));
      }),
      { numRuns: 3000 },
    );
  });

  it('a long ledger in pieces of any size: every record from the bytes, none handed to papaparse', () => {
    const rows = ['Date,Code,Name,Amount,Ref'];
    for (let i = 0; i < 4_000; i++)
      rows.push(`01/0${(i % 3) + 1}/2018,C${i % 7},"Café, ""Zürich"" – ${'😀'.repeat(i % 3)}","1,2${i}.50",REF${i}`);
    const bytes = utf8(`${rows.join('\r\n')}\r\n`);
    const expected = reference(bytes, ',', 'utf-8');
    expect(expected).toHaveLength(4_001);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), (size) => {
        const pieces: Uint8Array[] = [];
        for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
        const read = fromBytes(pieces, ',', 'utf-8', 5);
        expect(read.calls).toEqual(expected);
        // Only the first line of the file is decoded (the decoder's start, where a byte-order mark would be) and, where
        // a piece is smaller than a line, what it holds; papaparse reads nothing.
        if (size >= 200) {
          expect(read.decoded).toBe(rows[0]!.length + 2);
          expect(read.papaparsed).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a file with a record that is not ordinary: read from the bytes up to it and from the next piece on', () => {
    const rows = ['Date,Code,Name'];
    for (let i = 0; i < 3_000; i++) rows.push(i === 1_000 ? '01/04/2018,X,"two\nlines"' : `01/04/2018,C${i % 9},n${i}`);
    const bytes = utf8(`${rows.join('\n')}\n`);
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += 10_000) pieces.push(bytes.subarray(at, at + 10_000));
    const read = fromBytes(pieces, ',', 'utf-8');
    expect(read.calls).toEqual(reference(bytes, ',', 'utf-8'));
    expect(read.calls[1_001]).toEqual([['01/04/2018', 'X', 'two\nlines'], undefined, 1]);
    // Papaparse read from that record to the end of its piece (at most 10,000 bytes), not the 30,000 after it; the
    // next piece was read from its bytes once its first line was decoded.
    expect(read.papaparsed).toBeGreaterThan(0);
    expect(read.papaparsed).toBeLessThan(10_000);
    expect(read.decoded).toBeLessThan(10_000 + 100);
  });

  it('strings from bytes: ASCII of every length, and UTF-8 and Windows-1252 as their decoders read them', () => {
    for (let n = 0; n < 5_000; n += n < 20 ? 1 : 997) {
      const text = Array.from({ length: n }, (_, i) => String.fromCharCode(32 + ((i * 7) % 95))).join('');
      expect(asciiText(utf8(`x${text}y`), 1, n + 1)).toBe(text);
    }
    const wide = 'Zürich – 😀 €'.repeat(700);
    expect(wideText(utf8(wide), 0, utf8(wide).length, 'utf-8')).toBe(wide);
    const all = new Uint8Array(128).map((_, i) => 128 + i);
    expect(wideText(all, 0, 128, 'windows-1252')).toBe(new TextDecoder('windows-1252').decode(all, { stream: true }));
    for (const bad of [[0x80], [0xc3], [0xc0, 0xaf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]])
      expect(wideText(Uint8Array.from(bad), 0, bad.length, 'utf-8')).toBeNull();
  });
});
