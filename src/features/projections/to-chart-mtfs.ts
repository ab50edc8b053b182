import type { Money } from '../../domain/core/money';
import {
  HOME_OFFICE_JUSTIFICATION_PERCENT,
  type GeneralReserveYear,
  type MtfsProjection,
  type ReservePlan,
} from '../../domain/reserves/mtfs-planner';
import { formatFinancialYear } from '../../domain/core/period';
import type { CaseProjection } from '../../domain/reserves/road-casualty-reserve';
import { formatK } from '../../domain/reserves/road-casualty-summary';
import type { Marker, Reference } from './line-figure';
import { drawThousands } from './to-chart-road-casualty';

/** A point of the general reserve chart: its share of the budget in percent, a number for drawing only. */
export interface SharePoint {
  label: string;
  percent?: number;
}

const fy = (year: number): string => formatFinancialYear({ startYear: year });

const pct = (g: GeneralReserveYear): number | undefined =>
  g.percent === null ? undefined : Number(g.percent.toFixed(4));

/**
 * The general reserve as a share of the net revenue budget: the actual year, then each planned year up to
 * the last before it runs out. From the year it runs out the line is not drawn (a share of an overdrawn
 * reserve means nothing); the chart marks that year instead (toRunOutMarkers), and its table gives the figure.
 */
export function toGeneralReserveSeries(p: MtfsProjection): SharePoint[] {
  const out = p.generalRunsOut;
  return [
    { label: `${fy(p.baseline.year)} (actual)`, percent: pct(p.baseline) },
    ...p.general.map((g) => ({ label: fy(g.year), percent: out !== null && g.year >= out ? undefined : pct(g) })),
  ];
}

/** The year a reserve runs out, marked across its chart; none if it lasts. */
export function toRunOutMarkers(runsOut: number | null): Marker[] {
  return runsOut === null ? [] : [{ x: fy(runsOut), label: `Runs out ${fy(runsOut)}` }];
}

/** A point of one reserve's balance chart: £'000 at 31 March, a number for drawing only. */
export interface ReserveBalancePoint {
  label: string;
  balance: number;
}

/** One reserve's balance in £'000: the actual year's closing, then each planned year's (below nil when overdrawn). */
export function toReserveBalanceSeries(plan: ReservePlan, actualYear: number): ReserveBalancePoint[] {
  return [
    { label: `${fy(actualYear)} (actual)`, balance: drawThousands(plan.reserve.closing) },
    ...plan.years.map((y) => ({ label: fy(y.year), balance: drawThousands(y.closing) })),
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
      label: fy(year),
      a: ya ? drawThousands(ya.closing) : undefined,
      b: yb ? drawThousands(yb.closing) : undefined,
    };
  });
}

/** The general reserve share in two scenarios, by financial year; each line stops where its reserve runs out. */
export function toCompareShareSeries(a: MtfsProjection, b: MtfsProjection): ComparePoint[] {
  const years = [...new Set([...a.general, ...b.general].map((g) => g.year))].sort((x, y) => x - y);
  const drawn = (p: MtfsProjection, year: number): number | undefined => {
    const g = p.general.find((x) => x.year === year);
    if (!g || (p.generalRunsOut !== null && year >= p.generalRunsOut)) return undefined;
    return pct(g);
  };
  return years.map((year) => ({ label: fy(year), a: drawn(a, year), b: drawn(b, year) }));
}

/** A floor line for each scenario: one line when A and B share the floor, two (named A and B) when they differ. */
export function toCompareFloors(a: Money, b: Money, unit: 'pounds' | 'percent'): Reference[] {
  const y = (m: Money) => (unit === 'pounds' ? drawThousands(m) : Number(m.toFixed(4)));
  const text = (m: Money) => (unit === 'pounds' ? formatK(m) : `${m.toString()}%`);
  if (a.eq(b)) return [{ y: y(a), label: `Floor ${text(a)}` }];
  return [
    { y: y(a), label: `A's floor ${text(a)}` },
    { y: y(b), label: `B's floor ${text(b)}` },
  ];
}

/** The lines drawn across the share chart: the 5% line and the policy floor (numbers for drawing only). */
export function toShareReferences(floorPercent: Money): Reference[] {
  return [
    { y: Number(HOME_OFFICE_JUSTIFICATION_PERCENT.toFixed(4)), label: '5% line' },
    { y: Number(floorPercent.toFixed(4)), label: `Floor ${floorPercent.toString()}%` },
  ];
}
