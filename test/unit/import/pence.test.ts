// src/import/pence.ts on its own. It is documented as exactly equal to parseAmount (src/domain/core/money.ts)
// on every amount it accepts, only faster; here that is checked by a differential property against
// parseAmount, and against pence worked out independently (BigInt), plus a table of edge cases.
//
// Two shapes on which they once disagreed (issue 13's report) are asserted below ("refuses as parseAmount
// does"): a decimal point with no digits after it, and more than 30 digits when the excess are leading zeros.
// parsePence refuses both, with parseAmount's code.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src/domain/core/money';
import { NO_PENCE, NOT_PENCE, parsePence, penceOf } from '../../../src/import/pence';

const MAX = Number.MAX_SAFE_INTEGER;

/** parseAmount's answer in the terms of parsePence: pence when whole and in range, else what is wrong. */
function viaParseAmount(raw: string, scale: 1 | 1000): { pence: number } | { missing: true } | { code: string } {
  const r = parseAmount(raw, { scale: scale === 1000 ? 'thousands' : 'pounds' });
  if (!r.ok) return { code: r.issues.map((i) => i.code).join() };
  if (r.value.amount === null) return { missing: true };
  const pence = new Decimal(r.value.amount.toString()).times(100);
  if (!pence.isInteger()) return { code: 'too-many-decimals' };
  if (pence.abs().gt(MAX)) return { code: 'too-large' };
  return { pence: pence.toNumber() };
}

function viaPence(raw: string, scale: 1 | 1000): { pence: number } | { missing: true } | { code: string } {
  const r = parsePence(raw, scale);
  if (!r.ok) return { code: r.issues.map((i) => i.code).join() };
  return r.value === null ? { missing: true } : { pence: r.value };
}

describe('parsePence: edge cases', () => {
  it.each([
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['-1,234.56', -123456],
    ['£1,234.56', 123456],
    ['(1,234.56)', -123456],
    ['(£1,234.56)', -123456],
    ['1,234.56-', -123456],
    ['£5-', -500],
    ['-£5', -500],
    ['£-5', -500],
    ['+5', 500],
    ['\u22125', -500], // Unicode minus
    ['1,234.56 CR', -123456],
    ['DR 5', 500],
    ['( 5 )', -500],
    ['  12  ', 1200],
    ['\t12', 1200],
    ['\u00A012', 1200],
    ['0.5', 50],
    ['.5', 50],
    ['(.5)', -50],
    ['1.5', 150],
    ['1.000', 100], // three decimal places that are zeros: exactly £1, nothing rounded
    ['1.230', 123],
    ['00012', 1200],
    ['1,000,000', 100_000_000],
    ['-', 0], // the printed nil
    ['90,000,000,000.00', 9_000_000_000_000],
    ['90,071,992,547,409.91', MAX], // the largest exact pence
  ])('"%s" is %i pence', (raw, pence) => {
    const r = parsePence(raw);
    expect(r).toEqual({ ok: true, value: pence });
    expect(viaParseAmount(raw, 1)).toEqual({ pence });
  });

  it('zero is never negative zero', () => {
    for (const raw of ['-0', '(0.00)', '0-', '-0.00']) {
      const r = parsePence(raw);
      expect(r.ok && r.value !== null && Object.is(r.value, 0)).toBe(true);
    }
  });

  it.each(['', '   ', 'n/s', 'N/S'])('"%s" is missing (not zero)', (raw) => {
    expect(parsePence(raw)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['1.235', 'too-many-decimals'],
    ['0.001', 'too-many-decimals'],
    ['90,071,992,547,409.92', 'too-large'],
    ['1,23', 'ambiguous-separator'],
    ['1.234,56', 'ambiguous-separator'],
    ['1,0000', 'ambiguous-separator'],
    ['-(5)', 'conflicting-signs'],
    ['-5-', 'conflicting-signs'],
    ['(5) CR', 'conflicting-signs'],
    ['1.2E+05', 'scientific-notation'],
    ['12%', 'percentage'],
    ['abc', 'not-a-number'],
    ['1 000', 'not-a-number'],
    ['(5', 'not-a-number'],
  ])('"%s" is refused: %s', (raw, code) => {
    const r = parsePence(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toEqual([code]);
      expect(r.issues[0]!.message).toContain(raw);
    }
  });

  // Once accepted by parsePence (a trailing point read as £1.00; leading zeros past 30 digits ignored).
  it.each([
    ['1.', 'ambiguous-separator'],
    ['1,000.', 'ambiguous-separator'],
    ['(1.)', 'ambiguous-separator'],
    ['1.-', 'ambiguous-separator'],
    ['£5.', 'ambiguous-separator'],
    ['-5.', 'ambiguous-separator'],
    ['0000000000000000000000000000001', 'too-many-digits'], // 31 digits, 30 of them leading zeros
    ['000000000000000000000000000001.5', 'too-many-digits'], // 30 + 1 digits
    ['-0000000000000000000000000000000', 'too-many-digits'], // 31 zeros
  ])('"%s" is refused as parseAmount refuses it: %s', (raw, code) => {
    for (const scale of [1, 1000] as const) {
      expect(viaParseAmount(raw, scale)).toEqual({ code });
      expect(viaPence(raw, scale)).toEqual({ code });
    }
  });

  it('30 digits, leading zeros included, are still read', () => {
    expect(parsePence('000000000000000000000000000001')).toEqual({ ok: true, value: 100 }); // 30 digits
    expect(parsePence('0000000000000000000000000001.50')).toEqual({ ok: true, value: 150 }); // 28 + 2
  });

  it("in £'000: thousands of pounds to pence, exact, whole pence only", () => {
    expect(parsePence('1.5', 1000)).toEqual({ ok: true, value: 150_000 });
    expect(parsePence('(2)', 1000)).toEqual({ ok: true, value: -200_000 });
    expect(parsePence('1.234', 1000)).toEqual({ ok: true, value: 123_400 });
    expect(parsePence('1.23456', 1000)).toEqual({ ok: true, value: 123_456 }); // £1,234.56
    expect(parsePence('1.234567', 1000)).toMatchObject({ ok: false, issues: [{ code: 'too-many-decimals' }] });
    expect(parsePence('-', 1000)).toEqual({ ok: true, value: 0 });
  });
});

// penceToPounds moved to src/domain/core/units.ts: tested in test/unit/domain/core/units.test.ts.

/** An amount as a finance export writes it, from pence known in advance. */
function written(pence: bigint, style: number, grouped: boolean, spaces: boolean): string {
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  const whole = (abs / 100n).toString();
  const part = abs % 100n;
  // Whole pounds are often written without a fraction, and 1.50 as 1.5.
  const fraction =
    part === 0n && style % 3 === 0
      ? ''
      : part % 10n === 0n && style % 5 === 0
        ? `.${part / 10n}`
        : `.${String(part).padStart(2, '0')}`;
  const body = `${grouped ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole}${fraction}`;
  const pound = style % 7 === 0 ? '£' : '';
  const text = !negative
    ? [`${pound}${body}`, `+${body}`, `${body} DR`][style % 3]!
    : [`(${pound}${body})`, `-${pound}${body}`, `${pound}${body}-`, `${body} CR`, `\u2212${body}`][style % 5]!;
  return spaces ? ` ${text}  ` : text;
}

describe('parsePence agrees with parseAmount (differential)', () => {
  const penceArb = fc.oneof(
    fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
    fc.bigInt({ min: -100_000n, max: 100_000n }),
  );

  it('amounts as exports write them: both read exactly the pence they were written from', () => {
    fc.assert(
      fc.property(penceArb, fc.nat(209), fc.boolean(), fc.boolean(), (pence, style, grouped, spaces) => {
        const raw = written(pence, style, grouped, spaces);
        const expected = { pence: Number(pence) };
        expect(viaPence(raw, 1)).toEqual(expected);
        expect(viaParseAmount(raw, 1)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  // Text made of the characters amounts are made of, in any order: mostly refused, some accepted.
  const amountish = fc
    .array(
      fc.constantFrom(
        '0',
        '1',
        '5',
        '9',
        '9',
        '0',
        ',',
        '.',
        '-',
        '(',
        ')',
        '£',
        ' ',
        '+',
        '\u2212',
        'CR',
        'DR',
        'e',
        '%',
        'n/s',
      ),
      { maxLength: 14 },
    )
    .map((parts) => parts.join(''));
  const scaleArb = fc.constantFrom<1 | 1000>(1, 1000);

  it('any amount-like text: where parseAmount accepts (whole pence, in range), parsePence gives the same; blank alike', () => {
    fc.assert(
      fc.property(amountish, scaleArb, (raw, scale) => {
        const expected = viaParseAmount(raw, scale);
        fc.pre(!('code' in expected));
        expect(viaPence(raw, scale)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('any amount-like text: what parsePence refuses, parseAmount refuses for the same reason', () => {
    fc.assert(
      fc.property(amountish, scaleArb, (raw, scale) => {
        const got = viaPence(raw, scale);
        fc.pre('code' in got);
        expect(viaParseAmount(raw, scale)).toEqual(got);
      }),
      { numRuns: 5000 },
    );
  });

  it('any amount-like text: the same pence, the same blank or the same refusal', () => {
    fc.assert(
      fc.property(amountish, scaleArb, (raw, scale) => {
        expect(viaPence(raw, scale)).toEqual(viaParseAmount(raw, scale));
      }),
      { numRuns: 5000 },
    );
  });

  it("any amount-like text: penceOf (the row reader's) gives parsePence's pence, blank or refusal as a number", () => {
    fc.assert(
      fc.property(amountish, scaleArb, (raw, scale) => {
        const p = parsePence(raw, scale);
        expect(penceOf(raw, scale)).toBe(!p.ok ? NOT_PENCE : p.value === null ? NO_PENCE : p.value);
      }),
      { numRuns: 5000 },
    );
  });

  it('well-formed digits with commas and a point, any scale: the same pence or the same refusal', () => {
    // The digit grammar both parsers read (GROUPED in money.ts), with a fraction of 0 to 4 digits (a trailing
    // point included) and runs of leading zeros that take some past 30 digits.
    const number = fc
      .tuple(
        fc.stringMatching(/^(\d{1,3}(,\d{3}){0,4}|0{0,20}\d{1,15})$/),
        fc.option(fc.stringMatching(/^\d{0,4}$/), { nil: undefined }),
        fc.constantFrom('', '-', '(', '£'),
      )
      .map(([whole, fraction, sign]) => {
        const body = fraction === undefined ? whole : `${whole}.${fraction}`;
        return sign === '(' ? `(${body})` : `${sign}${body}`;
      });
    fc.assert(
      fc.property(number, scaleArb, (raw, scale) => {
        expect(viaPence(raw, scale)).toEqual(viaParseAmount(raw, scale));
      }),
      { numRuns: 3000 },
    );
  });
});
