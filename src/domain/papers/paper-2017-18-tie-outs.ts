import type { FigureSpec, TieOutGroup, TieOutSpec } from '../checks/tie-outs';

/*
 * The tie-outs between the tables of the 19 July 2018 outturn paper (the sample files in data/), with
 * the ids of data/casting-expectations.json, where each is worked out by hand. Columns are found by their
 * printed headers, rows by their keys (keyOf of the label). Two checks there are left out on purpose:
 * "Applied + Transfer = Revised" (t4f.applied-plus-transfer.*) is not a formula the paper states, and it
 * fails on 10 of 12 rows for that reason alone (see data/README.md); what the figures do show, that
 * Applied + Transfer is what a reserve gave, is checked against Table 5 below.
 */

const T1 = 'table-1-revenue-outturn.csv';
const CS = 'constabulary-summary.csv';
const T3 = 'table-3-opcc-corporate-costs.csv';
const T4P = 'table-4-capital-programme.csv';
const T4F = 'table-4-capital-financing.csv';
const T5 = 'table-5-reserves.csv';
const A2 = 'appendix-2-revenue-carry-forwards.csv';
const A3 = 'appendix-3-capital-schemes.csv';
const A4 = 'appendix-4-capital-carry-forwards.csv';

const C = {
  budget: /budget/i,
  outturn: /outturn/i,
  variance: /^variance.*£/i,
  percent: /^variance.*%/i,
  bfwd: /^b\/fwd/i,
  original: /^original/i,
  amendments: /amendments/i,
  revised: /^revised/i,
  t4pOutturn: /^outturn/i,
  totalSpend: /^total spend/i,
  applied: /^applied/i,
  transfer: /^transfer/i,
  opening: /^balance 1\/4/i,
  added: /^added/i,
  used: /^actual usage/i,
  amount: /£'000/,
  a4Revised: /^revised/i,
  a4Outturn: /^provisional outturn/i,
  a4Variance: /^variance/i,
  a4Cfwd: /^requested carry forward/i,
} as const;
const letter = (l: string): RegExp => new RegExp(`\\[${l}\\b`);

const cell = (table: string, row: string, column: RegExp, sign: 1 | -1 = 1): FigureSpec => ({
  table,
  row,
  column,
  sign,
});
const items = (table: string, column: RegExp): FigureSpec => ({ table, rows: 'items', column });
const stated = (where: string, quote: string, thousands: number, sign: 1 | -1 = 1): FigureSpec => ({
  stated: where,
  quote,
  pounds: String(thousands * 1000),
  sign,
});

const tie = (
  id: string,
  group: TieOutGroup,
  description: string,
  printed: FigureSpec[],
  against: FigureSpec[],
  extra: Partial<TieOutSpec> = {},
): TieOutSpec => ({
  id,
  group,
  description,
  printed,
  against,
  ...extra,
});

// Table 1 against the Constabulary summary and Table 3, column by column.
const revenueBreakdowns: TieOutSpec[] = [
  ...(['budget', 'outturn', 'variance', 'percent'] as const).map((c) =>
    tie(
      `x.t1-cs.constabulary.${c}`,
      'revenue-tables',
      `Table 1 Constabulary = Constabulary summary total (${c})`,
      [cell(T1, 'constabulary', C[c])],
      [cell(CS, 'total-constabulary-budget', C[c])],
      c === 'percent' ? { unit: 'percent' } : {},
    ),
  ),
  ...(['budget', 'outturn', 'variance', 'percent'] as const).map((c) =>
    tie(
      `x.t1-t3.opcc.${c}`,
      'revenue-tables',
      `Table 1 OPCC = Table 3 TOTAL OPCC (${c})`,
      [cell(T1, 'opcc', C[c])],
      [cell(T3, 'total-opcc', C[c])],
      {
        ...(c === 'percent' ? { unit: 'percent' as const } : {}),
        ...(c === 'outturn'
          ? { note: 'Table 1 prints 1,098; Table 3’s TOTAL OPCC includes the 96 Transfer to Reserves.' }
          : {}),
      },
    ),
  ),
  ...(['budget', 'outturn', 'variance', 'percent'] as const).map((c) =>
    tie(
      `x.t1-t3.grants.${c}`,
      'revenue-tables',
      `Table 1 Grants, Capital Financing and costs of surplus properties = Table 3 TOTAL (${c})`,
      [cell(T1, 'grants-capital-financing-and-costs-of-surplus-properties', C[c])],
      [cell(T3, 'total', C[c])],
      {
        ...(c === 'percent' ? { unit: 'percent' as const } : {}),
        ...(c === 'variance'
          ? { note: 'Table 1 prints (94), an underspend; outturn 3,608 is 94 over budget 3,514, as Table 3 prints.' }
          : {}),
      },
    ),
  ),
  tie(
    'cs.total-constabulary-budget.variance-from-items',
    'revenue-tables',
    'Constabulary summary: TOTAL variance = the six line variances (Total Expenditure prints no variance)',
    [cell(CS, 'total-constabulary-budget', C.variance)],
    [items(CS, C.variance)],
  ),
];

const revenueCarryForwards: TieOutSpec[] = [
  tie(
    'x.a2-t5.carry-forward-revenue-added',
    'revenue-carry-forwards',
    'Table 5 Carry Forward Revenue Reserve added = total revenue carry-forward requests (Appendix 2, para 4.10 £1.012m)',
    [cell(T5, 'carry-forward-revenue-reserve', C.added)],
    [cell(A2, 'total-of-all-carry-forwards', C.amount)],
  ),
  tie(
    'a2.total.amount-from-items',
    'revenue-carry-forwards',
    'Appendix 2: total of all carry-forwards (para 4.10) = all the requests',
    [cell(A2, 'total-of-all-carry-forwards', C.amount)],
    [items(A2, C.amount)],
    {
      note: 'The grant sub total is printed 745 where its items add to 746.',
    },
  ),
];

const revenueReserveTransfers: TieOutSpec[] = [
  tie(
    'x.cs-t5.carry-forwards-used',
    'revenue-reserve-transfers',
    'Table 5 Carry Forward Revenue Reserve usage = the Constabulary outturn’s Carry Forwards line',
    [cell(T5, 'carry-forward-revenue-reserve', C.used)],
    [cell(CS, 'carry-forwards', C.outturn)],
  ),
];

const A4_NOTE = 'Appendix 4 prints no total: its requests are added here.';
const capitalCarryForwards: TieOutSpec[] = [
  tie(
    'x.t4f-t5.capital-carry-forward-added',
    'capital-carry-forwards',
    'Table 5 Capital Carry Forward Reserve added = Table 4 transfer to the Capital Carry Forward Reserve',
    [cell(T5, 'capital-carry-forward-reserve', C.added)],
    [cell(T4F, 'total', C.transfer)],
  ),
  tie(
    'x.a3-t4f.carry-forward',
    'capital-carry-forwards',
    'Appendix 3 predicted carry-forward = Table 4 transfer to the Capital Carry Forward Reserve',
    [cell(A3, 'grand-total', letter('M'))],
    [cell(T4F, 'total', C.transfer)],
  ),
  tie(
    'x.a4-t4f.carry-forward',
    'capital-carry-forwards',
    'Table 4 transfer to the Capital Carry Forward Reserve = the Appendix 4 carry-forward requests',
    [cell(T4F, 'total', C.transfer)],
    [items(A4, C.a4Cfwd)],
    { note: A4_NOTE },
  ),
  tie(
    'x.a4-a3.carry-forward',
    'capital-carry-forwards',
    'Appendix 3 predicted carry-forward = the Appendix 4 carry-forward requests',
    [cell(A3, 'grand-total', letter('M'))],
    [items(A4, C.a4Cfwd)],
    { note: A4_NOTE },
  ),
  tie(
    'x.t4p-t5.capital-carry-forward-opening',
    'capital-carry-forwards',
    'Table 5 Capital Carry Forward Reserve at 1 April 2017 = Table 4 budget brought forward',
    [cell(T5, 'capital-carry-forward-reserve', C.opening)],
    [cell(T4P, 'total', C.bfwd)],
  ),
];

const BY_CONSTRUCTION =
  'The transcription placed this transfer figure by this tie, so it passes by construction (data/README.md).';
const reservesFundingCapital: TieOutSpec[] = [
  [
    'x.t4f-t5.capital-carry-forward-reserve-used',
    'capital-carry-forward-reserve',
    'carry-forward-reserve',
    'Capital Carry Forward Reserve',
    'Carry Forward Reserve',
  ],
  ['x.t4f-t5.capital-reserve-used', 'capital-reserve', 'capital-reserve', 'Capital Reserve', 'Capital Reserve'],
  [
    'x.t4f-t5.estate-development-reserve-used',
    'estate-development-reserve',
    'estates-development-reserve',
    'Estate Development Reserve',
    'Estates Development Reserve',
  ],
].map(([id, reserve, line, reserveLabel, lineLabel]) =>
  tie(
    id!,
    'reserves-funding-capital',
    `Table 5 ${reserveLabel!} usage = -(Table 4 ${lineLabel!} applied + transfer)`,
    [cell(T5, reserve!, C.used)],
    [cell(T4F, line!, C.applied, -1), cell(T4F, line!, C.transfer, -1)],
    { note: BY_CONSTRUCTION },
  ),
);

const capitalSpendFinancing: TieOutSpec[] = [
  ...(
    [
      ['bfwd', C.bfwd, C.bfwd],
      ['original', C.original, C.original],
      ['amendments', C.amendments, C.amendments],
      ['revised', C.revised, C.revised],
      ['outturn', C.totalSpend, C.t4pOutturn],
    ] as const
  ).map(([id, financing, payments]) =>
    tie(
      `x.t4p-t4f.${id}`,
      'capital-spend-financing',
      `Table 4 capital financing TOTAL = capital payments TOTAL (${id === 'outturn' ? 'total spend against outturn' : id})`,
      [cell(T4F, 'total', financing)],
      [cell(T4P, 'total', payments)],
    ),
  ),
  tie(
    'x.t4p-t4f.applied',
    'capital-spend-financing',
    'Table 4 financing applied = capital payments outturn',
    [cell(T4F, 'total', C.applied)],
    [cell(T4P, 'total', C.t4pOutturn)],
    {
      note: 'Capital Grants shows total spend 649 but applied 483; the 166 between them is its transfer to the reserve.',
    },
  ),
];

// Appendix 3's section totals against Table 4's categories: D = B/Fwd, E = Original + previously
// authorised amendments (Appendix 3's footnote), G = Revised, K = Outturn.
const sectionTies = (key: string, a3Row: string, t4pRow: string, name: string): TieOutSpec[] => [
  tie(
    `x.a3-t4p.${key}.d`,
    'scheme-detail',
    `Appendix 3 ${name} B/Fwd (D) = Table 4`,
    [cell(A3, a3Row, letter('D'))],
    [cell(T4P, t4pRow, C.bfwd)],
  ),
  tie(
    `x.a3-t4p.${key}.e`,
    'scheme-detail',
    `Appendix 3 ${name} original programme (E) = Table 4 original + amendments`,
    [cell(A3, a3Row, letter('E'))],
    [cell(T4P, t4pRow, C.original), cell(T4P, t4pRow, C.amendments)],
  ),
  tie(
    `x.a3-t4p.${key}.g`,
    'scheme-detail',
    `Appendix 3 ${name} revised budget (G) = Table 4`,
    [cell(A3, a3Row, letter('G'))],
    [cell(T4P, t4pRow, C.revised)],
  ),
  tie(
    `x.a3-t4p.${key}.k`,
    'scheme-detail',
    `Appendix 3 ${name} expected outturn (K) = Table 4 outturn`,
    [cell(A3, a3Row, letter('K'))],
    [cell(T4P, t4pRow, C.t4pOutturn)],
  ),
];
const SCHEMES = 'schemes-approved-subject-to-further-business-case';
const SUBJECT_TO_CASE = ['crm-contact', 'parkside-custody-replacement'];
// The Land & Buildings and IT & Communications pages are missing from the extract: what the Grand Total
// leaves after the sections that are there must equal Table 4's figures for those two categories.
const residual = (l: string): FigureSpec[] => [
  cell(A3, 'grand-total', letter(l)),
  cell(A3, 'fleet-total', letter(l), -1),
  cell(A3, 'collaboration-total', letter(l), -1),
  ...SUBJECT_TO_CASE.map((r) => cell(A3, r, letter(l), -1)),
];
const MISSING_PAGES =
  'Land & Buildings and IT & Communications: the Appendix 3 pages are missing, so their figures are what the Grand Total leaves.';
const schemeDetail: TieOutSpec[] = [
  ...sectionTies('fleet-total', 'fleet-total', 'fleet', 'Fleet'),
  ...sectionTies('collaboration-total', 'collaboration-total', 'collaboration', 'Collaboration'),
  ...sectionTies('grand-total', 'grand-total', 'total', 'Grand Total'),
  tie(
    'x.a3-t4p.schemes.e',
    'scheme-detail',
    'Table 4 schemes subject to business case original + amendments = Appendix 3 CRM / Contact + Parkside (E)',
    [cell(T4P, SCHEMES, C.original), cell(T4P, SCHEMES, C.amendments)],
    SUBJECT_TO_CASE.map((r) => cell(A3, r, letter('E'))),
  ),
  tie(
    'x.a3-t4p.schemes.g',
    'scheme-detail',
    'Table 4 schemes subject to business case revised = Appendix 3 CRM / Contact + Parkside (G)',
    [cell(T4P, SCHEMES, C.revised)],
    SUBJECT_TO_CASE.map((r) => cell(A3, r, letter('G'))),
  ),
  tie(
    'x.a3-t4p.schemes.k',
    'scheme-detail',
    'Table 4 schemes subject to business case outturn = Appendix 3 CRM / Contact + Parkside (K)',
    [cell(T4P, SCHEMES, C.t4pOutturn)],
    SUBJECT_TO_CASE.map((r) => cell(A3, r, letter('K'))),
  ),
  tie(
    'x.a3-t4p.land-buildings-and-it-residual.e',
    'scheme-detail',
    'Table 4 Land & Buildings + IT original + amendments = what Appendix 3’s Grand Total leaves (E)',
    ['land-and-buildings', 'it-and-communications'].flatMap((r) => [
      cell(T4P, r, C.original),
      cell(T4P, r, C.amendments),
    ]),
    residual('E'),
    { note: MISSING_PAGES },
  ),
  tie(
    'x.a3-t4p.land-buildings-and-it-residual.h',
    'scheme-detail',
    'Table 4 Land & Buildings + IT outturn = what Appendix 3’s Grand Total leaves (H, actual = outturn at year end)',
    ['land-and-buildings', 'it-and-communications'].map((r) => cell(T4P, r, C.t4pOutturn)),
    residual('H'),
    {
      note: MISSING_PAGES,
    },
  ),
  tie(
    'x.a3-t4p.land-buildings-and-it-residual.l',
    'scheme-detail',
    'Table 4 Land & Buildings + IT outturn - revised = what Appendix 3’s Grand Total leaves (L)',
    ['land-and-buildings', 'it-and-communications'].flatMap((r) => [
      cell(T4P, r, C.t4pOutturn),
      cell(T4P, r, C.revised, -1),
    ]),
    residual('L'),
    { note: MISSING_PAGES },
  ),
];

// Each carry-forward request that has its scheme in the Appendix 3 pages we have, column by column.
const requestTies = (a4Row: string, a3Rows: string[], name: string, note?: string): TieOutSpec[] =>
  (
    [
      ['revised', C.a4Revised, 'G'],
      ['outturn', C.a4Outturn, 'K'],
      ['variance', C.a4Variance, 'L'],
      ['cfwd', C.a4Cfwd, 'M'],
    ] as const
  ).map(([id, column, l]) =>
    tie(
      `x.a4-a3.${a4Row}.${id}`,
      'scheme-detail',
      `Appendix 4 ${name} ${id === 'cfwd' ? 'request' : id} = Appendix 3 (${l})`,
      [cell(A4, a4Row, column)],
      a3Rows.map((r) => cell(A3, r, letter(l))),
      note === undefined ? {} : { note },
    ),
  );
const requests: TieOutSpec[] = [
  ...requestTies('org-support-bch-erp-purchase', ['org-support-bch-erp-purchase'], 'Org Support BCH ERP Purchase'),
  ...requestTies(
    'bch-property-management-system',
    ['bch-property-management-system'],
    'BCH Property Management System',
    'Appendix 4’s budget, outturn and variance for this scheme are unreadable in the extract.',
  ),
  ...requestTies(
    'psd-7f-software-monitoring',
    ['seven-forces-psd-monitoring-system'],
    'PSD 7F Software Monitoring',
    'Appendix 4’s budget, outturn and variance for this scheme are unreadable in the extract.',
  ),
  ...requestTies('jps-anpr', ['jps-anpr'], 'JPS ANPR'),
  ...requestTies('esn-iccs', ['esn-iccs'], 'ESN - ICCS'),
  ...requestTies('telematics', ['telematics'], 'Telematics'),
  ...requestTies(
    'vehicle-replacement-programme-equipment',
    ['vehicle-replacement-programme', 'new-vehicle-equipment'],
    'Vehicle Replacement Programme/Equipment',
    'The request names both schemes (C8010/C8011), but its budget 510 and outturn 217 are New Vehicle Equipment’s alone.',
  ),
  ...requestTies(
    'bch-in-cell-conferencing-facilities',
    ['bch-in-cell-conferencing-facilities'],
    'BCH In-Cell Conferencing Facilities',
  ),
  ...requestTies(
    'jps-equipment-replacement-rolling-programme',
    ['jps-equipment-replacement-rolling-programme'],
    'JPS Equipment Replacement Rolling Programme',
  ),
];

const paperText: TieOutSpec[] = [
  tie(
    'x.p31-t1.total-variance',
    'paper-text',
    'Paragraph 3.1 “overspent by £1.852m” = Table 1 TOTAL variance',
    [cell(T1, 'total', C.variance)],
    [stated('paragraph 3.1', '“overspent by £1.852m”', 1852)],
  ),
  tie(
    'x.p62-a4.wisbech',
    'paper-text',
    'Paragraph 6.2 Wisbech Fire Station Extension “£362k underspend” = Appendix 4 request',
    [stated('paragraph 6.2', '“£362k underspend”', 362)],
    [cell(A4, 'wisbech-fire-station-ext-for-police-purposes', C.a4Cfwd)],
    {
      note: 'Different measures: an underspend and a request; they differ by 1.',
    },
  ),
  tie(
    'x.p62-a4.ict-consolidated',
    'paper-text',
    'Appendix 4 ICT Consolidated Workstreams request = paragraph 6.2 “£410k underspend”',
    [cell(A4, 'ict-consolidated-workstreams', C.a4Cfwd)],
    [stated('paragraph 6.2', '“£410k underspend”', 410)],
  ),
  tie(
    'x.p62-a4.ict-consolidated-variance',
    'paper-text',
    'Appendix 4 ICT Consolidated Workstreams variance = -(paragraph 6.2 “£410k underspend”)',
    [cell(A4, 'ict-consolidated-workstreams', C.a4Variance)],
    [stated('paragraph 6.2', '“£410k underspend”', 410, -1)],
    {
      note: 'The extract places 100 / 98 / (2) on this row: they repeat the SAN row and are probably misplaced.',
    },
  ),
  tie(
    'x.p62-a4.demand-hub',
    'paper-text',
    'Appendix 4 Demand Hub - Building Works variance = -(paragraph 6.2 “Demand Hub (£371k underspend)”)',
    [cell(A4, 'demand-hub-building-works', C.a4Variance)],
    [stated('paragraph 6.2', '“£371k underspend”', 371, -1)],
  ),
];

/** Every tie-out of the 2017/18 sample, grouped as ARCHITECTURE.md lists the checks across files. */
export const PAPER_2017_18_TIE_OUTS: readonly TieOutSpec[] = [
  ...revenueCarryForwards,
  ...capitalCarryForwards,
  ...reservesFundingCapital,
  ...capitalSpendFinancing,
  ...revenueReserveTransfers,
  ...schemeDetail,
  ...requests,
  ...revenueBreakdowns,
  ...paperText,
];

/**
 * What the paper leaves untied, said beside the checks of each group so that a short list is not read as a
 * complete one. Every figure quoted is printed in the paper; the sums are exact.
 */
export const PAPER_2017_18_TIE_OUT_NOTES: Readonly<Partial<Record<TieOutGroup, string>>> = {
  'revenue-reserve-transfers':
    'The revenue outturn’s other reserve lines (the Constabulary summary’s Reserves (326); Table 3’s Transfer to Reserves 96 and Reserves (197)) do not say which reserve they move, so they cannot be tied to Table 5. Paragraph 3.1 says the £1.852m overspend is met from the Budget Assistance Reserve; with the capital it finances (1,534 applied + 807 transferred) that is 4,193 of its 4,354 usage, and the paper does not say what the other 161 is.',
  'reserves-funding-capital':
    'Two other sources finance capital without a matching usage in Table 5: the Budget Assistance Reserve (its usage also meets the revenue overspend), and Capital Receipts (97 applied, 30 transferred) while the Capital Receipts Reserve shows no usage and 705 added. The paper does not say how these meet.',
};
