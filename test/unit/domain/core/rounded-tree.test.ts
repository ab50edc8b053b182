// Presentation rounding that casts at every level: a parent equals the sum of its children as shown.
import { describe, expect, it } from 'vitest';
import { Money } from '../../../../src/domain/core/money';
import { roundTree, shareByLargestRemainder } from '../../../../src/domain/core/rounded-tree';

const m = (v: string) => new Money(v);
const THOUSAND = m('1000');

describe('shareByLargestRemainder', () => {
  it('shares 10 among 3.4 + 3.3 + 3.3 as 4, 3, 3 (the largest fraction goes up)', () => {
    expect(shareByLargestRemainder([m('3.4'), m('3.3'), m('3.3')], m('10'))!.map(String)).toEqual(['4', '3', '3']);
  });
  it('breaks a tie in favour of the earlier figure: 2.5 + 2.5 = 5 -> 3, 2', () => {
    expect(shareByLargestRemainder([m('2.5'), m('2.5')], m('5'))!.map(String)).toEqual(['3', '2']);
  });
  it('handles negatives by floor and fraction: -2.4 + 1.2 = -1.2, shared to -1 as -2, 1', () => {
    // floors -3 and 1 (fractions 0.6 and 0.2) add to -2; one up, the larger fraction: -2, 1.
    expect(shareByLargestRemainder([m('-2.4'), m('1.2')], m('-1'))!.map(String)).toEqual(['-2', '1']);
  });
  it('refuses a target the figures cannot reach', () => {
    expect(shareByLargestRemainder([m('1.5'), m('1.5')], m('5'))).toBeNull();
  });
});

describe('roundTree in £000', () => {
  it('rounds the total half away from zero and shares it down, so that every level casts', () => {
    // Three areas of 1,000.4, 2,000.4 and 3,000.4 (£'000): each alone rounds to 1,000, 2,000, 3,000 (sum 6,000),
    // but they add to 6,001.2, which rounds to 6,001. Largest remainder gives the first area the extra unit.
    const area = (id: string, thousands: string) => ({ id, values: [m(thousands).times(THOUSAND)], children: [] });
    const tree = {
      id: 'total',
      values: [m('6001.2').times(THOUSAND)],
      children: [area('a', '1000.4'), area('b', '2000.4'), area('c', '3000.4')],
    };
    const shown = roundTree([tree], THOUSAND);
    expect(['total', 'a', 'b', 'c'].map((id) => shown.get(id)![0]!.toString())).toEqual([
      '6001',
      '1001',
      '2000',
      '3000',
    ]);
  });

  it('keeps a missing figure missing, and shares the parent among the children that have one', () => {
    const tree = {
      id: 't',
      values: [m('1500')],
      children: [
        { id: 'x', values: [m('1500')], children: [] },
        { id: 'y', values: [null], children: [] },
      ],
    };
    const shown = roundTree([tree], THOUSAND);
    expect(shown.get('x')![0]!.toString()).toBe('2'); // 1.5 -> 2, half away from zero
    expect(shown.get('y')![0]).toBeNull();
  });
});
