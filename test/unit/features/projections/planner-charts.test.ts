// The planner's chart adapters (numbers for drawing only) and the fill across years: round, evenly spaced
// ticks; reference labels that move apart; the share line stopping where the reserve runs out; the balance
// series of one reserve; floor lines for two scenarios; one amount typed into a run of years.
import { describe, expect, it } from 'vitest';
import { Money, ZERO } from '../../../../src/domain/core/money';
import { fromThousands, thousands } from '../../../../src/domain/core/units';
import { projectMtfs, type ReservesPosition } from '../../../../src/domain/reserves/mtfs-planner';
import { niceScale, placeReferenceLabels } from '../../../../src/features/projections/chart-scale';
import { fillAcross, movementKey, type MtfsForm } from '../../../../src/features/projections/scenario-form';
import {
  toCompareFloors,
  toCompareShareSeries,
  toGeneralReserveSeries,
  toReserveBalanceSeries,
  toRunOutMarkers,
  toShareReferences,
} from '../../../../src/features/projections/to-chart-mtfs';

const k = (t: number | string): Money => fromThousands(thousands(t));

describe('niceScale: round, evenly spaced ticks', () => {
  it.each([
    // The Road Casualty chart, no-inflow case with earmarked items: (132) to 1,582, with the 145 floor and zero.
    { values: [-132, 1582, 145, 0], ticks: [-500, 0, 500, 1000, 1500, 2000] },
    // The share chart: 5.50% flat, the 3% floor and the 5% line.
    { values: [5.4964, 3, 5], ticks: [3, 3.5, 4, 4.5, 5, 5.5] },
    // A general reserve drawn down to 0.91%, with its floor and the 5% line.
    { values: [5.4964, 0.9148, 3, 5], ticks: [0, 1, 2, 3, 4, 5, 6] },
    // One value only: from nil to it.
    { values: [7198], ticks: [0, 2000, 4000, 6000, 8000] },
    { values: [], ticks: [0, 1] },
  ])('$values -> $ticks', ({ values, ticks }) => {
    const scale = niceScale(values);
    expect(scale.ticks).toEqual(ticks);
    expect(scale.domain).toEqual([ticks[0], ticks[ticks.length - 1]]);
  });

  it('spaces every tick by the same round step (1, 2 or 5 x 10^n), and covers every value', () => {
    for (const values of [
      [-9.78, 5.5, 3, 5],
      [0.1, 0.3],
      [-2750, 24231],
      [12, 13],
    ]) {
      const { ticks } = niceScale(values);
      const step = ticks[1]! - ticks[0]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(Number(mantissa.toFixed(6)));
      ticks.forEach((t, i) => i > 0 && expect(t - ticks[i - 1]!).toBeCloseTo(step, 9));
      expect(ticks[0]!).toBeLessThanOrEqual(Math.min(...values));
      expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(Math.max(...values));
    }
  });
});

describe('placeReferenceLabels', () => {
  it('writes the higher line’s label above it and the lower one’s below, so that two never meet', () => {
    // "Floor £145k" and "Zero" (the Road Casualty chart), and "5% line" and "Floor 3%" (the share chart).
    expect(placeReferenceLabels([145, 0])).toEqual(['above', 'below']);
    expect(placeReferenceLabels([5, 3])).toEqual(['above', 'below']);
    expect(placeReferenceLabels([0, 145])).toEqual(['below', 'above']);
    expect(placeReferenceLabels([])).toEqual([]);
  });
});

const position: ReservesPosition = {
  actualYear: 2017,
  source: 'Table 5',
  reserves: [
    {
      key: 'general-reserve',
      label: 'General Reserve',
      group: 'general',
      opening: k(7198),
      added: ZERO,
      used: ZERO,
      closing: k(7198),
    },
  ],
};
const budget = k(130959);
const plan = (drawdown: number) =>
  projectMtfs(
    position,
    {
      firstYear: 2018,
      horizonYears: 4,
      netRevenueBudget: [2018, 2019, 2020, 2021].map((year) => ({ year, amount: budget })),
      generalReserveFloorPercent: new Money(3),
      movements: [2018, 2019, 2020, 2021].map((year) => ({
        reserveKey: 'general-reserve',
        year,
        contribution: ZERO,
        drawdown: k(drawdown),
      })),
    },
    budget,
  );

describe('the general reserve’s share, stopped where it runs out', () => {
  // £2m a year: 5,198 (3.9692%); 3,198 (2.4420%); 1,198 (0.9148%); (802) in 2021/22: runs out.
  const p = plan(2000);

  it('draws the share to 2020/21 and nothing from 2021/22 (not a line running on below nil)', () => {
    expect(toGeneralReserveSeries(p)).toEqual([
      { label: '2017/18 (actual)', percent: 5.4964 },
      { label: '2018/19', percent: 3.9692 },
      { label: '2019/20', percent: 2.442 },
      { label: '2020/21', percent: 0.9148 },
      { label: '2021/22', percent: undefined },
    ]);
    expect(toRunOutMarkers(p.generalRunsOut)).toEqual([{ x: '2021/22', label: 'Runs out 2021/22' }]);
  });

  it('compares two plans, each line stopping at its own run-out', () => {
    // £1m a year: 6,198 (4.7328%); 5,198; 4,198 (3.2056%); 3,198 (2.4420%): never runs out.
    const series = toCompareShareSeries(p, plan(1000));
    expect(series.map((s) => [s.label, s.a, s.b])).toEqual([
      ['2018/19', 3.9692, 4.7328],
      ['2019/20', 2.442, 3.9692],
      ['2020/21', 0.9148, 3.2056],
      ['2021/22', undefined, 2.442],
    ]);
  });

  it('draws the reserve’s balance in £000 through nil, so the overdraft shows below the zero line', () => {
    const general = p.reserves[0]!;
    expect(toReserveBalanceSeries(general, 2017).map((s) => s.balance)).toEqual([7198, 5198, 3198, 1198, -802]);
  });

  it('names the reference lines briefly, and gives A and B a floor each only when they differ', () => {
    expect(toShareReferences(new Money(3))).toEqual([
      { y: 5, label: '5% line' },
      { y: 3, label: 'Floor 3%' },
    ]);
    expect(toCompareFloors(k(145), k(145), 'pounds')).toEqual([{ y: 145, label: 'Floor £145k' }]);
    expect(toCompareFloors(new Money(3), new Money('2.5'), 'percent')).toEqual([
      { y: 3, label: "A's floor 3%" },
      { y: 2.5, label: "B's floor 2.5%" },
    ]);
  });
});

describe('fillAcross', () => {
  const form: MtfsForm = {
    firstYear: 2019,
    horizon: 10,
    floorPercent: '3',
    nrb: {},
    movements: { [movementKey('general-reserve', 2019)]: { contribution: '5', drawdown: '' } },
  };

  it('puts £2m a year into every drawdown from 2019/20 to 2028/29 in one action, keeping the contribution', () => {
    const filled = fillAcross(form, 'general-reserve', 'out', '2,000', 2019, 2028);
    for (let year = 2019; year <= 2028; year++)
      expect(filled.movements[movementKey('general-reserve', year)]?.drawdown).toBe('2,000');
    expect(filled.movements[movementKey('general-reserve', 2019)]?.contribution).toBe('5');
    expect(Object.keys(filled.movements)).toHaveLength(10);
  });

  it('takes the years in either order and leaves the others alone', () => {
    const filled = fillAcross(form, 'general-reserve', 'in', '50', 2023, 2021);
    expect(
      [2020, 2021, 2022, 2023, 2024].map((y) => filled.movements[movementKey('general-reserve', y)]?.contribution),
    ).toEqual([undefined, '50', '50', '50', undefined]);
  });
});
