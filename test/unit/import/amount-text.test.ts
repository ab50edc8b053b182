// An amount cell kept as the way it was written must give back the cell exactly, or keep its text: written by
// decimal.js in every way a ledger writes amounts, any cell against any pence, and the cells that must stay text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AS_TEXT, BLANK, amountText, wayOfCell } from '../../../src/import/amount-text';
import { parsePence } from '../../../src/import/pence';
import { writtenAmount } from '../helpers/written-cells';

const penceArb = fc.oneof(
  fc.integer({ min: -500_000_00, max: 500_000_00 }),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  fc.constantFrom(0, 5, -5, 100, -100, 1_000_00, -99_999_99),
);

describe('amount cells kept as the way they were written', () => {
  it('give back every cell a ledger writes its amount in, whichever way it is written', () => {
    fc.assert(
      fc.property(
        penceArb,
        fc.constantFrom<0 | 1 | 2>(0, 1, 2),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<'minus' | 'brackets' | 'trailing'>('minus', 'brackets', 'trailing'),
        (pence, decimals, grouped, pound, negative) => {
          const cell = writtenAmount(pence, decimals, grouped, pound, negative);
          const way = wayOfCell(cell, pence);
          // Written with fewer decimals than its pence need, the cell is another amount: its text is kept; and
          // so is an amount of £10 trillion or more (its pence no longer read exactly as a number).
          const exact =
            (decimals === 2 || Math.abs(pence) % (decimals === 1 ? 10 : 100) === 0) && Math.abs(pence) < 1e15;
          if (!exact) expect(way).toBe(AS_TEXT);
          else {
            expect(way).not.toBe(AS_TEXT);
            expect(amountText(pence, way)).toBe(cell);
            // and the cell is one the import reads as those pence
            const read = parsePence(cell);
            expect(read.ok && read.value === pence).toBe(true);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('never name a way for a cell that way does not give back, whatever the cell and the pence', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 14 }), fc.stringMatching(/^[(£-]?[0-9,]{0,9}(\.[0-9]{0,3})?[)-]?$/)),
        fc.oneof(penceArb, fc.constant(Number.NaN), fc.constant(-0)),
        fc.boolean(),
        (cell, other, asRead) => {
          // the pence the import reads from the cell (where it reads it), or any other
          const read = parsePence(cell);
          const pence = asRead && read.ok ? (read.value ?? Number.NaN) : other;
          const way = wayOfCell(cell, pence);
          if (way !== AS_TEXT) expect(amountText(pence, way)).toBe(cell);
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('keep as text the cells no way writes: nil, spaces, a negative zero, £000s, a blank with an amount', () => {
    expect(wayOfCell('1,234.56', 123456)).not.toBe(AS_TEXT);
    expect(wayOfCell('', Number.NaN)).toBe(BLANK);
    expect(wayOfCell('-', 0)).toBe(AS_TEXT);
    expect(wayOfCell(' 12.00', 1200)).toBe(AS_TEXT);
    expect(wayOfCell('-0.00', -0)).toBe(AS_TEXT);
    expect(wayOfCell('-0.00', 0)).toBe(AS_TEXT);
    // a column in £'000: 1.5 is £1,500.00
    expect(wayOfCell('1.5', 150000)).toBe(AS_TEXT);
    expect(wayOfCell('', 0)).toBe(AS_TEXT);
    expect(wayOfCell('12.00', Number.NaN)).toBe(AS_TEXT);
    expect(amountText(1234, BLANK)).toBeNull();
    // a zero before the digits, commas not between every three, a point with no decimals, three decimals
    expect(wayOfCell('01.00', 100)).toBe(AS_TEXT);
    expect(wayOfCell('1234,567.00', 123456700)).toBe(AS_TEXT);
    expect(wayOfCell('12.', 1200)).toBe(AS_TEXT);
    expect(wayOfCell('1.000', 100)).toBe(AS_TEXT);
    // the sign and the pence must agree
    expect(wayOfCell('(1.00)', 100)).toBe(AS_TEXT);
    expect(wayOfCell('1.00', -100)).toBe(AS_TEXT);
  });
});
