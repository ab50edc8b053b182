import type { Issue, Result } from './result';
/*
 * Financial years, accounting periods and calendar dates, as UK public-sector ledgers use them.
 *
 * - A financial year runs 1 April to 31 March and is labelled by its two calendar years: "2017/18".
 * - Periods number the months of that year: P1 = April ... P12 = March. P13 to P16 are year-end
 *   adjustment periods with no calendar month of their own.
 * - Dates are plain calendar values ({ year, month, day }), never JavaScript Dates: a Date carries a time
 *   zone, and "31 March 2018 00:00 BST" becomes 30 March in UTC, moving a posting into the wrong year.
 *
 * Everything that reads user text returns a result value and never throws. Functions that take values
 * the program built itself (a period number, a date) throw RangeError on an impossible value, because
 * that is a bug in the caller, not bad data in a file.
 */

/** A financial year, 1 April `startYear` to 31 March `startYear + 1`. Label: formatFinancialYear. */
export interface FinancialYear {
  readonly startYear: number;
}

/** A calendar date with no time and no time zone. month 1-12, day 1-31 (checked against the month). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A calendar month of a calendar year (month 1-12). */
export interface CalendarMonth {
  readonly year: number;
  readonly month: number;
}

/** Where a date falls in the accounting calendar. */
export interface FinancialPeriod {
  readonly year: FinancialYear;
  /** 1-12 for a dated posting; 13-16 only for adjustments, which no calendar date maps to. */
  readonly period: number;
}

/** A parsed period, date or year, or why the text is not one (with a code the caller can switch on). */
export type ParseResult<T, Code extends string> = Result<T, Issue<Code>>;

export type FinancialYearErrorCode = 'empty' | 'not-a-financial-year' | 'not-consecutive' | 'two-digit-year';
export type PeriodErrorCode = 'empty' | 'not-a-period' | 'out-of-range' | 'ambiguous-month';
export type DateErrorCode =
  | 'empty'
  | 'unsupported-format'
  | 'two-digit-year'
  | 'excel-serial'
  | 'invalid-month'
  | 'invalid-day'
  | 'year-out-of-range'
  | 'invalid-time'
  | 'time-zone';

/** The twelve monthly periods. */
export const MONTHLY_PERIODS = 12;

/**
 * The last period accepted. Ledgers differ: many close the year in P13 (audit adjustments), some also
 * use P14-P16 for accruals, consolidation and post-audit entries (Oracle and SAP allow up to four special
 * periods). Accepting up to 16 takes every such ledger; anything higher is a typo, not a period.
 */
export const MAX_PERIOD = 16;

/** The first financial month: April. */
const FIRST_MONTH = 4;

// A sanity range for four-digit years in imported dates: catches typos such as 0218 or 20018 without
// refusing any real posting, budget or MTFS date.
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

// ---------------------------------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------------------------------

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a calendar month (month 1-12). Throws RangeError for a month outside 1-12. */
export function daysInMonth(year: number, month: number): number {
  assertMonth(month);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the value is a real calendar date (whole numbers, month 1-12, day within the month). */
export function isValidDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The English name of a calendar month (1 -> "January"). Throws RangeError outside 1-12. */
function monthName(month: number): string {
  assertMonth(month);
  return MONTH_NAMES[month - 1] ?? '';
}

/** UK presentation: "03/04/2018" for 3 April 2018 (always day first). */
export function formatDate(date: CalendarDate): string {
  return `${pad2(date.day)}/${pad2(date.month)}/${String(date.year).padStart(4, '0')}`;
}

/** ISO 8601 calendar date: "2018-04-03". For storage and sorting. */
export function formatIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** Orders two dates: negative if a is earlier, 0 if equal, positive if later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

// ---------------------------------------------------------------------------------------------------
// Financial years
// ---------------------------------------------------------------------------------------------------

/** The financial year starting 1 April of `startYear`. Throws RangeError unless a whole number. */
export function financialYear(startYear: number): FinancialYear {
  if (!Number.isInteger(startYear)) throw new RangeError(`financial year start ${startYear} is not a whole year`);
  return { startYear };
}

/** "2017/18" (two-digit end year, as the papers print it; 1999/00 for the year ending March 2000). */
export function formatFinancialYear(year: FinancialYear): string {
  return `${year.startYear}/${pad2((year.startYear + 1) % 100)}`;
}

/** The financial year a date (or month) falls in: January-March belong to the year that began the April before. */
export function financialYearOf(date: CalendarMonth): FinancialYear {
  assertMonth(date.month);
  return { startYear: date.month >= FIRST_MONTH ? date.year : date.year - 1 };
}

/** First day of the financial year: 1 April. */
export function financialYearStart(year: FinancialYear): CalendarDate {
  return { year: year.startYear, month: FIRST_MONTH, day: 1 };
}

/** Last day of the financial year: 31 March of the following calendar year. */
export function financialYearEnd(year: FinancialYear): CalendarDate {
  return { year: year.startYear + 1, month: 3, day: 31 };
}

const FINANCIAL_YEAR = /^(?:FY\s*)?(\d+)\s*[/-]\s*(\d+)$/i;

/**
 * Reads a financial year: `2017/18`, `2017-18`, `FY2017/18`, `FY 2017-18`, `2017/2018`, `2017-2018`.
 * The end year must follow the start year (`2017/19` is refused, never corrected). Two-digit start years
 * (`17/18`) are refused: whether 1917 or 2017 is meant is a guess this code does not make.
 */
export function parseFinancialYear(text: string): ParseResult<FinancialYear, FinancialYearErrorCode> {
  const s = text.trim();
  if (s === '') return { ok: false, issues: [{ code: 'empty', message: 'No financial year given' }] };
  const match = FINANCIAL_YEAR.exec(s);
  const startDigits = match?.[1];
  const endDigits = match?.[2];
  if (startDigits === undefined || endDigits === undefined) {
    return {
      ok: false,
      issues: [{ code: 'not-a-financial-year', message: `"${text}" is not a financial year (expected e.g. 2017/18)` }],
    };
  }
  if (startDigits.length === 2) {
    return {
      ok: false,
      issues: [
        {
          code: 'two-digit-year',
          message: `"${text}" has a two-digit start year; write the full year (e.g. 2017/18) rather than have it guessed`,
        },
      ],
    };
  }
  if (startDigits.length !== 4 || (endDigits.length !== 2 && endDigits.length !== 4)) {
    return {
      ok: false,
      issues: [{ code: 'not-a-financial-year', message: `"${text}" is not a financial year (expected e.g. 2017/18)` }],
    };
  }
  const startYear = Number.parseInt(startDigits, 10);
  const end = Number.parseInt(endDigits, 10);
  const expectedEnd = endDigits.length === 4 ? startYear + 1 : (startYear + 1) % 100;
  if (end !== expectedEnd) {
    return {
      ok: false,
      issues: [
        {
          code: 'not-consecutive',
          message: `"${text}" does not name consecutive years; a financial year runs April ${startYear} to March ${startYear + 1} (${formatFinancialYear({ startYear })})`,
        },
      ],
    };
  }
  return { ok: true, value: { startYear } };
}

// ---------------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------------

/** True for a whole number 1..MAX_PERIOD. */
export function isValidPeriod(period: number): boolean {
  return Number.isInteger(period) && period >= 1 && period <= MAX_PERIOD;
}

/** P13 and above: year-end adjustments with no calendar month. Throws RangeError for an invalid period. */
export function isAdjustmentPeriod(period: number): boolean {
  assertPeriod(period);
  return period > MONTHLY_PERIODS;
}

/** Calendar month (1-12) to its period: April -> 1 ... December -> 9, January -> 10 ... March -> 12. */
export function periodOfMonth(month: number): number {
  assertMonth(month);
  return month >= FIRST_MONTH ? month - FIRST_MONTH + 1 : month + 12 - FIRST_MONTH + 1;
}

/**
 * The calendar month and year of a period in a financial year: 2017/18 P3 -> June 2017, P10 -> January 2018.
 * null for an adjustment period (P13+), which has no month. Throws RangeError for an invalid period.
 */
export function monthOfPeriod(year: FinancialYear, period: number): CalendarMonth | null {
  assertPeriod(period);
  if (period > MONTHLY_PERIODS) return null;
  const offset = FIRST_MONTH - 1 + period; // 4..15: months past the start of the start year
  return offset <= 12 ? { year: year.startYear, month: offset } : { year: year.startYear + 1, month: offset - 12 };
}

/** Where a calendar date falls: its financial year and monthly period (never an adjustment period). */
export function periodOfDate(date: CalendarDate): FinancialPeriod {
  return { year: financialYearOf(date), period: periodOfMonth(date.month) };
}

/** "P3". Throws RangeError for an invalid period. */
export function formatPeriod(period: number): string {
  assertPeriod(period);
  return `P${period}`;
}

/**
 * "P3 (June 2017)" for a monthly period; "P13 (2017/18 year-end adjustments)" for an adjustment period.
 * Throws RangeError for an invalid period.
 */
export function formatPeriodLabel(year: FinancialYear, period: number): string {
  const month = monthOfPeriod(year, period);
  if (month === null) return `P${period} (${formatFinancialYear(year)} year-end adjustments)`;
  return `P${period} (${monthName(month.month)} ${month.year})`;
}

const PERIOD = /^(?:P|PER|PERIOD)?\s*\.?\s*(\d+)$/i;
const MONTH_PREFIX = /^(?:M|MTH|MONTH)\s*\.?\s*\d+$/i;

/**
 * Reads a period number: `P1`, `p01`, `P 3`, `Per 3`, `Period 3`, `3`, `03`. Accepts 1..16 (MAX_PERIOD).
 *
 * `M03` / `Month 3` is refused as ambiguous: some ledgers mean the third month of the financial year
 * (June, P3), others calendar month 3 (March, P12). A wrong guess moves a posting by nine months, so the
 * user maps such a column explicitly instead.
 */
export function parsePeriod(text: string): ParseResult<number, PeriodErrorCode> {
  const s = text.trim();
  if (s === '') return { ok: false, issues: [{ code: 'empty', message: 'No period given' }] };
  if (MONTH_PREFIX.test(s)) {
    return {
      ok: false,
      issues: [
        {
          code: 'ambiguous-month',
          message: `"${text}" could be a financial month (M3 = June = P3) or a calendar month (M3 = March = P12); give the period as P1-P${MAX_PERIOD}`,
        },
      ],
    };
  }
  const digits = PERIOD.exec(s)?.[1];
  if (digits === undefined) {
    if (/^(?:P|PER|PERIOD)?\s*[-\u2212]\s*\d+$/i.test(s)) {
      return {
        ok: false,
        issues: [{ code: 'out-of-range', message: `"${text}" is negative; periods run P1-P${MAX_PERIOD}` }],
      };
    }
    return { ok: false, issues: [{ code: 'not-a-period', message: `"${text}" is not a period (expected e.g. P3)` }] };
  }
  // Long digit runs are not periods, and would lose precision as numbers.
  const period = digits.length > 3 ? Number.POSITIVE_INFINITY : Number.parseInt(digits, 10);
  if (period < 1 || period > MAX_PERIOD) {
    return {
      ok: false,
      issues: [
        {
          code: 'out-of-range',
          message: `"${text}" is outside P1-P${MAX_PERIOD} (P1 = April ... P12 = March; P13-P${MAX_PERIOD} are year-end adjustments)`,
        },
      ],
    };
  }
  return { ok: true, value: period };
}

// ---------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first, the same separator twice: 03/04/2018, 3/4/2018, 03-04-2018, 03.04.2018.
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/;
// Day, month name, year, by hyphens, as Oracle and many transparency files write it: 20-Apr-17, 20-Apr-2017.
const MONTH_NAMED = /^(\d{1,2})-([A-Za-z]{3,9})-(\d{2}|\d{4})$/;

/**
 * A two-digit year beside a month name: 00-49 are 2000-2049, 50-99 are 1950-1999 (the pivot of Oracle's RR
 * format, whose exports write dates this way). Public finance files hold years near now, on both sides.
 */
const TWO_DIGIT_YEAR_PIVOT = 50;
/*
 * A time of day after a date, as exports of date-time columns write it: `20/04/2017 14:32`, `2017-04-20T09:15:00`,
 * `2017-04-20 09:15:00.000`, `20-Apr-17 2:32 PM`, with or without a zone designator (`Z`, `+01:00`, `+0100`).
 * Groups: the date, hour, minute, second, AM/PM, zone. `T` joins only an ISO date (checked by the caller).
 */
const TIME_OF_DAY =
  /^(\S+?)(T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?$/;
/**
 * The zones whose written day is the day of a UK body's books, as written: UTC (`Z`, `+00:00`, GMT) and BST
 * (`+01:00`). In any other offset the written day may be the day before or after the books' own, so it is refused.
 */
const UK_OFFSETS = new Set(['Z', '+00', '-00', '+0000', '-0000', '+00:00', '-00:00', '+01', '+0100', '+01:00']);
// A bare number is what Excel shows when a date column lost its format: days since 1900 (43193 = 3 April 2018).
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;

/**
 * Reads a date, day first as UK papers and ledgers write it: `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`,
 * `dd.mm.yyyy`, `dd-Mon-yyyy` and `dd-Mon-yy` (20-Apr-17; a month name in English, three letters or whole),
 * and ISO `yyyy-mm-dd`; any of them may be followed by a time of day (`20/04/2017 14:32`, `2017-04-20T09:15:00`,
 * `20/04/2017 2:32 PM`). Returns a calendar date (no time zone). Never throws.
 *
 * A time of day is checked (00:00-23:59:59, or 1-12 with AM/PM) and dropped: the date is the day as written,
 * never moved by a time zone, so `2018-03-31T23:30:00Z` is 31 March 2018 (shifting it by BST would move a
 * posting into the next financial year). The caller keeps the cell as the file wrote it. A zone designator is
 * accepted where the written day is a UK body's day: UTC (`Z`, `+00:00`) and BST (`+01:00`), read as written;
 * any other offset (`-05:00`, `+05:30`) is refused (`time-zone`), since the day in the books' own zone may be the
 * day before or after, and guessing which would move the line.
 *
 * There is no US fallback: 03/04/2018 is 3 April 2018 always, and 12/31/2018 is an error (month 31)
 * rather than quietly becoming 31 December, because a file that mixes the two orders cannot be told
 * apart row by row. Two-digit years are refused (01/04/18: 1918 or 2018?), except beside a month
 * name (20-Apr-17, the form Oracle-based ledgers export), where TWO_DIGIT_YEAR_PIVOT decides: 17 is 2017,
 * 95 is 1995. Excel serial numbers are refused with a hint, since their epoch depends on the workbook (1900 or 1904 date system).
 * Impossible dates (31/02/2018, 29/02/2017) are refused; 29/02/2016 is accepted.
 */
export function parseDate(text: string): ParseResult<CalendarDate, DateErrorCode> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, issues: [{ code: 'empty', message: 'No date given' }] };
  const timed = TIME_OF_DAY.exec(trimmed);
  if (timed) {
    const refused = checkTime(text, timed);
    if (refused) return refused;
  }
  const s = timed ? timed[1]! : trimmed;

  if (SERIAL.test(s)) {
    return {
      ok: false,
      issues: [
        {
          code: 'excel-serial',
          message: `"${text}" looks like an Excel serial date number, not a date; format the column as dd/mm/yyyy text and export again`,
        },
      ],
    };
  }

  const iso = ISO_DATE.exec(s);
  if (timed?.[2] === 'T' && !iso) return unsupported(text);
  if (iso) return checkDate(text, Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const named = MONTH_NAMED.exec(s);
  if (named) {
    const name = named[2]!.toLowerCase();
    const month = MONTH_NAMES.findIndex((m) => (name.length === 3 ? m.slice(0, 3) : m).toLowerCase() === name) + 1;
    if (month > 0) {
      const digits = named[3]!;
      const yy = Number(digits);
      const year = digits.length === 4 ? yy : yy < TWO_DIGIT_YEAR_PIVOT ? 2000 + yy : 1900 + yy;
      return checkDate(text, year, month, Number(named[1]));
    }
  }

  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) {
    const yearDigits = dayFirst[4] ?? '';
    if (yearDigits.length === 2) {
      return {
        ok: false,
        issues: [
          {
            code: 'two-digit-year',
            message: `"${text}" has a two-digit year; write the full year (dd/mm/yyyy) rather than have the century guessed`,
          },
        ],
      };
    }
    if (yearDigits.length !== 4) {
      return {
        ok: false,
        issues: [
          { code: 'unsupported-format', message: `"${text}" does not have a four-digit year (expected dd/mm/yyyy)` },
        ],
      };
    }
    return checkDate(text, Number(yearDigits), Number(dayFirst[3]), Number(dayFirst[1]));
  }

  return unsupported(text);
}

function unsupported(text: string): ParseResult<CalendarDate, DateErrorCode> {
  return {
    ok: false,
    issues: [
      {
        code: 'unsupported-format',
        message: `"${text}" is not a date in a supported format (dd/mm/yyyy, dd-Mon-yy or yyyy-mm-dd, with or without a time)`,
      },
    ],
  };
}

/** A date's time of day checked: null when it is a real time in a zone whose written day is read as is. */
function checkTime(text: string, m: RegExpExecArray): ParseResult<CalendarDate, DateErrorCode> | null {
  const hour = Number(m[3]);
  const minute = Number(m[4]);
  const second = m[5] === undefined ? 0 : Number(m[5]);
  const half = m[6];
  const hourOk = half === undefined ? hour <= 23 : hour >= 1 && hour <= 12;
  if (!hourOk || minute > 59 || second > 59) {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid-time',
          message: `"${text}" has a time of day that is not a time (${half === undefined ? '00:00 to 23:59' : '1:00 to 12:59 AM or PM'})`,
        },
      ],
    };
  }
  const zone = m[7];
  if (zone !== undefined && !UK_OFFSETS.has(zone.toUpperCase())) {
    return {
      ok: false,
      issues: [
        {
          code: 'time-zone',
          message: `"${text}" is written in the time zone ${zone}, not UTC or UK time (+00:00, +01:00): its day in the books' own zone may be the day before or after, so it is not guessed; export the dates in UK time or without a zone`,
        },
      ],
    };
  }
  return null;
}

function checkDate(text: string, year: number, month: number, day: number): ParseResult<CalendarDate, DateErrorCode> {
  if (month < 1 || month > 12) {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid-month',
          message: `"${text}" has month ${month}, which is not 1-12; dates are read day first (dd/mm/yyyy), never as US mm/dd/yyyy`,
        },
      ],
    };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return {
      ok: false,
      issues: [{ code: 'year-out-of-range', message: `"${text}" has year ${year}, outside ${MIN_YEAR}-${MAX_YEAR}` }],
    };
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return {
      ok: false,
      issues: [
        { code: 'invalid-day', message: `"${text}" has day ${day}, but ${monthName(month)} ${year} has ${days} days` },
      ],
    };
  }
  return { ok: true, value: { year, month, day } };
}

// ---------------------------------------------------------------------------------------------------

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function assertMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month} is not 1-12`);
}

function assertPeriod(period: number): void {
  if (!isValidPeriod(period)) throw new RangeError(`period ${period} is not P1-P${MAX_PERIOD}`);
}
