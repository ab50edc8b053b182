import { type Money } from '../../domain/core/money';
import { toThousands } from '../../domain/core/units';
import { formatFinancialYear } from '../../domain/core/period';
import type { CaseId, CaseProjection } from '../../domain/reserves/road-casualty-reserve';

/** One point of the Road Casualty chart: £'000 per case, numbers for drawing only. */
export type BalancePoint = { label: string } & Partial<Record<CaseId, number>>;

/** Money to £'000 as a number, for drawing (Number() on money is allowed here and only here). */
export const drawThousands = (pounds: Money): number => Number(toThousands(pounds).toFixed(3));

/**
 * The balance of each case over the years: the opening balance first (label "Opening"), then each year's
 * closing balance labelled by its financial year. Only the projections with or without earmarked items.
 */
export function toRoadCasualtySeries(
  projections: readonly CaseProjection[],
  includeEarmarked: boolean,
  opening: Money,
): BalancePoint[] {
  const chosen = projections.filter((p) => p.includeEarmarked === includeEarmarked);
  const first = chosen[0];
  if (!first) return [];
  const points: BalancePoint[] = [{ label: 'Opening' }];
  for (const p of chosen) points[0]![p.caseId] = drawThousands(opening);
  first.years.forEach((y, i) => {
    const point: BalancePoint = { label: formatFinancialYear({ startYear: y.year }) };
    for (const p of chosen) {
      const row = p.years[i];
      if (row) point[p.caseId] = drawThousands(row.closing);
    }
    points.push(point);
  });
  return points;
}
