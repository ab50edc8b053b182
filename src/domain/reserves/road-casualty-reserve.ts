import type { Money } from '../core/money';
import type { PoundsOrPlain } from '../core/units';
import { ZERO, HUNDRED } from '../core/money';
import {
  firstYearBelow,
  headroomAboveFloor,
  horizonYears,
  lowestClosing,
  projectBalance,
  type Movement,
  type ProjectedYear,
  type YearMovements,
} from './reserve-projection';

/*
 * The Road Casualty Reduction & Support Reserve (BCB 4 April 2019, agenda item 10; created 2015, BCB
 * 26 November 2015). It is filled by Cambridgeshire's share (its Net Revenue Expenditure proportion) of
 * the surplus of the collaborated Cameras, Tickets & Collisions unit, and spent on commitments that are
 * either committed or only earmarked, one-off capital or recurrent revenue. The model carries the
 * balance forward year by year under each inflow case, with and without the earmarked items, and finds
 * the first year it falls below the user's floor and below zero. All amounts are pounds, exact.
 */

/** The fund's key as the 2017/18 paper's Table 5 names it ("Road Casualty Reduction & Support Fund"). */
const PAPER_KEY = 'road-casualty-reduction-and-support-fund';

/**
 * The Road Casualty reserve of a reserves position (rows keyed by keyOf, src/domain/checks/table-rows.ts): the
 * paper's name first, else the first whose name starts "Road Casualty" (a force's own file may call it the
 * "Road Casualty Reduction & Support Reserve", as the 4 April 2019 paper does in its title).
 */
export function findRoadCasualtyReserve<T extends { key: string }>(reserves: readonly T[]): T | undefined {
  return reserves.find((r) => r.key === PAPER_KEY) ?? reserves.find((r) => r.key.startsWith('road-casualty-'));
}

export type CommitmentStatus = 'committed' | 'earmarked';
export type CommitmentKind = 'one-off-capital' | 'recurrent-revenue';

export interface Commitment {
  /** Stable within a scenario and its copies, so scenarios can be compared item by item. */
  id: string;
  label: string;
  /** Pounds: the whole cost of a one-off item, or the cost in each year of a recurrent one. */
  amount: PoundsOrPlain;
  status: CommitmentStatus;
  kind: CommitmentKind;
  /** Financial year start of the first (or only) payment. */
  firstYear: number;
  /**
   * Recurrent items: the number of years they are paid, or null for every year to the end of the
   * horizon (a recurrent grant continues until it is stopped). One-off items are paid once, in their
   * first year, whatever this says.
   */
  years: number | null;
}

/** Expenditure approved but not yet charged to the reserve (the paper's "yet to be applied"). */
export interface ToApply {
  /** Pounds. */
  amount: PoundsOrPlain;
  /** Financial year start in which it is charged. */
  year: number;
}

export type InflowSource =
  /** Pounds a year, entered directly. */
  | { kind: 'direct'; amount: PoundsOrPlain }
  /** The CTC unit's surplus (pounds a year, for the three forces) times Cambridgeshire's NRE share (percent). */
  | { kind: 'ctc-share'; ctcSurplus: PoundsOrPlain; nreSharePercent: Money };

export interface InflowOverride {
  /** Financial year start. */
  year: number;
  /** Pounds: the inflow of that year, in place of the case's yearly amount. */
  amount: PoundsOrPlain;
}

export type InflowCaseId = 'low' | 'central' | 'high';
export const INFLOW_CASE_IDS: readonly InflowCaseId[] = ['low', 'central', 'high'];

export interface InflowCase {
  id: InflowCaseId;
  source: InflowSource;
  /** Years whose inflow differs from the yearly amount (a known forecast, a year with no surplus). */
  overrides: readonly InflowOverride[];
}

export interface RoadCasualtyInput {
  /** Pounds at the start of `firstYear` (the closing balance of the year before). */
  openingBalance: PoundsOrPlain;
  /** Financial year start of the first projected year. */
  firstYear: number;
  /** Number of years projected (the default case: five). */
  horizonYears: number;
  toApply: ToApply;
  inflowCases: Readonly<Record<InflowCaseId, InflowCase>>;
  commitments: readonly Commitment[];
  /** Pounds: the balance the reserve should not fall below. */
  floor: PoundsOrPlain;
}

/** 'none' is the paper's own working: no new inflow counted at all. */
export type CaseId = 'none' | InflowCaseId;
export const CASE_IDS: readonly CaseId[] = ['none', 'low', 'central', 'high'];

export interface CaseProjection {
  caseId: CaseId;
  includeEarmarked: boolean;
  years: ProjectedYear[];
  /** Financial year start of the first closing balance strictly below the floor, or null within the horizon. */
  firstBelowFloor: number | null;
  /** Financial year start of the first closing balance strictly below zero, or null within the horizon. */
  firstBelowZero: number | null;
  lowest: { year: number; closing: Money } | null;
  /** Pounds that could still be spent once, in any year, without going below the floor. */
  headroom: Money;
}

/** The yearly inflow of a source, pounds: the amount, or surplus x share / 100, exact. */
export function yearlyInflow(source: InflowSource): Money {
  return source.kind === 'direct' ? source.amount : source.ctcSurplus.times(source.nreSharePercent).dividedBy(HUNDRED);
}

/** The inflow of a case in a year (pounds): that year's override if there is one, else the yearly amount. */
function inflowFor(inflowCase: InflowCase, year: number): Money {
  return inflowCase.overrides.find((o) => o.year === year)?.amount ?? yearlyInflow(inflowCase.source);
}

/** Whether a commitment is paid in a year (financial year start) of a horizon ending in `lastYear`. */
export function paidIn(commitment: Commitment, year: number): boolean {
  if (year < commitment.firstYear) return false;
  if (commitment.kind === 'one-off-capital') return year === commitment.firstYear;
  return commitment.years === null || year < commitment.firstYear + commitment.years;
}

/** Each year's movements for one case: the case's inflow in, the yet-to-apply and the commitments out. */
function caseMovements(input: RoadCasualtyInput, caseId: CaseId, includeEarmarked: boolean): YearMovements[] {
  return horizonYears(input.firstYear, input.horizonYears).map((year) => {
    const inflows: Movement[] = [];
    if (caseId !== 'none')
      inflows.push({
        key: 'inflow',
        label: 'Inflow (CTC surplus share)',
        amount: inflowFor(input.inflowCases[caseId], year),
      });
    const outflows: Movement[] = [];
    if (input.toApply.year === year && !input.toApply.amount.isZero()) {
      outflows.push({ key: 'to-apply', label: 'Expenditure yet to be applied', amount: input.toApply.amount });
    }
    for (const c of input.commitments) {
      if (c.status === 'earmarked' && !includeEarmarked) continue;
      if (paidIn(c, year)) outflows.push({ key: c.id, label: c.label, amount: c.amount });
    }
    return { year, inflows, outflows };
  });
}

/** One case's projection over the horizon, with the years it crosses the floor and zero. Pounds, exact. */
export function projectCase(input: RoadCasualtyInput, caseId: CaseId, includeEarmarked: boolean): CaseProjection {
  const years = projectBalance(input.openingBalance, caseMovements(input, caseId, includeEarmarked));
  return {
    caseId,
    includeEarmarked,
    years,
    firstBelowFloor: firstYearBelow(years, input.floor),
    firstBelowZero: firstYearBelow(years, ZERO),
    lowest: lowestClosing(years),
    headroom: headroomAboveFloor(years, input.floor),
  };
}

/** Every case (none, low, central, high), each with and then without the earmarked items. */
export function projectRoadCasualtyReserve(input: RoadCasualtyInput): CaseProjection[] {
  return CASE_IDS.flatMap((id) => [projectCase(input, id, true), projectCase(input, id, false)]);
}

export interface PaperWorking {
  /** Financial year start of the year the paper's statement is about (2019/20). */
  year: number;
  opening: Money;
  toApply: Money;
  /** The items charged from the first year up to and including `year`, earmarked included, with their year. */
  items: readonly (Movement & { commitment: Commitment; year: number })[];
  itemsTotal: Money;
  /** opening - toApply - itemsTotal: the balance left if all goes ahead and no new inflow is counted. */
  remainder: Money;
}

/**
 * The paper's own sum (para 4.3-4.5): the balance less the expenditure yet to be applied less every
 * item due by the end of `year`, counting no new inflow. Pounds, exact.
 */
export function paperWorking(input: RoadCasualtyInput, year: number): PaperWorking {
  const items: (Movement & { commitment: Commitment; year: number })[] = [];
  for (let y = input.firstYear; y <= year; y++) {
    for (const c of input.commitments)
      if (paidIn(c, y)) items.push({ key: `${c.id}@${y}`, label: c.label, amount: c.amount, commitment: c, year: y });
  }
  const toApply = input.toApply.year <= year ? input.toApply.amount : ZERO;
  const itemsTotal = items.reduce((t, m) => t.plus(m.amount), ZERO);
  return {
    year,
    opening: input.openingBalance,
    toApply,
    items,
    itemsTotal,
    remainder: input.openingBalance.minus(toApply).minus(itemsTotal),
  };
}
