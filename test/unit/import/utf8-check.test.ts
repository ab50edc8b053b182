// The UTF-8 proof without a decoder (Utf8Check) against the judge it replaces: a fatal TextDecoder fed the same
// pieces. Both must fail on the same piece (the one the encoding's evidence names a byte in) or neither, whatever
// the bytes, however they are cut, and wherever in its buffer a piece starts (the ASCII runs are read as words).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Check } from '../../../src/import/utf8-check';

/** The index of the piece a fatal TextDecoder throws on (pieces.length: at the end), or -1 if none. */
function decoderFailsAt(pieces: readonly Uint8Array[]): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < pieces.length; i++) {
    try {
      decoder.decode(pieces[i], { stream: true });
    } catch {
      return i;
    }
  }
  try {
    decoder.decode();
  } catch {
    return pieces.length;
  }
  return -1;
}

/** The same for Utf8Check: the first piece it rejects (pieces.length: the end), or -1. */
function checkFailsAt(pieces: readonly Uint8Array[]): number {
  const check = new Utf8Check();
  for (let i = 0; i < pieces.length; i++) if (!check.push(pieces[i]!, false)) return i;
  return check.push(new Uint8Array(), true) ? -1 : pieces.length;
}

/** The bytes cut at the given places, each piece copied to `shift` bytes into a buffer of its own. */
function cut(bytes: Uint8Array, at: readonly number[], shift: number): Uint8Array[] {
  const places = [...new Set([0, ...at.map((a) => a % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
  return places.slice(1).map((end, i) => {
    const piece = bytes.subarray(places[i], end);
    const buffer = new Uint8Array(piece.length + shift);
    buffer.set(piece, shift);
    return buffer.subarray(shift);
  });
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const join = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((p) => [...p]));

// Bytes at the edges of UTF-8's grammar: leads that can never start a character (C0, C1, F5-FF), leads that narrow
// the next byte's range (E0, ED, F0, F4), and continuation bytes at each end of those ranges.
const EDGE_BYTES = [
  0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
];

/** Mostly text (ASCII runs long enough to be read as words, and well-formed characters), with stray edge bytes. */
const textWithStrays = fc
  .array(
    fc.oneof(
      fc.nat(40).map((n) => utf8('a,1\r\n'.repeat(8).slice(0, n))),
      fc
        .integer({ min: 0x80, max: 0x10ffff })
        .filter((c) => c < 0xd800 || c > 0xdfff)
        .map((c) => utf8(String.fromCodePoint(c))),
      fc.constantFrom(...EDGE_BYTES).map((b) => new Uint8Array([b])),
      fc.uint8Array({ minLength: 1, maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => join(...parts));

describe('Utf8Check', () => {
  it('fails on the same piece as a fatal TextDecoder, on text with stray bytes, however cut and placed', () => {
    fc.assert(
      fc.property(textWithStrays, fc.array(fc.nat(), { maxLength: 6 }), fc.nat(3), (bytes, at, shift) => {
        const pieces = cut(bytes, at, shift);
        expect(checkFailsAt(pieces)).toBe(decoderFailsAt(pieces));
      }),
      { numRuns: 3000 },
    );
  });

  it('the same on bytes of any value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat(), { maxLength: 4 }), fc.nat(3), (b, at, s) => {
        const pieces = cut(b, at, s);
        expect(checkFailsAt(pieces)).toBe(decoderFailsAt(pieces));
      }),
      { numRuns: 3000 },
    );
  });

  it('the limits of each form: overlong, surrogate and past U+10FFFF refused, their neighbours taken', () => {
    const cases: [number[], boolean][] = [
      [[0xc1, 0xbf], false], // overlong U+007F
      [[0xc2, 0x80], true], // U+0080
      [[0xe0, 0x9f, 0xbf], false], // overlong U+07FF
      [[0xe0, 0xa0, 0x80], true], // U+0800
      [[0xed, 0x9f, 0xbf], true], // U+D7FF
      [[0xed, 0xa0, 0x80], false], // U+D800, a surrogate
      [[0xef, 0xbf, 0xbf], true], // U+FFFF
      [[0xf0, 0x8f, 0xbf, 0xbf], false], // overlong U+FFFF
      [[0xf0, 0x90, 0x80, 0x80], true], // U+10000
      [[0xf4, 0x8f, 0xbf, 0xbf], true], // U+10FFFF
      [[0xf4, 0x90, 0x80, 0x80], false], // past U+10FFFF
      [[0xf5, 0x80, 0x80, 0x80], false],
      [[0xe2, 0x82], false], // cut short at the end of the file
    ];
    for (const [bytes, valid] of cases) {
      const text = join(utf8('Cost Centre,'), bytes, utf8(',1\r\n'));
      const end = join(utf8('Cost Centre,'), bytes);
      for (const pieces of [[text], [end], cut(text, [13], 1)]) {
        expect({ bytes, pieces: pieces.length, failsAt: checkFailsAt(pieces) }).toEqual({
          bytes,
          pieces: pieces.length,
          failsAt: valid ? -1 : decoderFailsAt(pieces),
        });
        if (!valid) expect(checkFailsAt(pieces)).not.toBe(-1);
      }
    }
  });

  it('a long ASCII run (read as words) with one bad byte at each place of a word, at each alignment', () => {
    const ascii = utf8('01/04/2017,1,00001,4000,Stationery,Office Depot,12.50,INV-0000001,,S\r\n'.repeat(3));
    for (let place = 0; place < ascii.length; place++) {
      const bad = ascii.slice();
      bad[place] = 0xa3; // £ in Windows-1252: not UTF-8 on its own
      for (let shift = 0; shift < 4; shift++) {
        expect(checkFailsAt(cut(ascii, [], shift))).toBe(-1);
        expect(checkFailsAt(cut(bad, [], shift))).toBe(0);
        expect(checkFailsAt(cut(bad, [place + 1], shift))).toBe(0);
        expect(checkFailsAt(cut(bad, [place], shift))).toBe(place === 0 ? 0 : 1);
      }
    }
  });

  it('a character cut across pieces is whole; once broken it stays broken', () => {
    const pound = utf8('£'); // C2 A3
    const check = new Utf8Check();
    expect(check.push(join(utf8('a,'), [pound[0]!]), false)).toBe(true);
    expect(check.push(join([pound[1]!], utf8('5\n')), false)).toBe(true);
    expect(check.push(new Uint8Array([0xff]), false)).toBe(false);
    expect(check.push(utf8('a'), false)).toBe(false);
    expect(check.push(new Uint8Array(), true)).toBe(false);
  });
});
