import { Money, THOUSAND, ZERO } from './money';

/*
 * Units of money, as types. Outturn holds the same figure in three units: the ledgers and stored chunks
 * in integer pence (a safe integer: exact and fast on the import's hot path), the domain in pounds (an
 * exact Decimal), and the papers' tables in £'000. A number or a Money does not say which, so a figure in
 * one unit could be passed where another is expected and be out by a factor of 100 or 1,000 with no error.
 * The brands below make that a type error where a unit crosses a module boundary (the ledger aggregates
 * into the revenue model, the papers' £'000 figures into the reserves models).
 *
 * The brands cost nothing at run time (a Pence is a number, a Pounds or Thousands a Money). The functions
 * here are the only way to make one: `pence` checks the value is a safe integer, `thousands` marks a
 * figure as the papers print it; the converters change unit exactly. Arithmetic on a Money returns a plain
 * Money, which is pounds by the domain's convention, so what takes pounds takes `PoundsOrPlain`: a plain
 * Money or a Pounds, never a Thousands. No re-branding helper is needed (or wanted: it would be a cast).
 */

/** An integer number of pence (a safe integer, so sums of them stay exact). */
export type Pence = number & { readonly __unit: 'pence' };
/** An amount in pounds, exact. */
export type Pounds = Money & { readonly __unit: 'pounds' };
/** An amount in thousands of pounds (£'000), as the papers' tables print it, exact. */
export type Thousands = Money & { readonly __unit: 'thousands' };
/**
 * What takes pounds: a Pounds, or a plain Money (arithmetic's result; the domain's amounts are pounds
 * unless branded otherwise). A figure branded in another unit (a Thousands) is refused.
 */
export type PoundsOrPlain = Money & { readonly __unit?: 'pounds' };

/** A number of pence; throws unless it is a safe integer (a fraction of a penny, NaN or beyond 2^53 is a bug upstream). */
export function pence(n: number): Pence {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a whole number of pence within 2^53`);
  return n as Pence;
}

/** A figure in £'000 as printed (1582 for £1,582k): the brand, with no conversion. */
export function thousands(value: Money | number | string): Thousands {
  return (value instanceof Money ? value : new Money(value)) as Thousands;
}

/** Pence to pounds, exact (pence are whole numbers well inside 2^53): 123456 -> 1234.56. */
export function fromPence(p: Pence): Pounds {
  // From the exact decimal text of the pence, not by dividing: the same Decimal, in half the time (a model of a big
  // ledger makes one for every line and period, on the page's thread).
  return (p === 0 ? ZERO : new Money(penceToPounds(p))) as Pounds;
}

/** Pence as an exact decimal string in pounds, with no Decimal (for receipts): -123456 -> "-1234.56". */
export function penceToPounds(p: Pence): string {
  const negative = p < 0;
  const abs = Math.abs(p);
  const whole = Math.floor(abs / 100);
  const part = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${part}`;
}

/** Pounds to thousands of pounds, exact (no rounding): 1234.56 -> 1.23456. */
export function toThousands(pounds: PoundsOrPlain): Thousands {
  return pounds.dividedBy(THOUSAND) as Thousands;
}

/** Thousands of pounds to pounds, exact: 1.23456 -> 1234.56. */
export function fromThousands(t: Thousands): Pounds {
  return t.times(THOUSAND) as Pounds;
}
