// A ledger's sums as its dataset record keeps them (layout 5): packed into typed arrays, read back exactly, in order.
import { describe, expect, it } from 'vitest';
import type { Pence } from '../../../src/domain/core/units';
import {
  eachLedgerSum,
  ledgerSumRows,
  packLedgerSums,
  periodsOfSums,
  problemOfLedgerSums,
} from '../../../src/storage/ledger-sums';

const p = (n: number) => n as Pence;
const rows: [string, string, number, Pence][] = [
  ['00100', '1001', 1, p(12_345)],
  ['00100', '1001', 3, p(-99)],
  ['00100', '2002', 0, p(7)],
  ['20500', '1001', 13, p(9_007_199_254_740_991)], // 2^53 - 1: the largest exact sum
  ['20500', '3010', 2, p(-9_007_199_254_740_991)],
];

describe('packLedgerSums', () => {
  it('keeps each code once and every sum in its typed arrays, in the order given', () => {
    const s = packLedgerSums(rows);
    expect(s.costCentres).toEqual(['00100', '20500']);
    expect(s.subjectives).toEqual(['1001', '2002', '3010']);
    expect([...s.costCentre]).toEqual([0, 0, 0, 1, 1]);
    expect([...s.subjective]).toEqual([0, 0, 1, 0, 2]);
    expect([...s.period]).toEqual([1, 3, 0, 13, 2]);
    expect([...s.pence]).toEqual([12_345, -99, 7, 9_007_199_254_740_991, -9_007_199_254_740_991]);
    expect(s.pence).toBeInstanceOf(Float64Array);
  });

  it('reads back the same sums in the same order, leading zeros kept; chosen by period where asked', () => {
    const s = packLedgerSums(rows);
    expect(ledgerSumRows(s)).toEqual(rows);
    expect(ledgerSumRows(s, (period) => period === 0 || period === 13)).toEqual([rows[2], rows[3]]);
    expect(ledgerSumRows(packLedgerSums([]))).toEqual([]);
  });

  it('gives them one at a time as they are read, the same each time they are read again', () => {
    const each = eachLedgerSum(packLedgerSums(rows), (period) => period !== 3);
    const wanted = [rows[0], rows[2], rows[3], rows[4]];
    expect([...each]).toEqual(wanted);
    expect([...each]).toEqual(wanted); // a year's ledger reads its sums twice: their periods, then the sums
  });

  it('gives the periods with a sum (never 0, the lines with none)', () => {
    expect(periodsOfSums(packLedgerSums(rows))).toEqual([1, 2, 3, 13]);
    expect(periodsOfSums(packLedgerSums([]))).toEqual([]);
  });
});

describe('problemOfLedgerSums', () => {
  it('takes the packed form, and refuses what is not it, saying why', () => {
    const s = packLedgerSums(rows);
    expect(problemOfLedgerSums(s)).toBeNull();
    expect(problemOfLedgerSums(rows)).toBe('their codes are not text');
    expect(problemOfLedgerSums(null)).toBe('they are not sums');
    expect(problemOfLedgerSums({ ...s, pence: [...s.pence] })).toBe('their columns are damaged');
    expect(problemOfLedgerSums({ ...s, period: s.period.slice(1) })).toBe('their columns differ in length');
    expect(problemOfLedgerSums({ ...s, costCentres: ['00100'] })).toBe('sum 4 names no code');
    expect(problemOfLedgerSums({ ...s, period: Uint8Array.of(1, 3, 0, 17, 2) })).toBe('sum 4 is of no period');
    expect(problemOfLedgerSums({ ...s, pence: Float64Array.of(1, 2, 0.5, 4, 5) })).toBe(
      'sum 3 is not a whole number of pence',
    );
    expect(problemOfLedgerSums({ ...s, pence: Float64Array.of(1, 2, 3, 2 ** 53, 5) })).toBe(
      'sum 4 is not a whole number of pence',
    );
  });
});
