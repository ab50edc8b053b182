// The period and date fast paths on their own: the values every ledger row carries, and the edges where
// they must step aside (return 0) so that the general parser gives the reason.
import { describe, expect, it } from 'vitest';
import { fastDate, fastPeriod, formatYmd, periodOfYmd } from '../../../src/import/fast-cells';

describe('fastPeriod', () => {
  it.each([
    ['1', 1],
    ['9', 9],
    ['01', 1],
    ['12', 12],
    ['13', 13],
    ['16', 16],
  ])('"%s" is P%i', (raw, p) => expect(fastPeriod(raw)).toBe(p));

  it.each(['', '0', '00', '17', '99', '100', 'P1', ' 1', '1 ', '-1', 'a', '1a', '012'])(
    '"%s" is left to the general parser (0)',
    (raw) => {
      expect(fastPeriod(raw)).toBe(0);
    },
  );
});

describe('fastDate', () => {
  it.each([
    ['03/04/2017', 20170403],
    ['01/01/1900', 19000101],
    ['31/12/2999', 29991231],
    ['29/02/2024', 20240229], // divisible by 4
    ['29/02/2000', 20000229], // divisible by 400
    ['30/04/2017', 20170430],
    ['31/03/2018', 20180331],
  ])('%s is %i', (raw, ymd) => expect(fastDate(raw)).toBe(ymd));

  it.each([
    '29/02/2023', // not a leap year
    '29/02/2100', // divisible by 100, not by 400
    '31/04/2017', // April has 30 days
    '31/06/2017',
    '00/01/2017',
    '01/00/2017',
    '01/13/2017',
    '32/01/2017',
    '01/01/1899',
    '3/4/2017', // not zero-padded: the general parser reads it
    '2017-04-03', // ISO: the general parser reads it
    '03-04-2017',
    '03/04/17',
    ' 03/04/2017',
    '',
    // ':' is the character after '9': a digit check, not only a range check, keeps these out.
    '0:/01/2020',
    '1:/01/2020',
    '01/0:/2020',
    '01/01/20:0',
    '01/01/2:20',
  ])('"%s" is left to the general parser (0)', (raw) => expect(fastDate(raw)).toBe(0));
});

describe('periodOfYmd', () => {
  it('April is P1 and March P12 (the UK public-sector financial year)', () => {
    expect(periodOfYmd(20170401)).toBe(1);
    expect(periodOfYmd(20170430)).toBe(1);
    expect(periodOfYmd(20170501)).toBe(2);
    expect(periodOfYmd(20171231)).toBe(9);
    expect(periodOfYmd(20180101)).toBe(10);
    expect(periodOfYmd(20180228)).toBe(11);
    expect(periodOfYmd(20180331)).toBe(12);
  });
});

describe('formatYmd', () => {
  it('is the ISO date', () => {
    expect(formatYmd(20170403)).toBe('2017-04-03');
    expect(formatYmd(19991231)).toBe('1999-12-31');
  });
});
