// The first NUL byte, read four bytes at a time, against TypedArray indexOf: at every place in and around a
// word, wherever the bytes start in their buffer, and on bytes of any value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNul } from '../../../src/import/nul-byte';

/** The bytes copied to `shift` bytes into a buffer of their own. */
function placed(bytes: Uint8Array, shift: number): Uint8Array {
  const buffer = new Uint8Array(bytes.length + shift + 3).fill(0); // zeros around, which must not be seen
  buffer.set(bytes, shift);
  return buffer.subarray(shift, shift + bytes.length);
}

describe('firstNul', () => {
  it('finds a NUL at each place, at each alignment, behind bytes with every high and low bit', () => {
    for (const filler of [0x01, 0x41, 0x7f, 0x80, 0xff]) {
      for (let length = 0; length < 24; length++) {
        for (let shift = 0; shift < 4; shift++) {
          const clean = new Uint8Array(length).fill(filler);
          expect(firstNul(placed(clean, shift))).toBe(-1);
          for (let at = 0; at < length; at++) {
            const bytes = clean.slice();
            bytes[at] = 0;
            if (at + 2 < length) bytes[at + 2] = 0; // a second NUL after it
            expect(firstNul(placed(bytes, shift))).toBe(at);
          }
        }
      }
    }
  });

  it('agrees with indexOf on bytes of any value', () => {
    const bytes = fc.uint8Array({ maxLength: 80 }).map((b) => b.map((x) => (x < 16 ? 0 : x))); // NULs one in 16
    fc.assert(
      fc.property(bytes, fc.nat(3), (b, shift) => {
        expect(firstNul(placed(b, shift))).toBe(b.indexOf(0));
      }),
      { numRuns: 3000 },
    );
  });
});
