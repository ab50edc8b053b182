// Columns that no longer repeat (amounts, references) kept by the chunk builder as packing keeps them, not as a
// string a cell (kept-column.ts): every cell still given back exactly, and the chunk packed to the very bytes that
// packing its cells as texts gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellPool } from '../../../src/import/cell-pool';
import { addRow, buildChunk, isFull, newChunk } from '../../../src/import/chunk-builder';
import { packChunk, unpackChunk } from '../../../src/import/packed-chunk';
import type { BuiltChunk } from '../../../src/import/stored-chunk';
import { numberedCellsArb, writtenAmount, writtenAmountsArb } from '../helpers/written-cells';

/** A pool that has stopped pooling, as a column of distinct values stops after its trial cells. */
function stoppedPool(): CellPool {
  const pool = new CellPool();
  for (let i = 0; i < 5_000; i++) pool.code(`x${i}`);
  expect(pool.pooled).toBe(false);
  return pool;
}

/** The chunk with every column as plain texts (copies), nothing kept: what packing got before the builder kept any. */
const asTexts = (built: BuiltChunk): BuiltChunk => ({
  ...built,
  raw: Array.from({ length: built.raw.length }, (_, c) => [...built.raw[c]!]),
  kept: undefined,
});

const penceArb = fc.oneof(
  fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
  fc.constantFrom(0, -0, 100, -100, 5, Number.NaN),
);

describe('chunk builder: columns kept as packing keeps them', () => {
  it('give back every cell, and pack to the same bytes as the cells as texts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_200 }).chain((n) =>
          fc.record({
            amounts: fc.array(penceArb, { minLength: n, maxLength: n }).map((p) => Float64Array.from(p)),
            budget: fc.array(penceArb, { minLength: n, maxLength: n }).map((p) => Float64Array.from(p)),
            references: numberedCellsArb(n),
            // Any text: split while its texts before repeat, then texts again (for the chunk and those after it).
            free: fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('A1', 'A2', '')), {
              minLength: n,
              maxLength: n,
            }),
            capacity: fc.integer({ min: 1, max: 1_300 }),
            pooledFrom: fc.constantFrom(0, 1),
          }),
        ),
        fc.context(),
        ({ amounts, budget, references, free, capacity, pooledFrom }, ctx) => {
          fc.pre(amounts.length > 0);
          const n = amounts.length;
          // The amount column written from its pence (mostly one way, some odd cells); the budget column's cells
          // write the amount's pence, not its own (packing finds them written by the other amount's ways).
          const written = fc.sample(writtenAmountsArb(amounts), { numRuns: 1, seed: n })[0]!;
          const budgetCells = Array.from(amounts, (p) => writtenAmount(p, 2, true, false, 'minus'));
          const columns = [written, references, free, budgetCells];
          // Stopped pools (the chunk after a column stopped being pooled), or the first column still pooled.
          const pools = [stoppedPool(), stoppedPool(), stoppedPool(), stoppedPool()];
          if (pooledFrom === 0) pools[0] = new CellPool();
          const chunkColumns = { amountColumns: [0, 3], unsplit: new Uint8Array(4) };
          const chunks: BuiltChunk[] = [];
          let chunk = newChunk(pools, capacity, ['amount', 'budget'], [], chunkColumns);
          for (let i = 0; i < n; i++) {
            const pence = [amounts[i]!, budget[i]!].map((p) => (Number.isNaN(p) ? null : p));
            addRow(
              chunk,
              columns.map((c) => c[i]!),
              i + 2,
              false,
              pence,
              1,
              [],
            );
            if (isFull(chunk)) {
              chunks.push(buildChunk(chunk, chunks.length));
              chunk = newChunk(pools, capacity, ['amount', 'budget'], [], chunkColumns);
            }
          }
          if (chunk.size > 0) chunks.push(buildChunk(chunk, chunks.length));
          let row = 0;
          for (const built of chunks) {
            const from = row;
            row += built.rowCount;
            ctx.log(`chunk ${built.index}: ${JSON.stringify(built.kept?.map((k) => k && Object.keys(k)))}`);
            const bytes = packChunk(built);
            // Packed before its texts are read, then the same chunk as texts: the same bytes.
            expect(packChunk(asTexts(built))).toEqual(bytes);
            for (let c = 0; c < 4; c++) expect(built.raw[c]).toEqual(columns[c]!.slice(from, row));
            const back = unpackChunk(bytes);
            if (!back.ok) throw new Error(back.reason);
            for (let c = 0; c < 4; c++) expect(back.value.raw[c]).toEqual(columns[c]!.slice(from, row));
          }
        },
      ),
      // No shrinking: a failing case of a thousand rows took minutes to shrink; the log names its chunks.
      { numRuns: 30, endOnFailure: true },
    );
  });

  it('hold amounts as ways and references split from the chunk after their pools stopped, not a string a cell', () => {
    const pools = [new CellPool(), new CellPool(), new CellPool()];
    const columns = { amountColumns: [0], unsplit: new Uint8Array(3) };
    const rows = (from: number, to: number): string[][] =>
      Array.from({ length: to - from }, (_, k) => {
        const i = from + k;
        return [
          writtenAmount(i * 101 - 3_000_00, 2, true, false, 'brackets'),
          `INV-${String(i).padStart(7, '0')}`,
          `C${i % 9}`,
        ];
      });
    const build = (cells: string[][], from: number): BuiltChunk => {
      const chunk = newChunk(pools, cells.length, ['amount'], [], columns);
      cells.forEach((row, k) => addRow(chunk, row, from + k + 2, false, [(from + k) * 101 - 3_000_00], 0, []));
      return buildChunk(chunk, from);
    };
    // The first chunk: every pool still trying its cells, so every column is held as texts.
    const first = build(rows(0, 3_000), 0);
    expect(first.kept).toEqual([null, null, null]);
    expect(pools.map((p) => p.pooled)).toEqual([false, false, true]);
    const secondRows = rows(3_000, 6_000);
    const second = build(secondRows, 3_000);
    const [amount, reference, code] = second.kept!;
    expect(amount && 'ways' in amount ? amount.texts : 'not kept').toEqual([]);
    expect(reference && 'split' in reference ? reference.split.before : 'not kept').toEqual(['INV-']);
    expect(code).toBeNull();
    expect(second.raw[0]![0]).toBe('30.00'); // row 3,000: 3,000 x 101 - 300,000 pence
    expect(first.raw[0]![0]).toBe('(3,000.00)');
    expect(second.raw[1]![2_999]).toBe('INV-0005999');
    expect(second.raw).toEqual([0, 1, 2].map((c) => secondRows.map((r) => r[c])));
  });
});
