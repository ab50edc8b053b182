import type { Money } from '../../domain/core/money';
import {
  HOME_OFFICE_JUSTIFICATION_PERCENT,
  type GeneralReserveYear,
  type MtfsProjection,
} from '../../domain/reserves/mtfs-planner';
import { formatFinancialYear } from '../../domain/core/period';
import type { CaseProjection } from '../../domain/reserves/road-casualty-reserve';
import { drawThousands } from './to-chart-road-casualty';

/** A point of the general reserve chart: its share of the budget in percent, a number for drawing only. */
export interface SharePoint {
  label: string;
  percent?: number;
}

const pct = (g: GeneralReserveYear): number | undefined =>
  g.percent === null ? undefined : Number(g.percent.toFixed(4));

/** The general reserve as a share of the net revenue budget: the actual year, then each planned year. */
export function toGeneralReserveSeries(p: MtfsProjection): SharePoint[] {
  return [
    { label: `${formatFinancialYear({ startYear: p.baseline.year })} (actual)`, percent: pct(p.baseline) },
    ...p.general.map((g) => ({ label: formatFinancialYear({ startYear: g.year }), percent: pct(g) })),
  ];
}

/** Two scenarios' values side by side, by label, for drawing (numbers only). */
export interface ComparePoint {
  label: string;
  a?: number;
  b?: number;
}

/** One Road Casualty case in two scenarios: £'000 at each year end, matched by financial year. */
export function toCompareBalanceSeries(a: CaseProjection, b: CaseProjection): ComparePoint[] {
  const years = [...new Set([...a.years, ...b.years].map((y) => y.year))].sort((x, y) => x - y);
  return years.map((year) => {
    const ya = a.years.find((y) => y.year === year);
    const yb = b.years.find((y) => y.year === year);
    return {
      label: formatFinancialYear({ startYear: year }),
      a: ya ? drawThousands(ya.closing) : undefined,
      b: yb ? drawThousands(yb.closing) : undefined,
    };
  });
}

/** The general reserve share in two scenarios, by financial year. */
export function toCompareShareSeries(a: MtfsProjection, b: MtfsProjection): ComparePoint[] {
  const years = [...new Set([...a.general, ...b.general].map((g) => g.year))].sort((x, y) => x - y);
  return years.map((year) => {
    const ga = a.general.find((g) => g.year === year);
    const gb = b.general.find((g) => g.year === year);
    return {
      label: formatFinancialYear({ startYear: year }),
      a: ga ? pct(ga) : undefined,
      b: gb ? pct(gb) : undefined,
    };
  });
}

/** The lines drawn across the share chart: the 5% line and the policy floor (numbers for drawing only). */
export function toShareReferences(
  floorPercent: Money,
): { y: number; label: string; position: 'insideTopLeft' | 'insideBottomLeft' }[] {
  return [
    {
      y: Number(HOME_OFFICE_JUSTIFICATION_PERCENT.toFixed(4)),
      label: '5%: justification expected above',
      position: 'insideTopLeft',
    },
    {
      y: Number(floorPercent.toFixed(4)),
      label: `Policy floor ${floorPercent.toString()}%`,
      position: 'insideBottomLeft',
    },
  ];
}
