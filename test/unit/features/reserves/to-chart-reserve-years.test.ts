// The reserves over the years, by group, for drawing: each balance date's sum of the reserves that have a
// balance there. Expected sums worked by hand.
import { describe, expect, it } from 'vitest';
import type { BalanceColumn, ReserveAcrossYears } from '../../../../src/api/reserves-years';
import { Money } from '../../../../src/domain/core/money';

import { toReserveYearsSeries } from '../../../../src/features/reserves/to-chart-reserve-years';

const k = (n: number) => new Money(n).times(1000);
const columns: BalanceColumn[] = [
  { key: '2017-closing', label: '31 March 2018', year: 2017, kind: 'closing' },
  { key: '2018-opening', label: '1 April 2018', year: 2018, kind: 'opening' },
  { key: '2019-projected', label: '31 March 2020 (projected)', year: 2019, kind: 'projected' },
];
const reserves: ReserveAcrossYears[] = [
  {
    key: 'a',
    name: 'A',
    group: 'earmarked',
    balances: { '2017-closing': k(432), '2018-opening': k(423), '2019-projected': k(-50) },
  },
  {
    key: 'b',
    name: 'B',
    group: 'general',
    balances: { '2017-closing': k(7198), '2018-opening': k(7198), '2019-projected': k(7198) },
  },
  // New in 2018/19: nothing at 31 March 2018; a figure not shown (null) adds nothing either.
  { key: 'c', name: 'C', group: 'capital', balances: { '2018-opening': null, '2019-projected': k(25) } },
];

describe('toReserveYearsSeries', () => {
  it('sums each group and all reserves at every date, projected dates marked', () => {
    expect(toReserveYearsSeries(columns, reserves)).toEqual([
      {
        date: 'Closing 2017/18',
        projected: false,
        earmarked: 432,
        contingency: 0,
        capital: 0,
        general: 7198,
        total: 7630,
      },
      {
        date: 'Opening 2018/19',
        projected: false,
        earmarked: 423,
        contingency: 0,
        capital: 0,
        general: 7198,
        total: 7621,
      },
      // -50 + 7,198 + 25 = 7,173: a negative balance stays negative.
      {
        date: 'Projected close 2019/20',
        projected: true,
        earmarked: -50,
        contingency: 0,
        capital: 25,
        general: 7198,
        total: 7173,
      },
    ]);
  });
});
