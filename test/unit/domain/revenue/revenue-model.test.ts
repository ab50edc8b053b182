// The revenue model: budget, budget to date, actual to date and forecast from the files, summed exactly
// from the lines up to Table 1's total, with the variance signs of the papers. Expected values are
// worked by hand from the small inputs below, then checked against the paper on the illustrative year.
import { beforeAll, describe, expect, it } from 'vitest';
import { combineLedgers, type LedgerAggregate } from '../../../../src/domain/revenue/ledger-actuals';
import { Money } from '../../../../src/domain/core/money';
import { summariseForecast, summariseVarianceByArea } from '../../../../src/domain/revenue/monitoring-summary';
import { boardTables, shownInThousands } from '../../../../src/domain/revenue/monitoring-tables';
import {
  buildRevenueModel,
  lineActualsByPeriod,
  revenueModelSteps,
  pathTo,
  type BudgetLineInput,
  type MonitoringInputs,
  type ReturnLineInput,
} from '../../../../src/domain/revenue/revenue-model';
import { BOARD_2017_18 } from '../../../../src/domain/papers/board-2017-18';
import { sampleInputs, SAMPLE_YEAR } from '../../helpers/sample-year';
import { pence } from '../../../../src/domain/core/units';

const m = (v: string) => new Money(v);
const budget = (
  costCentre: string,
  area: string,
  subjective: string,
  revised: string,
  extra: Partial<BudgetLineInput> = {},
): BudgetLineInput => ({
  year: 2017,
  costCentre,
  costCentreName: '',
  area,
  subjective,
  subjectiveName: '',
  period: null,
  original: null,
  revised: m(revised),
  amount: null,
  ...extra,
});
const ret = (
  period: number,
  costCentre: string,
  subjective: string,
  area: string,
  b: string,
  actual: string | null,
  forecast: string,
): ReturnLineInput => ({
  year: 2017,
  period,
  costCentre,
  subjective,
  area,
  budget: m(b),
  actual: actual === null ? null : m(actual),
  forecast: m(forecast),
});
// Pence per period: cc, subjective, period, pence.
const LEDGER: LedgerAggregate[] = [
  ['10100', '1001', 1, pence(10_000_000)],
  ['10100', '1001', 2, pence(9_500_000)],
  ['10100', '1001', 3, pence(9_500_000)],
  ['10100', '9002', 3, pence(-2_500_000)],
  ['20500', '3010', 1, pence(5_500_000)],
  ['20500', '3010', 2, pence(5_750_000)],
  ['20500', '3010', 3, pence(5_750_000)],
  ['40100', '9001', 2, pence(-2_000_000)],
  ['40900', '7010', 1, pence(-3_000_000)],
  ['2041O', '4010', 2, pence(325_000)],
];

function inputs(ledger: LedgerAggregate[] = LEDGER, month = 3, actuals: 'given' | 'blank' = 'given'): MonitoringInputs {
  const a = (v: string) => (actuals === 'given' ? v : null);
  return {
    budget: [
      budget('10100', 'Local Policing', '1001', '1200000', {
        original: m('1250000'),
        costCentreName: 'North',
        subjectiveName: 'Police officer pay',
      }),
      budget('10100', 'Local Policing', '9002', '-120000', { subjectiveName: 'Income: specific grants' }),
      budget('20500', 'Organisational Support', '3010', '600000', { original: m('550000'), costCentreName: 'Fleet' }),
      budget('40100', 'Income', '9001', '-60000'),
      budget('40900', 'Carry Forwards', '7010', '-30000', { period: 1 }),
    ],
    returns: [
      ret(month, '10100', '1001', 'Local Policing', '1200000', a('290000'), '1150000'),
      ret(month, '10100', '9002', 'Local Policing', '-120000', a('-25000'), '-120000'),
      ret(month, '20500', '3010', 'Organisational Support', '600000', a('170000'), '680000'),
      ret(month, '40100', '9001', 'Income', '-60000', a('-20000'), '-75000'),
      ret(month, '40900', '7010', 'Carry Forwards', '-30000', a('-30000'), '-30000'),
    ],
    ledger: combineLedgers([{ id: 'l', name: 'l.csv', order: 0, aggregates: ledger }]),
    carryForwards: [
      { description: 'Football grant', department: 'Local Policing', category: 'grant', amount: m('40000') },
      { description: 'Awards', department: 'Corporate Comms', category: 'grant', amount: m('6000') },
      { description: 'Mystery', department: 'Nowhere', category: 'grant', amount: m('1000') },
    ],
  };
}

const s = (v: Money | null | undefined) => (v === null || v === undefined ? null : v.toString());

describe('buildRevenueModel at P3, actuals from the ledger', () => {
  const model = buildRevenueModel(inputs(), 3, BOARD_2017_18);
  const area = (key: string) => model.byId.get(`area:${key}`)!;

  it('takes actuals from the ledger when it has every closed month, and says so', () => {
    expect(model.actualSource).toBe('ledger');
    expect(model.closed).toEqual([1, 2, 3]);
    expect(model.profile).toBe('mixed'); // four annual lines, one phased to P1
  });

  it('Local Policing: budget 1,200,000 - 120,000 = 1,080,000; to date x 3/12 = 270,000; actual 290,000 - 25,000 = 265,000; forecast 1,030,000', () => {
    const lp = area('local-policing');
    expect([s(lp.budget), s(lp.ytdBudget), s(lp.actual), s(lp.forecast)]).toEqual([
      '1080000',
      '270000',
      '265000',
      '1030000',
    ]);
    // 265,000 - 270,000 = -5,000: spent less than the profile, favourable.
    expect(s(lp.varianceToDate?.amount)).toBe('-5000');
    expect(lp.varianceToDate?.direction).toBe('favourable');
    // 1,030,000 - 1,080,000 = -50,000; 50,000 / 1,080,000 = 4.6296...% under.
    expect(s(lp.forecastVariance?.amount)).toBe('-50000');
    expect(lp.forecastVariance?.percent?.toDecimalPlaces(4).toString()).toBe('-4.6296');
    expect(lp.forecastVariance?.direction).toBe('favourable');
  });

  it('Organisational Support: forecast 680,000 against 600,000 is +80,000 (13.33%), adverse; original budget 550,000 kept', () => {
    const os = area('organisational-support');
    expect(s(os.forecastVariance?.amount)).toBe('80000');
    expect(os.forecastVariance?.percent?.toDecimalPlaces(2).toString()).toBe('13.33');
    expect(os.forecastVariance?.direction).toBe('adverse');
    // 170,000 against 600,000 x 3/12 = 150,000: +20,000 to date, adverse.
    expect(s(os.varianceToDate?.amount)).toBe('20000');
    expect(s(os.original)).toBe('550000');
  });

  it('Income, a credit: forecast -75,000 against -60,000 is -15,000 (more income), favourable, 25%', () => {
    const income = area('income');
    expect(income.lineType).toBe('income');
    expect(s(income.forecastVariance?.amount)).toBe('-15000');
    expect(income.forecastVariance?.percent?.toString()).toBe('-25');
    expect(income.forecastVariance?.direction).toBe('favourable');
    // To date: -20,000 against -60,000 x 3/12 = -15,000: -5,000, favourable.
    expect(s(income.varianceToDate?.amount)).toBe('-5000');
    expect(income.varianceToDate?.direction).toBe('favourable');
  });

  it('Carry Forwards phased to P1: the whole -30,000 is due by P3, and the -30,000 drawn is on budget', () => {
    const cf = area('carry-forwards');
    expect(s(cf.ytdBudget)).toBe('-30000');
    expect(cf.varianceToDate?.direction).toBe('on-budget');
  });

  it('Constabulary adds its areas: budget 1,590,000, to date 375,000, actual 385,000, forecast 1,605,000 (+15,000)', () => {
    const c = model.byId.get('group:constabulary')!;
    // 1,080,000 + 600,000 - 60,000 - 30,000 = 1,590,000; 270,000 + 150,000 - 15,000 - 30,000 = 375,000;
    // 265,000 + 170,000 - 20,000 - 30,000 = 385,000; 1,030,000 + 680,000 - 75,000 - 30,000 = 1,605,000.
    expect([s(c.budget), s(c.ytdBudget), s(c.actual), s(c.forecast), s(c.forecastVariance?.amount)]).toEqual([
      '1590000',
      '375000',
      '385000',
      '1605000',
      '15000',
    ]);
  });

  it('puts a cost centre no budget names under "Cost centres not in the budget", and counts its actual in the total', () => {
    const line = model.byId.get('line:unassigned:2041O:4010')!;
    expect(s(line.actual)).toBe('3250');
    expect(line.forecast).toBeNull();
    expect(line.notes).toEqual(['Not in the P3 return: no forecast.', 'Not in the budget: budget nil.']);
    expect(pathTo(model, line.id).map((n) => n.id)).toEqual([
      'total',
      'group:unassigned',
      'area:unassigned',
      'cc:unassigned:2041O',
      'line:unassigned:2041O:4010',
    ]);
    // 385,000 + 3,250 = 388,250.
    expect(s(model.root.actual)).toBe('388250');
  });

  it('gives each line its actual by period: closed periods from the ledger, open ones null', () => {
    const line = model.byId.get('line:local-policing:10100:1001')!;
    // In pence: £100,000, £95,000, £95,000 in P1 to P3, P4 not closed.
    expect(lineActualsByPeriod(model, line)?.slice(1, 5)).toEqual([10_000_000, 9_500_000, 9_500_000, null]);
    expect(lineActualsByPeriod(model, model.byId.get('cc:local-policing:10100')!)).toBeNull();
    expect(line.label).toBe('1001 Police officer pay');
    expect(model.byId.get('cc:local-policing:10100')!.label).toBe('10100 North');
  });

  it('applies no carry-forward requests before year-end', () => {
    expect(model.carryForwardsApplied).toBe(false);
    expect(s(model.root.carryForward)).toBe('0');
  });
});

describe('no actual is not a nil actual', () => {
  it("a closed month with no ledger: the return's actuals are used, and said to be", () => {
    const model = buildRevenueModel(inputs(LEDGER.filter((l) => l[2] !== 3)), 3, BOARD_2017_18);
    expect(model.actualSource).toBe('return');
    expect(model.missingLedgerPeriods).toEqual([3]);
    expect(s(model.byId.get('area:local-policing')!.actual)).toBe('265000');
    // P3's column in the period strip is unknown, not nil: no ledger has P3.
    expect(lineActualsByPeriod(model, model.byId.get('line:local-policing:10100:1001')!)?.[3]).toBeNull();
  });

  it('no ledger for the month and blank actuals in the return: no actual at any level (null), and no variance to date', () => {
    const model = buildRevenueModel(
      inputs(
        LEDGER.filter((l) => l[2] !== 3),
        3,
        'blank',
      ),
      3,
      BOARD_2017_18,
    );
    expect(model.actualSource).toBe('none');
    const lp = model.byId.get('area:local-policing')!;
    expect(lp.actual).toBeNull();
    expect(lp.varianceToDate).toBeNull();
    expect(model.root.actual).toBeNull();
    expect(lp.forecast).not.toBeNull(); // the forecast is still there
  });

  it('a line budgeted but never posted in a closed month has an actual of nil', () => {
    const withLine = inputs();
    const model = buildRevenueModel(
      { ...withLine, budget: [...withLine.budget, budget('20500', 'Organisational Support', '3001', '120000')] },
      3,
      BOARD_2017_18,
    );
    expect(s(model.byId.get('line:organisational-support:20500:3001')!.actual)).toBe('0');
  });
});

describe('carry-forward requests at year-end', () => {
  const model = buildRevenueModel(inputs(LEDGER, 12), 12, BOARD_2017_18);

  it("are added to the forecast of the department's area, as a row of their own", () => {
    expect(model.carryForwardsApplied).toBe(true);
    const lp = model.byId.get('area:local-policing')!;
    // Spend forecast 1,030,000 + 40,000 carried forward = 1,070,000: the underspend reported is 10,000, not 50,000.
    expect(s(lp.forecast)).toBe('1070000');
    expect(s(lp.forecastVariance?.amount)).toBe('-10000');
    expect(lp.children.at(-1)?.label).toBe('Carry-forward requests (Appendix 2)');
    // Corporate Comms belongs to Organisational Support (papers/board-2017-18.ts): 680,000 + 6,000.
    expect(s(model.byId.get('area:organisational-support')!.forecast)).toBe('686000');
  });

  it('lists a request whose department has no area, and does not apply it', () => {
    expect(model.unplacedCarryForwards.map((c) => c.description)).toEqual(['Mystery']);
    // 40,000 + 6,000 applied.
    expect(s(model.root.carryForward)).toBe('46000');
  });
});

describe('the illustrative 2017/18 year ends at the paper', () => {
  let models: ReturnType<typeof buildRevenueModel>[];
  beforeAll(async () => {
    const data = await sampleInputs();
    models = [3, 6, 9, 12].map((month) => buildRevenueModel(data, month, BOARD_2017_18));
  });

  // The Constabulary summary (para 4.1) and Table 3 of the 19 July 2018 paper, £'000 x 1,000.
  it.each([
    ['local-policing', '75259000', '73712000', '-1547000'],
    ['organisational-support', '15984000', '20378000', '4394000'],
    ['collaboration', '37535000', '37558000', '23000'],
    ['income', '-1435000', '-2194000', '-759000'],
    ['carry-forwards', '-1091000', '-1089000', '2000'],
    ['constabulary-reserves', '0', '-326000', '-326000'],
    ['commissioner-and-staff', '893000', '771000', '-122000'],
    ['supplies-and-services', '302000', '327000', '25000'],
    ['transfer-to-reserves', '0', '96000', '96000'],
    ['corporate-costs-and-grants', '2262000', '2470000', '208000'],
    ['property-in-capital-financing-costs', '1213000', '1161000', '-52000'],
    ['costs-of-surplus-properties', '39000', '174000', '135000'],
    ['corporate-reserves', '0', '-197000', '-197000'],
  ])('P12 %s: budget %s, forecast outturn %s, variance %s', (key, b, f, v) => {
    const area = models[3]!.byId.get(`area:${key}`)!;
    expect([s(area.budget), s(area.forecast), s(area.forecastVariance?.amount)]).toEqual([b, f, v]);
  });

  it("P12 totals are the sums of the paper's lines (the paper prints 128,040 and 132,811, which do not cast)", () => {
    const p12 = models[3]!;
    // Constabulary: 73,712 + 20,378 + 37,558 - 2,194 - 1,089 - 326 = 128,039.
    expect(s(p12.byId.get('group:constabulary')!.forecast)).toBe('128039000');
    // Table 1: 128,039 + (771 + 327) + (2,470 + 1,161 + 174 - 197) = 128,039 + 1,098 + 3,608 = 132,745.
    expect(s(p12.root.forecast)).toBe('132745000');
    // Budget: 126,252 + (893 + 302) + 3,514 = 130,961.
    expect(s(p12.root.budget)).toBe('130961000');
    expect(summariseForecast(p12)).toBe(
      'Forecast outturn £1.78m (1.4%) over budget; largest adverse: Organisational Support £4.39m; largest favourable: Local Policing £1.55m.',
    );
    // The amounts are never in brackets as an aside: brackets mean a negative figure on these pages.
    expect(summariseVarianceByArea(p12)).toMatch(
      /; the largest overspend is Organisational Support, £4\.39m; the largest underspend Local Policing, £1\.55m\.$/,
    );
  });

  it('P12 actual to date (the ledger) is the forecast less the carry-forward requests, area by area', () => {
    const lp = models[3]!.byId.get('area:local-policing')!;
    // Appendix 2's Local Policing requests: 170 + 83 + 47 + 40 + 39 + 38 + 27 + 23 + 13 + 13 + 6 + 42 = 541.
    expect(s(lp.carryForward)).toBe('541000');
    expect(s(lp.actual)).toBe('73171000'); // 73,712 - 541
  });

  it('reads the actuals from the ledger at every month, and the budget to date from the profile', () => {
    expect(models.map((x) => x.actualSource)).toEqual(['ledger', 'ledger', 'ledger', 'ledger']);
    // Property in Capital Financing Costs is phased (interest P6 and P12, MRP P12): nothing due by P3.
    expect(s(models[0]!.byId.get('area:property-in-capital-financing-costs')!.ytdBudget)).toBe('0');
    // Commissioner and Staff is budgeted annually: 893,000 x 3 / 12 = 223,250.
    expect(s(models[0]!.byId.get('area:commissioner-and-staff')!.ytdBudget)).toBe('223250');
    // Carry Forwards is phased to P1: all of -1,091,000 is due by P3.
    expect(s(models[0]!.byId.get('area:carry-forwards')!.ytdBudget)).toBe('-1091000');
  });

  it('rounds the same £000 figures down to the cost centres as down to every line, without rounding a line', () => {
    for (const model of models) {
      const tables = boardTables(model);
      const whole = shownInThousands(model, tables);
      const toCostCentres = shownInThousands(model, tables, 'cost-centre');
      const lines = [...whole.keys()].filter((id) => id.startsWith('line:'));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((id) => toCostCentres.has(id))).toEqual([]);
      expect(toCostCentres.size).toBe(whole.size - lines.length);
      for (const [id, figures] of toCostCentres) expect([id, figures]).toEqual([id, whole.get(id)]);
    }
  });

  it("shows every board table casting in £000: the Constabulary summary's lines add to its total as shown", () => {
    for (const model of models) {
      const tables = boardTables(model);
      const shown = shownInThousands(model, tables);
      const constabulary = tables.find((t) => t.id === 'constabulary')!;
      const items = constabulary.rows.filter((r) => r.rowType === 'item');
      const total = constabulary.rows.at(-1)!;
      for (const column of ['budget', 'ytdBudget', 'actual', 'forecast'] as const) {
        const sum = items.reduce((acc, r) => acc.plus(shown.get(r.id)![column] ?? 0), new Money(0));
        expect(sum.toString(), `P${model.month} ${column}`).toBe(shown.get(total.id)![column]!.toString());
      }
    }
  });

  it('uses the sample files it was given', () => {
    expect(SAMPLE_YEAR.returns).toHaveLength(4);
  });
});

describe('the board tables', () => {
  it('show "Cost centres not in the budget" only in a month when it holds something (P9: 2041O\'s £3,250; not P12, reversed)', async () => {
    const data = await sampleInputs();
    const labels = (month: number) =>
      boardTables(buildRevenueModel(data, month, BOARD_2017_18))[0]!.rows.map((r) => r.node.label);
    expect(labels(9)).toEqual([
      'Constabulary',
      'OPCC',
      'Grants, Capital Financing and costs of surplus properties',
      'Cost centres not in the budget',
      'TOTAL',
    ]);
    expect(labels(12)).toEqual([
      'Constabulary',
      'OPCC',
      'Grants, Capital Financing and costs of surplus properties',
      'TOTAL',
    ]);
  });
});

describe('the model built in steps (a big ledger, built in slices on the page)', () => {
  // 100 cost centres of 20 lines each, one posting a line in P1 and P2: 2,000 lines, 4,000 pence in all.
  const aggregates: LedgerAggregate[] = [];
  for (let cc = 0; cc < 100; cc++)
    for (let s = 0; s < 20; s++)
      for (const p of [1, 2]) aggregates.push([`9${String(cc).padStart(4, '0')}`, String(1000 + s), p, pence(1)]);
  const big: MonitoringInputs = {
    budget: [],
    returns: [],
    ledger: combineLedgers([{ id: 'l', name: 'l', order: 0, aggregates }]),
    carryForwards: [],
  };

  it('yields between pieces of its work, and ends with the model built straight through', () => {
    const steps = revenueModelSteps(big, 2, BOARD_2017_18);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields += 1;
    // Two thousand lines met, placed and finished, 500 a piece: at least a dozen pieces.
    expect(yields).toBeGreaterThanOrEqual(12);
    const whole = buildRevenueModel(big, 2, BOARD_2017_18);
    expect(step.value.root.actual?.toString()).toBe('40');
    expect(whole.root.actual?.toString()).toBe('40');
    expect([...step.value.byId.keys()]).toEqual([...whole.byId.keys()]);
  });

  it('finishes each node after its children (their sums are its own)', () => {
    const model = buildRevenueModel(big, 2, BOARD_2017_18);
    const order = new Map([...model.byId.keys()].map((id, i) => [id, i]));
    for (const n of model.byId.values())
      for (const c of n.children) expect(order.get(c.id)!).toBeLessThan(order.get(n.id)!);
    const ccs = [...model.byId.values()].filter((n) => n.level === 'cost-centre');
    expect(ccs).toHaveLength(100);
    for (const cc of ccs) expect(cc.actual?.toString()).toBe('0.4');
  });

  it('orders the lines by cost centre, then subjective, as localeCompare does, whatever order they came in', () => {
    // Codes a finance system writes: a letter O for a zero, lower and upper case, a hyphen, digits of two widths.
    const codes = ['2041O', '20410', 'b100', 'B100', 'a-1', 'a1', '9', '10', 'Z9'];
    const subjectives = ['4100', '4O10', 'x1', 'X1'];
    const scrambled: LedgerAggregate[] = [];
    for (const [i, cc] of codes.entries())
      for (const [j, s] of subjectives.entries()) scrambled.push([cc, s, 1 + ((i + j) % 2), pence(i * 10 + j)]);
    scrambled.reverse();
    const model = buildRevenueModel(
      {
        budget: [],
        returns: [],
        ledger: combineLedgers([{ id: 'l', name: 'l', order: 0, aggregates: scrambled }]),
        carryForwards: [],
      },
      2,
      BOARD_2017_18,
    );
    const lines = [...model.byId.values()].filter((n) => n.level === 'line');
    const expected = codes
      .flatMap((cc) => subjectives.map((s) => [cc, s] as const))
      .sort(([a, s], [b, t]) => a.localeCompare(b) || s.localeCompare(t));
    expect(lines.map((n) => [model.byId.get(n.parentId!)!.code, n.code])).toEqual(expected);
  });
});
