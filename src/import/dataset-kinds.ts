/*
 * The kinds of file Outturn takes in and the canonical columns each maps onto (ARCHITECTURE.md, "Dataset
 * kinds"). Headers in real exports vary ("Cost Centre", "CC", "Cost Center Code"), so each column
 * lists the names and synonyms it answers to; matching normalises case, punctuation and units.
 */

export const DATASET_KINDS = [
  'ledger',
  'budget',
  'outturn',
  'capital',
  'capital-financing',
  'reserves',
  'carry-forwards',
  'structure',
] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

/** How a cell is read: text (codes keep leading zeros), an amount, a period, a date or a financial year. */
export type ColumnType = 'text' | 'code' | 'amount' | 'period' | 'date' | 'year';

export interface CanonicalColumn {
  key: string;
  label: string;
  type: ColumnType;
  required: boolean;
  synonyms: readonly string[];
}

const col = (key: string, label: string, type: ColumnType, required: boolean, synonyms: string[]): CanonicalColumn => ({
  key,
  label,
  type,
  required,
  synonyms: [label, ...synonyms],
});

const COST_CENTRE = [
  'cost centre',
  'cost center',
  'cost centre code',
  'cost center code',
  'cc',
  'cost ctr',
  'costcentre',
  'cost centre no',
  'responsibility centre',
];
const SUBJECTIVE = [
  'subjective',
  'subjective code',
  'account',
  'account code',
  'nominal',
  'nominal code',
  'gl code',
  'gl account',
  // Written with its slash, as West Mercia Police documents its spend-over-£500 columns (G/L Code, G/L Description).
  'g/l code',
  'g/l account',
  'expense type',
  'ledger code',
];
// The Local Government Transparency Code's spend files (payments over £250/£500) and central government's
// over-£25k files name the organisational unit and the kind of spend, not a cost centre and a subjective;
// they are ledger listings all the same (issue 15).
const SPEND_UNIT = [
  'expense area',
  'responsible unit',
  'organisational unit',
  'organisation unit',
  'service code',
  'service area',
  'service division',
  'service label',
  'department/service where expenditure occurred',
  'directorate',
  // Unit4 (Agresso) exports print its short attribute names: Gateshead's strategic group and cost centre.
  'strgrpcc',
  'strgrp',
  'nstrg',
  // Last: a central government file's Entity is the body (the department or its agency), a council file's
  // Service the widest heading; either is the unit only where the file has nothing finer.
  'service',
  'entity',
  // A 360Giving grants file's funder: the body that pays, where the file names nothing finer.
  'funding org name',
];
// The first names below are the council's own coding; a card network's Merchant Category comes after them.
const SPEND_TYPE = [
  'expenditure code',
  'expenses type',
  'expenditure type',
  'expenditure category',
  'detailed expenses type',
  'expense code',
  'cipfa expenditure code',
  // SAP's name for the account a cost is booked to (the GLA's payment files).
  'cost element',
  // Unit4 (Agresso) short names for the CIPFA subjective: the finer one (Cipfsubs) before its group (Cipfsubj).
  'cipfsubs',
  'cipfsubj',
  // A 360Giving grants file's programme: what the money is for.
  'grant programme title',
  'procurement category',
  'merchant category',
];
const AREA = ['area', 'department', 'dept', 'directorate', 'division', 'service', 'business area'];

export const KIND_COLUMNS: Readonly<Record<DatasetKind, readonly CanonicalColumn[]>> = {
  ledger: [
    col('postingDate', 'Posting date', 'date', false, [
      'date',
      'transaction date',
      'payment date',
      'date paid',
      'paid date',
      'trans date',
      'gl date',
      'journal date',
      'document date',
      'posted',
      'clearing date',
      // Oracle General Ledger's journal lines.
      'effective date',
      'accounting date',
      // A 360Giving grants file: the date of the award.
      'award date',
      // Unit4 exports as Gateshead publishes them: the date the payment was made.
      'updated',
    ]),
    col('period', 'Period', 'period', false, [
      'accounting period',
      'per',
      'fiscal period',
      'month no',
      'prd',
      // Oracle's period name (APR-17) and SAP's posting period.
      'period name',
      'posting period',
    ]),
    col('costCentre', 'Cost centre', 'code', true, [...COST_CENTRE, ...SPEND_UNIT]),
    col('subjective', 'Subjective', 'code', true, [...SUBJECTIVE, ...SPEND_TYPE]),
    col('description', 'Description', 'text', false, [
      'narrative',
      'extended description',
      'purpose of expenditure',
      'purpose',
      'details',
      'transaction description',
      'line description',
      'memo',
      'text',
    ]),
    col('amount', 'Amount', 'amount', false, [
      'value',
      'net amount',
      'amount gbp',
      'net',
      'total',
      'amt',
      'transaction amount',
      'base amount',
      'amount paid',
      'amount excluding vat',
      'amount exc vat',
      'sumofamount exc vat',
      'invoice line value',
      'line value',
      // A 360Giving grants file: the amount awarded (not the amount applied for).
      'amount awarded',
      // SAP's line amount in the company's own currency.
      'amount in local currency',
      'amount in lc',
    ]),
    // Oracle's journal lines carry each side twice: in the currency entered and as accounted in the ledger's own
    // currency. The accounted pair is the books' figure, so it is named before any column that only says Dr or Cr.
    col('debit', 'Debit', 'amount', false, ['accounted dr', 'accounted debit', 'dr', 'debit amount', 'debits']),
    col('credit', 'Credit', 'amount', false, ['accounted cr', 'accounted credit', 'cr', 'credit amount', 'credits']),
    col('supplier', 'Supplier', 'text', false, [
      'vendor',
      'supplier name',
      'payee',
      'creditor',
      'vendor name',
      'beneficiary',
      'merchant name',
      'recipient org name',
    ]),
    col('reference', 'Reference', 'text', false, [
      'ref',
      'document number',
      'document no',
      'doc no',
      // The accounts system's own number for the invoice (West Mercia Police's Voucher Number), before the supplier's.
      'voucher number',
      'voucher no',
      'journal name',
      'journal',
      'invoice',
      'invoice number',
      'transaction reference',
      'po number',
      'transaction number',
      'transaction no',
      'transaction id',
      'trans no',
      'order',
      'order number',
      // Unit4's transaction number; a 360Giving grant's identifier.
      'transno',
      'identifier',
    ]),
    // SAP's debit/credit indicator beside one amount column: S (Soll) or D a debit, H (Haben) or C a credit. A
    // credit written unsigned is read as negative; one already negative is kept (read-row.ts). Last, so that it
    // is never a row's label while a description, supplier or reference is mapped.
    col('side', 'Debit/credit indicator (S/H)', 'text', false, [
      'debit/credit indicator',
      'debit/credit ind',
      'debit/credit',
      'd/c indicator',
      'd/c',
      'dr/cr',
      'shkzg',
    ]),
  ],
  budget: [
    col('year', 'Year', 'year', false, ['financial year', 'fy', 'budget year']),
    col('costCentre', 'Cost centre', 'code', true, COST_CENTRE),
    col('area', 'Area', 'text', false, AREA),
    col('subjective', 'Subjective', 'code', false, SUBJECTIVE),
    // Names beside the codes, so that a drill-down reads "20410 ICT" rather than a bare code.
    col('costCentreName', 'Cost centre name', 'text', false, [
      'cost center name',
      'cost centre description',
      'cost center description',
      'cc name',
      'cost centre title',
    ]),
    col('subjectiveName', 'Subjective name', 'text', false, [
      'subjective description',
      'account name',
      'account description',
      'nominal name',
      'nominal description',
    ]),
    col('period', 'Period', 'period', false, ['accounting period', 'month no']),
    col('original', 'Original budget', 'amount', false, ['original', 'base budget', 'original estimate']),
    col('revised', 'Revised budget', 'amount', false, ['revised', 'current budget', 'latest budget', 'working budget']),
    col('amount', 'Budget', 'amount', false, ['amount', 'budget amount', 'full year budget', 'annual budget', 'value']),
  ],
  outturn: [
    col('year', 'Year', 'year', false, ['financial year', 'fy']),
    col('period', 'Period', 'period', false, ['month', 'accounting period', 'as at period']),
    col('costCentre', 'Cost centre', 'code', false, COST_CENTRE),
    col('area', 'Area', 'text', false, [...AREA, 'line']),
    // A monthly return forecasts each budget line (cost centre and subjective), not only each cost centre.
    col('subjective', 'Subjective', 'code', false, SUBJECTIVE),
    col('budget', 'Budget', 'amount', true, ['full year budget', 'annual budget', 'revised budget', 'current budget']),
    col('actual', 'Actual to date', 'amount', false, [
      'actual',
      'actuals',
      'ytd actual',
      'actual ytd',
      'spend to date',
    ]),
    col('forecast', 'Forecast outturn', 'amount', false, [
      'forecast',
      'outturn',
      'projected outturn',
      'year end forecast',
      'year-end outturn',
      'forecast out-turn',
    ]),
    col('commitments', 'Commitments', 'amount', false, ['commitment', 'committed', 'orders']),
  ],
  capital: [
    col('jobCode', 'Job code', 'code', false, ['job', 'scheme code', 'project code', 'job no']),
    col('title', 'Scheme title', 'text', true, [
      'scheme',
      'project',
      'scheme name',
      'project name',
      'title',
      'capital payments',
    ]),
    col('category', 'Category', 'text', false, ['section', 'programme', 'capital category']),
    col('bfwd', 'B/Fwd', 'amount', false, [
      'budget b/fwd',
      'brought forward',
      'b fwd',
      'bfwd',
      'b/fwd from previous years',
    ]),
    col('original', 'Original programme', 'amount', false, [
      'original capital programme',
      'original budget',
      'original',
    ]),
    col('amendments', 'Amendments', 'amount', false, [
      'programme amendments',
      'proposed programme amendments',
      'previously authorised programme amendments',
      'virements',
    ]),
    col('revised', 'Revised budget', 'amount', false, ['revised capital budget', 'revised', 'current budget']),
    col('actual', 'Actual', 'amount', false, [
      'actual ytd',
      'spend',
      'actual to date',
      'spend to date',
      'actual spend',
    ]),
    col('commitments', 'Commitments', 'amount', false, ['commitments ytd', 'committed']),
    col('expectedOutturn', 'Expected outturn', 'amount', false, ['outturn', 'forecast outturn', 'projected outturn']),
    col('carryForward', 'Predicted carry-forward', 'amount', false, [
      'predicted c/fwd',
      'carry forward',
      'c/fwd',
      'slippage',
    ]),
  ],
  'capital-financing': [
    col('source', 'Source', 'text', true, ['capital financing', 'financing source', 'funding source', 'funding']),
    col('amount', 'Amount', 'amount', false, ['total spend', 'applied', 'financing', 'value']),
  ],
  reserves: [
    col('reserve', 'Reserve', 'text', true, ['reserve name', 'name']),
    col('group', 'Group', 'text', false, ['type', 'reserve type', 'category']),
    col('opening', 'Balance at start', 'amount', true, ['opening balance', 'opening', 'balance b/fwd', 'balance 1/4']),
    col('added', 'Added', 'amount', false, ['added to reserve', 'contributions', 'transfers in', 'additions']),
    col('used', 'Used', 'amount', false, ['actual usage', 'usage', 'drawdowns', 'transfers out', 'applied']),
    col('closing', 'Balance at end', 'amount', false, ['closing balance', 'closing', 'balance c/fwd', 'balance 31/3']),
  ],
  // The board's layout of the revenue budget (src/domain/revenue/structure-rows.ts): one row a printed line.
  structure: [
    col('year', 'Year', 'year', false, ['financial year']),
    col('table', 'Board table', 'text', false, ['layout table']),
    col('tableTitle', 'Table title', 'text', false, []),
    col('rowKind', 'Row kind', 'text', true, ['layout row']),
    // Text, not a code: a key such as "total" names a line, and must not make the row look like a total to skip.
    col('key', 'Key', 'text', false, ['area key', 'line key']),
    col('label', 'Label', 'text', true, ['line label', 'area label']),
    col('fullLabel', 'Full label', 'text', false, []),
    col('group', 'Group', 'text', false, ['table 1 line']),
    col('lineType', 'Line type', 'text', false, []),
    col('belowTheLine', 'Below the line', 'text', false, []),
    col('names', 'Also named', 'text', false, ['other names']),
  ],
  'carry-forwards': [
    col('description', 'Description', 'text', true, ['item', 'request', 'scheme title']),
    col('department', 'Department', 'text', false, ['dept', 'area', 'service']),
    col('category', 'Category', 'text', false, ['type']),
    col('amount', 'Amount', 'amount', true, ['value', 'carry forward', 'requested carry forward']),
  ],
};

export const KIND_LABELS: Readonly<Record<DatasetKind, string>> = {
  ledger: 'Ledger lines',
  budget: 'Budget',
  outturn: 'Outturn (monitoring)',
  capital: 'Capital schemes',
  'capital-financing': 'Capital financing',
  reserves: 'Reserves',
  'carry-forwards': 'Carry-forward requests',
  structure: 'Board layout (areas and lines)',
};

export function isDatasetKind(value: string): value is DatasetKind {
  return (DATASET_KINDS as readonly string[]).includes(value);
}
