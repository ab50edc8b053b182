import { formatThousands, roundHalfAwayFromZero, type Money } from '../core/money';
import { toThousands } from '../core/units';
import { formatFinancialYear } from '../core/period';
import type { CaseId, CaseProjection } from './road-casualty-reserve';

/*
 * The Road Casualty projection in words, for the sentence beside the chart and for screen readers: when
 * each case crosses the floor and zero, or that it does not within the horizon. Amounts are £k, rounded
 * half away from zero (presentation only).
 */

const CASE_WORDS: Readonly<Record<CaseId, string>> = {
  none: 'With no new inflow',
  low: 'In the low case',
  central: 'In the central case',
  high: 'In the high case',
};

/** Pounds as £k for a sentence, a negative in brackets as the tables print it: 145,000 -> "£145k"; -132,000 -> "(£132k)". */
export function formatK(pounds: Money): string {
  const k = roundHalfAwayFromZero(toThousands(pounds), 0);
  const text = `£${formatThousands(k.abs().times(1000), { zero: '0' })}k`;
  return !k.isNegative() || k.isZero() ? text : `(${text})`;
}

const fy = (year: number): string => formatFinancialYear({ startYear: year });

/** One sentence for one case: "With no new inflow the balance falls below the £145k floor in 2021/22 and below zero in 2022/23." */
export function describeCase(p: CaseProjection, floor: Money): string {
  const k = formatK;
  const last = p.years[p.years.length - 1];
  const opening = CASE_WORDS[p.caseId];
  if (!last) return `${opening} there is nothing to project.`;
  const floorText = `the ${k(floor)} floor`;
  if (p.firstBelowFloor === null) {
    const lowest = p.lowest ? ` (lowest ${k(p.lowest.closing)}, ${fy(p.lowest.year)})` : '';
    return `${opening} the balance stays at or above ${floorText} to ${fy(last.year)}${lowest}, ending at ${k(last.closing)}.`;
  }
  if (p.firstBelowZero === null) {
    return `${opening} the balance falls below ${floorText} in ${fy(p.firstBelowFloor)} but stays above zero to ${fy(last.year)}, ending at ${k(last.closing)}.`;
  }
  if (p.firstBelowZero === p.firstBelowFloor) {
    return `${opening} the balance falls below ${floorText} and below zero in ${fy(p.firstBelowZero)}, ending at ${k(last.closing)}.`;
  }
  return `${opening} the balance falls below ${floorText} in ${fy(p.firstBelowFloor)} and below zero in ${fy(p.firstBelowZero)}, ending at ${k(last.closing)}.`;
}

/**
 * The sentences for every case of one kind (with or without the earmarked items), in case order, negatives in
 * brackets on the page and in the board pack alike (a frozen pack is compared by its figures, not its words).
 */
export function describeCases(projections: readonly CaseProjection[], floor: Money, includeEarmarked: boolean): string {
  const cases = projections.filter((p) => p.includeEarmarked === includeEarmarked);
  const lead = includeEarmarked ? 'Counting the earmarked items.' : 'Leaving out the earmarked items.';
  return [lead, ...cases.map((p) => describeCase(p, floor))].join(' ');
}
