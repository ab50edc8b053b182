// Scenarios: stored as JSON-safe data with amounts as decimal strings and read back exactly (or refused
// with every problem named); compared input by input; exported as one tidy table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, ZERO } from '../../../../src/domain/core/money';
import { fromThousands, thousands } from '../../../../src/domain/core/units';
import type { MtfsInput, ReservesPosition } from '../../../../src/domain/reserves/mtfs-planner';
import { projectMtfs } from '../../../../src/domain/reserves/mtfs-planner';
import { paperRoadCasualtyInput } from '../../../../src/domain/papers/paper-2019-road-casualty';
import { projectRoadCasualtyReserve } from '../../../../src/domain/reserves/road-casualty-reserve';
import {
  compareScenarios,
  exactThousands,
  scenarioEntries,
  scenarioFromJson,
  scenarioToJson,
  startsFromOf,
  type Scenario,
} from '../../../../src/domain/scenarios/scenario';
import { EXPORT_HEADER, scenarioExportRows } from '../../../../src/domain/scenarios/scenario-export';

const k = (t: number | string): Money => fromThousands(thousands(t));
const mtfs: MtfsInput = {
  firstYear: 2018,
  horizonYears: 4,
  netRevenueBudget: [2018, 2019, 2020, 2021].map((year) => ({ year, amount: k(130959) })),
  generalReserveFloorPercent: new Money(3),
  movements: [{ reserveKey: 'general-reserve', year: 2019, contribution: ZERO, drawdown: k(2000) }],
};
const base: Scenario = {
  id: 's1',
  name: 'Paper case',
  savedAt: '2026-11-20T10:00:00.000Z',
  inputs: { roadCasualty: paperRoadCasualtyInput(), mtfs },
};

/** Compares two scenarios by their exact stored form. */
const same = (a: Scenario, b: Scenario) =>
  expect(JSON.stringify(scenarioToJson(a))).toBe(JSON.stringify(scenarioToJson(b)));

describe('stored scenarios', () => {
  it('store money as decimal strings in pounds, never as numbers', () => {
    const roadCasualty = scenarioToJson(base).roadCasualty as {
      openingBalance: unknown;
      commitments: readonly { amount: unknown }[];
    };
    expect(roadCasualty.openingBalance).toBe('1582000');
    expect(roadCasualty.commitments[0]!.amount).toBe('730000');
  });

  it('read back exactly what was stored, through JSON', () => {
    const back = scenarioFromJson(JSON.parse(JSON.stringify(scenarioToJson(base))));
    expect(back.ok).toBe(true);
    if (back.ok) same(back.value, base);
  });

  it('keep fractions of a penny exact', () => {
    const s: Scenario = {
      ...base,
      inputs: {
        ...base.inputs,
        roadCasualty: { ...base.inputs.roadCasualty, floor: new Money('145000.333333333333333') },
      },
    };
    const back = scenarioFromJson(JSON.parse(JSON.stringify(scenarioToJson(s))));
    expect(back.ok && back.value.inputs.roadCasualty.floor.toString()).toBe('145000.333333333333333');
  });

  it('refuse a damaged record, naming every problem', () => {
    const json = scenarioToJson(base);
    const damaged = JSON.parse(JSON.stringify(json)) as {
      format: number;
      roadCasualty: { openingBalance: unknown; commitments: { status: string; amount: unknown }[] };
    };
    damaged.roadCasualty.openingBalance = 1582000.5; // a float: not accepted
    damaged.roadCasualty.commitments[1]!.status = 'maybe';
    damaged.roadCasualty.commitments[2]!.amount = '-5';
    const r = scenarioFromJson(damaged);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.message)).toEqual([
        'roadCasualty.commitments[1].status: expected one of committed, earmarked',
        'roadCasualty.commitments[2].amount: must not be negative',
        'roadCasualty.openingBalance: expected an amount as a decimal string',
      ]);
    }
  });

  it('refuse something that is not a scenario at all', () => {
    const r = scenarioFromJson('hello');
    expect(r.ok).toBe(false);
  });

  it('record the year they start from (format 2), and read it back', () => {
    const stored = scenarioToJson({ ...base, startsFrom: 2018 });
    expect(stored.format).toBe(2);
    expect(stored.startsFrom).toBe(2018);
    const back = scenarioFromJson(JSON.parse(JSON.stringify(stored)));
    expect(back.ok && back.value.startsFrom).toBe(2018);
  });

  it('read a scenario saved before the year was recorded (format 1) as starting the year before its plan', () => {
    // A format 1 record as version 1 wrote it: no startsFrom; its MTFS plan's first year is 2018/19, so it
    // opened at 2017/18's closing balances.
    const old: Record<string, unknown> = { ...scenarioToJson(base), format: 1 };
    delete old.startsFrom;
    expect('startsFrom' in old).toBe(false);
    const back = scenarioFromJson(JSON.parse(JSON.stringify(old)));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.startsFrom).toBe(2017);
    expect(startsFromOf(back.value)).toBe(2017);
    // Everything else reads as it was stored.
    expect(back.value.inputs.roadCasualty.openingBalance.toString()).toBe('1582000');
    expect(back.value.inputs.mtfs.firstYear).toBe(2018);
  });

  it('refuse a format 2 record without the year it starts from', () => {
    const stored: Record<string, unknown> = scenarioToJson(base);
    delete stored.startsFrom;
    const back = scenarioFromJson(JSON.parse(JSON.stringify(stored)));
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.issues.map((i) => i.path)).toEqual(['scenario.startsFrom']);
  });

  it('round-trip any amounts', () => {
    const amount = fc.integer({ min: 0, max: 10 ** 12 }).map((p) => new Money(p).dividedBy(100));
    fc.assert(
      fc.property(amount, amount, amount, (opening, floor, drawdown) => {
        const s: Scenario = {
          ...base,
          inputs: {
            roadCasualty: { ...base.inputs.roadCasualty, openingBalance: opening, floor },
            mtfs: { ...mtfs, movements: [{ reserveKey: 'general-reserve', year: 2020, contribution: ZERO, drawdown }] },
          },
        };
        const back = scenarioFromJson(JSON.parse(JSON.stringify(scenarioToJson(s))));
        expect(back.ok).toBe(true);
        if (back.ok) same(back.value, s);
      }),
    );
  });
});

describe('comparing scenarios', () => {
  it('lists only the inputs that differ, with both values in £000 unrounded', () => {
    const rc = base.inputs.roadCasualty;
    const b: Scenario['inputs'] = {
      roadCasualty: {
        ...rc,
        inflowCases: {
          ...rc.inflowCases,
          low: { ...rc.inflowCases.low, source: { kind: 'direct', amount: k('100.4') } },
        },
        commitments: rc.commitments.filter((c) => c.id !== 'speedwatch-equipment'),
      },
      mtfs: { ...mtfs, generalReserveFloorPercent: new Money('2.5') },
    };
    const diffs = compareScenarios(base.inputs, b).map((d) => [d.label, d.a, d.b]);
    expect(diffs).toEqual([
      ['Low case inflow: yearly amount', '172', '100.4'],
      // A commitment taken out is one difference, not one per field: the paper's Speedwatch equipment,
      // £60k earmarked, a one-off capital item in 2019/20.
      ['Commitment: Speedwatch equipment', '60, earmarked, one-off capital, in 2019/20', null],
      ['General reserve policy floor', '3%', '2.5%'],
    ]);
  });

  it('shows a commitment that only B has as one difference', () => {
    const rc = base.inputs.roadCasualty;
    const a: Scenario['inputs'] = {
      ...base.inputs,
      roadCasualty: { ...rc, commitments: rc.commitments.filter((c) => c.id !== 'casualty-reduction-officer') },
    };
    // The paper's Casualty Reduction Officer: £55k a year, committed, recurrent revenue from 2019/20 to the end.
    expect(compareScenarios(a, base.inputs).map((d) => [d.label, d.a, d.b])).toEqual([
      [
        'Commitment: Casualty Reduction Officer',
        null,
        '55, committed, recurrent revenue, from 2019/20 to the end of the horizon',
      ],
    ]);
  });

  it('finds no differences between a scenario and its copy', () => {
    const copy = scenarioFromJson(JSON.parse(JSON.stringify(scenarioToJson({ ...base, id: 's2', name: 'Copy' }))));
    expect(copy.ok && compareScenarios(base.inputs, copy.value.inputs)).toEqual([]);
  });

  it('shows £000 exactly, brackets for negatives', () => {
    expect(exactThousands(new Money('730400'))).toBe('730.4');
    expect(exactThousands(new Money('-1035000'))).toBe('(1,035)');
    expect(exactThousands(new Money('1234567.891'))).toBe('1,234.567891');
  });

  it('names every input of the paper case', () => {
    const labels = scenarioEntries(base.inputs).map((e) => e.label);
    expect(labels).toContain('Opening balance (1 April 2018)');
    expect(labels).toContain('Casualty Reduction Officer: years');
    expect(labels).not.toContain('24 cameras: years'); // one-off: paid once, no number of years
  });
});

describe('exporting a scenario', () => {
  const position: ReservesPosition = {
    actualYear: 2017,
    source: 'test',
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
  const rows = scenarioExportRows(
    base,
    projectRoadCasualtyReserve(base.inputs.roadCasualty),
    projectMtfs(position, mtfs, k(130959)),
  );

  it('has six columns in every row', () => {
    expect(EXPORT_HEADER).toHaveLength(6);
    expect(rows.every((r) => r.length === 6)).toBe(true);
  });

  it('carries the projection in exact pounds: no inflow, with earmarked, 2019/20 closes at 303,000', () => {
    expect(rows).toContainEqual([
      'Road Casualty Reserve projection',
      'Balance',
      'No new inflow, with earmarked items',
      '2019/20',
      'closing (£)',
      '303000',
    ]);
    expect(rows).toContainEqual([
      'Road Casualty Reserve projection',
      'First year below zero',
      'No new inflow, with earmarked items',
      '',
      'year',
      '2022/23',
    ]);
    expect(rows).toContainEqual([
      'Road Casualty Reserve projection',
      'First year below zero',
      'Low, with earmarked items',
      '',
      'year',
      'not within the horizon',
    ]);
  });

  it('gives the general reserve share to 6 decimal places: 5,198 / 130,959 = 3.969181%', () => {
    // 5,198 / 130,959 = 0.039691812... -> 3.969181%.
    expect(rows).toContainEqual([
      'MTFS projection',
      'General reserve share of the net revenue budget',
      '',
      '2019/20',
      'percent (6 dp, half away from zero)',
      '3.969181',
    ]);
  });
});
