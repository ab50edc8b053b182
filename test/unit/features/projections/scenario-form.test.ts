// The inputs as typed (£'000 text) to model inputs (pounds, exact) and back; every unreadable field is
// reported by its id. Also the words and chart series drawn from the projections.
import { describe, expect, it } from 'vitest';
import { Money, ZERO } from '../../../../src/domain/core/money';
import { fromThousands, thousands } from '../../../../src/domain/core/units';
import type { ReservesPosition } from '../../../../src/domain/reserves/mtfs-planner';
import { projectMtfs } from '../../../../src/domain/reserves/mtfs-planner';
import { describeGeneralReserve } from '../../../../src/domain/reserves/mtfs-summary';
import { paperRoadCasualtyInput } from '../../../../src/domain/papers/paper-2019-road-casualty';
import { projectCase, projectRoadCasualtyReserve } from '../../../../src/domain/reserves/road-casualty-reserve';
import { describeCase, describeCases, formatK } from '../../../../src/domain/reserves/road-casualty-summary';
import { scenarioToJson } from '../../../../src/domain/scenarios/scenario';
import {
  defaultInputs,
  fieldId,
  formFromInputs,
  parseMtfsForm,
  parseRoadCasualtyForm,
  thousandsText,
} from '../../../../src/features/projections/scenario-form';
import {
  toGeneralReserveSeries,
  toCompareBalanceSeries,
  toShareReferences,
} from '../../../../src/features/projections/to-chart-mtfs';
import { toRoadCasualtySeries } from '../../../../src/features/projections/to-chart-road-casualty';

const k = (t: number | string): Money => fromThousands(thousands(t));
const position: ReservesPosition = {
  actualYear: 2017,
  source: 'Table 5',
  reserves: [
    {
      key: 'road-casualty-reduction-and-support-fund',
      label: 'Road Casualty Reduction & Support Fund',
      group: 'earmarked',
      opening: k(1348),
      added: k(402),
      used: k(168),
      closing: k(1582),
    },
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
const defaults = defaultInputs(position, k(130959));
const form = formFromInputs(defaults);

describe('the default inputs', () => {
  it('open the Road Casualty model at the fund’s closing balance in the position, and plan 2018/19-2021/22', () => {
    expect(defaults.roadCasualty.openingBalance.eq(k(1582))).toBe(true);
    expect(defaults.roadCasualty.firstYear).toBe(2018);
    expect(defaults.mtfs.firstYear).toBe(2018);
    expect(defaults.mtfs.netRevenueBudget.map((b) => [b.year, b.amount.toString()])).toEqual([
      [2018, '130959000'],
      [2019, '130959000'],
      [2020, '130959000'],
      [2021, '130959000'],
    ]);
    expect(defaults.mtfs.generalReserveFloorPercent.toString()).toBe('3');
  });

  it('show as £000 text with separators, exactly', () => {
    expect(form.roadCasualty.opening).toBe('1,582');
    expect(form.roadCasualty.commitments.map((c) => [c.label, c.amount, c.years])).toEqual([
      ['24 cameras', '730', ''],
      ['Speed indication devices (up to)', '100', ''],
      ['Speedwatch equipment', '60', ''],
      ['Casualty Reduction Officer', '55', ''],
      ['Road Victims Trust grant', '60', ''],
      ['Cambridgeshire & Peterborough Road Safety Partnership grant', '30', ''],
    ]);
    expect(thousandsText(new Money('99500'))).toBe('99.5');
    expect(thousandsText(new Money('-1234567'))).toBe('-1,234.567');
  });

  it('read back to the same inputs', () => {
    const rc = parseRoadCasualtyForm(form.roadCasualty);
    const mtfs = parseMtfsForm(form.mtfs, position.reserves);
    expect(rc.ok && mtfs.ok).toBe(true);
    if (rc.ok && mtfs.ok) {
      const again = { id: 'x', name: 'x', savedAt: '', inputs: { roadCasualty: rc.value, mtfs: mtfs.value } };
      expect(JSON.stringify(scenarioToJson(again))).toBe(
        JSON.stringify(scenarioToJson({ ...again, inputs: defaults })),
      );
    }
  });
});

describe('reading the typed inputs', () => {
  it.each([
    {
      patch: { opening: '' },
      field: fieldId.opening,
      message: "Opening balance: enter an amount in £'000 (0 for none)",
    },
    { patch: { toApply: '-5' }, field: fieldId.toApply, message: 'Expenditure yet to be applied: cannot be negative' },
    { patch: { floor: '1,23' }, field: fieldId.floor, message: 'Floor: "1,23" uses separators' },
  ])('reports $field', ({ patch, field, message }) => {
    const r = parseRoadCasualtyForm({ ...form.roadCasualty, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]!.field).toBe(field);
      expect(r.issues[0]!.message).toContain(message);
    }
  });

  it('allows a negative opening balance (an overdrawn reserve) and a floor below zero', () => {
    const r = parseRoadCasualtyForm({ ...form.roadCasualty, opening: '(50)', floor: '-10' });
    expect(r.ok && [r.value.openingBalance.toString(), r.value.floor.toString()]).toEqual(['-50000', '-10000']);
  });

  it('builds a CTC inflow from surplus and share, and reports a missing share', () => {
    const cases = {
      ...form.roadCasualty.cases,
      low: { ...form.roadCasualty.cases.low, mode: 'ctc' as const, ctcSurplus: '1,250', nreShare: '34.4' },
    };
    const r = parseRoadCasualtyForm({ ...form.roadCasualty, cases });
    // £1,250k x 34.4% = £430k.
    expect(r.ok && r.value.inflowCases.low.source).toEqual({
      kind: 'ctc-share',
      ctcSurplus: k(1250),
      nreSharePercent: new Money('34.4'),
    });
    const bad = parseRoadCasualtyForm({
      ...form.roadCasualty,
      cases: { ...cases, low: { ...cases.low, nreShare: '' } },
    });
    expect(!bad.ok && bad.issues.map((i) => i.field)).toEqual([fieldId.caseShare('low')]);
  });

  it('takes a year’s inflow where one is typed, and ignores blank years', () => {
    const cases = {
      ...form.roadCasualty.cases,
      low: { ...form.roadCasualty.cases.low, overrides: { '2018': '0', '2019': ' ' } },
    };
    const r = parseRoadCasualtyForm({ ...form.roadCasualty, cases });
    expect(r.ok && r.value.inflowCases.low.overrides).toEqual([{ year: 2018, amount: ZERO }]);
  });

  it('reads a recurrent item’s years and refuses a bad one', () => {
    const withYears = form.roadCasualty.commitments.map((c) =>
      c.id === 'road-victims-trust' ? { ...c, years: '3' } : c,
    );
    const ok = parseRoadCasualtyForm({ ...form.roadCasualty, commitments: withYears });
    expect(ok.ok && ok.value.commitments.find((c) => c.id === 'road-victims-trust')!.years).toBe(3);
    const bad = parseRoadCasualtyForm({
      ...form.roadCasualty,
      commitments: withYears.map((c) => (c.id === 'road-victims-trust' ? { ...c, years: '2.5' } : c)),
    });
    expect(!bad.ok && bad.issues.map((i) => i.field)).toEqual([fieldId.commitment('road-victims-trust', 'years')]);
  });

  it('reads planned movements (blank = none) and the floor, reporting bad cells by id', () => {
    const movements = {
      'general-reserve|2019': { contribution: '', drawdown: '2,000' },
      'general-reserve|2020': { contribution: 'x', drawdown: '' },
    };
    const bad = parseMtfsForm({ ...form.mtfs, movements }, position.reserves);
    expect(!bad.ok && bad.issues.map((i) => i.field)).toEqual([fieldId.movement('general-reserve', 2020, 'in')]);
    const ok = parseMtfsForm(
      { ...form.mtfs, movements: { 'general-reserve|2019': { contribution: '', drawdown: '2,000' } } },
      position.reserves,
    );
    expect(ok.ok && ok.value.movements).toEqual([
      { reserveKey: 'general-reserve', year: 2019, contribution: ZERO, drawdown: k(2000) },
    ]);
    const floor = parseMtfsForm({ ...form.mtfs, floorPercent: '150' }, position.reserves);
    expect(!floor.ok && floor.issues[0]!.message).toContain('more than 100%');
  });
});

describe('the projection in words', () => {
  const input = paperRoadCasualtyInput();
  it.each([
    {
      id: 'none' as const,
      earmarked: true,
      words:
        'With no new inflow the balance falls below the £145k floor in 2021/22 and below zero in 2022/23, ending at (£132k).',
    },
    {
      id: 'none' as const,
      earmarked: false,
      words:
        'With no new inflow the balance falls below the £145k floor in 2022/23 but stays above zero to 2022/23, ending at £28k.',
    },
    {
      id: 'low' as const,
      earmarked: true,
      words:
        'In the low case the balance stays at or above the £145k floor to 2022/23 (lowest £647k, 2019/20), ending at £728k.',
    },
  ])('$id, earmarked $earmarked', ({ id, earmarked, words }) => {
    expect(describeCase(projectCase(input, id, earmarked), input.floor)).toBe(words);
  });

  it('says when floor and zero are crossed in the same year', () => {
    // Floor 0: the no-inflow case crosses both in 2022/23.
    const p = projectCase({ ...input, floor: ZERO }, 'none', true);
    expect(describeCase(p, ZERO)).toBe(
      'With no new inflow the balance falls below the £0k floor and below zero in 2022/23, ending at (£132k).',
    );
  });

  it('leads with which items are counted', () => {
    expect(describeCases(projectRoadCasualtyReserve(input), input.floor, false)).toMatch(
      /^Leaving out the earmarked items\. With no new inflow/,
    );
  });

  it('brackets a negative ending, never a minus', () => {
    const p = projectCase(input, 'none', true);
    expect(describeCase(p, input.floor)).toMatch(/ending at \(£132k\)\.$/);
    expect(describeCases(projectRoadCasualtyReserve(input), input.floor, true)).not.toMatch(/-£/);
  });

  it('formats £k half away from zero', () => {
    expect([formatK(new Money('1582000')), formatK(new Money('-131500')), formatK(new Money('499'))]).toEqual([
      '£1,582k',
      '(£132k)',
      '£0k',
    ]);
  });

  it('describes the general reserve against the floor and the 5% line', () => {
    const p = projectMtfs(position, defaults.mtfs, k(130959));
    // 7,198 / 130,959 = 5.4964% -> 5.50%.
    expect(describeGeneralReserve(p, new Money(3))).toBe(
      'The general reserve was 5.50% of the net revenue budget in 2017/18, above the 5% line, where the Home Office expects a justification. ' +
        'On this plan it stays at or above the 3% policy floor to 2021/22, ending at 5.50%. It is above 5% in 2018/19, 2019/20, 2020/21, 2021/22. It does not run out by 2021/22.',
    );
    // Draw 4,000 in 2019/20: 3,198 / 130,959 = 2.442% -> 2.44%.
    const drawn = projectMtfs(
      position,
      {
        ...defaults.mtfs,
        movements: [{ reserveKey: 'general-reserve', year: 2019, contribution: ZERO, drawdown: k(4000) }],
      },
      k(130959),
    );
    expect(describeGeneralReserve(drawn, new Money(3))).toContain('falls below the 3% policy floor in 2019/20 (2.44%)');
  });
});

describe('chart series (numbers for drawing only)', () => {
  const input = paperRoadCasualtyInput();
  it('draws the opening and each year’s closing balance per case, in £000', () => {
    const points = toRoadCasualtySeries(projectRoadCasualtyReserve(input), true, input.openingBalance);
    expect(points.map((p) => p.label)).toEqual(['Opening', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23']);
    expect(points[0]).toEqual({ label: 'Opening', none: 1582, low: 1582, central: 1582, high: 1582 });
    expect(points[2]).toEqual({ label: '2019/20', none: 303, low: 647, central: 1003, high: 1303 });
  });

  it('draws the general reserve share and its reference lines', () => {
    const p = projectMtfs(position, defaults.mtfs, k(130959));
    expect(toGeneralReserveSeries(p)[0]).toEqual({ label: '2017/18 (actual)', percent: 5.4964 });
    expect(toShareReferences(new Money('3')).map((r) => r.y)).toEqual([5, 3]);
  });

  it('matches two scenarios by year', () => {
    const a = projectCase(input, 'low', true);
    const b = projectCase({ ...input, horizonYears: 2 }, 'low', true);
    expect(toCompareBalanceSeries(a, b).slice(1, 3)).toEqual([
      { label: '2019/20', a: 647, b: 647 },
      { label: '2020/21', a: 674, b: undefined },
    ]);
  });
});

describe('the defaults of a year', () => {
  it('are the April 2019 paper’s for 2017/18: its £244k to apply in 2018/19 and its six commitments', () => {
    const rc = defaultInputs(position, k(130959)).roadCasualty;
    expect(rc.openingBalance.toString()).toBe('1582000');
    expect(rc.firstYear).toBe(2018);
    expect(rc.toApply).toEqual({ amount: k(244), year: 2018 });
    expect(rc.commitments).toHaveLength(6);
  });

  it('open any other year at its own closing balance, with nothing to apply and no commitments until added', () => {
    // A 2018/19 position: the fund closes at 1,582 + 350 - 300 = 1,632.
    const later: ReservesPosition = {
      ...position,
      actualYear: 2018,
      reserves: position.reserves.map((r) =>
        r.key === 'road-casualty-reduction-and-support-fund'
          ? { ...r, opening: k(1582), added: k(350), used: k(300), closing: k(1632) }
          : r,
      ),
    };
    const inputs = defaultInputs(later, null);
    expect(inputs.roadCasualty.openingBalance.toString()).toBe('1632000');
    expect(inputs.roadCasualty.firstYear).toBe(2019);
    expect(inputs.roadCasualty.toApply.amount.isZero()).toBe(true);
    expect(inputs.roadCasualty.commitments).toEqual([]);
    expect(inputs.mtfs.firstYear).toBe(2019);
    // No outturn summary for the year: no budget is assumed.
    expect(inputs.mtfs.netRevenueBudget).toEqual([]);
  });
});
