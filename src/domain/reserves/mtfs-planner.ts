import { Money, ZERO, sum, HUNDRED } from '../core/money';
import type { PoundsOrPlain } from '../core/units';
import {
  firstYearBelow,
  horizonYears,
  projectBalance,
  runOutYear,
  yearsToExhaustion,
  type Exhaustion,
  type Movement,
  type ProjectedYear,
} from './reserve-projection';
import type { CaseProjection } from './road-casualty-reserve';

/*
 * The medium-term (MTFS) reserves planner: every usable reserve carried forward from the latest
 * reserves position through the contributions and drawdowns planned for each future year; the general
 * reserve as a share of the net revenue budget against the user's policy floor and the 5% line above
 * which the Home Office expects a justification; and how long each reserve lasts at its latest rate of
 * drawdown. Amounts are pounds, exact; percentages are exact Decimals in percent (5.4964... for 5.50%).
 */

/** The Table 5 groups: earmarked, contingency and capital reserves are all "earmarked" in its subtotal. */
export type ReserveGroup = 'earmarked' | 'contingency' | 'capital' | 'general';

export interface ReserveBalance {
  /** Stable key from the printed label (keyOf). */
  key: string;
  label: string;
  group: ReserveGroup;
  /** Pounds at the start of the actual year, or null if the position does not give it. */
  opening: PoundsOrPlain | null;
  /** Pounds added in the actual year. */
  added: PoundsOrPlain;
  /** Pounds used (drawn) in the actual year, as a positive amount. */
  used: PoundsOrPlain;
  /** Pounds at the end of the actual year: the opening balance of the plan. */
  closing: PoundsOrPlain;
}

export interface ReservesPosition {
  /** Financial year start of the year the position closes (2017 = 2017/18, closing at 31 March 2018). */
  actualYear: number;
  /** Where the figures come from, said on the page. */
  source: string;
  reserves: readonly ReserveBalance[];
}

export interface PlannedMovement {
  reserveKey: string;
  /** Financial year start. */
  year: number;
  /** Pounds put into the reserve in the year (never negative). */
  contribution: PoundsOrPlain;
  /** Pounds drawn from the reserve in the year (never negative). */
  drawdown: PoundsOrPlain;
}

export interface BudgetYear {
  /** Financial year start. */
  year: number;
  /** Pounds. */
  amount: PoundsOrPlain;
}

export interface MtfsInput {
  /** Financial year start of the first planned year (the year after the position's actual year). */
  firstYear: number;
  horizonYears: number;
  /** The net revenue budget of each planned year (pounds); a year not listed has no share worked out. */
  netRevenueBudget: readonly BudgetYear[];
  /** Percent: the lowest general reserve the reserves strategy allows, as a share of the net revenue budget. */
  generalReserveFloorPercent: Money;
  movements: readonly PlannedMovement[];
}

/** The Home Office expects a justification for a general reserve above 5% of the net revenue budget. */
export const HOME_OFFICE_JUSTIFICATION_PERCENT = new Money(5);

export interface ReservePlan {
  reserve: ReserveBalance;
  years: ProjectedYear[];
  /** Financial year start of the first planned closing balance below zero, or null within the horizon. */
  firstBelowZero: number | null;
  /**
   * The year the reserve runs out on this plan: its closing balance below zero, or used to exactly nil
   * (runOutYear); null if it lasts the horizon.
   */
  runsOut: number | null;
  /**
   * At the actual year's net drawdown (used - added, pounds a year), how long the closing balance lasts,
   * counting from the first planned year.
   */
  atLatestRate: Exhaustion;
}

export interface GeneralReserveYear {
  /** Financial year start; the actual year for the baseline. */
  year: number;
  /** Pounds at 31 March. */
  closing: Money;
  /** Pounds, or null where no budget is given for the year. */
  netRevenueBudget: Money | null;
  /** closing / budget x 100, exact; null without a budget (or a budget of nil). */
  percent: Money | null;
  belowFloor: boolean;
  /** Strictly above 5%: a justification is expected. */
  aboveJustificationLine: boolean;
}

export interface GroupTotals {
  year: number;
  /** Pounds at 31 March by group, and the total usable reserves (all groups). */
  byGroup: Readonly<Record<ReserveGroup, Money>>;
  earmarked: Money;
  general: Money;
  total: Money;
}

export interface MtfsProjection {
  years: number[];
  reserves: ReservePlan[];
  totals: GroupTotals[];
  /** The general reserve at the end of the actual year against that year's budget (when given). */
  baseline: GeneralReserveYear;
  general: GeneralReserveYear[];
  /** The year the general reserve (all general reserves together) runs out on this plan, or null. */
  generalRunsOut: number | null;
}

/** Net drawdown of the actual year, pounds: used - added (negative when the reserve grew). */
function latestNetDrawdown(reserve: ReserveBalance): Money {
  return reserve.used.minus(reserve.added);
}

function share(closing: Money, budget: Money | null, floorPercent: Money, year: number): GeneralReserveYear {
  const percent = budget === null || budget.isZero() ? null : closing.dividedBy(budget).times(HUNDRED);
  return {
    year,
    closing,
    netRevenueBudget: budget,
    percent,
    belowFloor: percent !== null && percent.lessThan(floorPercent),
    aboveJustificationLine: percent !== null && percent.greaterThan(HOME_OFFICE_JUSTIFICATION_PERCENT),
  };
}

/**
 * Projects every reserve of `position` through the planned movements. `actualBudget` is the net revenue
 * budget of the actual year (pounds), for the baseline share; null if not known. Exact; no rounding.
 */
export function projectMtfs(position: ReservesPosition, input: MtfsInput, actualBudget: Money | null): MtfsProjection {
  const years = horizonYears(input.firstYear, input.horizonYears);
  const reserves = position.reserves.map((reserve): ReservePlan => {
    const rows = projectBalance(
      reserve.closing,
      years.map((year) => {
        const planned = input.movements.filter((m) => m.reserveKey === reserve.key && m.year === year);
        const inflows: Movement[] = planned
          .filter((m) => !m.contribution.isZero())
          .map((m, i) => ({ key: `contribution-${i}`, label: 'Contribution', amount: m.contribution }));
        const outflows: Movement[] = planned
          .filter((m) => !m.drawdown.isZero())
          .map((m, i) => ({ key: `drawdown-${i}`, label: 'Drawdown', amount: m.drawdown }));
        return { year, inflows, outflows };
      }),
    );
    return {
      reserve,
      years: rows,
      firstBelowZero: firstYearBelow(rows, ZERO),
      runsOut: runOutYear(rows),
      atLatestRate: yearsToExhaustion(reserve.closing, latestNetDrawdown(reserve), input.firstYear),
    };
  });

  const totals = years.map((year, i): GroupTotals => {
    const of = (group: ReserveGroup) =>
      sum(reserves.filter((r) => r.reserve.group === group).map((r) => r.years[i]!.closing));
    const byGroup = {
      earmarked: of('earmarked'),
      contingency: of('contingency'),
      capital: of('capital'),
      general: of('general'),
    };
    const earmarked = byGroup.earmarked.plus(byGroup.contingency).plus(byGroup.capital);
    return { year, byGroup, earmarked, general: byGroup.general, total: earmarked.plus(byGroup.general) };
  });

  const budgetOf = (year: number): Money | null => input.netRevenueBudget.find((b) => b.year === year)?.amount ?? null;
  const generalNow = sum(position.reserves.filter((r) => r.group === 'general').map((r) => r.closing));
  const generalRows = totals.map((t, i) => ({
    year: t.year,
    opening: i === 0 ? generalNow : totals[i - 1]!.general,
    closing: t.general,
  }));
  return {
    years,
    reserves,
    totals,
    baseline: share(generalNow, actualBudget, input.generalReserveFloorPercent, position.actualYear),
    general: totals.map((t) => share(t.general, budgetOf(t.year), input.generalReserveFloorPercent, t.year)),
    generalRunsOut: runOutYear(generalRows),
  };
}

/**
 * A Road Casualty case as planned movements of its reserve: each year's inflow a contribution, its
 * outflows (yet to apply and commitments) a drawdown, for the years the two horizons share.
 */
export function movementsFromRoadCasualty(
  projection: CaseProjection,
  reserveKey: string,
  years: readonly number[],
): PlannedMovement[] {
  return projection.years
    .filter((y) => years.includes(y.year))
    .map((y) => ({ reserveKey, year: y.year, contribution: y.inflow, drawdown: y.outflow }));
}
