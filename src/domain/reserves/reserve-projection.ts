import { Money, ZERO, sum } from '../core/money';

/*
 * The balance of one reserve carried forward year by year: the arithmetic both the Road Casualty model
 * and the MTFS planner share. Each year is exact: closing = opening + inflows - outflows, with no
 * rounding anywhere (rounding is for presentation only: ARCHITECTURE.md, "Money"). Years are financial years named by
 * the calendar year they start in (2019 = 2019/20; see period.ts).
 */

/** One named amount in a year: a contribution, a drawdown, a commitment's cost. Pounds, never negative. */
export interface Movement {
  key: string;
  label: string;
  /** Pounds, exact. An inflow adds it, an outflow takes it away. */
  amount: Money;
}

export interface YearMovements {
  /** Financial year start (2019 = 2019/20). */
  year: number;
  inflows: readonly Movement[];
  outflows: readonly Movement[];
}

export interface ProjectedYear {
  /** Financial year start (2019 = 2019/20). */
  year: number;
  /** Pounds at 1 April: the previous year's closing balance (the opening balance for the first year). */
  opening: Money;
  inflows: readonly Movement[];
  outflows: readonly Movement[];
  /** Pounds: the sum of the inflows. */
  inflow: Money;
  /** Pounds: the sum of the outflows. */
  outflow: Money;
  /** Pounds at 31 March: opening + inflow - outflow, exact. */
  closing: Money;
}

/**
 * Carries `opening` (pounds, at the start of the first year given) through each year's movements, in
 * the order given. Exact; no rounding.
 */
export function projectBalance(opening: Money, years: readonly YearMovements[]): ProjectedYear[] {
  const rows: ProjectedYear[] = [];
  let balance = opening;
  for (const y of years) {
    const inflow = sum(y.inflows.map((m) => m.amount));
    const outflow = sum(y.outflows.map((m) => m.amount));
    const closing = balance.plus(inflow).minus(outflow);
    rows.push({ year: y.year, opening: balance, inflows: y.inflows, outflows: y.outflows, inflow, outflow, closing });
    balance = closing;
  }
  return rows;
}

/**
 * The first year whose closing balance is strictly below `threshold` (pounds), or null if none is within
 * the years given. A balance exactly at the floor has not fallen below it.
 */
export function firstYearBelow(rows: readonly ProjectedYear[], threshold: Money): number | null {
  return rows.find((r) => r.closing.lessThan(threshold))?.year ?? null;
}

/**
 * The year a balance runs out: the first year whose closing balance is below zero, or exactly nil after
 * opening above it (used up to the last pound). A balance that opens at nil and stays there never runs out;
 * null if none is within the years given.
 */
export function runOutYear(rows: readonly { year: number; opening: Money; closing: Money }[]): number | null {
  const used = (r: { opening: Money; closing: Money }): boolean =>
    r.closing.lessThan(0) || (r.closing.isZero() && r.opening.greaterThan(0));
  return rows.find(used)?.year ?? null;
}

/** The year with the lowest closing balance (the earliest if tied), or null for no years. */
export function lowestClosing(rows: readonly ProjectedYear[]): { year: number; closing: Money } | null {
  let lowest: ProjectedYear | undefined;
  for (const r of rows) if (!lowest || r.closing.lessThan(lowest.closing)) lowest = r;
  return lowest ? { year: lowest.year, closing: lowest.closing } : null;
}

/**
 * How much more could be spent, once, in any year of the projection without any closing balance going
 * below `floor`: the lowest closing balance less the floor (pounds), or zero if it is already below.
 * A one-off outflow in year Y lowers every closing from Y on by its amount, so the binding year is the
 * lowest closing from Y on, which is never lower than the lowest overall: this figure is safe for any Y.
 */
export function headroomAboveFloor(rows: readonly ProjectedYear[], floor: Money): Money {
  const lowest = lowestClosing(rows);
  if (!lowest) return ZERO;
  const room = lowest.closing.minus(floor);
  return room.isPositive() && !room.isZero() ? room : ZERO;
}

export interface Exhaustion {
  /** Pounds a year: the drawdown rate assumed. */
  annualDrawdown: Money;
  /** balance / annualDrawdown, exact (a fraction of a year is kept); null when the balance is not drawn down. */
  years: Money | null;
  /**
   * The financial year (start) during which the balance reaches zero at that rate: the first year counted
   * is `firstYear`, so 0.93 years runs out during firstYear and exactly 2 years at the end of firstYear + 1.
   * null when the balance is not drawn down.
   */
  runsOutDuring: number | null;
}

/**
 * How long a balance (pounds) lasts at a steady drawdown (pounds a year, net of anything added). A zero
 * or negative drawdown never exhausts it; a balance already at or below zero is exhausted at once
 * (0 years, during firstYear).
 */
export function yearsToExhaustion(balance: Money, annualDrawdown: Money, firstYear: number): Exhaustion {
  if (!annualDrawdown.greaterThan(0)) return { annualDrawdown, years: null, runsOutDuring: null };
  if (!balance.greaterThan(0)) return { annualDrawdown, years: ZERO, runsOutDuring: firstYear };
  const years = balance.dividedBy(annualDrawdown);
  // ceil: 0.93 years runs out in the first year; 2 years exactly runs out at the end of the second.
  const whole = years.toDecimalPlaces(0, Money.ROUND_CEIL).toNumber();
  return { annualDrawdown, years, runsOutDuring: firstYear + whole - 1 };
}

/** The financial years (starts) of a horizon: firstYear and the (count - 1) years after it. */
export function horizonYears(firstYear: number, count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => firstYear + i);
}
