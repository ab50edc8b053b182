// The Road Casualty Reduction & Support Reserve model against the BCB paper of 4 April 2019 (agenda
// item 10). Every expected balance below is worked by hand from the paper's figures, in £'000:
//   opening 1,582 (Table 5, 31 March 2018); 2018/19: 244 yet to be applied;
//   2019/20: cameras 730 + speed indication devices 100 (earmarked) + Speedwatch 60 (earmarked)
//            + officer 55 + Road Victims Trust 60 + Road Safety Partnership 30 = 1,035 (875 without earmarked);
//   2020/21 onwards: the recurrent items only, 55 + 60 + 30 = 145 a year.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, ZERO } from '../../../../src/domain/core/money';
import { fromThousands, thousands } from '../../../../src/domain/core/units';
import {
  DEFAULT_FLOOR,
  paperRoadCasualtyInput,
  TABLE_5_CLOSING_2017_18,
} from '../../../../src/domain/papers/paper-2019-road-casualty';
import {
  paidIn,
  paperWorking,
  projectCase,
  projectRoadCasualtyReserve,
  yearlyInflow,
  type CaseId,
  type Commitment,
  type RoadCasualtyInput,
} from '../../../../src/domain/reserves/road-casualty-reserve';

const k = (t: number | string): Money => fromThousands(thousands(t));
const inThousands = (values: readonly Money[]): string[] => values.map((v) => v.dividedBy(1000).toString());

describe('the paper’s case (BCB 4 April 2019, para 4.3-4.6)', () => {
  const input = paperRoadCasualtyInput();

  it('opens at Table 5’s closing balance for 2017/18, £1,582k', () => {
    expect(TABLE_5_CLOSING_2017_18.toString()).toBe('1582000');
    expect(input.openingBalance.eq(k(1582))).toBe(true);
    expect(input.firstYear).toBe(2018);
    expect(input.horizonYears).toBe(5);
  });

  it('reproduces the paper’s "approx £300k" left after 2019/20: 1,582 - 244 - 1,035 = 303', () => {
    const w = paperWorking(input, 2019);
    expect(w.toApply.eq(k(244))).toBe(true);
    // 730 + 100 + 60 + 55 + 60 + 30 = 1,035: "totalling just over £1m" (para 4.5).
    expect(w.itemsTotal.eq(k(1035))).toBe(true);
    expect(w.items).toHaveLength(6);
    expect(w.remainder.eq(k(303))).toBe(true);
  });

  it.each<{ caseId: CaseId; earmarked: boolean; closing: number[]; floor: number | null; zero: number | null }>([
    // No new inflow: 1,582 - 244 = 1,338; - 1,035 = 303; - 145 = 158; - 145 = 13; - 145 = (132).
    // 13 < 145 is the first below the floor (2021/22); (132) the first below zero (2022/23).
    { caseId: 'none', earmarked: true, closing: [1338, 303, 158, 13, -132], floor: 2021, zero: 2022 },
    // Without the 160 earmarked: 1,338; 1,338 - 875 = 463; 318; 173; 28 (below 145 in 2022/23, never below zero).
    { caseId: 'none', earmarked: false, closing: [1338, 463, 318, 173, 28], floor: 2022, zero: null },
    // Low, 172 a year: 1,582 + 172 - 244 = 1,510; + 172 - 1,035 = 647; + 172 - 145 = 674; 701; 728.
    { caseId: 'low', earmarked: true, closing: [1510, 647, 674, 701, 728], floor: null, zero: null },
    // 1,510 + 172 - 875 = 807; + 27 a year after.
    { caseId: 'low', earmarked: false, closing: [1510, 807, 834, 861, 888], floor: null, zero: null },
    // Central, 350 a year: 1,582 + 350 - 244 = 1,688; + 350 - 1,035 = 1,003; + 205 a year: 1,208; 1,413; 1,618.
    { caseId: 'central', earmarked: true, closing: [1688, 1003, 1208, 1413, 1618], floor: null, zero: null },
    { caseId: 'central', earmarked: false, closing: [1688, 1163, 1368, 1573, 1778], floor: null, zero: null },
    // High, 500 a year: 1,582 + 500 - 244 = 1,838; + 500 - 1,035 = 1,303; + 355 a year: 1,658; 2,013; 2,368.
    { caseId: 'high', earmarked: true, closing: [1838, 1303, 1658, 2013, 2368], floor: null, zero: null },
    { caseId: 'high', earmarked: false, closing: [1838, 1463, 1818, 2173, 2528], floor: null, zero: null },
  ])('$caseId case, earmarked included: $earmarked', ({ caseId, earmarked, closing, floor, zero }) => {
    const p = projectCase(input, caseId, earmarked);
    expect(p.years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(inThousands(p.years.map((y) => y.closing))).toEqual(closing.map(String));
    expect(p.firstBelowFloor).toBe(floor);
    expect(p.firstBelowZero).toBe(zero);
  });

  it('names every outflow of 2019/20 in the working of each year', () => {
    const p = projectCase(input, 'low', true);
    const y2019 = p.years[1]!;
    expect(y2019.outflows.map((o) => o.key)).toEqual([
      'cameras',
      'speed-indication-devices',
      'speedwatch-equipment',
      'casualty-reduction-officer',
      'road-victims-trust',
      'road-safety-partnership',
    ]);
    expect(y2019.outflow.eq(k(1035))).toBe(true);
    expect(y2019.inflow.eq(k(172))).toBe(true);
    expect(p.years[0]!.outflows.map((o) => o.key)).toEqual(['to-apply']);
  });

  it('says what could still be paid for above the floor: the lowest balance less the floor', () => {
    // Low case: lowest closing 647 (2019/20); 647 - 145 = 502.
    const low = projectCase(input, 'low', true);
    expect(low.lowest).toEqual({ year: 2019, closing: k(647) });
    expect(low.headroom.eq(k(502))).toBe(true);
    // No inflow: it goes below the floor, so there is no headroom.
    expect(projectCase(input, 'none', true).headroom.eq(ZERO)).toBe(true);
  });

  it('projects all four cases, each with and without the earmarked items', () => {
    const all = projectRoadCasualtyReserve(input);
    expect(all.map((p) => `${p.caseId}/${p.includeEarmarked}`)).toEqual([
      'none/true',
      'none/false',
      'low/true',
      'low/false',
      'central/true',
      'central/false',
      'high/true',
      'high/false',
    ]);
  });

  it('uses one year of the recurrent commitments as the default floor: 55 + 60 + 30 = 145', () => {
    expect(DEFAULT_FLOOR.eq(k(145))).toBe(true);
  });
});

describe('inflows', () => {
  it('builds an inflow from the CTC unit surplus times the NRE share', () => {
    // £1,250,000 x 34.4% = £430,000; an odd share stays exact: £1,000,000 x 33.3333% = £333,333.
    expect(
      yearlyInflow({
        kind: 'ctc-share',
        ctcSurplus: new Money('1250000'),
        nreSharePercent: new Money('34.4'),
      }).toString(),
    ).toBe('430000');
    expect(
      yearlyInflow({
        kind: 'ctc-share',
        ctcSurplus: new Money('1000000'),
        nreSharePercent: new Money('33.3333'),
      }).toString(),
    ).toBe('333333');
  });

  it('takes a year’s own inflow over the yearly amount', () => {
    // Low case with 2018/19 at 0 instead of 172: 1,582 - 244 = 1,338; then 1,338 + 172 - 1,035 = 475.
    const base = paperRoadCasualtyInput();
    const input: RoadCasualtyInput = {
      ...base,
      inflowCases: { ...base.inflowCases, low: { ...base.inflowCases.low, overrides: [{ year: 2018, amount: ZERO }] } },
    };
    expect(
      inThousands(
        projectCase(input, 'low', true)
          .years.slice(0, 2)
          .map((y) => y.closing),
      ),
    ).toEqual(['1338', '475']);
  });

  it('moves the exhaustion year when the inflow changes', () => {
    // Low case at 100 a year: 1,438; 1,438 + 100 - 1,035 = 503; 458; 413; 368: never below 145.
    // With a floor of 450: 413 < 450 in 2021/22.
    const base = paperRoadCasualtyInput();
    const input: RoadCasualtyInput = {
      ...base,
      floor: k(450),
      inflowCases: {
        ...base.inflowCases,
        low: { id: 'low', source: { kind: 'direct', amount: k(100) }, overrides: [] },
      },
    };
    const p = projectCase(input, 'low', true);
    expect(inThousands(p.years.map((y) => y.closing))).toEqual(['1438', '503', '458', '413', '368']);
    expect(p.firstBelowFloor).toBe(2021);
  });
});

describe('commitments', () => {
  const item = (over: Partial<Commitment>): Commitment => ({
    id: 'x',
    label: 'x',
    amount: k(10),
    status: 'committed',
    kind: 'recurrent-revenue',
    firstYear: 2019,
    years: null,
    ...over,
  });

  it.each([
    // A one-off item is paid once, in its first year, whatever its number of years says.
    { c: item({ kind: 'one-off-capital', years: 3 }), paid: [false, true, false, false, false] },
    // Recurrent for two years: 2019/20 and 2020/21.
    { c: item({ years: 2 }), paid: [false, true, true, false, false] },
    // Recurrent with no end: every year from its first.
    { c: item({ years: null }), paid: [false, true, true, true, true] },
  ])('$c.kind for $c.years years', ({ c, paid }) => {
    expect([2018, 2019, 2020, 2021, 2022].map((y) => paidIn(c, y))).toEqual(paid);
  });

  it('stops a recurrent item after its number of years', () => {
    // Officer for 2 years only (2019/20, 2020/21): no inflow, with earmarked:
    // 1,338; 303; 303 - 145 = 158; 158 - 90 = 68; 68 - 90 = (22).
    const base = paperRoadCasualtyInput();
    const input: RoadCasualtyInput = {
      ...base,
      commitments: base.commitments.map((c) => (c.id === 'casualty-reduction-officer' ? { ...c, years: 2 } : c)),
    };
    expect(inThousands(projectCase(input, 'none', true).years.map((y) => y.closing))).toEqual([
      '1338',
      '303',
      '158',
      '68',
      '-22',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------

// Amounts in pence (exact), up to £10m, turned into pounds as Money.
const pounds = (max = 1_000_000_000) => fc.integer({ min: 0, max }).map((pence) => new Money(pence).dividedBy(100));
const FIRST = 2018;

const commitmentArb = fc.record({
  id: fc.uuid(),
  label: fc.string({ maxLength: 10 }),
  amount: pounds(),
  status: fc.constantFrom<Commitment['status']>('committed', 'earmarked'),
  kind: fc.constantFrom<Commitment['kind']>('one-off-capital', 'recurrent-revenue'),
  firstYear: fc.integer({ min: FIRST - 1, max: FIRST + 8 }),
  years: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
});

const sourceArb = fc.oneof(
  pounds().map((amount) => ({ kind: 'direct' as const, amount })),
  fc
    .record({
      ctcSurplus: pounds(),
      nreSharePercent: fc.integer({ min: 0, max: 10_000 }).map((bp) => new Money(bp).dividedBy(100)),
    })
    .map((r) => ({ kind: 'ctc-share' as const, ...r })),
);
const caseArb = (id: 'low' | 'central' | 'high') =>
  fc.record({
    id: fc.constant(id),
    source: sourceArb,
    overrides: fc.array(fc.record({ year: fc.integer({ min: FIRST, max: FIRST + 9 }), amount: pounds() }), {
      maxLength: 3,
    }),
  });

const inputArb: fc.Arbitrary<RoadCasualtyInput> = fc.record({
  openingBalance: fc.integer({ min: -100_000_000, max: 1_000_000_000 }).map((p) => new Money(p).dividedBy(100)),
  firstYear: fc.constant(FIRST),
  horizonYears: fc.integer({ min: 1, max: 10 }),
  toApply: fc.record({ amount: pounds(), year: fc.integer({ min: FIRST, max: FIRST + 3 }) }),
  inflowCases: fc.record({ low: caseArb('low'), central: caseArb('central'), high: caseArb('high') }),
  commitments: fc.array(commitmentArb, { maxLength: 8 }),
  floor: pounds(),
});

describe('properties of the projection', () => {
  it('obeys closing = opening + inflow - outflows every year, exactly, and carries each closing forward', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const p of projectRoadCasualtyReserve(input)) {
          expect(p.years).toHaveLength(input.horizonYears);
          let opening = input.openingBalance;
          for (const y of p.years) {
            expect(y.opening.eq(opening)).toBe(true);
            const outflows = y.outflows.reduce((t, m) => t.plus(m.amount), ZERO);
            const inflows = y.inflows.reduce((t, m) => t.plus(m.amount), ZERO);
            expect(y.outflow.eq(outflows)).toBe(true);
            expect(y.inflow.eq(inflows)).toBe(true);
            expect(y.closing.eq(y.opening.plus(inflows).minus(outflows))).toBe(true);
            opening = y.closing;
          }
        }
      }),
    );
  });

  it('never raises any balance when a commitment is added, and leaves the years before it alone', () => {
    fc.assert(
      fc.property(inputArb, commitmentArb, (input, extra) => {
        const before = projectRoadCasualtyReserve(input);
        const after = projectRoadCasualtyReserve({ ...input, commitments: [...input.commitments, extra] });
        before.forEach((p, i) => {
          const q = after[i]!;
          p.years.forEach((y, j) => {
            const z = q.years[j]!;
            expect(z.closing.lte(y.closing)).toBe(true);
            if (y.year < extra.firstYear) expect(z.closing.eq(y.closing)).toBe(true);
          });
          // So the reserve can only cross the floor and zero sooner (or as soon), never later.
          if (p.firstBelowFloor !== null) expect(q.firstBelowFloor).not.toBeNull();
          if (p.firstBelowFloor !== null) expect(q.firstBelowFloor!).toBeLessThanOrEqual(p.firstBelowFloor);
        });
      }),
    );
  });

  it('never leaves more with the earmarked items than without them', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const all = projectRoadCasualtyReserve(input);
        for (let i = 0; i < all.length; i += 2) {
          const withEarmarked = all[i]!;
          const without = all[i + 1]!;
          withEarmarked.years.forEach((y, j) => expect(y.closing.lte(without.years[j]!.closing)).toBe(true));
        }
      }),
    );
  });
});
