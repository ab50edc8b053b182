import { pence } from '../domain/core/units';
import { MAX_PERIOD } from './fast-cells';
import type { ControlTotal, TotalRowCheck } from './session-result';

/*
 * Control totals: the exact debits and credits of the accepted rows, per amount slot and per period, and
 * the check of each printed total or subtotal row against the rows above it. Its own step because the
 * receipt's reconciliation rests on it and it is plain arithmetic on integers (pence), tested apart from
 * reading cells. The running sums since the last total and since the start are also what tells a total
 * row by its amounts (row-shape.ts), so the row reader reads them from here.
 * Per row: one addAccepted, on fixed arrays (periods 0..16): no lookup, no allocation, one comparison per
 * amount to keep every sum within 2^53 pence.
 */

/** One amount slot's sums: period 0 holds rows with no period. */
export interface SlotTotals {
  debit: number;
  credit: number;
  readonly debitByPeriod: number[];
  readonly creditByPeriod: number[];
  readonly seen: boolean[];
}

export interface ControlTotals {
  readonly slots: SlotTotals[];
  /** Per slot, the sum of accepted rows since the last total or subtotal row. */
  readonly sinceLastTotal: number[];
  /** Per slot, the sum of every accepted row so far. */
  readonly sinceStart: number[];
  readonly checks: TotalRowCheck[];
}

export function newControlTotals(width: number): ControlTotals {
  return {
    slots: Array.from({ length: width }, (): SlotTotals => ({
      debit: 0,
      credit: 0,
      debitByPeriod: new Array<number>(MAX_PERIOD + 1).fill(0),
      creditByPeriod: new Array<number>(MAX_PERIOD + 1).fill(0),
      seen: new Array<boolean>(MAX_PERIOD + 1).fill(false),
    })),
    sinceLastTotal: new Array<number>(width).fill(0),
    sinceStart: new Array<number>(width).fill(0),
    checks: [],
  };
}

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * An accepted row's amounts (null where it has none) in its period (0 = none). Every sum stays an exact
 * integer: a row that would take a slot's debits above 2^53 pence, or its credits below -2^53, is not added
 * (nothing of it), and the slot is returned for the caller to reject the row; -1 when it was added. One
 * comparison per amount keeps every other sum exact too: each of them (by period, since the last total,
 * since the start, and the ledger's sums by code, which add the same amounts) adds some of the same
 * debits and some of the same credits, so it lies between the credits' total and the debits' total.
 */
export function addAccepted(t: ControlTotals, amounts: readonly (number | null)[], period: number): number {
  for (let a = 0; a < amounts.length; a++) {
    const v = amounts[a];
    if (v === null || v === undefined) continue;
    const s = t.slots[a]!;
    if (v > 0 ? s.debit + v > MAX : s.credit + v < -MAX) return a;
  }
  for (let a = 0; a < amounts.length; a++) {
    const v = amounts[a];
    if (v === null || v === undefined) continue;
    const s = t.slots[a]!;
    s.seen[period] = true;
    if (v > 0) {
      s.debit += v;
      s.debitByPeriod[period]! += v;
    } else {
      s.credit += v;
      s.creditByPeriod[period]! += v;
    }
    t.sinceLastTotal[a]! += v;
    t.sinceStart[a]! += v;
  }
  return -1;
}

/**
 * A printed total or subtotal row: each of its amounts checked against the rows since the last total (or,
 * when it equals them, against every row so far: a grand total under subtotals), and the running sum
 * since the last total starts again.
 */
export function checkTotalRow(
  t: ControlTotals,
  row: number,
  label: string,
  printedAmounts: readonly (number | null)[],
  keys: readonly string[],
): void {
  for (let i = 0; i < printedAmounts.length; i++) {
    const printed = printedAmounts[i];
    if (printed === null || printed === undefined) continue;
    const since = t.sinceLastTotal[i]!;
    const all = t.sinceStart[i]!;
    const computed = printed === all && printed !== since ? all : since;
    t.checks.push({
      row,
      label,
      column: keys[i] ?? '',
      printed: pence(printed),
      computed: pence(computed),
      status: printed === computed ? 'pass' : 'fail',
    });
  }
  t.sinceLastTotal.fill(0);
}

/** The control totals of the first keys.length slots, one per key, with the periods that had rows. */
export function controlTotalsOf(t: ControlTotals, keys: readonly string[]): ControlTotal[] {
  return keys.map((column, i): ControlTotal => {
    const s = t.slots[i]!;
    const byPeriod: ControlTotal['byPeriod'] = [];
    for (let p = 0; p <= MAX_PERIOD; p++) {
      if (!s.seen[p]) continue;
      const debit = s.debitByPeriod[p]!;
      const credit = s.creditByPeriod[p]!;
      byPeriod.push({ period: p, debit: pence(debit), credit: pence(credit), net: pence(debit + credit) });
    }
    return { column, debit: pence(s.debit), credit: pence(s.credit), net: pence(s.debit + s.credit), byPeriod };
  });
}
