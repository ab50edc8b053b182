// Ledger to outturn: the returns' actuals against the ledger's lines, cost centre by cost centre.
import { beforeAll, describe, expect, it } from 'vitest';
import { combineLedgers, type LedgerAggregate } from '../../../../src/domain/revenue/ledger-actuals';
import {
  reconcileLedgerToReturns,
  reconcileLedgerToReturnsSteps,
  type MonthReconciliation,
} from '../../../../src/domain/revenue/ledger-reconciliation';
import { Money } from '../../../../src/domain/core/money';
import type { ReturnLineInput } from '../../../../src/domain/revenue/revenue-model';
import { sampleInputs } from '../../helpers/sample-year';
import { pence } from '../../../../src/domain/core/units';

const ret = (period: number, costCentre: string, actual: string | null): ReturnLineInput => ({
  year: 2017,
  period,
  costCentre,
  subjective: '1',
  area: 'Local Policing',
  budget: new Money(0),
  actual: actual === null ? null : new Money(actual),
  forecast: null,
});

describe('reconcileLedgerToReturns', () => {
  const ledger: LedgerAggregate[] = [
    ['100', '1', 1, pence(10_000)],
    ['100', '2', 2, pence(2_550)],
    ['200', '1', 2, pence(99_999)],
    ['300', '1', 1, pence(500)],
  ];
  const returns = [
    ret(2, '100', '125.50'),
    ret(2, '200', '1000.00'),
    ret(2, '400', '75.00'),
    ret(2, '500', '0'),
    ret(3, '100', '125.50'),
  ];
  const [p2, p3] = reconcileLedgerToReturns(
    combineLedgers([{ id: 'l', name: 'l', order: 0, aggregates: ledger }]),
    returns,
  );

  it('agrees to the penny where the sums are equal: 100.00 + 25.50 = 125.50', () => {
    expect(p2!.status).toBe('compared');
    expect(p2!.agreed).toBe(1);
  });

  it('lists a difference with its amount: 999.99 in the ledger against 1,000.00 returned is (0.01)', () => {
    expect(
      p2!.differences.map((d) => [d.costCentre, d.ledger?.toString(), d.returned?.toString(), d.difference.toString()]),
    ).toEqual([['200', '999.99', '1000', '-0.01']]);
  });

  it('lists codes found in one file only: 300 in the ledger; 400 in the return with an actual; 500 with nil', () => {
    expect(p2!.ledgerOnly.map((r) => [r.costCentre, r.difference.toString()])).toEqual([['300', '5']]);
    expect(p2!.returnOnly.map((r) => [r.costCentre, r.difference.toString()])).toEqual([['400', '-75']]);
    expect(p2!.returnOnlyNil).toEqual(['500']);
    // Ledger 100.00 + 25.50 + 999.99 + 5.00 = 1,130.49; return 125.50 + 1,000.00 + 75.00 + 0 = 1,200.50.
    expect([p2!.ledgerTotal.toString(), p2!.returnTotal.toString()]).toEqual(['1130.49', '1200.5']);
  });

  it('does not compare a month the ledger does not cover (P3 here), and says which periods are missing', () => {
    expect(p3!.status).toBe('ledger-incomplete');
    expect(p3!.missingPeriods).toEqual([3]);
  });
});

describe('the illustrative year: the planted findings (data/README.md)', () => {
  let months: MonthReconciliation[];
  beforeAll(async () => {
    const data = await sampleInputs();
    months = reconcileLedgerToReturns(data.ledger, data.returns);
  });

  it('P3 agrees everywhere', () => {
    expect(months[0]!.differences).toEqual([]);
    expect(months[0]!.ledgerOnly).toEqual([]);
  });

  it('P6: the late journal of £12,400.00 on 20500, posted after the return was prepared', () => {
    expect(months[1]!.differences.map((d) => [d.costCentre, d.difference.toString()])).toEqual([['20500', '12400']]);
  });

  it('P9: the invoice keyed to 2041O (letter O): 20410 short by £3,250.00 and 2041O in the ledger only', () => {
    expect(months[2]!.differences.map((d) => [d.costCentre, d.difference.toString()])).toEqual([['20410', '-3250']]);
    expect(months[2]!.ledgerOnly.map((d) => [d.costCentre, d.ledger?.toString()])).toEqual([['2041O', '3250']]);
    // The totals agree (the miscoding moves money between codes): the finding is in the codes.
    expect(months[2]!.ledgerTotal.toString()).toBe(months[2]!.returnTotal.toString());
  });

  it('P12: the miscoding reversed in P10 leaves 2041O in the ledger at nil; everything else agrees', () => {
    expect(months[3]!.differences).toEqual([]);
    expect(months[3]!.ledgerOnly.map((d) => [d.costCentre, d.ledger?.toString()])).toEqual([['2041O', '0']]);
    expect(months[3]!.returnOnlyNil).toEqual(['20900']); // the vacancy factor: a budget with no postings
  });
});

describe('a cost centre whose lines have entries in different periods', () => {
  // 700: line 1 has entries in P1 and P4, line 2 only in P5. 800: one line, entries in P4 only. Every period P1-P5
  // has a ledger (900 posts in each). Worked by hand: at P3, 700's ledger is line 1's P1 (£10.00); 800 has nothing
  // closed, so it is not in the ledger at all; at P5, 700 is 10.00 + 4.00 + 5.00 = £19.00 and 800 is £8.00.
  const ledger = combineLedgers([
    {
      id: 'l',
      name: 'l',
      order: 0,
      aggregates: [
        ['700', '1', 1, pence(1_000)],
        ['700', '1', 4, pence(400)],
        ['700', '2', 5, pence(500)],
        ['800', '1', 4, pence(800)],
        ...[1, 2, 3, 4, 5].map((p): LedgerAggregate => ['900', '1', p, pence(1)]),
      ],
    },
  ]);
  const returns = [ret(3, '700', '10.00'), ret(3, '900', '0.03'), ret(5, '700', '19.00'), ret(5, '900', '0.05')];
  const [p3, p5] = reconcileLedgerToReturns(ledger, returns);

  it('counts only what is closed at each month, line by line', () => {
    expect([p3!.status, p3!.agreed, p3!.differences, p3!.ledgerOnly]).toEqual(['compared', 2, [], []]);
    expect(p3!.ledgerTotal.toFixed(2)).toBe('10.03');
    expect(p5!.agreed).toBe(2);
    expect(p5!.ledgerOnly.map((d) => [d.costCentre, d.ledger?.toFixed(2)])).toEqual([['800', '8.00']]);
    expect(p5!.ledgerTotal.toFixed(2)).toBe('27.05');
  });
});

describe('reconcileLedgerToReturnsSteps: the same check, with the page let go between pieces', () => {
  it('yields while adding up 5,000 lines and after each month, and gives the same months', () => {
    // 5,000 cost centres, one line each of £1.00 in P1, and 10000 £1.00 more in P2 (so that the ledger covers P2):
    // each agrees with its return, at P1 and at P2 (10000 2.00 there); the ledger's totals 5,000.00 and 5,001.00.
    const aggregates: LedgerAggregate[] = Array.from({ length: 5_000 }, (_, i) => [
      String(10_000 + i),
      '1',
      1,
      pence(100),
    ]);
    aggregates.push(['10000', '1', 2, pence(100)]);
    const ledger = combineLedgers([{ id: 'l', name: 'l', order: 0, aggregates }]);
    const returns = [1, 2].flatMap((p) =>
      aggregates.slice(0, 5_000).map(([cc]) => ret(p, cc, p === 2 && cc === '10000' ? '2.00' : '1.00')),
    );
    const steps = reconcileLedgerToReturnsSteps(ledger, returns);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // At least two pieces of 2,000 lines, and one step after each of the two months.
    expect(yields).toBeGreaterThanOrEqual(4);
    expect(step.value.map((m) => [m.month, m.agreed, m.differences.length, m.ledgerTotal.toFixed(2)])).toEqual([
      [1, 5_000, 0, '5000.00'],
      [2, 5_000, 0, '5001.00'],
    ]);
  });
});
