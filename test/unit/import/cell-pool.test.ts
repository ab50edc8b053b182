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
