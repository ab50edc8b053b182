// npx tsx src/cli/generate-sample-2018-19.ts [--check]
//
// Writes a second ILLUSTRATIVE year, 2018/19, into data/, rolled forward from 2017/18 so that the year
// switch and the checks between years have something to show: a budget (the 2017/18 paper's area budgets,
// uplifted), monitoring returns as at P3, P6, P9 and P12, one ledger export (P1-P12), the reserves (Table 5's
// shape: every reserve opens at its 2017/18 closing but one, planted on purpose), the capital programme
// (Table 4's shape: B/Fwd = the 2017/18 carry-forward requests) and a revenue outturn (Table 1's shape).
// Same chart of accounts and method as generate-sample-year.ts, its own seed; every figure is made up except
// where it is read from the 2017/18 files in data/. Deterministic: the same inputs give the same bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Money, ZERO, THOUSAND, HUNDRED, formatWholeThousands, sum } from '../domain/core/money';
import { BOARD_2017_18 } from '../domain/papers/board-2017-18';
import {
  CHART,
  DATA_DIR,
  MONTHS,
  NARRATIVE,
  budgetCsv,
  buildLines,
  csv,
  ledgerCsv,
  ledgerLines,
  pad2,
  paperTargets,
  readPaperInputs,
  returnCsv,
  sortLedger,
  writeOrCheck,
  type AreaSpec,
  type AreaTarget,
  type GeneratedLine,
  type LineSpec,
  type Narratives,
  type PaperInputs,
} from './generate-sample-year';
import {
  capitalProgramme2018,
  capitalSlippage2018,
  broughtForwardByCategory,
  carryForwardsAdded2017,
  reserves2018,
} from './sample-2018-19-tables';
import { seededRandom } from './seeded-random';

const YEAR = '2018/19';
const SEED = 20180401;

export const FILES_2018_19 = {
  budget: 'illustrative-2018-19-budget.csv',
  returns: MONTHS.map((m) => `illustrative-2018-19-p${pad2(m)}-outturn.csv`),
  ledger: 'illustrative-2018-19-ledger-p01-p12.csv',
  reserves: 'illustrative-2018-19-reserves.csv',
  capitalProgramme: 'illustrative-2018-19-capital-programme.csv',
  revenueOutturn: 'illustrative-2018-19-revenue-outturn.csv',
} as const;

/**
 * Each area's 2018/19 budget: its 2017/18 budget times `uplift`, to the nearest £1,000 (or `fixed`, £'000);
 * its outturn: the budget plus its lines' set variances plus `balance` (£'000), taken by its balancing line.
 */
const AREAS: Readonly<Record<string, { uplift: string; balance: number } | { fixed: number; balance: number }>> = {
  'local-policing': { uplift: '1.02', balance: 40 },
  'organisational-support': { uplift: '1.015', balance: 25 },
  collaboration: { uplift: '1.025', balance: -60 },
  income: { uplift: '1.03', balance: -50 },
  'carry-forwards': { fixed: 0, balance: 0 }, // the 2017/18 carry forwards, from Table 5 (chart2018)
  'constabulary-reserves': { fixed: 0, balance: -400 },
  'commissioner-and-staff': { uplift: '1.02', balance: 10 },
  'supplies-and-services': { uplift: '1.01', balance: 5 },
  'transfer-to-reserves': { fixed: 0, balance: 0 },
  'corporate-costs-and-grants': { uplift: '1.01', balance: -30 },
  'property-in-capital-financing-costs': { uplift: '1.04', balance: 20 },
  'costs-of-surplus-properties': { uplift: '1', balance: 15 },
  'corporate-reserves': { fixed: 0, balance: -120 },
};

// What changes in the chart for 2018/19 (by "cost centre/subjective"): DBS now budgeted, the CTC contract
// renegotiated, a smaller vacancy factor (again not achieved).
const LINE_CHANGES: Readonly<Record<string, Partial<LineSpec>>> = {
  '20150/1021': { budget: 380, variance: 30 },
  '20150/4090': { budget: 40, variance: 5 },
  '40100/9003': { budget: -420, variance: -60 },
  '20500/3010': { variance: 320 },
  '20900/1090': { budget: { fixed: -1_500 } },
};

const VIREMENTS_2018_19: Readonly<Record<string, number>> = {
  '10100/1001': 150_000,
  '10200/1001': -150_000,
  '60100/5010': 50_000,
  '60200/4090': -50_000,
};

/** The 2017/18 chart with the 2018/19 changes; the carry forwards applied are 2017/18's, `carriedForward` (£'000). */
function chart2018(carriedForward: number): AreaSpec[] {
  return CHART.map((area) => ({
    ...area,
    costCentres: area.costCentres.map((cc) =>
      area.key === 'carry-forwards'
        ? {
            code: cc.code,
            name: 'Carry forwards from 2017/18',
            lines: cc.lines.map((l) => ({ ...l, budget: { fixed: -carriedForward } })),
          }
        : { ...cc, lines: cc.lines.map((l) => ({ ...l, ...LINE_CHANGES[`${cc.code}/${l.subjective}`] })) },
    ),
  }));
}

const k = (thousands: number): Money => new Money(thousands).times(THOUSAND);

/** A line's year-end spend variance as the chart sets it (pounds); nil for the balancing line. */
function setVariance(areaKey: string, spec: LineSpec): Money {
  if (typeof spec.variance === 'number') return k(spec.variance);
  if (spec.variance !== 'no-spend') return ZERO;
  // Nothing spent: the variance is the budget undone, known only for a fixed budget.
  if (typeof spec.budget === 'number') throw new Error(`${areaKey}: a no-spend line needs a fixed budget`);
  return k(spec.budget.fixed).negated();
}

/** The areas' 2018/19 budgets and outturns (pounds, whole £'000), from the 2017/18 paper's budgets. */
function targets2018(paper2017: Map<string, AreaTarget>, chart: readonly AreaSpec[]): Map<string, AreaTarget> {
  const out = new Map<string, AreaTarget>();
  for (const area of chart) {
    const setting = AREAS[area.key];
    const last = paper2017.get(area.key);
    if (!setting || !last) throw new Error(`No 2018/19 setting for ${area.key}`);
    const specs = area.costCentres.flatMap((cc) => cc.lines);
    const fixedBudget = sum(specs.map((s) => (typeof s.budget === 'number' ? ZERO : k(s.budget.fixed))));
    const budget =
      'uplift' in setting
        ? last.budget.dividedBy(THOUSAND).times(setting.uplift).toDecimalPlaces(0, Money.ROUND_HALF_UP).times(THOUSAND)
        : fixedBudget.plus(k(setting.fixed));
    const setVariances = sum(specs.map((s) => setVariance(area.key, s)));
    if (!specs.some((s) => s.variance === 'balance')) throw new Error(`${area.key}: no balancing line`);
    out.set(area.key, { budget, outturn: budget.plus(setVariances).plus(k(setting.balance)), carryForward: ZERO });
  }
  return out;
}

export interface PriorYearInputs extends PaperInputs {
  table5: string;
  appendix3: string;
  appendix4: string;
  financing: string;
}

export function readPriorYearInputs(dataDir: string): PriorYearInputs {
  const read = (name: string): string => readFileSync(join(dataDir, name), 'utf8');
  return {
    ...readPaperInputs(dataDir),
    table5: read('table-5-reserves.csv'),
    appendix3: read('appendix-3-capital-schemes.csv'),
    appendix4: read('appendix-4-capital-carry-forwards.csv'),
    financing: read('table-4-capital-financing.csv'),
  };
}

const GROUPS = [
  { key: 'constabulary', label: 'Constabulary' },
  { key: 'opcc', label: 'OPCC' },
  { key: 'grants', label: 'Grants, Capital Financing and costs of surplus properties' },
] as const;

/**
 * Table 1 for 2018/19 from the P12 return's lines: budget and outturn (the P12 forecast, the year closed)
 * by the board's groups, in £'000; the OPCC's Transfer to Reserves stays below the line, as in 2017/18.
 */
function revenueOutturn2018(lines: readonly GeneratedLine[]): string {
  const rows: string[][] = [
    [
      'Area',
      'Row type',
      "Budget 2018/19 (£'000)",
      "Year-End Outturn (£'000)",
      "Variance (£'000)",
      'Variance (%)',
      'Note',
    ],
  ];
  const printed = (pounds: Money): string => {
    if (!pounds.mod(THOUSAND).isZero()) throw new Error(`${pounds.toString()} is not whole £'000`);
    return formatWholeThousands(pounds.dividedBy(THOUSAND));
  };
  const row = (label: string, rowType: string, budget: Money, outturn: Money, note: string): string[] => {
    const variance = outturn.minus(budget);
    const pct = budget.isZero() ? '' : variance.abs().times(HUNDRED).dividedBy(budget.abs());
    return [
      label,
      rowType,
      printed(budget),
      printed(outturn),
      printed(variance),
      pct === '' ? '' : `${pct.toFixed(1, Money.ROUND_HALF_UP)}%`,
      note,
    ];
  };
  let budgetTotal = ZERO;
  let outturnTotal = ZERO;
  for (const group of GROUPS) {
    const of = lines.filter((l) => {
      const area = BOARD_2017_18.areas.find((a) => a.key === l.area.key);
      return area?.group === group.key && !area.belowTheLine;
    });
    const budget = sum(of.map((l) => l.budget));
    const outturn = sum(of.map((l) => l.budget.plus(l.variance)));
    budgetTotal = budgetTotal.plus(budget);
    outturnTotal = outturnTotal.plus(outturn);
    const areas = [...new Set(of.map((l) => l.area.area))].join(', ');
    rows.push(row(group.label, 'item', budget, outturn, `illustrative; the P12 return's ${areas}`));
  }
  rows.push(row('TOTAL', 'total', budgetTotal, outturnTotal, 'illustrative'));
  return csv(rows);
}

/** Every 2018/19 file, name -> text. */
export function generateSample2018(inputs: PriorYearInputs): Map<string, string> {
  const next = seededRandom(SEED);
  const paper2017 = paperTargets(inputs);
  // The Carry Forward Revenue Reserve's 2017/18 additions (1,012; Appendix 2's items add to 1,013) are applied.
  const chart = chart2018(carryForwardsAdded2017(inputs.table5).dividedBy(THOUSAND).toNumber());
  const lines = buildLines(targets2018(paper2017, chart), next, chart, VIREMENTS_2018_19);
  const files = new Map<string, string>();
  files.set(FILES_2018_19.budget, budgetCsv(lines, YEAR));
  MONTHS.forEach((month, i) => files.set(FILES_2018_19.returns[i]!, returnCsv(lines, YEAR, month)));
  const narrative: Narratives = { ...NARRATIVE, '7010': [['Carry forwards from 2017/18 applied', '', true]] };
  const ledger = sortLedger(ledgerLines(lines, next, { payTag: '1819', narrative, firstInvoice: 131_540 }));
  files.set(FILES_2018_19.ledger, ledgerCsv(ledger, 2018));
  files.set(FILES_2018_19.reserves, reserves2018(inputs.table5, capitalSlippage2018()));
  files.set(
    FILES_2018_19.capitalProgramme,
    capitalProgramme2018(broughtForwardByCategory(inputs.appendix4, inputs.appendix3, inputs.financing)),
  );
  files.set(FILES_2018_19.revenueOutturn, revenueOutturn2018(lines));
  return files;
}

function main(): void {
  writeOrCheck(
    generateSample2018(readPriorYearInputs(DATA_DIR)),
    DATA_DIR,
    'npx tsx src/cli/generate-sample-2018-19.ts',
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
