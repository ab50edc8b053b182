// The reserves position (Table 5 of the 19 July 2018 paper): groups, subtotals worked out by hand, its
// casting checks against data/casting-expectations.json, the general reserve's share of the net revenue
// budget, and the sentences under the charts.
import { describe, expect, it } from 'vitest';
import { netRevenueBudgetOf, toReserveRows } from '../../../../src/api/reserves-mappings';
import type { Money } from '../../../../src/domain/core/money';
import { formatPercent } from '../../../../src/domain/core/percent';
import {
  buildReservesPosition,
  generalReserveShare,
  reserveGroupOf,
} from '../../../../src/domain/reserves/reserves-position';
import { summariseReserveBalances, summariseReserveMovements } from '../../../../src/domain/reserves/reserves-summary';
import { expectations, sampleTable } from '../../helpers/sample-tables';

const position = buildReservesPosition(toReserveRows(sampleTable('table-5-reserves.csv')));
const k = (v: Money | null): string | null => (v === null ? null : v.dividedBy(1000).toString());

describe('the reserves position (Table 5)', () => {
  it('reads 13 reserves, each in its group, with usage as a positive amount used', () => {
    expect(position.reserves).toHaveLength(13);
    const budgetAssistance = position.reserves.find((r) => r.key === 'budget-assistance-reserve')!;
    // Printed 8,414 / - / (4,354) / 4,060.
    expect([
      k(budgetAssistance.opening),
      k(budgetAssistance.added),
      k(budgetAssistance.used),
      k(budgetAssistance.usage),
      k(budgetAssistance.closing),
    ]).toEqual(['8414', '0', '4354', '-4354', '4060']);
    expect(budgetAssistance.group).toBe('earmarked');
  });

  it('works out a subtotal for each group (the paper prints none)', () => {
    // earmarked (7): opening 1,089 + 78 + 8,414 + 1,348 + 270 + 432 + 3,439 = 15,070;
    //   added 1,012 + 38 + 402 = 1,452; used 1,089 + 4,354 + 168 + 10 + 500 = 6,121; closing 10,401.
    // contingency (2): 996 + 398 = 1,394; used 134; closing 862 + 398 = 1,260.
    // capital (3): 3,205 + 1,209 + 1,604 = 6,018; added 705 + 2,173 = 2,878; used 1,920 + 1,604 = 3,524;
    //   closing 1,285 + 1,914 + 2,173 = 5,372.
    // general (1): 7,198 throughout.
    // Net movements: 1,452 - 6,121 = (4,669); (134); 2,878 - 3,524 = (646); nil.
    expect(
      position.groups.map((g) => [
        g.group,
        g.reserves.length,
        k(g.opening),
        k(g.added),
        k(g.used),
        k(g.closing),
        k(g.netMovement),
      ]),
    ).toEqual([
      ['earmarked', 7, '15070', '1452', '6121', '10401', '-4669'],
      ['contingency', 2, '1394', '0', '134', '1260', '-134'],
      ['capital', 3, '6018', '2878', '3524', '5372', '-646'],
      ['general', 1, '7198', '0', '0', '7198', '0'],
    ]);
    // The four groups add to the printed Total Usable Reserves: 29,680 / 4,330 / (9,779) / 24,231.
    expect(position.usable!.name).toBe('Total Usable Reserves');
    expect([
      k(position.usable!.opening),
      k(position.usable!.added),
      k(position.usable!.used),
      k(position.usable!.closing),
    ]).toEqual(['29680', '4330', '9779', '24231']);
  });

  it('checks casting as worked by hand (t5.*), every one a pass', () => {
    const expected = expectations.filter((e) => e.id.startsWith('t5.'));
    expect(position.checks.map((c) => [c.id, c.status, k(c.difference)]).sort()).toEqual(
      expected.map((e) => [e.id, e.status, String(e.difference)]).sort(),
    );
  });

  it('gives the general reserve as a share of the net revenue budget', () => {
    // 7,198 / 130,959 (Table 1 TOTAL budget) = 5.4964%: 5.5%, above the 5% line.
    const share = generalReserveShare(position, netRevenueBudgetOf(sampleTable('table-1-revenue-outturn.csv')));
    expect(k(share.netRevenueBudget)).toBe('130959');
    expect(share.percent!.toDecimalPlaces(4).toString()).toBe('5.4964');
    expect(formatPercent(share.percent)).toBe('5.5%');
    expect(share.aboveLine).toBe(true);
  });

  it('says what the charts show, in a sentence each', () => {
    // 24,231 - 29,680 = (5,449); Budget Assistance Reserve 0 - 4,354 is the largest net fall. Net rises:
    // Drug Forfeiture 38, Road Casualty 402 - 168 = 234, Capital Carry Forward 2,173 - 1,604 = 569 and
    // Capital Receipts 705 (nothing used), the largest: £0.705m, £0.71m half away from zero.
    expect(summariseReserveBalances(position)).toBe(
      'Usable reserves fell from £29.68m to £24.23m (down £5.45m); the largest fall: Budget Assistance Reserve, down £4.35m; the largest rise: Capital Receipts Reserve, up £0.71m.',
    );
    expect(summariseReserveMovements(position)).toBe(
      '£4.33m added to reserves and £9.78m used; most used: Budget Assistance Reserve £4.35m; most added: Capital Carry Forward Reserve £2.17m.',
    );
  });

  it.each([
    ['earmarked', 'earmarked'],
    ['Contingency Reserves', 'contingency'],
    ['Capital Reserves', 'capital'],
    ['general', 'general'],
    ['', null],
  ])('reserveGroupOf(%s) = %s', (text, group) => {
    expect(reserveGroupOf(text)).toBe(group);
  });
});
