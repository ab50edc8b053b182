import type { Money } from '../core/money';
import { fromThousands, thousands, type PoundsOrPlain } from '../core/units';
import type { Commitment, InflowCase, InflowCaseId, RoadCasualtyInput } from '../reserves/road-casualty-reserve';

/*
 * The default case: the figures of the BCB paper of 4 April 2019, agenda item 10, "Road Casualty
 * Reduction & Support Reserve" (shared/seeds/000_89a69e62c184a4ee.txt, lines 3805-3960), as model inputs.
 *
 * The opening balance. The paper says the balance "currently stands at approx £1.5m" (para 4.3) and
 * that about £300k remains if the 2019/20 items, "totalling just over £1m", go ahead (para 4.5). The
 * only exact balance in the papers is Table 5 of the 19 July 2018 outturn paper: £1,582k at 31 March
 * 2018. It is the figure that reproduces the paper's remainder: 1,582 - 244 - 1,035 = 303 (£'000).
 * So the model opens at 31 March 2018, with 2018/19 as its first year, and the page says so.
 */

/** Table 5, Road Casualty Reduction & Support Fund, Balance 31/3/18: £1,582k. */
export const TABLE_5_CLOSING_2017_18 = fromThousands(thousands(1582));

/** The first projected year: 2018/19 (the model opens at 31 March 2018). */
export const PAPER_FIRST_YEAR = 2018;
/** The paper's commitments are for 2019/20 ("Future commitments for 19/20", para 4.4). */
export const PAPER_COMMITMENT_YEAR = 2019;
/** The horizon of the default case: five years, 2018/19 to 2022/23. */
const DEFAULT_HORIZON_YEARS = 5;

const k = (figure: number): Money => fromThousands(thousands(figure));

/** Para 4.3: "The expenditure yet to be applied for 18/19 totals £244k." */
const PAPER_TO_APPLY = { amount: k(244), year: 2018 };

/** Para 4.4: the 2019/20 commitments, as listed. */
const PAPER_COMMITMENTS: readonly Commitment[] = [
  {
    id: 'cameras',
    label: '24 cameras',
    amount: k(730),
    status: 'committed',
    kind: 'one-off-capital',
    firstYear: 2019,
    years: 1,
  },
  {
    id: 'speed-indication-devices',
    label: 'Speed indication devices (up to)',
    amount: k(100),
    status: 'earmarked',
    kind: 'one-off-capital',
    firstYear: 2019,
    years: 1,
  },
  {
    id: 'speedwatch-equipment',
    label: 'Speedwatch equipment',
    amount: k(60),
    status: 'earmarked',
    kind: 'one-off-capital',
    firstYear: 2019,
    years: 1,
  },
  // Recurrent revenue: paid every year from 2019/20 until stopped (years: null), as "recurrent" means.
  {
    id: 'casualty-reduction-officer',
    label: 'Casualty Reduction Officer',
    amount: k(55),
    status: 'committed',
    kind: 'recurrent-revenue',
    firstYear: 2019,
    years: null,
  },
  {
    id: 'road-victims-trust',
    label: 'Road Victims Trust grant',
    amount: k(60),
    status: 'committed',
    kind: 'recurrent-revenue',
    firstYear: 2019,
    years: null,
  },
  {
    id: 'road-safety-partnership',
    label: 'Cambridgeshire & Peterborough Road Safety Partnership grant',
    amount: k(30),
    status: 'committed',
    kind: 'recurrent-revenue',
    firstYear: 2019,
    years: null,
  },
];

/**
 * The inflow cases, one figure of the paper each (para 4.6):
 * - low £172k: the Period 10 forecast transfer for 2018/19, the latest evidence, repeated each year;
 * - central £350k: the bottom of the historical range (the latest forecast is well below it, and para
 *   4.7-4.8 warn that the unit's surplus is changing, so the middle of the range would not be prudent);
 * - high £500k: the top of the historical range "since 2013/14".
 */
const PAPER_INFLOWS: Readonly<Record<InflowCaseId, Money>> = { low: k(172), central: k(350), high: k(500) };

/**
 * The default floor: one year of the recurrent commitments (55 + 60 + 30 = £145k), so that the grants
 * and the post could be paid for one more year if the inflow stopped. The paper sets no floor; this is
 * a starting point for the user to change.
 */
export const DEFAULT_FLOOR = k(145);

/** The paper's case as model inputs, opening at `openingBalance` (pounds; Table 5's £1,582k by default). */
export function paperRoadCasualtyInput(openingBalance: PoundsOrPlain = TABLE_5_CLOSING_2017_18): RoadCasualtyInput {
  const inflowCase = (id: InflowCaseId): InflowCase => ({
    id,
    source: { kind: 'direct', amount: PAPER_INFLOWS[id] },
    overrides: [],
  });
  return {
    openingBalance,
    firstYear: PAPER_FIRST_YEAR,
    horizonYears: DEFAULT_HORIZON_YEARS,
    toApply: PAPER_TO_APPLY,
    inflowCases: { low: inflowCase('low'), central: inflowCase('central'), high: inflowCase('high') },
    commitments: PAPER_COMMITMENTS,
    floor: DEFAULT_FLOOR,
  };
}
