import Decimal from 'decimal.js';
import type { Issue, Result } from './result';

/**
 * The one Decimal constructor for money. Every amount in Outturn is an instance of it, built from the
 * string in the file (never from a JavaScript float).
 *
 * precision 40 significant digits: a million ledger lines of up to £10^15 each sum well inside it, and a
 * percentage of such a sum keeps 20+ decimal places, so no intermediate step rounds by accident.
 * rounding ROUND_HALF_UP is decimal.js's "half away from zero" (2.5 -> 3, -2.5 -> -3): the presentation
 * rule (ARCHITECTURE.md, "Money"). It applies only where code rounds on purpose (toDecimalPlaces and friends).
 */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Money = Decimal;

export const ZERO: Money = new Money(0);
/** £1,000: the unit of a table printed in £'000. Defined once, here. */
export const THOUSAND: Money = new Money(1000);
/** 100: pence in a pound, and percent in a whole. Defined once, here. */
export const HUNDRED: Money = new Money(100);

/** A parsed amount: a value in pounds, or null when the cell is blank (missing, not zero). */
export type AmountResult = Result<ParsedAmount, Issue<AmountErrorCode>>;

/** An amount read from text: pounds, or null when the cell is blank (missing, not zero), and how it was read. */
export interface ParsedAmount {
  readonly amount: Money | null;
  readonly note?: AmountNote;
}

/** How a value was read when the reading involved a convention the user may want to see. */
export type AmountNote = 'dash-as-zero' | 'blank-as-missing' | 'not-shown' | 'credit' | 'debit';

export type AmountErrorCode =
  | 'not-a-number'
  | 'ambiguous-separator'
  | 'conflicting-signs'
  | 'scientific-notation'
  | 'percentage'
  | 'too-many-digits';

export interface AmountOptions {
  /** The unit the file's figures are in: 'pounds' (default) or 'thousands' (a table printed in £'000). */
  scale?: 'pounds' | 'thousands';
  /** A lone "-" is the printed nil in the papers: zero by default, or missing if a file uses it so. */
  dash?: 'zero' | 'missing';
}

// Hyphen-minus, Unicode minus (U+2212), small and full-width hyphen-minus: spreadsheets and PDFs emit all four.
const MINUS_SIGNS = /^[-\u2212\uFE63\uFF0D]$/;
const DASH_ONLY = /^[-\u2212\u2013\u2014]$/;
// Digits with UK thousands separators (groups of three) or none, an optional fraction.
const GROUPED = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const BARE_FRACTION = /^\.\d+$/;
/** The most digits an amount may have, leading zeros included (src/import/pence.ts keeps to it too). */
export const MAX_DIGITS = 30;

/**
 * Reads an amount as finance exports write it: `1234.56`, `1,234.56`, `£1,234.56`, `(1,234.56)`,
 * `-1,234.56`, `1,234.56-`, `1,234.56 CR` (credit: negative), `DR` (debit: positive), Unicode minus,
 * `-` (nil: zero by default), blank and `n/s` (missing: null). Returns pounds, exact. Never throws.
 *
 * A value that could be read two ways is refused with a reason rather than guessed: `1,23` or `1.234,56`
 * (decimal comma?), `-(5)` or `(5) CR` (two signs), `1.2E+05` (a float Excel has already rounded).
 */
export function parseAmount(raw: string, options: AmountOptions = {}): AmountResult {
  // Non-breaking and thin spaces appear in copied figures; they carry no meaning.
  let s = raw.replace(/[\s\u00A0\u2009\u202F]+/g, ' ').trim();
  if (s === '') return { ok: true, value: { amount: null, note: 'blank-as-missing' } };
  // "n/s" (not shown): a figure the source does not give, written so that it cannot be taken for nil.
  if (/^n\/s$/i.test(s)) return { ok: true, value: { amount: null, note: 'not-shown' } };
  if (DASH_ONLY.test(s)) {
    return options.dash === 'missing'
      ? { ok: true, value: { amount: null, note: 'blank-as-missing' } }
      : { ok: true, value: { amount: ZERO, note: 'dash-as-zero' } };
  }

  let negatives = 0;
  let note: AmountNote | undefined;

  // Ledger exports mark the side instead of signing: "1,234.56 CR" is a credit (negative), "DR" a debit.
  const suffix = /^(.+?)\s*(CR|DR)$/i.exec(s);
  const prefix = suffix ? null : /^(CR|DR)\s*(.+)$/i.exec(s);
  const side = suffix ? suffix[2] : prefix?.[1];
  if (side !== undefined) {
    s = ((suffix ? suffix[1] : prefix?.[2]) ?? '').trim();
    if (side.toUpperCase() === 'CR') {
      negatives++;
      note = 'credit';
    } else {
      note = 'debit';
    }
  }

  // Signs may sit either side of the currency symbol: -£5, £-5, £5-.
  const stripSign = (): void => {
    const first = s.charAt(0);
    if (MINUS_SIGNS.test(first)) {
      negatives++;
      s = s.slice(1).trim();
    } else if (first === '+') {
      s = s.slice(1).trim();
    }
  };
  stripSign();
  if (s.startsWith('(') && s.endsWith(')')) {
    negatives++;
    s = s.slice(1, -1).trim();
  }
  stripSign();
  if (s.startsWith('£')) s = s.slice(1).trim();
  stripSign();
  const last = s.charAt(s.length - 1);
  if (s.length > 1 && MINUS_SIGNS.test(last)) {
    negatives++;
    s = s.slice(0, -1).trim();
  }

  if (negatives > 1) {
    return {
      ok: false,
      issues: [
        {
          code: 'conflicting-signs',
          message: `"${raw}" has more than one sign; it could be read as positive or negative`,
        },
      ],
    };
  }
  if (s.endsWith('%')) {
    return { ok: false, issues: [{ code: 'percentage', message: `"${raw}" is a percentage, not an amount` }] };
  }
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(s)) {
    return {
      ok: false,
      issues: [
        {
          code: 'scientific-notation',
          message: `"${raw}" is in scientific notation, so its exact value was already lost by the program that wrote it`,
        },
      ],
    };
  }
  if (!GROUPED.test(s) && !BARE_FRACTION.test(s)) {
    if (/^[\d.,]+$/.test(s)) {
      return {
        ok: false,
        issues: [
          {
            code: 'ambiguous-separator',
            message: `"${raw}" uses separators that could be thousands or decimals (expected 1,234.56)`,
          },
        ],
      };
    }
    return { ok: false, issues: [{ code: 'not-a-number', message: `"${raw}" is not an amount` }] };
  }
  const digits = s.replace(/,/g, '');
  if (digits.replace('.', '').length > MAX_DIGITS) {
    return { ok: false, issues: [{ code: 'too-many-digits', message: `"${raw}" has more than ${MAX_DIGITS} digits` }] };
  }
  let value = new Money(digits);
  if (options.scale === 'thousands') value = value.times(THOUSAND);
  if (negatives === 1) value = value.negated();
  if (value.isZero()) value = ZERO; // no negative zero: (0) and -0 are nil
  return { ok: true, value: note ? { amount: value, note } : { amount: value } };
}

/** Rounds to the given decimal places, half away from zero (the presentation rule). */
export function roundHalfAwayFromZero(value: Money, decimalPlaces: number): Money {
  const rounded = value.toDecimalPlaces(decimalPlaces, Money.ROUND_HALF_UP);
  return rounded.isZero() ? ZERO : rounded;
}

// Pounds to £'000 and back, and pence to pounds: src/domain/core/units.ts (the units as types).

/** Digits (and a fraction after a point) with a comma between each three of the whole: 1234567.5 -> 1,234,567.5. */
export function groupThousands(digits: string): string {
  const [whole = '0', fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export interface FormatOptions {
  /** What a value that rounds to nil prints as. The papers print "-" in most tables. */
  zero?: string;
}

/**
 * Pounds as the papers print £'000: rounded to whole thousands half away from zero, thousands
 * separators, negatives in brackets. -1,547,000 -> "(1,547)"; 0 and -400 -> zero option (default "-").
 */
export function formatThousands(pounds: Money, options: FormatOptions = {}): string {
  return formatUnits(roundHalfAwayFromZero(pounds.dividedBy(THOUSAND), 0), 0, options);
}

/** A value already in whole £'000 units (e.g. from sum-preserving rounding), printed as the papers do. */
export function formatWholeThousands(thousands: Money, options: FormatOptions = {}): string {
  return formatUnits(roundHalfAwayFromZero(thousands, 0), 0, options);
}

/** Pounds to pence precision: 1234.5 -> "£1,234.50"; -1234.5 -> "(£1,234.50)". Half away from zero. */
export function formatPounds(pounds: Money, options: FormatOptions & { decimals?: number } = {}): string {
  const decimals = options.decimals ?? 2;
  const rounded = roundHalfAwayFromZero(pounds, decimals);
  if (rounded.isZero() && options.zero !== undefined) return options.zero;
  const body = `£${groupThousands(rounded.abs().toFixed(decimals))}`;
  return rounded.isNegative() ? `(${body})` : body;
}

function formatUnits(rounded: Money, decimals: number, options: FormatOptions): string {
  if (rounded.isZero()) return options.zero ?? '-';
  const body = groupThousands(rounded.abs().toFixed(decimals));
  return rounded.isNegative() ? `(${body})` : body;
}

/** Exact sum of amounts; an empty list sums to zero. */
export function sum(values: readonly Money[]): Money {
  let total = ZERO;
  // A nil adds nothing, and adding it still made a Decimal: most of a big ledger's lines have no budget.
  for (const v of values) if (!v.isZero()) total = total.plus(v);
  return total;
}

export type PercentResult = Result<Money | null, Issue<'not-a-percentage'>>;

/**
 * Reads a printed percentage ("2.05%", "66.8 %", "-", blank) as a percent number (2.05), exact.
 * A "-" is nil as in the amount columns; blank is missing.
 */
export function parsePercent(raw: string): PercentResult {
  const s = raw.replace(/[\s\u00A0]+/g, '').replace(/\u2212/g, '-');
  if (s === '') return { ok: true, value: null };
  if (DASH_ONLY.test(s)) return { ok: true, value: ZERO };
  const match = /^(-?)(\d+(\.\d+)?)%?$/.exec(s) ?? /^\((\d+(\.\d+)?)%?\)$/.exec(s);
  if (!match) return { ok: false, issues: [{ code: 'not-a-percentage', message: `"${raw}" is not a percentage` }] };
  const negative = match[1] === '-' || s.startsWith('(');
  const digits = s.startsWith('(') ? match[1]! : match[2]!;
  const value = new Money(digits);
  return { ok: true, value: negative && !value.isZero() ? value.negated() : value };
}

/**
 * Pounds as £m to two decimals, half away from zero, sign kept: 1,852,000 -> "£1.85m"; -96,000 -> "-£0.10m",
 * or "(£0.10m)" with `negative: 'brackets'` (as the tables print a negative). The sign is the rounded figure's:
 * -400 at two decimals is "£0.00m", never "-£0.00m".
 */
export function formatMillions(pounds: Money, decimals = 2, options: { negative?: 'minus' | 'brackets' } = {}): string {
  const m = roundHalfAwayFromZero(pounds.dividedBy(1_000_000), decimals);
  const body = `£${groupThousands(m.abs().toFixed(decimals))}m`;
  if (!m.isNegative() || m.isZero()) return body;
  return options.negative === 'brackets' ? `(${body})` : `-${body}`;
}
