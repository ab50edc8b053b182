/*
 * Fast paths for the two cells a large ledger has on every row: a period "1".."16" and a date dd/mm/yyyy,
 * read by hand into numbers (a date as yyyymmdd) without a string or object per cell. Anything else
 * returns 0, and the caller asks the general parsers in src/domain/core/period.ts, which give the reason.
 * Apart from the row reader so that their edges (leap years, P13-P16, padding) are tested on their own.
 */

/** The highest period a year has: P1..P12 and the adjustment periods P13..P16. */
export const MAX_PERIOD = 16;

/** "1".."16" without a general parser: the common case of a period column. 0 when it is anything else. */
export function fastPeriod(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 2) return 0;
  const a = raw.charCodeAt(0) - 48;
  if (a < 0 || a > 9) return 0;
  if (n === 1) return a >= 1 ? a : 0;
  const b = raw.charCodeAt(1) - 48;
  if (b < 0 || b > 9) return 0;
  const p = a * 10 + b;
  return p >= 1 && p <= MAX_PERIOD ? p : 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** dd/mm/yyyy to the number yyyymmdd when valid, without the general parser; 0 sends it to parseDate for a reason. */
export function fastDate(raw: string): number {
  if (raw.length !== 10 || raw.charCodeAt(2) !== 47 || raw.charCodeAt(5) !== 47) return 0;
  // Every other character must be a digit: without this, a character just above '9' (':' is 58) passes the
  // range checks below as a tenth digit, and "0:/01/2020" would be read as 10 January 2020.
  const d = digitPair(raw, 0);
  const m = digitPair(raw, 3);
  const century = digitPair(raw, 6);
  const yy = digitPair(raw, 8);
  if (d < 0 || m < 0 || century < 0 || yy < 0) return 0;
  const y = century * 100 + yy;
  if (!(m >= 1 && m <= 12 && y >= 1900 && y <= 2999 && d >= 1 && d <= 31)) return 0;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS[m - 1]!)) return 0;
  return y * 10000 + m * 100 + d;
}

/** The two digits at i and i+1 as a number 0..99, or -1 when either is not a digit 0-9. */
function digitPair(raw: string, i: number): number {
  const a = raw.charCodeAt(i) - 48;
  const b = raw.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The period (P1 = April) of a date held as yyyymmdd. */
export function periodOfYmd(ymd: number): number {
  const month = Math.floor(ymd / 100) % 100;
  return month >= 4 ? month - 3 : month + 9;
}

/** yyyymmdd as the ISO date people read in messages. */
export function formatYmd(ymd: number): string {
  const s = String(ymd);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
