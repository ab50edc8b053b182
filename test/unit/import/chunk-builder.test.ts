// The chunk builder on its own: rows in, the stored layout out (stored-chunk.ts), trimmed to the rows held.
import { describe, expect, it } from 'vitest';
import { CellPool } from '../../../src/import/cell-pool';
import { addRow, buildChunk, isFull, newChunk } from '../../../src/import/chunk-builder';

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
