// isCodeShaped skips the total-word expression for codes without a "t": the answer must be the same as
// always asking it. Issue 15: a code may have single spaces between its parts where it has a digit (CC 10100).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCodeShaped } from '../../../src/import/row-shape';

const TOTAL_WORD = /\b(sub[\s-]?totals?|totals?|grand total)\b/i;
function reference(value: string): boolean {
  const v = value.replace(/^ +| +$/g, '');
  if (v.length === 0 || v.length > 30 || !/^[A-Za-z0-9](?:[A-Za-z0-9\-/._+]| (?=[A-Za-z0-9]))*$/.test(v)) return false;
  if (v.includes(' ') && !/\d/.test(v)) return false;
  return v.length < 5 || !TOTAL_WORD.test(value);
}

describe('isCodeShaped', () => {
  it.each([
    ['CC 10100', true],
    ['PCC 4001', true],
    ['10100 A', true],
    ['01234', true],
    ['BCHCAG', true],
    ['CC  10100', false], // two spaces: not one code
    ['North West', false], // words, no digit
    ['Total 10100', false], // a total word
    ['Grand Total', false],
    ['Gas & Power', false],
    [' CC 10100 ', true], // padding is trimmed
  ])('%j is a code: %s (issue 15)', (value, code) => {
    expect(isCodeShaped(value)).toBe(code);
  });

  it('agrees with asking the total-word expression every time', () => {
    const part = fc.constantFrom(
      'total',
      'TOTAL',
      'Totals',
      'subtotal',
      'sub-total',
      'T',
      't',
      'C8010',
      '00038',
      '-',
      '.',
      '_',
      '+',
      '/',
      ' ',
      'grand',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(part, fc.stringMatching(/^[A-Za-z0-9]{0,6}$/)), { maxLength: 6 }), (parts) => {
        const value = parts.join('');
        expect(isCodeShaped(value)).toBe(reference(value));
      }),
      { numRuns: 3000 },
    );
  });
});
