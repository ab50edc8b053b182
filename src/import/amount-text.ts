import { groupThousands } from '../domain/core/money';

/*
 * An amount cell's text kept as the way it was written, beside its pence, where writing the pence that way gives
 * the cell back exactly: a number from 1 to 37 a row (a byte), not the cell's dozen characters. The drill-down
 * still shows every original cell; packing (packed-chunk.ts) keeps the text itself for any cell the way does not
 * give back ("-" for nil, £'000 columns, spaces, "-0.00", anything unusual): the test is always the text made
 * again, compared with the cell, never a guess about its shape.
 *
 * A way: blank (an empty cell with no amount), or written with 0, 1 or 2 decimals; with or without commas between
 * thousands; with or without "£"; a negative as "-1.00", "(1.00)" or "1.00-" (the shapes pence.ts reads fast).
 */

/** The text is kept as it is (no way gives it back). */
export const AS_TEXT = 0;
/** An empty cell, no amount. */
export const BLANK = 1;

const WAYS = 38;

/** Whether `way` is one this module writes (a stored byte read back is checked before it is used). */
export const isWay = (way: number): boolean => Number.isInteger(way) && way >= 0 && way < WAYS;

/** A way from its parts: decimals 0-2, grouped, negative as 0 "-1", 1 "(1)", 2 "1-", pound sign. */
const wayOf = (decimals: number, grouped: boolean, negative: number, pound: boolean): number =>
  2 + decimals + (grouped ? 3 : 0) + negative * 6 + (pound ? 18 : 0);

/**
 * Pence written `way` ('' for blank), or null where that way cannot write them (a blank way for an amount, an
 * amount's pence beyond the decimals, a fraction of a penny, an amount beyond the exact integers).
 */
export function amountText(pence: number, way: number): string | null {
  if (way === BLANK) return Number.isNaN(pence) ? '' : null;
  if (way < 2 || way >= WAYS || !Number.isSafeInteger(pence)) return null;
  const w = way - 2;
  const decimals = w % 3;
  const grouped = Math.floor(w / 3) % 2 === 1;
  const negative = Math.floor(w / 6) % 3;
  const pound = w >= 18;
  const abs = Math.abs(pence);
  const penny = abs % 100;
  let fraction: string;
  if (decimals === 2) fraction = penny < 10 ? `.0${penny}` : `.${penny}`;
  else if (decimals === 1) {
    if (penny % 10 !== 0) return null;
    fraction = `.${penny / 10}`;
  } else {
    if (penny !== 0) return null;
    fraction = '';
  }
  const whole = String((abs - penny) / 100);
  const body = `${pound ? '£' : ''}${grouped ? groupThousands(whole) : whole}${fraction}`;
  if (pence >= 0) return body; // 0 and -0 alike: "-0.00" is kept as text
  return negative === 0 ? `-${body}` : negative === 1 ? `(${body})` : `${body}-`;
}

/** Digits before the point read as a number at most: 10^13 pounds is 10^15 pence, below 2^53. */
const MOST_WHOLE_DIGITS = 13;

/**
 * The way that writes `pence` as `cell` exactly, or AS_TEXT. Read a character at a time, with no string made
 * (it runs for every amount of a large import): the cell's shape names the way, and its digits must be the pence
 * written with no zero before them and commas, if any, between every three; anything else is kept as text.
 * amountText(pence, way) === cell for every way this returns (a property the tests check on any text).
 */
export function wayOfCell(cell: string, pence: number): number {
  const n = cell.length;
  if (n === 0) return Number.isNaN(pence) ? BLANK : AS_TEXT;
  if (!Number.isSafeInteger(pence)) return AS_TEXT;
  let i = 0;
  let end = n;
  let negative = -1; // -1 none, else as wayOf's
  const first = cell.charCodeAt(0);
  if (first === 40 /* ( */) {
    if (cell.charCodeAt(n - 1) !== 41 /* ) */) return AS_TEXT;
    negative = 1;
    i = 1;
    end = n - 1;
  } else if (first === 45 /* - */) {
    negative = 0;
    i = 1;
  } else if (cell.charCodeAt(n - 1) === 45) {
    negative = 2;
    end = n - 1;
  }
  if (negative >= 0 !== pence < 0) return AS_TEXT;
  const pound = cell.charCodeAt(i) === 163; /* £ */
  if (pound) i++;
  const wholeStart = i;
  let whole = 0;
  let digits = 0;
  let commas = 0;
  let sinceComma = -1;
  for (; i < end; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      if (sinceComma >= 0) sinceComma++;
    } else if (c === 44 /* , */) {
      // the first group 1 to 3 digits, each after it 3: commas between every three, or none
      if (digits === 0 || (sinceComma >= 0 ? sinceComma !== 3 : digits > 3)) return AS_TEXT;
      commas++;
      sinceComma = 0;
    } else break;
  }
  if (digits === 0 || digits > MOST_WHOLE_DIGITS || (sinceComma >= 0 && sinceComma !== 3)) return AS_TEXT;
  if (digits > 1 && cell.charCodeAt(wholeStart) === 48) return AS_TEXT; // a zero before the digits
  let decimals = 0;
  let fraction = 0;
  if (i < end && cell.charCodeAt(i) === 46 /* . */) {
    for (i++; i < end; i++) {
      const c = cell.charCodeAt(i);
      if (c < 48 || c > 57) break;
      fraction = fraction * 10 + (c - 48);
      decimals++;
    }
    if (decimals === 0 || decimals > 2) return AS_TEXT;
  }
  if (i !== end) return AS_TEXT;
  const abs = whole * 100 + (decimals === 2 ? fraction : decimals === 1 ? fraction * 10 : 0);
  if (abs !== Math.abs(pence)) return AS_TEXT;
  return wayOf(decimals, commas > 0, negative < 0 ? 0 : negative, pound);
}
