// Telling the encoding from the bytes, on its own (until now tested only through the pipeline): each
// verdict with its evidence, the refusals, the streaming decoder, the byte offsets named in messages,
// and that the verdict does not depend on how the bytes are split into pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDecoder,
  DECODE_BYTES,
  decodeEach,
  EncodingDetector,
  firstInvalidUtf16,
  firstInvalidUtf8,
  type EncodingVerdict,
} from '../../../src/import/decode';

/** The verdict on a whole file's bytes, pushed as one last piece. */
function detectEncoding(bytes: Uint8Array): EncodingVerdict {
  const d = new EncodingDetector();
  d.push(bytes, true);
  return d.verdict();
}

const bytes = (...b: number[]) => new Uint8Array(b);
// The test strings are ASCII: one UTF-16 code unit a character, so indexing them is exact.
const units = (s: string): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
const ascii = (s: string) => new Uint8Array(units(s));
const utf16le = (s: string) => new Uint8Array(units(s).flatMap((c) => [c, 0]));
const utf16be = (s: string) => new Uint8Array(units(s).flatMap((c) => [0, c]));
const join = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

describe('detectEncoding', () => {
  it('ASCII only: UTF-8, and said to read the same either way', () => {
    expect(detectEncoding(ascii('a,b\n1,2\n'))).toEqual({
      ok: true,
      value: {
        encoding: 'utf-8',
        bom: false,
        reason: 'only ASCII characters, which read the same in UTF-8 and Windows-1252',
      },
    });
  });

  it('a UTF-8 byte-order mark', () => {
    const v = detectEncoding(join(bytes(0xef, 0xbb, 0xbf), ascii('a,b\n')));
    expect(v).toEqual({
      ok: true,
      value: {
        encoding: 'utf-8',
        bom: true,
        reason: 'UTF-8 byte-order mark (EF BB BF), and every byte is valid UTF-8',
      },
    });
  });

  it('valid UTF-8 without a mark: the non-ASCII bytes are counted', () => {
    const v = detectEncoding(join(ascii('a,'), bytes(0xc2, 0xa3), ascii('5\n'))); // £ in UTF-8
    expect(v).toEqual({
      ok: true,
      value: {
        encoding: 'utf-8',
        bom: false,
        reason: 'no byte-order mark, but every byte is valid UTF-8 (2 non-ASCII bytes in the first megabyte)',
      },
    });
  });

  it('Windows-1252: the byte that breaks UTF-8 is named, and the £ bytes counted', () => {
    const v = detectEncoding(join(ascii('a,'), bytes(0xa3), ascii('5\n'), bytes(0xa3)));
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.encoding).toBe('windows-1252');
    expect(v.value.bom).toBe(false);
    expect(v.value.replaced).toBeUndefined();
    expect(v.value.reason).toBe(
      'not valid UTF-8 (byte 3 cannot start or continue a UTF-8 character); byte A3 (the £ sign in Windows-1252) occurs 2 times in the first megabyte',
    );
  });

  it('UTF-8 text with a stray single byte: read as UTF-8, the bad bytes replaced and flagged', () => {
    const v = detectEncoding(join(ascii('Caf'), bytes(0xc3, 0xa9), ascii(','), bytes(0xa3), ascii('5\n')));
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.value.encoding).toBe('utf-8');
    expect(v.value.replaced).toBe(true);
    expect(v.value.reason).toMatch(
      /^mixed encodings: 1 character in the first megabyte is written in UTF-8, but byte 7 cannot start or continue a UTF-8 character/,
    );
  });

  it('UTF-16 with a byte-order mark, either way round', () => {
    expect(detectEncoding(join(bytes(0xff, 0xfe), utf16le('a,b\n')))).toEqual({
      ok: true,
      value: { encoding: 'utf-16le', bom: true, reason: 'UTF-16 little-endian byte-order mark (FF FE)' },
    });
    expect(detectEncoding(join(bytes(0xfe, 0xff), utf16be('a,b\n')))).toEqual({
      ok: true,
      value: { encoding: 'utf-16be', bom: true, reason: 'UTF-16 big-endian byte-order mark (FE FF)' },
    });
  });

  it('UTF-16 without a mark, by its zero bytes', () => {
    const v = detectEncoding(utf16be('Cost centre,Amount\n'));
    expect(v).toEqual({
      ok: true,
      value: {
        encoding: 'utf-16be',
        bom: false,
        reason: 'no byte-order mark, but every other byte is zero, as in UTF-16 big-endian text',
      },
    });
  });

  it('UTF-16 that ends in half a character is refused', () => {
    const v = detectEncoding(join(bytes(0xff, 0xfe), utf16le('ab'), bytes(0x63)));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.map((i) => i.code)).toEqual(['invalid-utf16']);
    expect(v.issues[0]!.message).toContain('it ends in half a character (7 bytes, an odd number)');
  });

  it('files that are not text are refused by their first bytes, with what to do', () => {
    const xlsx = detectEncoding(join(bytes(0x50, 0x4b, 0x03, 0x04), ascii('rest of a zip')));
    expect(xlsx).toMatchObject({ ok: false, issues: [{ code: 'binary' }] });
    if (!xlsx.ok) expect(xlsx.issues[0]!.message).toContain('an Excel workbook (.xlsx)');
    const pdf = detectEncoding(ascii('%PDF-1.7\n'));
    expect(pdf).toMatchObject({ ok: false, issues: [{ code: 'binary' }] });
    if (!pdf.ok) expect(pdf.issues[0]!.message).toContain('a PDF, not CSV');
  });

  it('a NUL byte in what is not UTF-16 is refused, with its position', () => {
    const v = detectEncoding(join(ascii('abc'), bytes(0), ascii('def')));
    expect(v).toMatchObject({ ok: false, issues: [{ code: 'binary' }] });
    if (!v.ok) expect(v.issues[0]!.message).toContain('a NUL byte at byte 4');
  });

  it('the verdict does not depend on how the bytes arrive in pieces', () => {
    const byteArb = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.constantFrom(0x0a, 0xa3, 0xc2, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xef, 0xbb, 0xbf, 0x00, 0xff, 0xfe),
    );
    fc.assert(
      fc.property(
        fc.array(byteArb, { maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        (list, sizes) => {
          const all = new Uint8Array(list);
          const d = new EncodingDetector();
          let at = 0;
          for (let i = 0; at < all.length; i++) {
            const n = sizes[i % sizes.length]!;
            d.push(all.subarray(at, at + n), at + n >= all.length);
            at += n;
          }
          expect(d.verdict()).toEqual(detectEncoding(all));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('createDecoder', () => {
  it('UTF-8: drops the mark, and joins a character split across pieces', () => {
    const decode = createDecoder({ encoding: 'utf-8', bom: true });
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc2), false)).toBe('a');
    expect(decode(bytes(0xa3, 0x35), true)).toBe('£5');
  });

  it('Windows-1252 with a UTF-8 mark: the mark is dropped, even split across pieces', () => {
    const decode = createDecoder({ encoding: 'windows-1252', bom: true });
    expect(decode(bytes(0xef), false)).toBe('');
    expect(decode(bytes(0xbb, 0xbf, 0xa3, 0x80), true)).toBe('£€');
  });

  it('Windows-1252 without a mark keeps every byte', () => {
    expect(createDecoder({ encoding: 'windows-1252', bom: false })(bytes(0x61, 0xa3), true)).toBe('a£');
  });

  it('UTF-16 little-endian: the mark dropped', () => {
    expect(createDecoder({ encoding: 'utf-16le', bom: true })(join(bytes(0xff, 0xfe), utf16le('a,b')), true)).toBe(
      'a,b',
    );
  });
});

describe('byte offsets of broken characters', () => {
  it('firstInvalidUtf8', () => {
    expect(firstInvalidUtf8(ascii('abc'))).toBe(0); // nothing broken (only asked of a piece that failed)
    expect(firstInvalidUtf8(bytes(0x61, 0x80))).toBe(1); // a continuation byte with no lead
    expect(firstInvalidUtf8(bytes(0x61, 0xc2, 0x41))).toBe(1); // a lead byte not continued
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xc0, 0x80))).toBe(2); // C0 never starts a character (overlong)
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1); // cut off at the end of the piece
    expect(firstInvalidUtf8(bytes(0xe2, 0x82, 0xac, 0xa3))).toBe(3); // after a whole € comes a lone A3
  });

  it('firstInvalidUtf16', () => {
    expect(firstInvalidUtf16(utf16le('ab'), true)).toBe(4); // whole: the end
    expect(firstInvalidUtf16(bytes(0x61, 0x00, 0x00, 0xdc), true)).toBe(2); // a low surrogate alone
    expect(firstInvalidUtf16(bytes(0x3d, 0xd8, 0x61, 0x00), true)).toBe(0); // a high surrogate not followed by a low one
    expect(firstInvalidUtf16(bytes(0xd8, 0x3d, 0xde, 0x00), false)).toBe(4); // a pair (big-endian): whole
    expect(firstInvalidUtf16(bytes(0x61, 0x00, 0x62), true)).toBe(2); // an odd last byte
  });
});

describe('decodeEach', () => {
  it('hands on texts of at most DECODE_BYTES characters that join to the piece decoded whole, characters cut or not', () => {
    // Dashes, accents, a pound sign and an emoji: two, three and four bytes, cut across DECODE_BYTES anywhere.
    const unit = fc.constantFrom('a', ',', '\n', 'é', '–', '£', '🙂', '"');
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 0, maxLength: 3_000 }),
        fc.integer({ min: 0, max: 40_000 }),
        (chars, pad) => {
          const text = 'x'.repeat(pad) + chars.join('') + 'x'.repeat(DECODE_BYTES - (pad % 7));
          const bytes = new TextEncoder().encode(text);
          const texts: string[] = [];
          const decode = createDecoder({ encoding: 'utf-8', bom: false });
          decodeEach(decode, bytes, (t) => (texts.push(t), false));
          texts.push(decode(new Uint8Array(), true));
          expect(texts.join('')).toBe(text);
          expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(DECODE_BYTES);
          expect(texts.length).toBeGreaterThanOrEqual(Math.ceil(bytes.length / DECODE_BYTES));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stops when the taker wants no more', () => {
    const texts: string[] = [];
    decodeEach(createDecoder({ encoding: 'utf-8', bom: false }), new Uint8Array(DECODE_BYTES * 3).fill(0x61), (t) => {
      texts.push(t);
      return texts.length === 2;
    });
    expect(texts).toHaveLength(2);
  });
});
