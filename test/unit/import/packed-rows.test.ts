// A few rows read from a packed chunk in place must be the chunk's own cells, for any chunk: dictionary and plain
// columns, ASCII and not (a lone surrogate, written as UTF-16), blank amounts, line numbers with gaps, dates as a
// dictionary or not. Compared with the chunk packed, never with the code's own unpacking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packChunk } from '../../../src/import/packed-chunk';
import { rowsOfChunk, rowsOfPacked } from '../../../src/import/packed-rows';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import { withWrittenColumns } from '../helpers/written-cells';
import { otc1Chunk } from '../helpers/otc1-chunk';

const chunkArb = withWrittenColumns(
  fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.record({
      index: fc.nat({ max: 1000 }),
      rowCount: fc.constant(n),
      lines: fc.oneof(
        fc.constant(Uint32Array.from({ length: n }, (_, i) => 2 + i)),
        fc
          .array(fc.integer({ min: 1, max: 300 }), { minLength: n, maxLength: n })
          .map((steps) => Uint32Array.from(steps.map((_, i) => steps.slice(0, i + 1).reduce((a, b) => a + b, 0)))),
      ),
      warned: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }).map((w) => Uint8Array.from(w)),
      raw: fc.array(
        fc.oneof(
          fc.array(fc.constantFrom('00123', ' 00124 ', '', 'Café – "x"', 'a\nb'), { minLength: n, maxLength: n }),
          fc.array(fc.constantFrom('00123', '\uD800', '🙂'), { minLength: n, maxLength: n }),
          fc.array(fc.string({ maxLength: 12 }), { minLength: n, maxLength: n }),
          fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { minLength: n, maxLength: n }),
        ),
        { minLength: 1, maxLength: 5 },
      ),
      pence: fc.record({
        amount: fc
          .array(fc.oneof(fc.integer({ min: -500_000_00, max: 500_000_00 }), fc.constant(Number.NaN)), {
            minLength: n,
            maxLength: n,
          })
          .map((v) => Float64Array.from(v)),
      }),
      periods: fc.array(fc.integer({ min: 0, max: 16 }), { minLength: n, maxLength: n }).map((v) => Uint8Array.from(v)),
      dates: fc.record({
        postingDate: fc
          .array(fc.oneof(fc.constant(0), fc.integer({ min: 20170401, max: 20180331 })), { minLength: n, maxLength: n })
          .map((v) => Uint32Array.from(v)),
      }),
    }),
  ),
);

/** Rows as the reader gives them, in the order asked. */
const rowsAsRead = (chunk: StoredChunk, read: ReturnType<typeof rowsOfPacked>, order: readonly number[]) =>
  order.map((i) => [
    read.line(i),
    read.period(i),
    chunk.raw.map((_, c) => read.cell(c, i)),
    read.amount('amount', i),
    read.date('postingDate', i),
  ]);

/** The same rows of the chunk itself. */
const rowsOfItself = (chunk: StoredChunk, order: readonly number[]) =>
  order.map((i) => [
    chunk.lines[i],
    chunk.periods[i],
    chunk.raw.map((cells) => cells[i]),
    chunk.pence['amount']![i],
    chunk.dates['postingDate']![i],
  ]);

describe('rows read in place from a packed chunk', () => {
  it("are the chunk's own cells, whichever rows are asked for and in any order", () => {
    fc.assert(
      fc.property(chunkArb, fc.boolean(), (chunk, backwards) => {
        const read = rowsOfPacked(packChunk(chunk));
        expect(read.index).toBe(chunk.index);
        expect(read.rowCount).toBe(chunk.rowCount);
        // Backwards: the last row is the first asked for (what is worked out once is worked out for it).
        const order = Array.from({ length: chunk.rowCount }, (_, i) => (backwards ? chunk.rowCount - 1 - i : i));
        expect(rowsAsRead(chunk, read, order)).toEqual(rowsOfItself(chunk, order));
        expect(rowsAsRead(chunk, rowsOfChunk(chunk), order)).toEqual(rowsOfItself(chunk, order));
      }),
      { numRuns: 200 },
    );
  });

  it('reads from bytes that do not start on an 8-byte boundary, and refuses bytes that are not a chunk', () => {
    const chunk: StoredChunk = {
      index: 3,
      rowCount: 2,
      lines: Uint32Array.from([5, 9]),
      warned: new Uint8Array(2),
      raw: [['00120', 'Zürich']],
      pence: { amount: Float64Array.from([1_00, Number.NaN]) },
      periods: Uint8Array.from([1, 2]),
      dates: { postingDate: Uint32Array.from([20170403, 0]) },
    };
    const packed = packChunk(chunk);
    const shifted = new Uint8Array(packed.length + 3);
    shifted.set(packed, 3);
    const read = rowsOfPacked(shifted.subarray(3));
    expect([read.line(1), read.cell(0, 1), read.amount('amount', 1), read.cell(0, 0)]).toEqual([
      9,
      'Zürich',
      NaN,
      '00120',
    ]);
    expect(() => read.cell(0, 2)).toThrow(/not in the chunk/);
    expect(() => rowsOfPacked(new Uint8Array(16))).toThrow(/not a packed chunk/);
    // a chunk stored in the layout before ("OTC1")
    const before = rowsOfPacked(otc1Chunk());
    expect([3, 1, 0].map((i) => [before.line(i), before.cell(0, i), before.cell(1, i), before.cell(2, i)])).toEqual([
      [14, '3010', '-', 'INV-0000126'],
      [11, '20500', '(20.00)', 'INV-0000124'],
      [10, '20500', '1,234.56', 'INV-0000123'],
    ]);
    expect(before.amount('amount', 1)).toBe(-2000);
    expect(() => rowsOfPacked(packed.subarray(0, packed.length - 16))).toThrow(/cut short|add up/);
  });
});
