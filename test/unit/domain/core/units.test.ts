import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Money } from '../../../../src/domain/core/money';
import {
  fromPence,
  fromThousands,
  pence,
  penceToPounds,
  thousands,
  toThousands,
  type Pence,
  type Pounds,
  type Thousands,
} from '../../../../src/domain/core/units';
import type { ToApply } from '../../../../src/domain/reserves/road-casualty-reserve';

// The type-level half of these tests is checked by `npm run typecheck` (tsc includes test/): each
// `@ts-expect-error` fails the build if the line under it ever type-checks, i.e. if a brand stops
// keeping one unit out of another's place. expectTypeOf is checked the same way.

describe('units as types', () => {
  it('a Thousands is not a Pounds, nor a Pounds a Thousands', () => {
    expectTypeOf<Thousands>().not.toExtend<Pounds>();
    expectTypeOf<Pounds>().not.toExtend<Thousands>();
    const k = thousands(1582);
    // @ts-expect-error a figure in £'000 where pounds are expected
    const wrong: Pounds = k;
    // @ts-expect-error toThousands takes pounds: a figure already in £'000 would be divided twice
    toThousands(k);
    // @ts-expect-error fromThousands takes a figure branded £'000, not pounds
    fromThousands(fromPence(pence(100)));
    // @ts-expect-error nor a plain Money: say what unit it is in with thousands(...)
    fromThousands(new Money(1582));
    expect(wrong).toBe(k); // the brands are types only: the same object at run time
  });

  it("a model's pounds input refuses a figure in £'000, and takes pounds or plain Money", () => {
    // @ts-expect-error the road casualty model takes pounds: £244k must go through fromThousands
    const wrong: ToApply = { amount: thousands(244), year: 2018 };
    const right: ToApply = { amount: fromThousands(thousands(244)), year: 2018 };
    const plain: ToApply = { amount: new Money(244_000), year: 2018 };
    expect(right.amount.equals(plain.amount)).toBe(true);
    expect(wrong.amount.toString()).toBe('244');
  });

  it('a plain number is not Pence, and Pence not Pounds', () => {
    expectTypeOf<number>().not.toExtend<Pence>();
    expectTypeOf<Pence>().toExtend<number>(); // reading pence as a number is fine
    // @ts-expect-error a number of unknown unit where pence are expected
    fromPence(123456);
    expectTypeOf<Pence>().not.toExtend<Pounds>();
    // @ts-expect-error penceToPounds takes branded pence
    penceToPounds(5);
    expect(fromPence(pence(123456)).toString()).toBe('1234.56');
  });

  it('pence to pounds is exact: the same Decimal as the pence divided by 100, for any pence up to 2^53', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const made = fromPence(pence(n));
        const divided = new Money(n).dividedBy(100);
        expect(made.equals(divided)).toBe(true);
        expect(made.toString()).toBe(divided.toString());
        expect([made.s, made.e, ...made.d]).toEqual([divided.s, divided.e, ...divided.d]);
      }),
      { numRuns: 2000 },
    );
    expect(fromPence(pence(-5)).toString()).toBe('-0.05');
    expect(fromPence(pence(0)).isZero()).toBe(true);
  });

  it('every unit is a Money or a number where the unit does not matter (formatting, sums)', () => {
    expectTypeOf<Pounds>().toExtend<Money>();
    expectTypeOf<Thousands>().toExtend<Money>();
    expectTypeOf(fromPence).returns.toEqualTypeOf<Pounds>();
    expectTypeOf(fromThousands).returns.toEqualTypeOf<Pounds>();
    expectTypeOf(toThousands).returns.toEqualTypeOf<Thousands>();
    // Arithmetic on a Money returns a plain Money, which is pounds by the domain's convention.
    toThousands(new Money('1234.56'));
  });
});

describe('pence', () => {
  it('takes a safe integer', () => {
    expect(pence(123456)).toBe(123456);
    expect(pence(-5)).toBe(-5);
    expect(pence(0)).toBe(0);
    expect(pence(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([0.5, 1234.56, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, -(2 ** 60)])(
    'refuses %d',
    (n) => {
      expect(() => pence(n)).toThrow(RangeError);
    },
  );
});

describe('converters, by hand', () => {
  it("123456 pence = £1,234.56 = 1.23456 £'000, and back", () => {
    const pounds = fromPence(pence(123456));
    expect(pounds.toString()).toBe('1234.56');
    const k = toThousands(pounds);
    expect(k.toString()).toBe('1.23456');
    expect(fromThousands(k).toString()).toBe('1234.56');
    expect(fromThousands(k).equals(pounds)).toBe(true);
  });

  it('negative and tiny amounts, exact', () => {
    expect(fromPence(pence(-5)).toString()).toBe('-0.05');
    expect(fromPence(pence(1)).toString()).toBe('0.01');
    expect(fromPence(pence(0)).isZero()).toBe(true);
    expect(toThousands(fromPence(pence(1))).toString()).toBe('0.00001');
    // £90,071,992,547,409.91: the largest exact pence, no rounding on the way.
    expect(fromPence(pence(Number.MAX_SAFE_INTEGER)).toString()).toBe('90071992547409.91');
  });

  it("Table 5's £1,582k is £1,582,000", () => {
    expect(fromThousands(thousands(1582)).toString()).toBe('1582000');
    expect(fromThousands(thousands('-0.5')).toString()).toBe('-500');
    expect(thousands(new Money('1.5')).toString()).toBe('1.5');
  });
});

describe('penceToPounds', () => {
  it.each([
    [-123456, '-1234.56'],
    [5, '0.05'],
    [-5, '-0.05'],
    [0, '0.00'],
    [100, '1.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i -> %s', (p, pounds) => expect(penceToPounds(pence(p))).toBe(pounds));
});
