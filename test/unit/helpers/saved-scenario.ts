// A saved scenario as the Reserves page and its projection read it: the paper's road casualty inputs, an MTFS
// plan from the year after `startsFrom`, and General Reserve drawdowns given in £'000. Shared by the unit test of
// the projection and the Reserves page's component test, so that both build the same thing.
import { Money, ZERO } from '../../../src/domain/core/money';
import { fromThousands, thousands } from '../../../src/domain/core/units';
import { paperRoadCasualtyInput } from '../../../src/domain/papers/paper-2019-road-casualty';
import type { PlannedMovement } from '../../../src/domain/reserves/mtfs-planner';
import type { Scenario } from '../../../src/domain/scenarios/scenario';

/** A General Reserve drawdown of `amount` £'000 in the financial year starting in `year`. */
export const generalReserveDrawdown = (year: number, amount: number): PlannedMovement => ({
  reserveKey: 'general-reserve',
  year,
  contribution: ZERO,
  drawdown: fromThousands(thousands(amount)),
});

export function savedScenario(
  id: string,
  savedAt: string,
  startsFrom: number,
  movements: PlannedMovement[],
  horizonYears = 5,
): Scenario {
  return {
    id,
    name: id,
    savedAt,
    startsFrom,
    inputs: {
      roadCasualty: paperRoadCasualtyInput(),
      mtfs: {
        firstYear: startsFrom + 1,
        horizonYears,
        netRevenueBudget: [],
        generalReserveFloorPercent: new Money(3),
        movements,
      },
    },
  };
}
