import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Money,
  formatMillions,
  formatPounds,
  formatThousands,
  formatWholeThousands,
  parseAmount,
  parsePercent,
  roundHalfAwayFromZero,
  sum,
} from '../../../../src/domain/core/money';

const valueOf = (raw: string, options?: Parameters<typeof parseAmount>[1]): string | null | undefined => {
  const r = parseAmount(raw, options);
  return r.ok ? (r.value.amount === null ? null : r.value.amount.toString()) : undefined;
};

describe('parseAmount: every format of the money rules in ARCHITECTURE.md', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['£1,234.56', '1234.56'],
    ['(1,234.56)', '-1234.56'],
    ['-1,234.56', '-1234.56'],
    ['1,234.56-', '-1234.56'],
    ['1,234.56 CR', '-1234.56'],
    ['1,234.56CR', '-1234.56'],
    ['CR 1,234.56', '-1234.56'],
    ['1,234.56 DR', '1234.56'],
    ['1,234.56 dr', '1234.56'],
    ['\u22121,234.56', '-1234.56'], // Unicode minus sign
    ['-£1,234.56', '-1234.56'],
    ['£-1,234.56', '-1234.56'],
    ['(£1,234.56)', '-1234.56'],
    ['  1,234,567.89 ', '1234567.89'],
    ['1\u00A0234.5', undefined], // a space inside the digits is not a separator we accept
    ['0.1', '0.1'],
    ['.5', '0.5'],
    ['+12', '12'],
    ['(0)', '0'],
    ['007', '7'],
    ['1,234', '1234'], // UK thousands separator
  ])('%j -> %j', (raw, expected) => {
    expect(valueOf(raw)).toBe(expected);
  });

  it('reads "-" as nil (zero) and says so; blank as missing (null), never zero', () => {
    expect(parseAmount('-')).toEqual({ ok: true, value: { amount: new Money(0), note: 'dash-as-zero' } });
    expect(parseAmount('–').ok && parseAmount('–')).toMatchObject({ value: { note: 'dash-as-zero' } });
    expect(parseAmount('')).toEqual({ ok: true, value: { amount: null, note: 'blank-as-missing' } });
    expect(parseAmount('   ')).toEqual({ ok: true, value: { amount: null, note: 'blank-as-missing' } });
    expect(valueOf('-', { dash: 'missing' })).toBeNull();
  });

  it("scales a file in £'000 to pounds exactly", () => {
    expect(valueOf('126,252', { scale: 'thousands' })).toBe('126252000');
    expect(valueOf('(1,547)', { scale: 'thousands' })).toBe('-1547000');
    expect(valueOf('1.5', { scale: 'thousands' })).toBe('1500');
  });

  it('keeps exactness no float could: 0.1 + 0.2 and 17 significant digits', () => {
    const a = parseAmount('0.1');
    const b = parseAmount('0.2');
    if (!a.ok || !b.ok || !a.value.amount || !b.value.amount) throw new Error('parse failed');
    expect(a.value.amount.plus(b.value.amount).toString()).toBe('0.3');
    expect(valueOf('12,345,678,901,234.57')).toBe('12345678901234.57');
  });

  it.each([
    ['abc', 'not-a-number'],
    ['12a', 'not-a-number'],
    ['1,23', 'ambiguous-separator'],
    ['1.234,56', 'ambiguous-separator'],
    ['12,34,567', 'ambiguous-separator'],
    ['1.2.3', 'ambiguous-separator'],
    ['-(5)', 'conflicting-signs'],
    ['(5) CR', 'conflicting-signs'],
    ['-5-', 'conflicting-signs'],
    ['1.2E+05', 'scientific-notation'],
    ['12%', 'percentage'],
    ['£', 'not-a-number'],
    ['1'.repeat(31), 'too-many-digits'],
  ])('refuses %j with a reason (%s), never a guess', (raw, code) => {
    const r = parseAmount(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toEqual([code]);
      expect(r.issues[0]!.message).toContain(raw);
    }
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => void parseAmount(s)));
  });

  it('round-trips any pence amount written the way ledgers write it', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom('plain', 'bracket', 'trailing', 'cr'),
        (pence, style) => {
          const abs = pence < 0n ? -pence : pence;
          const pounds = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
          const grouped = pounds.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');
          const neg = pence < 0n;
          const raw =
            style === 'plain'
              ? `${neg ? '-' : ''}£${grouped}`
              : style === 'bracket'
                ? neg
                  ? `(${grouped})`
                  : grouped
                : style === 'trailing'
                  ? `${grouped}${neg ? '-' : ''}`
                  : `${grouped} ${neg ? 'CR' : 'DR'}`;
          const r = parseAmount(raw);
          expect(r.ok && r.value.amount?.times(100).toFixed(0)).toBe(pence.toString());
        },
      ),
    );
  });
});

describe('rounding and formatting as the papers print', () => {
  it.each([
    ['2.5', '3'],
    ['-2.5', '-3'],
    ['2.4999', '2'],
    ['-0.4', '0'],
  ])('half away from zero: %s -> %s', (v, expected) => {
    expect(roundHalfAwayFromZero(new Money(v), 0).toString()).toBe(expected);
  });

  it.each([
    ['126252000', '126,252'],
    ['-1547000', '(1,547)'],
    ['1547499.99', '1,547'],
    ['1547500', '1,548'],
    ['-1547500', '(1,548)'],
    ['-400', '-'],
    ['0', '-'],
    ['999', '1'],
  ])("£'000: %s -> %s", (pounds, expected) => {
    expect(formatThousands(new Money(pounds))).toBe(expected);
  });

  it('prints nil as the caller asks, and whole thousands as given', () => {
    expect(formatThousands(new Money(0), { zero: '0' })).toBe('0');
    expect(formatWholeThousands(new Money(-96))).toBe('(96)');
  });

  it.each([
    ['1234.5', '£1,234.50'],
    ['-1234.5', '(£1,234.50)'],
    ['0.005', '£0.01'],
    ['-0.005', '(£0.01)'],
    ['1000000', '£1,000,000.00'],
  ])('£: %s -> %s', (pounds, expected) => {
    expect(formatPounds(new Money(pounds))).toBe(expected);
  });

  it.each([
    ['1852000', 2, 'minus', '£1.85m'],
    ['-96000', 2, 'minus', '-£0.10m'],
    ['-96000', 2, 'brackets', '(£0.10m)'],
    ['-1786400', 3, 'brackets', '(£1.786m)'],
    ['-1786500', 3, 'brackets', '(£1.787m)'],
    // Rounded to nil, a negative carries no sign: "-£0.00m" or "(£0.000m)" would say a figure that is not there.
    ['-400', 2, 'minus', '£0.00m'],
    ['-400', 3, 'brackets', '£0.000m'],
    ['-500', 3, 'brackets', '(£0.001m)'],
  ] as const)('£m: %s to %i decimals, negatives %s -> %s', (pounds, decimals, negative, expected) => {
    expect(formatMillions(new Money(pounds), decimals, { negative })).toBe(expected);
  });
});

describe('parsePercent', () => {
  it.each([
    ['2.05%', '2.05'],
    ['66.8 %', '66.8'],
    ['8%', '8'],
    ['-4.1%', '-4.1'],
    ['(4.1%)', '-4.1'],
    ['100', '100'],
    ['-', '0'],
    ['', null],
  ])('%j -> %j', (raw, expected) => {
    const r = parsePercent(raw);
    expect(r.ok && (r.value === null ? null : r.value.toString())).toBe(expected);
  });
  it('refuses what is not a percentage', () => {
    expect(parsePercent('about 5%').ok).toBe(false);
  });
});

describe('sum', () => {
  it('adds exactly, nils and negative zeros among the values or not', () => {
    // Whole pence written as text, so the expected total is the integers' own sum, not Decimal's.
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(0, -0)), { maxLength: 40 }),
        (pence) => {
          // Pence as pounds' text by integer arithmetic: -123456 -> "-1234.56".
          const text = (p: number): string =>
            `${p < 0 || Object.is(p, -0) ? '-' : ''}${Math.floor(Math.abs(p) / 100)}.${String(Math.abs(p) % 100).padStart(2, '0')}`;
          const values = pence.map((p) => new Money(text(p)));
          const expected = pence.reduce((t, p) => t + p, 0);
          expect(sum(values).times(100).toNumber()).toBe(expected === 0 ? 0 : expected);
          expect(sum(values).toString()).toBe(sum(values.filter((v) => !v.isZero())).toString());
        },
      ),
    );
    expect(sum([]).toString()).toBe('0');
    expect(sum([new Money('-0'), new Money('0')]).isZero()).toBe(true);
  });
});
