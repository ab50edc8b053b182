import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Money, sum } from '../../../../src/domain/core/money';
import { roundPreservingSum, roundTablePreservingSums } from '../../../../src/domain/core/rounding';

const m = (s: string): Money => new Money(s);
const strings = (values: Money[]): string[] => values.map((v) => v.toString());

describe('roundPreservingSum (largest remainder)', () => {
  it.each([
    // 0.4 + 0.4 + 0.4 = 1.2 -> total 1; the first 0.4 (tie, earliest) goes up.
    { values: ['0.4', '0.4', '0.4'], expected: ['1', '0', '0'] },
    // Naive rounding gives 2 + 2 + 2 = 6 against a total of 7.5 -> 8: two of them go up.
    { values: ['2.5', '2.5', '2.5'], expected: ['3', '3', '2'] },
    // 33.333 x 3 = 99.999 -> 100: one of them goes to 34.
    { values: ['33.333', '33.333', '33.333'], expected: ['34', '33', '33'] },
    // Negatives: -1.6 -> floor -2 frac .4; -1.6 + 3.3 = 1.7 -> 2: the .4 and .3 remainders; one goes up.
    { values: ['-1.6', '3.3'], expected: ['-1', '3'] },
    // Whole values never move.
    { values: ['5', '0.5', '0.5'], expected: ['5', '1', '0'] },
    { values: [], expected: [] },
  ])('$values -> $expected', ({ values, expected }) => {
    expect(strings(roundPreservingSum(values.map(m)))).toEqual(expected);
  });

  it('casts to the exact total rounded half away from zero, moving no value by a unit or more', () => {
    const amount = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((pence) => new Money(pence).dividedBy(1000));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 40 }), (values) => {
        const rounded = roundPreservingSum(values);
        const total = sum(values).toDecimalPlaces(0, Money.ROUND_HALF_UP);
        expect(sum(rounded).eq(total)).toBe(true);
        rounded.forEach((r, i) => {
          expect(r.isInteger()).toBe(true);
          expect(r.minus(values[i]!).abs().lt(1)).toBe(true);
        });
      }),
    );
  });
});

describe('roundTablePreservingSums (controlled rounding)', () => {
  it('rounds a table whose naive rounding does not cast in either direction', () => {
    // Each cell 0.5 rounds naively to 1; rows are 1.0 and columns 1.0, so naive rows/columns show 2 != 1.
    const table = [
      [m('0.5'), m('0.5')],
      [m('0.5'), m('0.5')],
    ];
    const r = roundTablePreservingSums(table);
    expect(r.rowTotals.map(String)).toEqual(['1', '1']);
    expect(r.columnTotals.map(String)).toEqual(['1', '1']);
    expect(r.total.toString()).toBe('2');
    // Exactly one cell per row and per column goes up: a diagonal.
    expect(r.cells.map((row) => row.map(String))).toSatisfy(
      (cells: string[][]) =>
        JSON.stringify(cells) ===
          JSON.stringify([
            ['1', '0'],
            ['0', '1'],
          ]) ||
        JSON.stringify(cells) ===
          JSON.stringify([
            ['0', '1'],
            ['1', '0'],
          ]),
    );
  });

  it('every row and column casts, every figure within a unit of its exact value', () => {
    const amount = fc.integer({ min: -5_000_000, max: 5_000_000 }).map((p) => new Money(p).dividedBy(1000));
    const table = fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, cols]) =>
        fc.array(fc.array(amount, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      );
    fc.assert(
      fc.property(table, (t) => {
        const r = roundTablePreservingSums(t);
        const exactTotal = sum(t.flat());
        expect(r.total.eq(exactTotal.toDecimalPlaces(0, Money.ROUND_HALF_UP))).toBe(true);
        expect(sum(r.rowTotals).eq(r.total)).toBe(true);
        expect(sum(r.columnTotals).eq(r.total)).toBe(true);
        r.cells.forEach((row, i) => {
          expect(sum(row).eq(r.rowTotals[i]!)).toBe(true);
          expect(r.rowTotals[i]!.minus(sum(t[i]!)).abs().lt(1)).toBe(true);
          row.forEach((c, j) => expect(c.minus(t[i]![j]!).abs().lt(1)).toBe(true));
        });
        r.columnTotals.forEach((c, j) => {
          expect(
            c
              .minus(sum(t.map((row) => row[j]!)))
              .abs()
              .lt(1),
          ).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
