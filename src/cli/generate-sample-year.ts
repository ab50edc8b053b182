// npx tsx src/cli/generate-sample-year.ts [--check]
//
// Writes the ILLUSTRATIVE monthly series for 2017/18 into data/: a budget by cost centre and subjective,
// monitoring returns as at P3, P6, P9 and P12, and the ledger (P1-P11 in one export, P12 in another).
// The figures are generated, deterministically (a fixed seed, no clock), to end exactly at the paper's
// outturn: at P12 every area's forecast outturn, with its Appendix 2 carry-forward requests, equals the
// Constabulary summary and Table 3 of the 19 July 2018 paper, read from data/ (the transcription), and
// every budget equals the paper's. Everything below the area (cost centres, subjectives, monthly
// profiles, ledger lines, the earlier months' forecasts) is made up, and named "illustrative" wherever
// it appears. --check regenerates and compares with the files in data/ instead of writing them. Its writers
// (budgetCsv, returnCsv, ledgerCsv, buildLines, ledgerLines) also make the 2018/19 year: generate-sample-2018-19.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areaOfDepartment } from '../domain/revenue/board-structure';
import { BOARD_2017_18 } from '../domain/papers/board-2017-18';
import { Money, ZERO, sum, THOUSAND, HUNDRED } from '../domain/core/money';
import { shareByLargestRemainder } from '../domain/core/rounded-tree';
import { findColumn, readPrintedTable } from '../import/printed-table';
import { seededRandom } from './seeded-random';

/** How a line's spend falls across the year. */
type Profile = 'monthly' | 'overtime' | 'lumpy' | 'quarterly' | 'half-yearly' | 'start' | 'year-end' | 'none';
/** How early in the year the line's final variance was foreseen: its share in the P3, P6 and P9 forecasts. */
type Recognition = 'known' | 'early' | 'steady' | 'growing' | 'late';
/** Budget rows phased to periods (a phased budget); annual (even twelfths) when absent. */
type Phase = 'P1' | 'quarterly' | 'half-yearly' | 'P12';

export interface LineSpec {
  subjective: string;
  /** £'000: a weight, scaled so the area's lines add to its budget; or a fixed figure. */
  budget: number | { fixed: number };
  /** £'000 of spend variance at year-end; 'balance' takes what the area needs; 'no-spend' spends nothing. */
  variance: number | 'balance' | 'no-spend';
  profile: Profile;
  recognise: Recognition;
  phase?: Phase;
}

interface CostCentreSpec {
  code: string;
  name: string;
  lines: LineSpec[];
}

export interface AreaSpec {
  /** As the files name it (Area column); the board structure maps it to the paper's line. */
  area: string;
  key: string;
  costCentres: CostCentreSpec[];
}

const L = (
  subjective: string,
  budget: LineSpec['budget'],
  variance: LineSpec['variance'],
  profile: Profile,
  recognise: Recognition,
  phase?: Phase,
): LineSpec =>
  phase
    ? { subjective, budget, variance, profile, recognise, phase }
    : { subjective, budget, variance, profile, recognise };

export const SUBJECTIVES: Readonly<Record<string, string>> = {
  '1001': 'Police officer pay',
  '1002': 'Police officer overtime',
  '1011': 'PCSO pay',
  '1012': 'PCSO overtime',
  '1021': 'Police staff pay',
  '1031': 'Commissioner and deputy salaries',
  '1090': 'Vacancy factor',
  '2001': 'Rates',
  '2002': 'Energy',
  '2003': 'Repairs and maintenance',
  '3001': 'Vehicle running costs',
  '3002': 'Fuel',
  '3010': 'Transport contract (CTC)',
  '4001': 'Equipment and materials',
  '4002': 'Clothing and uniform',
  '4010': 'Computer hardware and software',
  '4020': 'Insurance',
  '4030': 'Communications',
  '4050': 'Audit and professional fees',
  '4060': 'Training and conferences',
  '4090': 'Other supplies and services',
  '5001': 'Collaboration contribution',
  '5010': 'Grants paid',
  '6001': 'Interest payable',
  '6002': 'Minimum revenue provision',
  '7001': 'Transfers to and from reserves',
  '7010': 'Carry forwards applied',
  '9001': 'Income: fees and charges',
  '9002': 'Income: specific grants',
  '9003': 'Income: disclosure (DBS)',
  '9010': 'Income: recharges and secondments',
};

/*
 * The chart of accounts, and where each area's year-end variance falls. The drivers follow the paper's
 * narrative (paras 4.2-4.9): officer pay under (vacancies), overtime over by about £694k, PCSOs under by
 * about £667k, a £2.9m support staff vacancy factor not achieved, rates over £110k, the Chiltern Transport
 * Consortium contract over £574k, insurance, clothing and ICT over, JPS under £331k, unbudgeted DBS costs
 * and income. The amounts are illustrative; only the area totals are the paper's.
 */
export const CHART: readonly AreaSpec[] = [
  {
    area: 'Local Policing',
    key: 'local-policing',
    costCentres: [
      {
        code: '10100',
        name: 'Northern Area Policing',
        lines: [
          L('1001', 17000, -520, 'monthly', 'early'),
          L('1002', 600, 180, 'overtime', 'growing'),
          L('1021', 1400, -40, 'monthly', 'steady'),
          L('3002', 260, 15, 'lumpy', 'steady'),
          L('4001', 180, 10, 'lumpy', 'steady'),
        ],
      },
      {
        code: '10200',
        name: 'Southern Area Policing',
        lines: [
          L('1001', 16200, -480, 'monthly', 'early'),
          L('1002', 560, 170, 'overtime', 'growing'),
          L('1021', 1300, -30, 'monthly', 'steady'),
          L('3002', 240, 12, 'lumpy', 'steady'),
          L('4001', 170, 8, 'lumpy', 'steady'),
        ],
      },
      {
        code: '10300',
        name: 'Response Policing',
        lines: [
          L('1001', 18500, -560, 'monthly', 'early'),
          L('1002', 900, 300, 'overtime', 'growing'),
          L('3002', 420, 20, 'lumpy', 'steady'),
          L('4001', 200, 6, 'lumpy', 'steady'),
        ],
      },
      {
        code: '10400',
        name: 'Neighbourhood Policing and PCSOs',
        lines: [
          L('1011', 5200, -600, 'monthly', 'early'),
          L('1012', 150, -67, 'overtime', 'steady'),
          L('1021', 400, 0, 'monthly', 'steady'),
          L('4001', 90, 5, 'lumpy', 'steady'),
        ],
      },
      {
        code: '10500',
        name: 'Local Crime Investigation',
        lines: [
          L('1001', 11000, -350, 'monthly', 'early'),
          L('1002', 450, 44, 'overtime', 'growing'),
          L('1021', 1100, -60, 'monthly', 'steady'),
          L('4001', 350, 30, 'lumpy', 'steady'),
        ],
      },
      {
        code: '10600',
        name: 'Community Safety and Partnerships',
        lines: [
          L('1021', 520, -20, 'monthly', 'steady'),
          L('5010', 600, -160, 'lumpy', 'growing'),
          L('9002', -700, 0, 'quarterly', 'steady', 'quarterly'),
          L('4090', 200, 'balance', 'lumpy', 'steady'),
        ],
      },
    ],
  },
  {
    area: 'Organisational Support',
    key: 'organisational-support',
    costCentres: [
      {
        code: '20100',
        name: 'Human Resources',
        lines: [L('1021', 2300, 60, 'monthly', 'steady'), L('4060', 300, -120, 'lumpy', 'growing')],
      },
      {
        code: '20150',
        name: 'Disclosure and Barring (DBS)',
        lines: [L('1021', 0, 380, 'monthly', 'growing'), L('4090', 0, 40, 'lumpy', 'growing')],
      },
      {
        code: '20200',
        name: 'Finance and Business Services',
        lines: [L('1021', 1600, 20, 'monthly', 'steady'), L('4090', 250, 10, 'lumpy', 'steady')],
      },
      {
        code: '20300',
        name: 'Estates and Facilities',
        lines: [
          L('2001', 1900, 110, 'monthly', 'early'),
          L('2002', 900, 20, 'lumpy', 'steady'),
          L('2003', 800, -30, 'lumpy', 'steady'),
          L('1021', 500, 0, 'monthly', 'steady'),
        ],
      },
      {
        code: '20410',
        name: 'ICT',
        lines: [
          L('1021', 2600, -300, 'monthly', 'early'),
          L('4010', 2400, 260, 'lumpy', 'growing'),
          L('4030', 1300, 30, 'monthly', 'steady'),
        ],
      },
      {
        code: '20500',
        name: 'Fleet and Transport',
        lines: [L('3001', 900, 40, 'lumpy', 'steady'), L('3010', 1400, 574, 'monthly', 'known')],
      },
      {
        code: '20600',
        name: 'Corporate Development (Agile)',
        lines: [L('1021', 700, -20, 'monthly', 'steady'), L('4090', 300, 10, 'lumpy', 'steady')],
      },
      {
        code: '20700',
        name: 'Insurance and Clothing',
        lines: [L('4020', 900, 150, 'quarterly', 'growing', 'quarterly'), L('4002', 500, 90, 'lumpy', 'steady')],
      },
      {
        code: '20800',
        name: 'Force Command and Corporate Communications',
        lines: [
          L('1001', 1600, 30, 'monthly', 'steady'),
          L('1021', 700, 0, 'monthly', 'steady'),
          L('4090', 200, 'balance', 'lumpy', 'steady'),
        ],
      },
      {
        code: '20900',
        name: 'Support staff vacancy factor',
        lines: [L('1090', { fixed: -2900 }, 'no-spend', 'none', 'growing')],
      },
    ],
  },
  {
    area: 'Collaboration',
    key: 'collaboration',
    costCentres: [
      { code: '30100', name: 'Joint Protective Services (BCH)', lines: [L('5001', 14000, -331, 'monthly', 'growing')] },
      { code: '30200', name: 'BCH Organisational Support', lines: [L('5001', 9500, 150, 'monthly', 'growing')] },
      {
        code: '30300',
        name: 'Custody and Criminal Justice',
        lines: [L('5001', 6500, 80, 'monthly', 'steady'), L('1021', 300, 10, 'monthly', 'steady')],
      },
      {
        code: '30400',
        name: 'ERSOU (regional organised crime)',
        lines: [L('5001', 2800, -160, 'quarterly', 'growing', 'quarterly')],
      },
      {
        code: '30500',
        name: 'Seven Force collaboration',
        lines: [L('5001', 1600, 60, 'quarterly', 'steady', 'quarterly')],
      },
      { code: '30600', name: 'Collaborated ICT and Athena', lines: [L('5001', 2900, 'balance', 'monthly', 'steady')] },
    ],
  },
  {
    area: 'Income',
    key: 'income',
    costCentres: [
      {
        code: '40100',
        name: 'Constabulary Income',
        lines: [
          L('9001', -500, -120, 'lumpy', 'steady'),
          L('9003', 0, -420, 'lumpy', 'growing'),
          L('9010', -600, -150, 'quarterly', 'steady', 'quarterly'),
          L('9002', -335, 'balance', 'lumpy', 'steady'),
        ],
      },
    ],
  },
  {
    area: 'Carry Forwards',
    key: 'carry-forwards',
    costCentres: [
      {
        code: '40900',
        name: 'Carry forwards from 2016/17',
        lines: [L('7010', { fixed: -1091 }, 'balance', 'start', 'known', 'P1')],
      },
    ],
  },
  {
    area: 'Constabulary Reserves',
    key: 'constabulary-reserves',
    costCentres: [
      { code: '40800', name: 'Constabulary reserve transfers', lines: [L('7001', 0, 'balance', 'year-end', 'late')] },
    ],
  },
  {
    area: 'Commissioner and Staff',
    key: 'commissioner-and-staff',
    costCentres: [
      {
        code: '50100',
        name: 'Office of the Police and Crime Commissioner',
        lines: [L('1021', 760, -105, 'monthly', 'early'), L('1031', 133, 'balance', 'monthly', 'steady')],
      },
    ],
  },
  {
    area: 'Supplies and Services',
    key: 'supplies-and-services',
    costCentres: [
      {
        code: '50200',
        name: 'OPCC Supplies and Services',
        lines: [
          L('4001', 40, 3, 'lumpy', 'steady'),
          L('4030', 30, 2, 'monthly', 'steady'),
          L('4090', 160, 30, 'lumpy', 'growing'),
          L('4050', 72, 'balance', 'quarterly', 'steady'),
        ],
      },
    ],
  },
  {
    area: 'Transfer to Reserves',
    key: 'transfer-to-reserves',
    costCentres: [
      { code: '50900', name: 'OPCC transfer to reserves', lines: [L('7001', 0, 'balance', 'year-end', 'late')] },
    ],
  },
  {
    area: 'Corporate Costs and Grants',
    key: 'corporate-costs-and-grants',
    costCentres: [
      {
        code: '60100',
        name: 'Commissioning and Grants',
        lines: [
          L('5010', 1500, -80, 'quarterly', 'growing', 'quarterly'),
          L('9002', -500, 20, 'quarterly', 'steady', 'quarterly'),
        ],
      },
      {
        code: '60200',
        name: 'Corporate Costs',
        lines: [L('4050', 250, 25, 'lumpy', 'steady'), L('4090', 1012, 'balance', 'lumpy', 'steady')],
      },
    ],
  },
  {
    area: 'Property in Capital Financing Costs',
    key: 'property-in-capital-financing-costs',
    costCentres: [
      {
        code: '60300',
        name: 'Capital Financing',
        lines: [
          L('6001', 300, -40, 'half-yearly', 'steady', 'half-yearly'),
          L('6002', 913, 'balance', 'year-end', 'late', 'P12'),
        ],
      },
    ],
  },
  {
    area: 'Costs of surplus properties',
    key: 'costs-of-surplus-properties',
    costCentres: [
      {
        code: '60400',
        name: 'Surplus Properties',
        lines: [
          L('2001', 20, 70, 'monthly', 'early'),
          L('2002', 9, 25, 'lumpy', 'steady'),
          L('2003', 10, 'balance', 'lumpy', 'growing'),
        ],
      },
    ],
  },
  {
    area: 'Corporate Reserves',
    key: 'corporate-reserves',
    costCentres: [
      { code: '60900', name: 'Corporate reserve transfers', lines: [L('7001', 0, 'balance', 'year-end', 'late')] },
    ],
  },
];

/** Share of the year-end variance foreseen in the P3, P6 and P9 forecasts. */
const RECOGNITION: Readonly<Record<Recognition, readonly [string, string, string]>> = {
  known: ['1', '1', '1'],
  early: ['0.6', '0.8', '0.9'],
  steady: ['0.35', '0.6', '0.85'],
  growing: ['0.15', '0.45', '0.75'],
  late: ['0', '0', '0'],
};

export const MONTHS = [3, 6, 9, 12] as const;
const YEAR = '2017/18';
const SEED = 20170401;

/** The planted differences between the ledger and the returns (data/README.md explains them). */
export const LATE_JOURNAL = {
  period: 6,
  costCentre: '20500',
  subjective: '3010',
  pence: 1_240_000,
  day: 30,
  reference: 'JNL-P06-0412',
};
export const MISCODING = {
  period: 8,
  correctedIn: 10,
  costCentre: '20410',
  wrongCode: '2041O',
  subjective: '4010',
  pence: 325_000,
};

/** Splits `total` (whole units) by weights into whole units that add to it exactly (largest remainder). */
function split(total: Money, weights: readonly number[]): Money[] {
  const w = weights.map((x) => new Money(x));
  const s = sum(w);
  if (s.isZero()) return weights.map(() => ZERO);
  return shareByLargestRemainder(
    w.map((x) => total.times(x).dividedBy(s)),
    total,
  )!;
}

export interface PaperInputs {
  constabularySummary: string;
  table3: string;
  appendix2: string;
}

export interface AreaTarget {
  budget: Money;
  outturn: Money;
  carryForward: Money;
}

/** The paper's budget and outturn per area (pounds) and the Appendix 2 requests each area carries. */
export function paperTargets(paper: PaperInputs): Map<string, AreaTarget> {
  const targets = new Map<string, AreaTarget>();
  const read = (name: string, text: string, keyOfLabel: (label: string) => string | undefined): void => {
    const table = readPrintedTable(name, text);
    const budget = findColumn(table, /budget/i)!;
    const outturn = findColumn(table, /outturn/i)!;
    for (const row of table.rows) {
      if (row.rowType !== 'item') continue;
      const key = keyOfLabel(row.label);
      if (!key) throw new Error(`${name}: no area for "${row.label}"`);
      targets.set(key, { budget: row.values[budget]!, outturn: row.values[outturn]!, carryForward: ZERO });
    }
  };
  // Both tables print a "Reserves" line: the file says which one.
  const byLabel = (reserves: string) => (label: string) =>
    label === 'Reserves' ? reserves : BOARD_2017_18.areas.find((a) => a.label === label)?.key;
  read('constabulary-summary.csv', paper.constabularySummary, byLabel('constabulary-reserves'));
  read('table-3-opcc-corporate-costs.csv', paper.table3, byLabel('corporate-reserves'));
  const appendix = readPrintedTable('appendix-2-revenue-carry-forwards.csv', paper.appendix2);
  const amount = findColumn(appendix, /£/)!;
  for (const row of appendix.rows) {
    if (row.rowType !== 'item') continue;
    const area = areaOfDepartment(BOARD_2017_18, row.text['Department'] ?? '');
    const t = area ? targets.get(area.key) : undefined;
    if (!t) throw new Error(`Appendix 2: no area for department "${row.text['Department'] ?? ''}"`);
    t.carryForward = t.carryForward.plus(row.values[amount]!);
  }
  return targets;
}

export interface GeneratedLine {
  area: AreaSpec;
  costCentre: CostCentreSpec;
  spec: LineSpec;
  /** Pounds, whole. */
  budget: Money;
  original: Money;
  /** Year-end spend variance, pounds. */
  variance: Money;
  /** Spend by period 1..12 in pence (index 0 unused). */
  byPeriod: Money[];
}

// Virements during the year (illustrative): original budget = revised + this, in pounds.
type Virements = Readonly<Record<string, number>>;
const VIREMENTS: Virements = {
  '10300/1001': 250_000,
  '20500/3010': -250_000,
  '50100/1021': 40_000,
  '50200/4090': -40_000,
};

const PROFILE_PERIODS: Partial<Record<Profile, readonly number[]>> = {
  quarterly: [3, 6, 9, 12],
  'half-yearly': [6, 12],
  start: [1],
  'year-end': [12],
  none: [],
};

const PHASE_PERIODS: Readonly<Record<Phase, readonly number[]>> = {
  P1: [1],
  quarterly: [3, 6, 9, 12],
  'half-yearly': [6, 12],
  P12: [12],
};

/** Lines of `chart` whose budgets and spend add, area by area, to `targets` (pounds); spend by period in pence. */
export function buildLines(
  targets: Map<string, AreaTarget>,
  next: () => number,
  chart: readonly AreaSpec[] = CHART,
  virements: Virements = VIREMENTS,
): GeneratedLine[] {
  const out: GeneratedLine[] = [];
  for (const area of chart) {
    const target = targets.get(area.key);
    if (!target) throw new Error(`No paper figures for ${area.key}`);
    const specs = area.costCentres.flatMap((costCentre) => costCentre.lines.map((spec) => ({ costCentre, spec })));
    // Budgets: fixed lines as stated; the rest share what is left, in whole pounds, by their weights.
    const fixed = sum(
      specs.map(({ spec }) => (typeof spec.budget === 'number' ? ZERO : new Money(spec.budget.fixed).times(THOUSAND))),
    );
    const weights = specs.map(({ spec }) => (typeof spec.budget === 'number' ? spec.budget : 0));
    const shared = split(target.budget.minus(fixed), weights);
    const budgets = specs.map(({ spec }, i) =>
      typeof spec.budget === 'number' ? shared[i]! : new Money(spec.budget.fixed).times(THOUSAND),
    );
    // Spend variance: the paper's outturn less the carry forwards (added back at year-end), less budget.
    const spendVariance = target.outturn.minus(target.carryForward).minus(target.budget);
    const variances = specs.map(({ spec }, i) =>
      spec.variance === 'no-spend'
        ? budgets[i]!.negated()
        : typeof spec.variance === 'number'
          ? new Money(spec.variance).times(THOUSAND)
          : null,
    );
    const balance = specs.findIndex(({ spec }) => spec.variance === 'balance');
    if (balance >= 0) variances[balance] = spendVariance.minus(sum(variances.filter((v): v is Money => v !== null)));
    if (!sum(variances.map((v) => v ?? ZERO)).equals(spendVariance))
      throw new Error(`${area.key}: line variances do not add to the paper's`);
    specs.forEach(({ costCentre, spec }, i) => {
      const budget = budgets[i]!;
      const variance = variances[i]!;
      const spendPence = budget.plus(variance).times(HUNDRED);
      const periods = PROFILE_PERIODS[spec.profile] ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
      const jitter = spec.profile === 'overtime' ? 0.35 : spec.profile === 'lumpy' ? 0.7 : 0.03;
      const weights12 = periods.map(() => 1 + (next() * 2 - 1) * jitter);
      const shares = split(spendPence, weights12);
      const byPeriod = Array.from({ length: 13 }, () => ZERO);
      periods.forEach((p, k) => (byPeriod[p] = shares[k]!));
      const original = budget.plus(virements[`${costCentre.code}/${spec.subjective}`] ?? 0);
      out.push({ area, costCentre, spec, budget, original, variance, byPeriod });
    });
  }
  return out;
}

/** Forecast variance of a line in a month: the year-end variance times how much of it was foreseen, to £100. */
function forecastVariance(line: GeneratedLine, month: number): Money {
  if (month >= 12) return line.variance;
  const share = new Money(RECOGNITION[line.spec.recognise][MONTHS.indexOf(month as 3 | 6 | 9)]!);
  return line.variance.times(share).dividedBy(HUNDRED).toDecimalPlaces(0, Money.ROUND_HALF_UP).times(HUNDRED);
}

/** Pence as the exports write pounds: "1234.56", "-1234.56". */
function pounds(pence: Money): string {
  const negative = pence.isNegative();
  const digits = pence.abs().toFixed(0).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
const poundsOf = (p: Money): string => pounds(p.times(HUNDRED));

export function csv(rows: readonly (readonly string[])[]): string {
  const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;
}

// Narratives and payees for ledger lines, by subjective: plain and generic (illustrative, not real payments).
export type Narratives = Readonly<Record<string, readonly [description: string, supplier: string, journal: boolean][]>>;
export const NARRATIVE: Narratives = {
  '1001': [['Payroll: police officer pay', '', true]],
  '1002': [['Payroll: police officer overtime', '', true]],
  '1011': [['Payroll: PCSO pay', '', true]],
  '1012': [['Payroll: PCSO overtime', '', true]],
  '1021': [['Payroll: police staff pay', '', true]],
  '1031': [['Payroll: Commissioner and deputy', '', true]],
  '2001': [['Business rates instalment', 'District council (rates)', false]],
  '2002': [
    ['Electricity', 'Energy supplier (framework)', false],
    ['Gas', 'Energy supplier (framework)', false],
  ],
  '2003': [
    ['Reactive repairs', 'Facilities contractor', false],
    ['Planned maintenance', 'Facilities contractor', false],
    ['Security patrols, vacant site', 'Security contractor', false],
  ],
  '3001': [
    ['Vehicle servicing', 'Fleet workshop', false],
    ['Tyres', 'Tyre supplier', false],
    ['Vehicle hire', 'Hire company', false],
  ],
  '3002': [['Fuel card statement', 'Fuel card provider', false]],
  '3010': [['CTC contract charge', 'Chiltern Transport Consortium', false]],
  '4001': [
    ['Equipment and materials', 'Police equipment supplier', false],
    ['Body armour replacements', 'Police equipment supplier', false],
    ['Stationery', 'Office supplies framework', false],
  ],
  '4002': [
    ['Uniform order', 'Uniform supplier', false],
    ['Protective footwear', 'Uniform supplier', false],
  ],
  '4010': [
    ['Laptops and peripherals', 'ICT reseller', false],
    ['Software licences', 'Software licensing partner', false],
    ['Demand Hub workstations', 'ICT reseller', false],
  ],
  '4020': [
    ['Insurance premium instalment', 'Insurer', false],
    ['Claims handling fee', 'Claims handler', false],
  ],
  '4030': [
    ['Mobile telephony', 'Network operator', false],
    ['Airwave service charge', 'Radio network provider', false],
  ],
  '4050': [
    ['External audit fee', 'External auditor', false],
    ['Professional advice', 'Advisory firm', false],
  ],
  '4060': [
    ['Training course fees', 'Training provider', false],
    ['Conference places', 'Conference organiser', false],
  ],
  '4090': [
    ['Sundry supplies and services', 'Various suppliers', false],
    ['Subscriptions', 'Professional body', false],
  ],
  '5001': [['Collaboration contribution', 'Lead force (recharge)', true]],
  '5010': [['Grant payment', 'Commissioned provider', false]],
  '6001': [['Loan interest', 'Public Works Loan Board', false]],
  '6002': [['Minimum revenue provision', '', true]],
  '7001': [['Year-end transfer to or from reserves', '', true]],
  '7010': [['Carry forwards from 2016/17 applied', '', true]],
  '9001': [
    ['Fees and charges', 'Various customers', false],
    ['Firearms licensing fees', 'Various customers', false],
  ],
  '9002': [['Specific grant received', 'Grant-paying body', false]],
  '9003': [['Disclosure (DBS) income', 'Disclosure and Barring Service', false]],
  '9010': [['Secondment recharge', 'Partner organisation', false]],
};

/** The calendar month of a period of the financial year that starts in April of `firstYear`. */
const MONTH_OF_PERIOD = (p: number, firstYear: number): { month: number; year: number } =>
  p <= 9 ? { month: p + 3, year: firstYear } : { month: p - 9, year: firstYear + 1 };
export const pad2 = (n: number): string => String(n).padStart(2, '0');
const date = (p: number, day: number, firstYear: number): string => {
  const { month, year } = MONTH_OF_PERIOD(p, firstYear);
  return `${pad2(day)}/${pad2(month)}/${year}`;
};

interface LedgerLine {
  period: number;
  day: number;
  costCentre: string;
  subjective: string;
  description: string;
  supplier: string;
  reference: string;
  pence: Money;
}

/** The year's ledger: how payroll runs are referenced ("1718") and what each subjective's lines say. */
export interface LedgerYear {
  payTag: string;
  narrative: Narratives;
  firstInvoice: number;
}
const LEDGER_2017_18: LedgerYear = { payTag: '1718', narrative: NARRATIVE, firstInvoice: 104_211 };

/** Each line's spend by period as ledger postings (pence), lumpy lines split into several invoices. */
export function ledgerLines(
  lines: readonly GeneratedLine[],
  next: () => number,
  year: LedgerYear = LEDGER_2017_18,
): LedgerLine[] {
  const out: LedgerLine[] = [];
  let invoice = year.firstInvoice;
  let journal = 0;
  for (const line of lines) {
    const narratives = year.narrative[line.spec.subjective] ?? [['Posting', '', true]];
    for (let p = 1; p <= 12; p++) {
      const amount = line.byPeriod[p]!;
      if (amount.isZero()) continue;
      const journalLine = narratives[0]![2];
      const count = journalLine || line.spec.profile !== 'lumpy' ? 1 : 1 + Math.floor(next() * 5);
      const parts = split(
        amount,
        Array.from({ length: count }, () => 0.3 + next() * 1.4),
      );
      parts.forEach((part) => {
        const [description, supplier, isJournal] = narratives[Math.floor(next() * narratives.length)]!;
        const day = isJournal ? (p === 12 ? 31 : 25) : 1 + Math.floor(next() * 28);
        const reference = description.startsWith('Payroll')
          ? `PAY-${year.payTag}-P${pad2(p)}`
          : isJournal
            ? `JNL-P${pad2(p)}-${String(++journal).padStart(4, '0')}`
            : `INV-${++invoice}`;
        out.push({
          period: p,
          day,
          costCentre: line.costCentre.code,
          subjective: line.spec.subjective,
          description,
          supplier,
          reference,
          pence: part,
        });
      });
    }
  }
  return out;
}

/** The planted findings: a late journal (the P6 return misses it) and a miscoded invoice (P8, corrected in P10). */
function plant(ledger: LedgerLine[]): void {
  const take = (period: number, costCentre: string, subjective: string, pence: Money): LedgerLine => {
    const host = ledger.find(
      (l) =>
        l.period === period && l.costCentre === costCentre && l.subjective === subjective && l.pence.greaterThan(pence),
    );
    if (!host) throw new Error(`No ${costCentre}/${subjective} line in P${period} to plant in`);
    host.pence = host.pence.minus(pence);
    return host;
  };
  const late = new Money(LATE_JOURNAL.pence);
  take(LATE_JOURNAL.period, LATE_JOURNAL.costCentre, LATE_JOURNAL.subjective, late);
  ledger.push({
    period: LATE_JOURNAL.period,
    day: LATE_JOURNAL.day,
    costCentre: LATE_JOURNAL.costCentre,
    subjective: LATE_JOURNAL.subjective,
    description: 'CTC contract charge: September accrual (posted after the P6 return was prepared)',
    supplier: 'Chiltern Transport Consortium',
    reference: LATE_JOURNAL.reference,
    pence: late,
  });
  const wrong = new Money(MISCODING.pence);
  const host = take(MISCODING.period, MISCODING.costCentre, MISCODING.subjective, wrong);
  const base = { costCentre: MISCODING.wrongCode, subjective: MISCODING.subjective, supplier: host.supplier };
  ledger.push({
    ...base,
    period: MISCODING.period,
    day: host.day,
    description: `${host.description} (cost centre keyed as ${MISCODING.wrongCode})`,
    reference: `${host.reference}A`,
    pence: wrong,
  });
  ledger.push({
    ...base,
    period: MISCODING.correctedIn,
    day: 12,
    description: `Reverse miscoded ${host.reference}A to ${MISCODING.costCentre}`,
    reference: 'JNL-P10-0901',
    supplier: '',
    pence: wrong.negated(),
  });
  ledger.push({
    ...base,
    period: MISCODING.correctedIn,
    day: 12,
    costCentre: MISCODING.costCentre,
    description: `Re-post ${host.reference}A from ${MISCODING.wrongCode}`,
    reference: 'JNL-P10-0901',
    supplier: '',
    pence: wrong,
  });
}

export const FILES = {
  budget: 'illustrative-2017-18-budget.csv',
  returns: MONTHS.map((m) => `illustrative-2017-18-p${pad2(m)}-outturn.csv`),
  ledgerToP11: 'illustrative-2017-18-ledger-p01-p11.csv',
  ledgerP12: 'illustrative-2017-18-ledger-p12.csv',
} as const;

/** The budget by cost centre and subjective, original and revised; phased lines one row per period. */
export function budgetCsv(lines: readonly GeneratedLine[], year: string): string {
  const budgetRows: string[][] = [
    [
      'Year',
      'Cost centre',
      'Cost centre name',
      'Area',
      'Subjective',
      'Subjective name',
      'Period',
      'Original budget',
      'Revised budget',
    ],
  ];
  for (const l of lines) {
    const base = [
      year,
      l.costCentre.code,
      l.costCentre.name,
      l.area.area,
      l.spec.subjective,
      SUBJECTIVES[l.spec.subjective] ?? '',
    ];
    const phase = l.spec.phase ? PHASE_PERIODS[l.spec.phase] : null;
    if (!phase) budgetRows.push([...base, '', poundsOf(l.original), poundsOf(l.budget)]);
    else {
      const revised = split(
        l.budget,
        phase.map(() => 1),
      );
      const original = split(
        l.original,
        phase.map(() => 1),
      );
      phase.forEach((p, i) => budgetRows.push([...base, String(p), poundsOf(original[i]!), poundsOf(revised[i]!)]));
    }
  }
  return csv(budgetRows);
}

/**
 * The monitoring return as at `month`: each line's actual to date is the sum of its spend in the closed
 * periods (the same pence the ledger is split from, so the two agree), less `missing` where the return
 * was prepared before a posting (pence, by "cost centre/subjective").
 */
export function returnCsv(
  lines: readonly GeneratedLine[],
  year: string,
  month: number,
  missing: ReadonlyMap<string, Money> = new Map(),
): string {
  const rows: string[][] = [
    ['Year', 'Period', 'Cost centre', 'Subjective', 'Area', 'Budget', 'Actual to date', 'Forecast outturn'],
  ];
  for (const l of lines) {
    const actual = sum(l.byPeriod.slice(1, month + 1)).minus(
      missing.get(`${l.costCentre.code}/${l.spec.subjective}`) ?? ZERO,
    ); // pence
    const forecast = l.budget.plus(forecastVariance(l, month));
    rows.push([
      year,
      String(month),
      l.costCentre.code,
      l.spec.subjective,
      l.area.area,
      poundsOf(l.budget),
      pounds(actual),
      poundsOf(forecast),
    ]);
  }
  return csv(rows);
}

/** Ledger postings in period, date and code order (sorts in place). */
export function sortLedger(ledger: LedgerLine[]): LedgerLine[] {
  return ledger.sort(
    (a, b) =>
      a.period - b.period ||
      a.day - b.day ||
      a.costCentre.localeCompare(b.costCentre) ||
      a.subjective.localeCompare(b.subjective) ||
      a.reference.localeCompare(b.reference),
  );
}

/** A ledger export: posting dates in the financial year that starts in April of `firstYear`; nil lines left out. */
export function ledgerCsv(ledger: readonly LedgerLine[], firstYear: number): string {
  const header = [
    'Posting date',
    'Period',
    'Cost centre',
    'Subjective',
    'Description',
    'Supplier',
    'Reference',
    'Amount',
  ];
  const row = (l: LedgerLine): string[] => [
    date(l.period, l.day, firstYear),
    String(l.period),
    l.costCentre,
    l.subjective,
    l.description,
    l.supplier,
    l.reference,
    pounds(l.pence),
  ];
  return csv([header, ...ledger.filter((l) => !l.pence.isZero()).map(row)]);
}

/** Every illustrative file, name -> text. Deterministic: the same paper files give the same bytes. */
export function generateSampleYear(paper: PaperInputs): Map<string, string> {
  const next = seededRandom(SEED);
  const targets = paperTargets(paper);
  const lines = buildLines(targets, next);
  const files = new Map<string, string>();
  files.set(FILES.budget, budgetCsv(lines, YEAR));
  MONTHS.forEach((month, i) => {
    const late =
      month === LATE_JOURNAL.period
        ? new Map([[`${LATE_JOURNAL.costCentre}/${LATE_JOURNAL.subjective}`, new Money(LATE_JOURNAL.pence)]])
        : undefined;
    files.set(FILES.returns[i]!, returnCsv(lines, YEAR, month, late));
  });
  const ledger = ledgerLines(lines, next);
  plant(ledger);
  sortLedger(ledger);
  files.set(
    FILES.ledgerToP11,
    ledgerCsv(
      ledger.filter((l) => l.period <= 11),
      2017,
    ),
  );
  files.set(
    FILES.ledgerP12,
    ledgerCsv(
      ledger.filter((l) => l.period === 12),
      2017,
    ),
  );
  return files;
}

export function readPaperInputs(dataDir: string): PaperInputs {
  const read = (name: string): string => readFileSync(join(dataDir, name), 'utf8');
  return {
    constabularySummary: read('constabulary-summary.csv'),
    table3: read('table-3-opcc-corporate-costs.csv'),
    appendix2: read('appendix-2-revenue-carry-forwards.csv'),
  };
}

/** Writes `files` into data/, or with --check compares them with what is there (exit 1 if any differs). */
export function writeOrCheck(files: ReadonlyMap<string, string>, dataDir: string, command: string): void {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, text] of files) {
    const path = join(dataDir, name);
    if (check) {
      let current: string;
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        current = '';
      }
      if (current !== text) {
        stale++;
        process.stdout.write(`differs: data/${name}\n`);
      }
    } else {
      writeFileSync(path, text);
      process.stdout.write(`wrote data/${name} (${text.split('\n').length - 2} rows)\n`);
    }
  }
  if (check) {
    process.stdout.write(stale === 0 ? 'data/ is up to date\n' : `${stale} file(s) differ: run ${command}\n`);
    process.exit(stale === 0 ? 0 : 1);
  }
}

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

function main(): void {
  writeOrCheck(generateSampleYear(readPaperInputs(DATA_DIR)), DATA_DIR, 'npx tsx src/cli/generate-sample-year.ts');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
