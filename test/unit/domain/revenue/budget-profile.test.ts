// Budget to date from a profile: even twelfths for an annual figure, in full in its period for a phased
// row. Expected values worked by hand.
import { describe, expect, it } from 'vitest';
import { annualBudget, budgetToDate, profileOf, type BudgetRow } from '../../../../src/domain/revenue/budget-profile';
import { Money } from '../../../../src/domain/core/money';

const annual = (amount: string): BudgetRow => ({ amount: new Money(amount), period: null });
const phased = (amount: string, period: number): BudgetRow => ({ amount: new Money(amount), period });

describe('budgetToDate: even twelfths', () => {
  it.each([
    // 120,000 / 12 = 10,000 a month.
    [0, '0'],
    [1, '10000'],
    [3, '30000'],
    [6, '60000'],
    [9, '90000'],
    [12, '120000'],
    // Beyond P12 (an adjustment period) the whole year is in: still 120,000.
    [13, '120000'],
  ])('after P%i of an annual 120,000: %s', (month, expected) => {
    expect(budgetToDate([annual('120000')], month).toString()).toBe(expected);
  });

  it('is exact where twelfths do not divide: 1,000 x 5 / 12 = 416.666..., and 12/12 gives 1,000 back to the penny', () => {
    expect(
      budgetToDate([annual('1000')], 5)
        .toDecimalPlaces(6)
        .toString(),
    ).toBe('416.666667');
    // Not a sum of rounded twelfths (83.33 x 12 = 999.96): one multiplication, one division.
    expect(budgetToDate([annual('1000')], 12).toString()).toBe('1000');
  });

  it('profiles a negative (income or vacancy factor) budget the same way: -2,900,000 x 3 / 12 = -725,000', () => {
    expect(budgetToDate([annual('-2900000')], 3).toString()).toBe('-725000');
  });
});

describe('budgetToDate: phased rows', () => {
  it('counts a carry-forward phased to P1 in full from P1: -1,091,000', () => {
    expect(budgetToDate([phased('-1091000', 1)], 1).toString()).toBe('-1091000');
    expect(budgetToDate([phased('-1091000', 1)], 3).toString()).toBe('-1091000');
  });

  it('adds phased rows to annual rows that cancel out: 500 by P3, whatever the month', () => {
    // 1,000 - 1,000 a year is nil a month; the phased 500 of P1 counts once P1 is closed.
    const rows = [annual('1000'), annual('-1000'), phased('500', 1)];
    expect(budgetToDate(rows, 3).toString()).toBe('500');
    expect(budgetToDate(rows, 12).toString()).toBe('500');
    expect(budgetToDate([], 7).toString()).toBe('0');
  });

  it('counts half-yearly rows as their periods close: 150 in P6, 150 in P12', () => {
    const rows = [phased('150', 6), phased('150', 12)];
    expect(budgetToDate(rows, 5).toString()).toBe('0');
    expect(budgetToDate(rows, 6).toString()).toBe('150');
    expect(budgetToDate(rows, 12).toString()).toBe('300');
  });

  it('mixes annual and phased rows: 1,200 annual + 500 in P6 + 300 in P12 + 40 in P13', () => {
    const rows = [annual('1200'), phased('500', 6), phased('300', 12), phased('40', 13)];
    // P3: 1,200 x 3/12 = 300; no phased row closed.
    expect(budgetToDate(rows, 3).toString()).toBe('300');
    // P6: 1,200 x 6/12 = 600, + 500 = 1,100.
    expect(budgetToDate(rows, 6).toString()).toBe('1100');
    // P12: 1,200 + 500 + 300 + 40 (P13 belongs to the closed year) = 2,040.
    expect(budgetToDate(rows, 12).toString()).toBe('2040');
    expect(annualBudget(rows).toString()).toBe('2040');
    expect(profileOf(rows)).toBe('mixed');
  });

  it('names the profile', () => {
    expect(profileOf([annual('1')])).toBe('even');
    expect(profileOf([phased('1', 3)])).toBe('phased');
  });
});
