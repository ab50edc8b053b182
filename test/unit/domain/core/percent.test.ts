import { describe, expect, it } from 'vitest';
import { Money } from '../../../../src/domain/core/money';
import { formatPercent, percentOf } from '../../../../src/domain/core/percent';
import { sumOrMissing } from '../../../../src/domain/core/sum-or-missing';

const m = (v: string) => new Money(v);

describe('percentOf', () => {
  it.each([
    // Table 4: 1,629 / 2,440 = 66.7623%; 0 / 3,594 = 0.
    ['1629', '2440', '66.8%'],
    ['977', '1565', '62.4%'],
    ['0', '3594', '0.0%'],
    // Half away from zero: 1 / 8 = 12.5%, to no decimals 13%.
    ['1', '8', '12.5%'],
  ])('%s / %s = %s', (part, whole, shown) => {
    expect(formatPercent(percentOf(m(part), m(whole)))).toBe(shown);
  });

  it('is exact until shown', () => {
    expect(percentOf(m('1'), m('3'))!.toString()).toBe('33.33333333333333333333333333333333333333');
    expect(formatPercent(percentOf(m('1'), m('8')), 0)).toBe('13%');
  });

  it('has no value for a nil whole or a missing figure', () => {
    expect(percentOf(m('5'), m('0'))).toBeNull();
    expect(percentOf(null, m('5'))).toBeNull();
    expect(formatPercent(null)).toBe('n/a');
  });
});

describe('sumOrMissing', () => {
  it('adds exactly, and is missing when any term is', () => {
    expect(sumOrMissing([m('0.1'), m('0.2')])!.toString()).toBe('0.3');
    expect(sumOrMissing([m('1'), null])).toBeNull();
    expect(sumOrMissing([])!.toString()).toBe('0');
  });
});
