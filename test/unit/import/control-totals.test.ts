// Control totals on their own: debits and credits by period in exact integer pence, the running sums,
// and printed total rows checked against the rows above them.
import { describe, expect, it } from 'vitest';
import { addAccepted, checkTotalRow, controlTotalsOf, newControlTotals } from '../../../src/import/control-totals';

describe('control totals', () => {
  it('sums positive amounts as debits and the rest as credits, by period, skipping blanks', () => {
    const t = newControlTotals(2);
    addAccepted(t, [12345, -500], 1);
    addAccepted(t, [100, null], 1);
    addAccepted(t, [-2000, 0], 3);
    addAccepted(t, [null, 7], 0);
    const [a, b] = controlTotalsOf(t, ['budget', 'actual']);
    expect(a).toEqual({
      column: 'budget',
      debit: 12445,
      credit: -2000,
      net: 10445,
      byPeriod: [
        { period: 1, debit: 12445, credit: 0, net: 12445 },
        { period: 3, debit: 0, credit: -2000, net: -2000 },
      ],
    });
    // A zero is seen in its period (the period had a row), and adds nothing.
    expect(b).toEqual({
      column: 'actual',
      debit: 7,
      credit: -500,
      net: -493,
      byPeriod: [
        { period: 0, debit: 7, credit: 0, net: 7 },
        { period: 1, debit: 0, credit: -500, net: -500 },
        { period: 3, debit: 0, credit: 0, net: 0 },
      ],
    });
  });

  it('lists only as many columns as keys are given (a split ledger has none)', () => {
    const t = newControlTotals(1);
    addAccepted(t, [100], 1);
    expect(controlTotalsOf(t, [])).toEqual([]);
  });

  it('keeps running sums since the last total and since the start', () => {
    const t = newControlTotals(1);
    addAccepted(t, [100], 1);
    addAccepted(t, [250], 1);
    expect(t.sinceLastTotal).toEqual([350]);
    expect(t.sinceStart).toEqual([350]);
    checkTotalRow(t, 4, 'Subtotal', [350], ['amount']);
    expect(t.sinceLastTotal).toEqual([0]);
    expect(t.sinceStart).toEqual([350]);
  });

  it('checks a subtotal against the rows since the last total, and a grand total against all rows', () => {
    const t = newControlTotals(1);
    addAccepted(t, [100], 1);
    addAccepted(t, [200], 1);
    checkTotalRow(t, 4, 'Sub A', [300], ['amount']);
    addAccepted(t, [50], 2);
    checkTotalRow(t, 6, 'Sub B', [60], ['amount']); // printed wrong
    checkTotalRow(t, 7, 'Total', [350], ['amount']); // the grand total, after the last subtotal
    expect(t.checks).toEqual([
      { row: 4, label: 'Sub A', column: 'amount', printed: 300, computed: 300, status: 'pass' },
      { row: 6, label: 'Sub B', column: 'amount', printed: 60, computed: 50, status: 'fail' },
      { row: 7, label: 'Total', column: 'amount', printed: 350, computed: 350, status: 'pass' },
    ]);
  });

  it('checks each printed amount of a total row, and none where it is blank', () => {
    const t = newControlTotals(2);
    addAccepted(t, [100, 10], 1);
    checkTotalRow(t, 3, 'Total', [100, null], ['budget', 'actual']);
    expect(t.checks).toEqual([
      { row: 3, label: 'Total', column: 'budget', printed: 100, computed: 100, status: 'pass' },
    ]);
    // Both running sums since the last total start again, the blank one included.
    expect(t.sinceLastTotal).toEqual([0, 0]);
  });

  it('a row that would take the debits or the credits past 2^53 pence adds nothing, and names the slot (issue 15)', () => {
    const MAX = Number.MAX_SAFE_INTEGER; // 2^53 - 1
    const t = newControlTotals(2);
    expect(addAccepted(t, [MAX - 5, -7], 1)).toBe(-1);
    expect(addAccepted(t, [6, null], 2)).toBe(0); // MAX - 5 + 6 = 2^53: no longer exact
    expect(addAccepted(t, [1, -(MAX - 6)], 2)).toBe(1); // -7 - (MAX - 6) = -2^53; and nothing of slot 0 either
    expect(addAccepted(t, [5, -(MAX - 7)], 3)).toBe(-1); // exactly MAX and -MAX: still exact
    const [a, b] = controlTotalsOf(t, ['budget', 'actual']);
    expect([a!.debit, a!.credit, a!.net]).toEqual([MAX, 0, MAX]);
    expect([b!.debit, b!.credit, b!.net]).toEqual([0, -MAX, -MAX]);
    expect(a!.byPeriod.map((p) => p.period)).toEqual([1, 3]); // period 2 never had a row added
    expect(t.sinceStart).toEqual([MAX, -MAX]);
    expect(t.sinceLastTotal).toEqual([MAX, -MAX]);
  });
});
