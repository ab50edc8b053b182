// The one-sentence answers at the top of the Projections page. The figures are the papers': the Road Casualty
// cases of BCB 4 April 2019 (para 4.3-4.6, worked by hand in road-casualty-reserve.test.ts) and Table 5's
// reserves against Table 1's net revenue budget of £130,959k (BCB 19 July 2018).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toNetRevenueBudget, toReservesPosition } from '../../../../src/api/planner-inputs';
import { Money, ZERO } from '../../../../src/domain/core/money';
import { fromThousands, thousands } from '../../../../src/domain/core/units';
import { paperRoadCasualtyInput } from '../../../../src/domain/papers/paper-2019-road-casualty';
import { projectMtfs, type PlannedMovement } from '../../../../src/domain/reserves/mtfs-planner';
import { mtfsInShort, roadCasualtyInShort } from '../../../../src/domain/reserves/projections-in-short';
import { projectRoadCasualtyReserve } from '../../../../src/domain/reserves/road-casualty-reserve';
import { readPrintedTable } from '../../../../src/import/printed-table';

const k = (t: number | string): Money => fromThousands(thousands(t));
const read = (file: string) =>
  readPrintedTable(file, readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'data', file), 'utf8'));

describe('the Road Casualty Reserve in one sentence', () => {
  it('the paper’s case: no new inflow crosses the £145k floor in 2021/22 and zero in 2022/23; the rest last', () => {
    const input = paperRoadCasualtyInput();
    expect(roadCasualtyInShort(projectRoadCasualtyReserve(input), input.floor)).toBe(
      'Road Casualty Reserve, counting the earmarked items, against a £145k floor: with no new inflow it falls below ' +
        'the floor in 2021/22 and below zero in 2022/23; in the low, central and high cases it stays at or above the ' +
        'floor to 2022/23.',
    );
  });

  it('every case lasting is said once, no new inflow included', () => {
    // A nil floor: no new inflow ends at (132) in 2022/23, below nil. With the 303 left after 2019/20 and nothing
    // committed after, every case stays at or above nil.
    const input = { ...paperRoadCasualtyInput(), floor: ZERO, commitments: [] };
    expect(roadCasualtyInShort(projectRoadCasualtyReserve(input), ZERO)).toBe(
      'Road Casualty Reserve, counting the earmarked items, against a £0k floor: it stays at or above the floor to ' +
        '2022/23 in every case, even with no new inflow.',
    );
  });
});

describe('the MTFS plan in one sentence', () => {
  const position = toReservesPosition(read('table-5-reserves.csv'));
  const budget = toNetRevenueBudget(read('table-1-revenue-outturn.csv'));
  const years = [2018, 2019, 2020, 2021];
  const plan = (movements: PlannedMovement[], withBudget = true) =>
    projectMtfs(
      position,
      {
        firstYear: 2018,
        horizonYears: 4,
        netRevenueBudget: withBudget ? years.map((year) => ({ year, amount: budget })) : [],
        generalReserveFloorPercent: new Money(3),
        movements,
      },
      budget,
    );

  it('nothing planned: all 13 reserves last; the general reserve 7,198 / 130,959 = 5.4964%, above the 3% floor', () => {
    expect(mtfsInShort(plan([]), new Money(3))).toBe(
      'MTFS plan, 2018/19 to 2021/22: all 13 reserves last to 2021/22; the general reserve stays at or above the 3% ' +
        'policy floor (5.50% of the net revenue budget in 2021/22).',
    );
  });

  it('£2m a year drawn: 5,198; 3,198 (2.44%, below 3% in 2019/20); 1,198; (802): runs out in 2021/22', () => {
    const draw = years.map((year) => ({
      reserveKey: 'general-reserve',
      year,
      contribution: ZERO,
      drawdown: k(2000),
    }));
    expect(mtfsInShort(plan(draw), new Money(3))).toBe(
      'MTFS plan, 2018/19 to 2021/22: General Reserve runs out in 2021/22 (the other 12 last to 2021/22); the general ' +
        'reserve falls below the 3% policy floor in 2019/20.',
    );
  });

  it('without a budget for the planned years, says the share is not worked out', () => {
    expect(mtfsInShort(plan([], false), new Money(3))).toMatch(
      /: all 13 reserves last to 2021\/22; no net revenue budget is given, so the general reserve’s share of it is not worked out\.$/,
    );
  });
});
