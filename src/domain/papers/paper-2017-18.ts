import type { FormulaSpec, PercentageSpec, TableSpec } from '../checks/table-checks';

/*
 * The checks of the 19 July 2018 outturn paper's tables: which totals and column formulas bind each
 * one, keyed by the sample file that holds it (data/). Columns are matched by their printed headers, and where a
 * file's import mapped them, by the canonical column (a user's own file, its own headers).
 * Totals follow each table's layout (Row type): see inferTotalRules. The formulas are the paper's own
 * (Appendix 3 prints them in its headings: G = D+E+F, J = H+I, L = K-G, N = L+M) or the arithmetic its
 * columns state (variance = outturn - budget; closing = opening + added + usage, usage printed negative).
 * Cross-file tie-outs (Table 5 against Appendix 2 and Table 4, and so on) are separate checks.
 */

const varianceFormula: FormulaSpec = {
  id: 'variance',
  description: 'Printed variance = outturn - budget',
  target: /^variance.*£/i,
  terms: [
    { column: /outturn/i, sign: 1 },
    { column: /budget/i, sign: -1 },
  ],
};

const variancePercent: PercentageSpec = {
  id: 'percent',
  description: 'Printed variance % = |variance| / |budget| x 100',
  target: /^variance.*%/i,
  numerator: /^variance.*£/i,
  denominator: /budget/i,
  absolute: true,
};

const revisedFormula: FormulaSpec = {
  id: 'revised',
  description: 'Revised = B/Fwd + Original + Amendments',
  target: /^revised/i,
  targetKey: 'revised',
  terms: [
    { column: /^b\/fwd/i, sign: 1, key: 'bfwd' },
    { column: /^original/i, sign: 1, key: 'original' },
    { column: /amendments/i, sign: 1, key: 'amendments' },
  ],
};

/** Appendix 3's lettered columns a capital file's import maps (J, L and N are the paper's worked columns). */
const LETTER_KEYS: Readonly<Record<string, string>> = {
  D: 'bfwd',
  E: 'original',
  F: 'amendments',
  G: 'revised',
  H: 'actual',
  I: 'commitments',
  K: 'expectedOutturn',
  M: 'carryForward',
};

const appendix3 = (letter: string, description: string, terms: [string, 1 | -1][]): FormulaSpec => ({
  id: letter.toLowerCase(),
  description,
  target: new RegExp(`\\[${letter}\\b`),
  ...(LETTER_KEYS[letter] ? { targetKey: LETTER_KEYS[letter] } : {}),
  terms: terms.map(([l, sign]) => ({
    column: new RegExp(`\\[${l}\\b`),
    sign,
    ...(LETTER_KEYS[l] ? { key: LETTER_KEYS[l] } : {}),
  })),
});

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
  'table-4-capital-programme.csv': {
    id: 't4p',
    title: 'Table 4: Capital Programme (payments)',
    totals: 'layout',
    formulas: [revisedFormula],
    percentages: [
      {
        id: 'percent',
        description: '% = Outturn / Revised x 100',
        target: /^%$/,
        numerator: /^outturn/i,
        denominator: /^revised/i,
      },
    ],
  },
  'table-4-capital-financing.csv': {
    id: 't4f',
    title: 'Table 4: Capital Financing',
    totals: 'layout',
    formulas: [revisedFormula],
  },
  'table-5-reserves.csv': {
    id: 't5',
    title: 'Table 5: Reserves position',
    totals: 'layout',
    formulas: [
      {
        id: 'closing',
        description: 'Balance 31/3/18 = Balance 1/4/17 + Added + Actual usage (usage printed negative)',
        target: /^balance 31\/3/i,
        targetKey: 'closing',
        terms: [
          { column: /^balance 1\/4/i, sign: 1, key: 'opening' },
          { column: /^added/i, sign: 1, key: 'added' },
          { column: /^actual usage/i, sign: 1, key: 'used' },
        ],
      },
    ],
  },
  'appendix-2-revenue-carry-forwards.csv': {
    id: 'a2',
    title: 'Appendix 2: Revenue carry forward requests',
    totals: 'layout',
  },
  'appendix-3-capital-schemes.csv': {
    id: 'a3',
    title: 'Appendix 3: Scheme by scheme capital report',
    totals: 'layout',
    formulas: [
      appendix3('G', 'G = D + E + F', [
        ['D', 1],
        ['E', 1],
        ['F', 1],
      ]),
      appendix3('J', 'J = H + I', [
        ['H', 1],
        ['I', 1],
      ]),
      appendix3('L', 'L = K - G', [
        ['K', 1],
        ['G', -1],
      ]),
      appendix3('N', 'N = L + M', [
        ['L', 1],
        ['M', 1],
      ]),
    ],
  },
  'appendix-4-capital-carry-forwards.csv': {
    id: 'a4',
    title: 'Appendix 4: Capital carry forward requests',
    totals: 'layout',
    formulas: [
      {
        id: 'variance',
        description: 'Variance = Provisional Outturn - Revised Budget',
        target: /^variance/i,
        terms: [
          { column: /^provisional outturn/i, sign: 1 },
          { column: /^revised/i, sign: -1 },
        ],
      },
      {
        // Not a printed formula: a reasonableness test that each request carries forward its underspend.
        id: 'cfwd-vs-variance',
        description: 'Requested carry forward = underspend (-variance)',
        target: /^requested carry forward/i,
        terms: [{ column: /^variance/i, sign: -1 }],
      },
    ],
  },
} satisfies Record<string, TableSpec>;
