// A column of references split into the texts before their numbers, the numbers and their widths must be written
// back exactly, whatever the texts: digits beyond 15 stay in the text before (the number stays exact).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberedColumn, numberedText } from '../../../src/import/numbered-text';

const never = (): boolean => false;

/** The cells again, the numbers added up from their steps. */
const written = (column: NonNullable<ReturnType<typeof numberedColumn>>): string[] => {
  let number = column.from;
  return Array.from(column.codes, (code, i) =>
    numberedText(column.before[code]!, (number += column.steps[i]!), column.widths[i]!),
  );
};

describe('numbered references', () => {
  it('split into the texts before, the numbers as steps and their widths', () => {
    const column = numberedColumn(['INV-0000123', 'INV-0000124', 'PO 88120', 'none', '', 'INV-0000125'], never)!;
    expect(column.before).toEqual(['INV-', 'PO ', 'none', '']);
    expect(Array.from(column.codes)).toEqual([0, 0, 1, 2, 3, 0]);
    expect(Array.from(column.widths)).toEqual([7, 7, 5, 0, 0, 7]);
    // the first row steps as the second, from the number before it
    expect(Array.from(column.steps)).toEqual([1, 1, 88120 - 124, -88120, 0, 125]);
    expect(column.from).toBe(122);
    expect(column.chars).toBe(11 + 11 + 8 + 4 + 0 + 11);
    const long = numberedColumn(['12345678901234567890'], never)!;
    expect([long.before, Array.from(long.steps), Array.from(long.widths)]).toEqual([
      ['12345'],
      [678901234567890],
      [15],
    ]);
  });

  it('are written back exactly, whatever the texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.stringMatching(/^[A-Z-]{0,4}\d{0,20}$/)), {
          maxLength: 30,
        }),
        (cells) => {
          const column = numberedColumn(cells, never)!;
          expect(written(column)).toEqual(cells);
          for (const step of [column.from, ...column.steps]) expect(Number.isSafeInteger(step)).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('stop as soon as the texts before are too many', () => {
    const asked: [number, number][] = [];
    const column = numberedColumn(['A1', 'A2', 'B1', 'C1', 'A3'], (distinct, rows) => {
      asked.push([distinct, rows]);
      return distinct > 2;
    });
    expect(column).toBeNull();
    expect(asked).toEqual([
      [1, 1],
      [2, 3],
      [3, 4],
    ]);
  });
});
