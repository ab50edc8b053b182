// The chunk builder on its own: rows in, the stored layout out (stored-chunk.ts), trimmed to the rows held.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellPool } from '../../../src/import/cell-pool';
import { addRow, buildChunk, isFull, newChunk } from '../../../src/import/chunk-builder';
import { packChunk, unpackChunk } from '../../../src/import/packed-chunk';

describe('chunk builder', () => {
  it('stores rows column by column, blank amounts as NaN and missing cells as blank', () => {
    const pools = [new CellPool(), new CellPool(), new CellPool()];
    const chunk = newChunk(pools, 4, ['amount'], ['postingDate']);
    addRow(chunk, ['C1', '5000', '12.34'], 2, false, [1234], 1, [20170403]);
    addRow(chunk, ['C2', '5001'], 5, true, [null], 0, [0]);
    expect(isFull(chunk)).toBe(false);
    const stored = buildChunk(chunk, 7);
    expect(stored.index).toBe(7);
    expect(stored.rowCount).toBe(2);
    expect([...stored.lines]).toEqual([2, 5]);
    expect(stored.lines).toBeInstanceOf(Uint32Array);
    expect([...stored.warned]).toEqual([0, 1]);
    expect(stored.raw).toEqual([
      ['C1', 'C2'],
      ['5000', '5001'],
      ['12.34', ''],
    ]);
    expect(Object.keys(stored.pence)).toEqual(['amount']);
    expect(stored.pence.amount![0]).toBe(1234);
    expect(stored.pence.amount![1]).toBeNaN();
    expect(stored.pence.amount!.length).toBe(2);
    expect([...stored.periods]).toEqual([1, 0]);
    expect([...stored.dates.postingDate!]).toEqual([20170403, 0]);
  });

  it('is full at its capacity', () => {
    const chunk = newChunk([new CellPool()], 2, [], []);
    addRow(chunk, ['a'], 2, false, [], 0, []);
    expect(isFull(chunk)).toBe(false);
    addRow(chunk, ['b'], 3, false, [], 0, []);
    expect(isFull(chunk)).toBe(true);
    const stored = buildChunk(chunk, 0);
    expect(stored.rowCount).toBe(2);
    expect(stored.pence).toEqual({});
    expect(stored.dates).toEqual({});
  });

  it('keeps one string per repeated cell value (through the column pool)', () => {
    const chunk = newChunk([new CellPool()], 3, [], []);
    // Two equal strings built at run time: distinct objects with the same text.
    const a = ['C', '8010'].join('');
    const b = ['C8', '010'].join('');
    addRow(chunk, [a], 2, false, [], 0, []);
    addRow(chunk, [b], 3, false, [], 0, []);
    expect(buildChunk(chunk, 0).raw[0]).toEqual(['C8010', 'C8010']);
  });

  it('several amount and date columns, in the order of their keys', () => {
    const chunk = newChunk([new CellPool()], 2, ['budget', 'actual'], ['year']);
    addRow(chunk, ['x'], 2, false, [100, -5], 3, [2017]);
    const stored = buildChunk(chunk, 1);
    expect(Object.keys(stored.pence)).toEqual(['budget', 'actual']);
    expect([...stored.pence.budget!]).toEqual([100]);
    expect([...stored.pence.actual!]).toEqual([-5]);
    expect(stored.pence.budget).toBeInstanceOf(Float64Array);
    expect([...stored.dates.year!]).toEqual([2017]);
    expect(stored.dates.year).toBeInstanceOf(Uint32Array);
  });
});

describe('chunk builder: the dictionaries kept for packing', () => {
  // Columns that repeat, that never repeat (the pool gives up part-way, in a chunk), and with cells too long to pool.
  const columnArb = fc.oneof(
    fc.constantFrom('00123', '00124', '', 'S', 'Café – "x"', 'a\nb', '🙂'),
    fc.string({ maxLength: 6 }),
    fc.string({ minLength: 60, maxLength: 70 }),
  );
  const rowsArb = fc.array(fc.array(columnArb, { minLength: 0, maxLength: 4 }), { maxLength: 3000 });

  it('say the same cells as the stored columns, and pack to a chunk that gives every cell back', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 700 }), (rows, capacity) => {
        const pools = [new CellPool(), new CellPool(), new CellPool(), new CellPool()];
        const chunks = [];
        let chunk = newChunk(pools, capacity, [], []);
        rows.forEach((cells, i) => {
          addRow(chunk, cells, i + 2, false, [], 0, []);
          if (isFull(chunk)) {
            chunks.push(buildChunk(chunk, chunks.length));
            chunk = newChunk(pools, capacity, [], []);
          }
        });
        if (chunk.size > 0) chunks.push(buildChunk(chunk, chunks.length));
        let row = 0;
        for (const built of chunks) {
          const from = row;
          row += built.rowCount;
          for (let c = 0; c < 4; c++) {
            const expected = rows.slice(from, row).map((cells) => cells[c] ?? '');
            expect(built.raw[c]).toEqual(expected);
            const d = built.dictionaries?.[c];
            if (d) expect(Array.from(d.codes, (n) => d.values[n])).toEqual(expected);
          }
          const back = unpackChunk(packChunk(built));
          if (!back.ok) throw new Error(back.reason);
          expect(back.value.raw).toEqual(built.raw);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keep a dictionary for a repeating column, and none for a chunk where the column stopped being pooled', () => {
    const pools = [new CellPool(), new CellPool()];
    const chunk = newChunk(pools, 10_000, [], []);
    for (let i = 0; i < 10_000; i++) addRow(chunk, [`0${i % 7}`, `INV-${i}`], i + 2, false, [], 0, []);
    const built = buildChunk(chunk, 0);
    expect(built.dictionaries?.[0]?.values).toEqual(['00', '01', '02', '03', '04', '05', '06']);
    expect(built.dictionaries?.[1]).toBeNull();
  });
});
