import type { FormulaSpec, PercentageSpec, TableSpec } from './table-checks';

/*
 * The checks of the 19 July 2018 outturn paper's tables: which totals and formulas bind each one.
 * Keyed by the sample file that holds the table (data/). Column formulas are matched by header.
 */

const varianceFormula: FormulaSpec = {
  id: 'variance',
  description: 'Variance = Outturn - Budget',
  target: /variance.*£/i,
  terms: [
    { column: /outturn/i, sign: 1 },
    { column: /budget/i, sign: -1 },
  ],
};

const variancePercent: PercentageSpec = {
  id: 'variance-percent',
  description: 'Variance % = Variance / Budget',
  target: /variance.*%/i,
  numerator: /variance.*£/i,
  denominator: /budget/i,
  absolute: true,
};

export const PAPER_2017_18 = {
  'table-1-revenue-outturn.csv': {
    id: 't1',
    title: 'Table 1: Revenue Outturn 2017/18',
    totals: 'layout',
    formulas: [varianceFormula],
    percentages: [variancePercent],
  },
  'constabulary-summary.csv': {
    id: 'cs',
    title: 'Constabulary summary',
    totals: 'layout',
    formulas: [varianceFormula],
    percentages: [variancePercent],
  },
  'table-3-opcc-corporate-costs.csv': {
    id: 't3',
    title: 'Table 3: OPCC and Corporate Costs',
    totals: 'layout',
    formulas: [varianceFormula],
    percentages: [variancePercent],
  },
} satisfies Record<string, TableSpec>;
