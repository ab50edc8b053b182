// The stored chunks keep one string per repeated value: the same text as each cell, always.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellPool } from '../../../src/import/cell-pool';

describe('cell pool', () => {
  it('gives back the text of every cell, repeating or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('', 'C8010', '01234', '1234', 'é'), fc.string({ maxLength: 8 })), {
          maxLength: 6000,
        }),
        (cells) => {
          const pool = new CellPool();
          expect(cells.map((c) => pool.take(c))).toEqual(cells);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a column of distinct values (references) stops being pooled, and still gives back every cell', () => {
    const pool = new CellPool();
    const cells = Array.from({ length: 20_000 }, (_, i) => `INV-${String(i).padStart(7, '0')}`);
    expect(cells.map((c) => pool.take(c))).toEqual(cells);
  });
});

describe('cell pool numbers', () => {
  it('give one number per distinct value while pooling, and the value kept under it is the cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('', 'S', '00123', '123', 'Café', 'x'.repeat(70)), { maxLength: 3000 }),
        (cells) => {
          const pool = new CellPool();
          const seen = new Map<string, number>();
          for (const cell of cells) {
            const n = pool.code(cell);
            if (cell.length > 64) {
              expect(n).toBe(-1);
              continue;
            }
            expect(pool.values[n]).toBe(cell);
            expect(seen.get(cell) ?? n).toBe(n);
            seen.set(cell, n);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('cell pool lookups in the text as read', () => {
  it('number a stretch of text exactly as the string cut from it is numbered, and keep that string', () => {
    // Two pools fed the same cells, one by strings and one by stretches of one text: the same numbers and values.
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom('', 'C8010', '01234', 'é', '£1', 'x'.repeat(65)), fc.string({ maxLength: 6 })),
          {
            maxLength: 5000,
          },
        ),
        (cells) => {
          const text = cells.join('');
          const byString = new CellPool();
          const byRange = new CellPool();
          let at = 0;
          for (const cell of cells) {
            const n = byRange.codeRange(text, at, at + cell.length);
            expect(n).toBe(byString.code(cell));
            if (n >= 0) expect(byRange.values[n]).toBe(cell);
            at += cell.length;
          }
          expect(byRange.values).toEqual(byString.values);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('cell pool: values whose hashes agree', () => {
  it('are still told apart, as strings and as stretches of text', () => {
    // Two different cells of one length with the same 32-bit FNV-1a hash (the pool's; found by a search, checked
    // here): the pool must compare the characters, not trust the hash.
    const fnv = (s: string): number => {
      let h = 0x811c9dc5 | 0;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h;
    };
    const pair = ['C15vl8', 'C1mpd6'] as const;
    expect(fnv(pair[0])).toBe(fnv(pair[1]));
    const [a, b] = pair;
    const byString = new CellPool();
    expect(byString.code(a)).toBe(0);
    expect(byString.code(b)).toBe(1);
    const byRange = new CellPool();
    const text = `${a}|${b}`;
    expect(byRange.codeRange(text, 0, a.length)).toBe(0);
    expect(byRange.codeRange(text, a.length + 1, text.length)).toBe(1);
    expect(byRange.values).toEqual([a, b]);
  });
});
