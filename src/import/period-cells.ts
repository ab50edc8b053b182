/*
 * Period cells as finance systems export them, beside the P1..P16 that parsePeriod reads. Each of these also
 * names its financial year, so a line of another year can be refused rather than added to this year's period:
 * - Oracle's period names, a calendar month and its year: "APR-17", "Apr-2017", "JAN-18" (P10 of 2017/18);
 * - Unit4's (Agresso's) year and period in one number, "201701": period 01 of the year that starts in 2017.
 *   The period is the financial year's, not the calendar month: Gateshead's published exports list April 2017's
 *   payments under 201701 and January 2018's under 201710 (test/fixtures/public/SOURCES.md). Where a file also
 *   has posting dates, a period that disagrees with its date is said on the row as for any period.
 * Anything else is left to parsePeriod, which gives the reason it is not a period.
 */

export interface YearPeriod {
  /** 1..16 (P1 = April; P13-P16 year-end adjustments). */
  period: number;
  /** The financial year by its first calendar year (2017 = 2017/18). */
  startYear: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ORACLE_PERIOD = /^([A-Za-z]{3})[-\s](\d{2}|\d{4})$/;
const UNIT4_PERIOD = /^((?:19|20)\d\d)(\d\d)$/;

/** The period and financial year an Oracle period name or a Unit4 period number gives; null for anything else. */
export function readYearPeriod(raw: string): YearPeriod | null {
  const s = raw.trim();
  const unit4 = UNIT4_PERIOD.exec(s);
  if (unit4) {
    const period = Number(unit4[2]);
    return period >= 1 && period <= 16 ? { period, startYear: Number(unit4[1]) } : null;
  }
  const oracle = ORACLE_PERIOD.exec(s);
  if (oracle) {
    const month = MONTHS.indexOf(oracle[1]!.toLowerCase()) + 1;
    if (month === 0) return null;
    const digits = oracle[2]!;
    // Two digits are this century's: a ledger's periods are recent years, and Oracle writes them so.
    const year = digits.length === 4 ? Number(digits) : 2000 + Number(digits);
    return month >= 4 ? { period: month - 3, startYear: year } : { period: month + 9, startYear: year - 1 };
  }
  return null;
}
