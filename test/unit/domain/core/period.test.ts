import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PERIOD,
  compareDates,
  daysInMonth,
  financialYear,
  financialYearEnd,
  financialYearOf,
  financialYearStart,
  formatDate,
  formatFinancialYear,
  formatIsoDate,
  formatPeriod,
  formatPeriodLabel,
  isAdjustmentPeriod,
  isLeapYear,
  isValidDate,
  isValidPeriod,
  monthOfPeriod,
  parseDate,
  parseFinancialYear,
  parsePeriod,
  periodOfDate,
  periodOfMonth,
  type CalendarDate,
} from '../../../../src/domain/core/period';

const FY2017 = financialYear(2017);

describe('parseFinancialYear', () => {
  it.each([
    ['2017/18', 2017],
    ['2017-18', 2017],
    ['FY2017/18', 2017],
    ['fy2017-18', 2017],
    ['FY 2017/18', 2017],
    ['2017/2018', 2017],
    ['2017-2018', 2017],
    ['  2018/19  ', 2018],
    ['2017 / 18', 2017],
    // The century boundary: the year ending March 2000 is labelled 1999/00.
    ['1999/00', 1999],
    ['1999/2000', 1999],
    ['2099/00', 2099],
  ])('reads %j as the year starting April %i', (text, startYear) => {
    expect(parseFinancialYear(text)).toEqual({ ok: true, value: { startYear } });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['2017/19', 'not-consecutive'],
    ['2017/17', 'not-consecutive'],
    ['2017/2019', 'not-consecutive'],
    ['2018/17', 'not-consecutive'],
    ['1999/99', 'not-consecutive'],
    ['17/18', 'two-digit-year'],
    ['FY17/18', 'two-digit-year'],
    ['2017', 'not-a-financial-year'],
    ['2017/8', 'not-a-financial-year'],
    ['2017/018', 'not-a-financial-year'],
    ['20170/18', 'not-a-financial-year'],
    ['2017/18/19', 'not-a-financial-year'],
    ['2017_18', 'not-a-financial-year'],
    ['next year', 'not-a-financial-year'],
    ['FY', 'not-a-financial-year'],
  ])('refuses %j (%s)', (text, code) => {
    const result = parseFinancialYear(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.code)).toEqual([code]);
      expect(result.issues[0]!.message.length).toBeGreaterThan(0);
    }
  });

  it('names the year it expected when the end year is wrong', () => {
    const result = parseFinancialYear('2017/19');
    expect(!result.ok && result.issues[0]!.message).toContain('2017/18');
  });

  it('round-trips every label it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9998 }), (startYear) => {
        const label = formatFinancialYear({ startYear });
        expect(parseFinancialYear(label)).toEqual({ ok: true, value: { startYear } });
        expect(parseFinancialYear(`${startYear}/${startYear + 1}`)).toEqual({ ok: true, value: { startYear } });
      }),
    );
  });
});

describe('formatFinancialYear and year bounds', () => {
  it.each([
    [2017, '2017/18'],
    [2009, '2009/10'],
    [1999, '1999/00'],
    [2000, '2000/01'],
  ])('formats %i as %s', (startYear, label) => {
    expect(formatFinancialYear(financialYear(startYear))).toBe(label);
  });

  it('runs 1 April to 31 March', () => {
    expect(financialYearStart(FY2017)).toEqual({ year: 2017, month: 4, day: 1 });
    expect(financialYearEnd(FY2017)).toEqual({ year: 2018, month: 3, day: 31 });
  });

  it('refuses a fractional start year (a caller bug)', () => {
    expect(() => financialYear(2017.5)).toThrow(RangeError);
  });
});

describe('financialYearOf', () => {
  it.each([
    [{ year: 2017, month: 4, day: 1 }, 2017], // first day of 2017/18
    [{ year: 2018, month: 3, day: 31 }, 2017], // last day of 2017/18 (the outturn date in the paper)
    [{ year: 2018, month: 4, day: 1 }, 2018],
    [{ year: 2017, month: 3, day: 31 }, 2016],
    [{ year: 2017, month: 12, day: 31 }, 2017],
    [{ year: 2018, month: 1, day: 1 }, 2017],
  ])('%j falls in the year starting April %i', (date, startYear) => {
    expect(financialYearOf(date)).toEqual({ startYear });
  });

  it('takes a month without a day', () => {
    expect(financialYearOf({ year: 2019, month: 2 })).toEqual({ startYear: 2018 });
  });

  it('refuses month 13 (a caller bug)', () => {
    expect(() => financialYearOf({ year: 2018, month: 13 })).toThrow(RangeError);
  });
});

describe('parsePeriod', () => {
  it.each([
    ['P1', 1],
    ['p01', 1],
    ['P 3', 3],
    ['P.3', 3],
    ['1', 1],
    ['01', 1],
    ['12', 12],
    ['Period 3', 3],
    ['PERIOD 03', 3],
    ['period3', 3],
    ['Per 7', 7],
    ['P12', 12],
    ['P13', 13],
    ['P16', 16],
    ['  P9 ', 9],
  ])('reads %j as period %i', (text, period) => {
    expect(parsePeriod(text)).toEqual({ ok: true, value: period });
  });

  it.each([
    ['', 'empty'],
    ['P0', 'out-of-range'],
    ['0', 'out-of-range'],
    ['P00', 'out-of-range'],
    ['-1', 'out-of-range'],
    ['P-1', 'out-of-range'],
    ['P17', 'out-of-range'],
    ['99', 'out-of-range'],
    ['P99999999999999999999', 'out-of-range'],
    ['M03', 'ambiguous-month'],
    ['m3', 'ambiguous-month'],
    ['Month 3', 'ambiguous-month'],
    ['P1.5', 'not-a-period'],
    ['1.0', 'not-a-period'],
    ['P', 'not-a-period'],
    ['Q1', 'not-a-period'],
    ['P3 (June 2017)', 'not-a-period'],
    ['June', 'not-a-period'],
  ])('refuses %j (%s)', (text, code) => {
    const result = parsePeriod(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.code)).toEqual([code]);
      expect(result.issues[0]!.message.length).toBeGreaterThan(0);
    }
  });

  it('explains both readings of an ambiguous M03', () => {
    const result = parsePeriod('M03');
    expect(!result.ok && result.issues[0]!.message).toMatch(/June.*March/);
  });

  it('accepts exactly the periods 1..MAX_PERIOD', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), (n) => {
        const result = parsePeriod(`P${n}`);
        expect(result.ok).toBe(n >= 1 && n <= MAX_PERIOD);
        if (result.ok) expect(result.value).toBe(n);
        expect(isValidPeriod(n)).toBe(n >= 1 && n <= MAX_PERIOD);
      }),
    );
  });
});

describe('periods and calendar months', () => {
  it.each([
    [1, 2017, 4],
    [2, 2017, 5],
    [3, 2017, 6],
    [9, 2017, 12],
    [10, 2018, 1],
    [11, 2018, 2],
    [12, 2018, 3],
  ])('2017/18 P%i is month %i-%i', (period, year, month) => {
    expect(monthOfPeriod(FY2017, period)).toEqual({ year, month });
    expect(periodOfMonth(month)).toBe(period);
  });

  it.each([13, 14, 15, 16])('P%i is an adjustment period with no month', (period) => {
    expect(isAdjustmentPeriod(period)).toBe(true);
    expect(monthOfPeriod(FY2017, period)).toBeNull();
  });

  it.each([1, 6, 12])('P%i is not an adjustment period', (period) => {
    expect(isAdjustmentPeriod(period)).toBe(false);
  });

  it.each([0, -1, 17, 2.5, Number.NaN])('throws on the impossible period %d (a caller bug)', (period) => {
    expect(() => isAdjustmentPeriod(period)).toThrow(RangeError);
    expect(() => monthOfPeriod(FY2017, period)).toThrow(RangeError);
    expect(() => formatPeriod(period)).toThrow(RangeError);
  });

  it.each([0, 13])('periodOfMonth throws on month %i', (month) => {
    expect(() => periodOfMonth(month)).toThrow(RangeError);
  });

  it.each([
    [3, 'P3 (June 2017)'],
    [1, 'P1 (April 2017)'],
    [10, 'P10 (January 2018)'],
    [12, 'P12 (March 2018)'],
    [13, 'P13 (2017/18 year-end adjustments)'],
  ])('labels 2017/18 P%i as %s', (period, label) => {
    expect(formatPeriodLabel(FY2017, period)).toBe(label);
  });

  it('formats the short form', () => {
    expect(formatPeriod(3)).toBe('P3');
    expect(formatPeriod(14)).toBe('P14');
  });

  it('maps every monthly period to a month in its own financial year and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), (startYear, period) => {
        const month = monthOfPeriod({ startYear }, period);
        expect(month).not.toBeNull();
        if (month === null) return;
        expect(financialYearOf(month)).toEqual({ startYear });
        expect(periodOfMonth(month.month)).toBe(period);
      }),
    );
  });
});

describe('periodOfDate', () => {
  it.each([
    [{ year: 2018, month: 3, day: 31 }, 2017, 12],
    [{ year: 2017, month: 4, day: 1 }, 2017, 1],
    [{ year: 2017, month: 6, day: 15 }, 2017, 3],
    [{ year: 2018, month: 7, day: 19 }, 2018, 4], // the paper's date: 19 July 2018 is 2018/19 P4
    [{ year: 2019, month: 1, day: 31 }, 2018, 10],
  ])('%j is FY %i period %i', (date, startYear, period) => {
    expect(periodOfDate(date)).toEqual({ year: { startYear }, period });
  });
});

describe('parseDate', () => {
  it.each([
    // Day first, always: 03/04/2018 is 3 April, never 4 March.
    ['03/04/2018', 2018, 4, 3],
    ['3/4/2018', 2018, 4, 3],
    ['03-04-2018', 2018, 4, 3],
    ['03.04.2018', 2018, 4, 3],
    ['2018-04-03', 2018, 4, 3],
    ['2018-4-3', 2018, 4, 3],
    ['31/03/2018', 2018, 3, 31],
    ['19/07/2018', 2018, 7, 19],
    ['12/11/2018', 2018, 11, 12],
    ['29/02/2016', 2016, 2, 29],
    ['29/02/2000', 2000, 2, 29], // divisible by 400: leap
    [' 01/01/2019 ', 2019, 1, 1],
    // Issue 15: a month name with a two- or four-digit year, as Oracle and transparency files write it.
    // Two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999.
    ['20-Apr-17', 2017, 4, 20],
    ['20-APR-2017', 2017, 4, 20],
    ['1-jan-00', 2000, 1, 1],
    ['31-Dec-49', 2049, 12, 31],
    ['01-Jan-50', 1950, 1, 1],
    ['15-Mar-99', 1999, 3, 15],
    ['05-September-2017', 2017, 9, 5],
    ['29-Feb-16', 2016, 2, 29],
    // A time of midnight after the date, as date-time columns are exported.
    ['20/04/2017 00:00', 2017, 4, 20],
    ['2017-04-20 00:00:00', 2017, 4, 20],
    ['20-Apr-17 00:00', 2017, 4, 20],
    // Issue 15: a time of day other than midnight is an ordinary export of a payment date; the day as written.
    ['20/04/2017 14:32', 2017, 4, 20],
    ['20/04/2017 14:32:07', 2017, 4, 20],
    ['2017-04-20T09:15:00', 2017, 4, 20],
    ['2017-04-20T09:15', 2017, 4, 20],
    ['2017-04-20 09:15:00.000', 2017, 4, 20],
    ['2017-04-20T09:15:00.1234567', 2017, 4, 20],
    ['20-Apr-17 2:32 PM', 2017, 4, 20],
    ['20/04/2017 12:05 am', 2017, 4, 20],
    ['02/02/2010 15:32', 2010, 2, 2],
    ['20.04.2017 23:59:59', 2017, 4, 20],
    // A zone designator of UTC or UK time: never shifted. 23:30 UTC on 31 March is 00:30 BST on 1 April, but the
    // file says 31 March, and moving it would move the line into the next financial year.
    ['2018-03-31T23:30:00Z', 2018, 3, 31],
    ['2018-03-31T23:59:59.999Z', 2018, 3, 31],
    ['2018-04-01T00:30:00+01:00', 2018, 4, 1], // 23:30 UTC on 31 March: the written (UK) day
    ['2018-04-01T00:00:00+0100', 2018, 4, 1],
    ['2018-04-01T00:00:00+00:00', 2018, 4, 1],
    ['2018-04-03T00:00:00Z', 2018, 4, 3],
  ])('reads %j as %i-%i-%i', (text, year, month, day) => {
    expect(parseDate(text)).toEqual({ ok: true, value: { year, month, day } });
  });

  it.each([
    ['', 'empty'],
    ['12/31/2018', 'invalid-month'], // US order: month 31 is an error, never 31 December
    ['01/13/2018', 'invalid-month'],
    ['01/00/2018', 'invalid-month'],
    ['2018-13-01', 'invalid-month'],
    ['31/02/2018', 'invalid-day'],
    ['29/02/2017', 'invalid-day'],
    ['29/02/1900', 'invalid-day'], // divisible by 100, not 400: not leap
    ['31/04/2018', 'invalid-day'],
    ['00/04/2018', 'invalid-day'],
    ['2018-02-30', 'invalid-day'],
    ['03/04/18', 'two-digit-year'],
    ['3.4.18', 'two-digit-year'],
    ['43193', 'excel-serial'], // 3 April 2018 in Excel's 1900 date system
    ['43193.5', 'excel-serial'],
    ['03/04/0218', 'year-out-of-range'],
    ['03/04/218', 'unsupported-format'],
    ['03/04/20018', 'unsupported-format'],
    ['03/04-2018', 'unsupported-format'], // mixed separators
    ['2018/04/03', 'unsupported-format'],
    ['20180403', 'unsupported-format'],
    ['3 April 2018', 'unsupported-format'],
    ['soon', 'unsupported-format'],
    ['29-Feb-17', 'invalid-day'], // 2017 is no leap year
    ['31-Apr-2017', 'invalid-day'],
    ['20-Foo-17', 'unsupported-format'],
    ['20-Sept-17', 'unsupported-format'], // neither the three letters nor the whole name
    ['20-Apr-017', 'unsupported-format'],
    ['20 Apr 17', 'unsupported-format'],
    // A time that is not a time is not dropped: the cell is wrong somewhere.
    ['20/04/2017 24:00', 'invalid-time'],
    ['20/04/2017 14:60', 'invalid-time'],
    ['2017-04-20T09:15:61', 'invalid-time'],
    ['20/04/2017 13:05 PM', 'invalid-time'],
    ['20/04/2017 0:05 AM', 'invalid-time'],
    // A zone other than UTC or UK time: its day in the books' zone may be another, so it is not guessed.
    ['2018-03-31T20:00:00-05:00', 'time-zone'], // 01:00 BST on 1 April: another financial year
    ['2018-04-01T02:00:00+05:30', 'time-zone'],
    ['2018-04-01T02:00:00+02:00', 'time-zone'],
    ['20/04/2017T14:32', 'unsupported-format'], // T joins a time to an ISO date only
    ['20/04/2017 14', 'unsupported-format'],
    ['20/04/2017 14:32 tomorrow', 'unsupported-format'],
  ])('refuses %j (%s)', (text, code) => {
    const result = parseDate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.code)).toEqual([code]);
      expect(result.issues[0]!.message.length).toBeGreaterThan(0);
    }
  });

  it('says why 12/31/2018 is refused instead of reading it as US', () => {
    const result = parseDate('12/31/2018');
    expect(!result.ok && result.issues[0]!.message).toMatch(/day first/);
  });

  it('says how many days the month has', () => {
    const result = parseDate('29/02/2017');
    expect(!result.ok && result.issues[0]!.message).toContain('February 2017 has 28 days');
  });

  const validDate = fc
    .record({
      year: fc.integer({ min: 1900, max: 2999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter((d) => isValidDate(d));

  it('round-trips every valid date through both formats', () => {
    fc.assert(
      fc.property(validDate, (date: CalendarDate) => {
        expect(parseDate(formatDate(date))).toEqual({ ok: true, value: date });
        expect(parseDate(formatIsoDate(date))).toEqual({ ok: true, value: date });
      }),
    );
  });

  it('accepts a day-first date exactly when the calendar has it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1900, max: 2999 }),
        (day, month, year) => {
          const result = parseDate(`${day}/${month}/${year}`);
          expect(result.ok).toBe(isValidDate({ year, month, day }));
          if (result.ok) expect(result.value).toEqual({ year, month, day });
        },
      ),
    );
  });
});

describe('calendar helpers', () => {
  it.each([
    [2016, true],
    [2017, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('isLeapYear(%i) is %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2018, 2, 28],
    [2016, 2, 29],
    [2018, 4, 30],
    [2018, 3, 31],
    [2018, 12, 31],
    [2018, 11, 30],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('formats day first and ISO with zero padding', () => {
    const date = { year: 2018, month: 4, day: 3 };
    expect(formatDate(date)).toBe('03/04/2018');
    expect(formatIsoDate(date)).toBe('2018-04-03');
  });

  it('orders dates', () => {
    expect(compareDates({ year: 2018, month: 3, day: 31 }, { year: 2018, month: 4, day: 1 })).toBeLessThan(0);
    expect(compareDates({ year: 2018, month: 4, day: 1 }, { year: 2018, month: 4, day: 1 })).toBe(0);
    expect(compareDates({ year: 2019, month: 1, day: 1 }, { year: 2018, month: 12, day: 31 })).toBeGreaterThan(0);
  });

  it.each([
    [{ year: 2018, month: 2, day: 29 }, false],
    [{ year: 2018, month: 0, day: 1 }, false],
    [{ year: 2018, month: 1, day: 0 }, false],
    [{ year: 2018, month: 1, day: 1.5 }, false],
    [{ year: 2016, month: 2, day: 29 }, true],
  ])('isValidDate(%j) is %s', (date, valid) => {
    expect(isValidDate(date)).toBe(valid);
  });
});
