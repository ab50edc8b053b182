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

/**
 * A Debit/Credit ledger's two columns as the file writes them: Debit cells summed as debits, Credit cells
 * (written positive) summed as credits (negative), so that net = debits + credits is the sum of the rows'
 * amounts (debit - credit) and each side is what the file's own total row prints under that column.
 */
export interface SideTotals extends SlotTotals {
  /** Per side (Debit, Credit), the cells' sum since the last total row and since the start, as written. */
  readonly sinceLastTotal: [number, number];
  readonly sinceStart: [number, number];
  /** Per side, the sum of the cells' sizes: while it is within 2^53, every sum of that side is exact. */
  readonly magnitude: [number, number];
}

export interface ControlTotals {
  readonly slots: SlotTotals[];
  /** A Debit/Credit ledger's sums by column; null for any other file. */
  readonly sides: SideTotals | null;
  /** Per slot, the sum of accepted rows since the last total or subtotal row. */
  readonly sinceLastTotal: number[];
  /** Per slot, the sum of every accepted row so far. */
  readonly sinceStart: number[];
  readonly checks: TotalRowCheck[];
}

function newSlot(): SlotTotals {
  return {
    debit: 0,
    credit: 0,
    debitByPeriod: new Array<number>(MAX_PERIOD + 1).fill(0),
    creditByPeriod: new Array<number>(MAX_PERIOD + 1).fill(0),
    seen: new Array<boolean>(MAX_PERIOD + 1).fill(false),
  };
}

/** Sums for `width` amount slots; `split` adds the Debit and Credit columns' own sums (a split ledger). */
export function newControlTotals(width: number, split = false): ControlTotals {
  return {
    slots: Array.from({ length: width }, newSlot),
    sides: split ? { ...newSlot(), sinceLastTotal: [0, 0], sinceStart: [0, 0], magnitude: [0, 0] } : null,
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
export function addAccepted(
  t: ControlTotals,
  amounts: readonly (number | null)[],
  period: number,
  sides?: readonly (number | null)[],
): number {
  for (let a = 0; a < amounts.length; a++) {
    const v = amounts[a];
    if (v === null || v === undefined) continue;
    const s = t.slots[a]!;
    if (v > 0 ? s.debit + v > MAX : s.credit + v < -MAX) return a;
  }
  const sd = t.sides;
  if (sd && sides) {
    // A Debit/Credit row: each column's sum is kept exact by keeping the sum of its cells' sizes within 2^53.
    for (let k = 0; k < 2; k++) {
      const v = sides[k];
      if (v !== null && v !== undefined && sd.magnitude[k]! + Math.abs(v) > MAX) return 0;
    }
    sd.seen[period] = true;
    for (let k = 0; k < 2; k++) {
      const v = sides[k];
      if (v === null || v === undefined) continue;
      sd.magnitude[k]! += Math.abs(v);
      sd.sinceLastTotal[k]! += v;
      sd.sinceStart[k]! += v;
      if (k === 0) {
        sd.debit += v;
        sd.debitByPeriod[period]! += v;
      } else {
        sd.credit -= v;
        sd.creditByPeriod[period]! -= v;
      }
    }
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
  printedSides?: readonly (number | null)[],
): void {
  const sd = t.sides;
  if (sd && printedSides) {
    // A Debit/Credit file's total row prints the Debit total and the Credit total: each checked against its
    // own column (its net, debit minus credit, follows from them).
    for (let k = 0; k < 2; k++) {
      const printed = printedSides[k];
      if (printed === null || printed === undefined) continue;
      const since = sd.sinceLastTotal[k]!;
      const all = sd.sinceStart[k]!;
      const computed = printed === all && printed !== since ? all : since;
      t.checks.push({
        row,
        label,
        column: k === 0 ? 'debit' : 'credit',
        printed: pence(printed),
        computed: pence(computed),
        status: printed === computed ? 'pass' : 'fail',
      });
    }
    sd.sinceLastTotal[0] = 0;
    sd.sinceLastTotal[1] = 0;
    t.sinceLastTotal.fill(0);
    return;
  }
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

/**
 * The control totals: in a Debit/Credit ledger, one for its amount (debit - credit, stored as "amount"),
 * whose debits and credits are its Debit and Credit columns' sums; otherwise one per slot, per key given,
 * with the periods that had rows.
 */
export function controlTotalsOf(t: ControlTotals, keys: readonly string[]): ControlTotal[] {
  if (t.sides) return [totalOf('amount', t.sides)];
  return keys.map((column, i): ControlTotal => totalOf(column, t.slots[i]!));
}

function totalOf(column: string, s: SlotTotals): ControlTotal {
  const byPeriod: ControlTotal['byPeriod'] = [];
  for (let p = 0; p <= MAX_PERIOD; p++) {
    if (!s.seen[p]) continue;
    const debit = s.debitByPeriod[p]!;
    const credit = s.creditByPeriod[p]!;
    byPeriod.push({ period: p, debit: pence(debit), credit: pence(credit), net: pence(debit + credit) });
  }
  return { column, debit: pence(s.debit), credit: pence(s.credit), net: pence(s.debit + s.credit), byPeriod };
}
