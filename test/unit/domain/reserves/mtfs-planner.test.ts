// The MTFS reserves planner on the reserves position of Table 5 (BCB 19 July 2018) and Table 1's net
// revenue budget (130,959, £'000). Expected figures are worked by hand from those tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toNetRevenueBudget, toReservesPosition } from '../../../../src/api/planner-inputs';
import { readPrintedTable } from '../../../../src/import/printed-table';
import { Money, ZERO } from '../../../../src/domain/core/money';
import { fromThousands, thousands } from '../../../../src/domain/core/units';
import {
  movementsFromRoadCasualty,
  projectMtfs,
  type MtfsInput,
  type PlannedMovement,
} from '../../../../src/domain/reserves/mtfs-planner';
import { paperRoadCasualtyInput } from '../../../../src/domain/papers/paper-2019-road-casualty';
import { projectCase } from '../../../../src/domain/reserves/road-casualty-reserve';
import { runOutYear, yearsToExhaustion } from '../../../../src/domain/reserves/reserve-projection';
import { describeRunOuts, formatPercent2, describeGeneralReserve } from '../../../../src/domain/reserves/mtfs-summary';

const k = (t: number | string): Money => fromThousands(thousands(t));
const read = (file: string) =>
  readPrintedTable(file, readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'data', file), 'utf8'));
const position = toReservesPosition(read('table-5-reserves.csv'));
const budget = toNetRevenueBudget(read('table-1-revenue-outturn.csv'));
const YEARS = [2018, 2019, 2020, 2021];
const flatBudget = YEARS.map((year) => ({ year, amount: budget }));
const input = (movements: PlannedMovement[] = [], floorPercent = '3'): MtfsInput => ({
  firstYear: 2018,
  horizonYears: 4,
  netRevenueBudget: flatBudget,
  generalReserveFloorPercent: new Money(floorPercent),
  movements,
});

describe('the reserves position read from Table 5', () => {
  it('takes the thirteen reserves, their groups, and usage as a positive drawdown', () => {
    expect(position.actualYear).toBe(2017);
    expect(position.reserves).toHaveLength(13);
    const rc = position.reserves.find((r) => r.key === 'road-casualty-reduction-and-support-fund')!;
    // 1,348 + 402 - 168 = 1,582.
    expect([rc.opening, rc.added, rc.used, rc.closing].map((v) => v!.dividedBy(1000).toString())).toEqual([
      '1348',
      '402',
      '168',
      '1582',
    ]);
    expect(rc.label).toBe('Road Casualty Reduction & Support Fund');
    expect(position.reserves.filter((r) => r.group === 'general').map((r) => r.label)).toEqual(['General Reserve']);
    // Capital Receipts Reserve: usage printed blank, read as nil.
    expect(position.reserves.find((r) => r.key === 'capital-receipts-reserve')!.used.eq(ZERO)).toBe(true);
  });

  it('takes the net revenue budget from Table 1’s TOTAL: 130,959', () => {
    expect(budget.eq(k(130959))).toBe(true);
  });
});

describe('projectMtfs with no movements planned', () => {
  const p = projectMtfs(position, input(), budget);

  it('keeps every balance flat and casts to Table 5’s totals: 17,033 earmarked + 7,198 general = 24,231', () => {
    for (const t of p.totals) {
      expect(t.earmarked.eq(k(17033))).toBe(true);
      expect(t.general.eq(k(7198))).toBe(true);
      expect(t.total.eq(k(24231))).toBe(true);
    }
  });

  it('flags the general reserve above 5%: 7,198 / 130,959 = 5.496%', () => {
    // 130,959 x 5.5% = 7,202.7, a little above 7,198, so the share is just under 5.5% (5.4964%).
    expect(p.baseline.percent!.toDecimalPlaces(4).toString()).toBe('5.4964');
    expect(p.baseline.aboveJustificationLine).toBe(true);
    expect(p.baseline.belowFloor).toBe(false);
    expect(p.general.every((g) => g.aboveJustificationLine)).toBe(true);
  });

  it.each([
    // Budget Assistance: used 4,354, added nil; 4,060 / 4,354 = 0.9325 years: runs out during 2018/19.
    { key: 'budget-assistance-reserve', years: '0.9325', during: 2018 },
    // Capital Reserve: 1,285 / 1,920 = 0.6693: during 2018/19.
    { key: 'capital-reserve', years: '0.6693', during: 2018 },
    // Estate Development: 2,939 / 500 = 5.878: the sixth year, 2023/24.
    { key: 'estate-development-reserve', years: '5.878', during: 2023 },
    // Insurance: 862 / 134 = 6.4328: the seventh year, 2024/25.
    { key: 'insurance-reserve', years: '6.4328', during: 2024 },
    // Carry Forward Revenue: used 1,089, added 1,012, net 77; 1,012 / 77 = 13.1429: the fourteenth year, 2031/32.
    { key: 'carry-forward-revenue-reserve', years: '13.1429', during: 2031 },
    // Collaboration & Commissioning: 260 / 10 = 26 exactly: runs out at the end of the 26th year, 2043/44.
    { key: 'collaboration-and-commissioning-reserve', years: '26', during: 2043 },
    // Grew or did not move in 2017/18: never runs out at that rate.
    { key: 'road-casualty-reduction-and-support-fund', years: null, during: null },
    { key: 'capital-carry-forward-reserve', years: null, during: null },
    { key: 'ict-development-reserve', years: null, during: null },
    { key: 'general-reserve', years: null, during: null },
  ])('$key lasts $years years at its 2017/18 net drawdown', ({ key, years, during }) => {
    const plan = p.reserves.find((r) => r.reserve.key === key)!;
    expect(plan.atLatestRate.years?.toDecimalPlaces(4).toString() ?? null).toBe(years);
    expect(plan.atLatestRate.runsOutDuring).toBe(during);
  });
});

describe('projectMtfs with planned drawdowns', () => {
  it('carries a drawdown of the general reserve and flags the year it falls below the policy floor', () => {
    // Draw 2,000 in 2019/20 and in 2020/21: 7,198; 5,198 (3.97%); 3,198 (2.44%, below 3%); 3,198.
    const draw = (year: number): PlannedMovement => ({
      reserveKey: 'general-reserve',
      year,
      contribution: ZERO,
      drawdown: k(2000),
    });
    const p = projectMtfs(position, input([draw(2019), draw(2020)]), budget);
    expect(p.general.map((g) => g.closing.dividedBy(1000).toString())).toEqual(['7198', '5198', '3198', '3198']);
    expect(p.general.map((g) => g.percent!.toDecimalPlaces(2).toString())).toEqual(['5.5', '3.97', '2.44', '2.44']);
    expect(p.general.map((g) => g.belowFloor)).toEqual([false, false, true, true]);
    expect(p.general.map((g) => g.aboveJustificationLine)).toEqual([true, false, false, false]);
    // Totals fall by the same 2,000 a year: 24,231; 22,231; 20,231.
    expect(p.totals.map((t) => t.total.dividedBy(1000).toString())).toEqual(['24231', '22231', '20231', '20231']);
  });

  it('finds the first planned year a reserve goes below zero', () => {
    // Capital Reserve 1,285 - 1,000 = 285 (2018/19); 285 - 1,000 = (715) in 2019/20.
    const draw = (year: number): PlannedMovement => ({
      reserveKey: 'capital-reserve',
      year,
      contribution: ZERO,
      drawdown: k(1000),
    });
    const p = projectMtfs(position, input([draw(2018), draw(2019)]), budget);
    expect(p.reserves.find((r) => r.reserve.key === 'capital-reserve')!.firstBelowZero).toBe(2019);
  });

  it('has no share for a year with no budget given', () => {
    const p = projectMtfs(position, { ...input(), netRevenueBudget: [] }, null);
    expect(p.baseline.percent).toBeNull();
    expect(p.general.every((g) => g.percent === null && !g.belowFloor && !g.aboveJustificationLine)).toBe(true);
  });

  it('takes the Road Casualty model’s case as the fund’s planned movements', () => {
    // Central case with earmarked: inflow 350 each year; outflows 244, 1,035, 145, 145 (2018/19-2021/22).
    const rc = projectCase(paperRoadCasualtyInput(), 'central', true);
    const moves = movementsFromRoadCasualty(rc, 'road-casualty-reduction-and-support-fund', YEARS);
    expect(
      moves.map((m) => [m.year, m.contribution.dividedBy(1000).toString(), m.drawdown.dividedBy(1000).toString()]),
    ).toEqual([
      [2018, '350', '244'],
      [2019, '350', '1035'],
      [2020, '350', '145'],
      [2021, '350', '145'],
    ]);
    const p = projectMtfs(position, input(moves), budget);
    // The same balances as the model: 1,688; 1,003; 1,208; 1,413.
    const fund = p.reserves.find((r) => r.reserve.key === 'road-casualty-reduction-and-support-fund')!;
    expect(fund.years.map((y) => y.closing.dividedBy(1000).toString())).toEqual(['1688', '1003', '1208', '1413']);
  });
});

describe('when a reserve runs out on the plan', () => {
  const draw = (reserveKey: string, amount: number, years: number[]): PlannedMovement[] =>
    years.map((year) => ({ reserveKey, year, contribution: ZERO, drawdown: k(amount) }));

  it('the general reserve at £2m a year from 2018/19: 5,198; 3,198; 1,198; (802): runs out in 2021/22', () => {
    const p = projectMtfs(position, input(draw('general-reserve', 2000, YEARS)), budget);
    const general = p.reserves.find((r) => r.reserve.key === 'general-reserve')!;
    expect(general.years.map((y) => y.closing.dividedBy(1000).toString())).toEqual(['5198', '3198', '1198', '-802']);
    expect(general.runsOut).toBe(2021);
    expect(p.generalRunsOut).toBe(2021);
    // -802 / 130,959 = -0.6124%: in brackets, as the papers print a negative.
    expect(formatPercent2(p.general[3]!.percent!)).toBe('(0.61%)');
    expect(describeGeneralReserve(p, new Money(3))).toContain('It runs out in 2021/22: (£802k) at 31 March 2022.');
    expect(describeRunOuts(p)).toBe(
      'On this plan one reserve runs out: General Reserve in 2021/22, with (£802k) at 31 March 2022. The other 12 reserves last to 2021/22.',
    );
    // The rest are flat: none runs out.
    expect(p.reserves.filter((r) => r.runsOut !== null).map((r) => r.reserve.key)).toEqual(['general-reserve']);
  });

  it('a reserve used to exactly nil runs out that year; two run-outs are listed earliest first', () => {
    // Capital Reserve 1,285 drawn 1,285 in 2019/20: nil at 31 March 2020. Insurance 862 - 500 - 500 = (138) in 2019/20 too,
    // and Estate Development 2,939 - 3,000 = (61) in 2018/19.
    const p = projectMtfs(
      position,
      input([
        ...draw('capital-reserve', 1285, [2019]),
        ...draw('insurance-reserve', 500, [2018, 2019]),
        ...draw('estate-development-reserve', 3000, [2018]),
      ]),
      budget,
    );
    const of = (key: string) => p.reserves.find((r) => r.reserve.key === key)!.runsOut;
    expect([of('capital-reserve'), of('insurance-reserve'), of('estate-development-reserve')]).toEqual([
      2019, 2019, 2018,
    ]);
    expect(p.generalRunsOut).toBeNull();
    expect(describeRunOuts(p)).toBe(
      'On this plan 3 reserves run out: Estate Development Reserve in 2018/19, with (£61k) at 31 March 2019; ' +
        'Capital Reserve in 2019/20, with £0k at 31 March 2020; and Insurance Reserve in 2019/20, with (£138k) at 31 March 2020. ' +
        'The other 10 reserves last to 2021/22.',
    );
  });

  it.each([
    {
      name: 'never below nil',
      rows: [
        [100, 50],
        [50, 10],
      ],
      out: null,
    },
    {
      name: 'nil from the start, and kept there',
      rows: [
        [0, 0],
        [0, 0],
      ],
      out: null,
    },
    {
      name: 'used to exactly nil',
      rows: [
        [100, 40],
        [40, 0],
      ],
      out: 2019,
    },
    {
      name: 'overdrawn',
      rows: [
        [100, 40],
        [40, -1],
      ],
      out: 2019,
    },
    {
      name: 'overdrawn from nil',
      rows: [
        [0, -5],
        [-5, -10],
      ],
      out: 2018,
    },
  ])('runOutYear: $name', ({ rows, out }) => {
    const years = rows.map(([opening, closing], i) => ({
      year: 2018 + i,
      opening: new Money(opening!),
      closing: new Money(closing!),
    }));
    expect(runOutYear(years)).toBe(out);
  });
});

describe('yearsToExhaustion', () => {
  it.each([
    { balance: 100, rate: 0, years: null, during: null },
    { balance: 100, rate: -5, years: null, during: null },
    { balance: 0, rate: 10, years: '0', during: 2018 },
    { balance: -5, rate: 10, years: '0', during: 2018 },
    { balance: 100, rate: 50, years: '2', during: 2019 },
    { balance: 100, rate: 40, years: '2.5', during: 2020 },
  ])('£$balance at £$rate a year', ({ balance, rate, years, during }) => {
    const e = yearsToExhaustion(new Money(balance), new Money(rate), 2018);
    expect(e.years?.toString() ?? null).toBe(years);
    expect(e.runsOutDuring).toBe(during);
  });
});

describe('properties of the plan', () => {
  const pounds = fc.integer({ min: 0, max: 500_000_000 }).map((p) => new Money(p).dividedBy(100));
  const movementArb = fc.record({
    reserveKey: fc.constantFrom(...position.reserves.map((r) => r.key)),
    year: fc.constantFrom(...YEARS),
    contribution: pounds,
    drawdown: pounds,
  });

  it('obeys closing = opening + contributions - drawdowns for every reserve and year, and totals add up', () => {
    fc.assert(
      fc.property(fc.array(movementArb, { maxLength: 30 }), (movements) => {
        const p = projectMtfs(position, input(movements), budget);
        p.reserves.forEach((plan) => {
          let opening = plan.reserve.closing;
          for (const y of plan.years) {
            const mine = movements.filter((m) => m.reserveKey === plan.reserve.key && m.year === y.year);
            const added = mine.reduce((t, m) => t.plus(m.contribution), ZERO);
            const drawn = mine.reduce((t, m) => t.plus(m.drawdown), ZERO);
            expect(y.opening.eq(opening)).toBe(true);
            expect(y.closing.eq(opening.plus(added).minus(drawn))).toBe(true);
            opening = y.closing;
          }
        });
        p.totals.forEach((t, i) => {
          const all = p.reserves.reduce((s, r) => s.plus(r.years[i]!.closing), ZERO);
          expect(t.total.eq(all)).toBe(true);
        });
      }),
    );
  });
});
