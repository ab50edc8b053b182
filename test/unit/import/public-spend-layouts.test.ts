// Issue 15: the real layouts of public finance, mapped without touching. The headers below are those that
// councils publish for their Local Government Transparency Code spend files (payments over £500), as their
// own metadata pages list them (Eden, Cannock Chase, Derbyshire, East Cambridgeshire). Each is a listing of
// payments, so a ledger, mapped onto its unit (cost centre) and kind of spend (subjective). The rows are
// made up for the test; every control total is added by hand.
import { describe, expect, it } from 'vitest';
import { penceToPounds } from '../../../src/domain/core/units';
import { bytesSource } from '../../../src/import/byte-sources';
import { suggestKind, suggestMapping } from '../../../src/import/column-mapping';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';

const LAYOUTS = [
  {
    name: 'Eden District Council',
    headers: [
      'Body',
      'Body name',
      'Date',
      'Transaction Number',
      'Amount',
      'Supplier',
      'Supplier ID',
      'Expense Area',
      'Expense Type',
      'Expense code',
      'Extended Description',
    ],
    mapping: {
      postingDate: 'Date',
      costCentre: 'Expense Area',
      subjective: 'Expense Type',
      amount: 'Amount',
      supplier: 'Supplier',
      reference: 'Transaction Number',
      description: 'Extended Description',
    },
    rows: [
      'E07000030,Eden DC,20/04/2017,100234,"1,250.00",Acme Ltd,S1,Housing,Repairs,0412,Boiler',
      'E07000030,Eden DC,21-Apr-17,100235,-50.00,Acme Ltd,S1,Housing,Repairs,0412,Credit note',
    ],
    totals: ['1250.00', '-50.00', '1200.00'],
  },
  {
    name: 'Cannock Chase District Council',
    headers: [
      'Service_Area_Categorisation',
      'Service_Division_Categorisation',
      'Responsible_Unit',
      'Expenses_Type',
      'Detailed_Expenses_Type',
      'Expense_Code',
      'Narrative',
      'Date',
      'Transaction_Number',
      'SumOfAmount_Inc_VAT',
      'SumOfAmount_Exc_VAT',
      'Capital_Revenue',
      'Supplier_Name',
      'Supplier_ID',
      'Contract_ID',
    ],
    mapping: {
      postingDate: 'Date',
      costCentre: 'Responsible_Unit',
      subjective: 'Expenses_Type',
      amount: 'SumOfAmount_Exc_VAT',
      supplier: 'Supplier_Name',
      reference: 'Transaction_Number',
      description: 'Narrative',
    },
    rows: ['Housing,Services,Estates,Supplies,Tools,4001,Drills,2017-04-20,T1,720.00,600.00,Revenue,Tool Co,9,N/A'],
    totals: ['600.00', '0.00', '600.00'],
  },
  {
    name: 'Derbyshire County Council',
    headers: [
      'Body name',
      'Body',
      'Service area categorisation',
      'Responsible unit',
      'Expenses type',
      'Date',
      'Transaction number',
      'Amount',
      'Supplier name',
    ],
    mapping: {
      postingDate: 'Date',
      costCentre: 'Responsible unit',
      subjective: 'Expenses type',
      amount: 'Amount',
      supplier: 'Supplier name',
      reference: 'Transaction number',
    },
    rows: ['Derbyshire CC,E10000007,Adult Care,Home Care,Agency Staff,20/04/2017 00:00,55501,"12,000.50",Care Ltd'],
    totals: ['12000.50', '0.00', '12000.50'],
  },
  {
    name: 'East Cambridgeshire District Council',
    headers: [
      'Body name',
      'Transaction date',
      'Supplier (beneficiary)',
      'Transaction number',
      'Net amount',
      'Irrecoverable VAT',
      'Department/service where expenditure occurred',
      'Procurement category',
      'CIPFA expenditure code',
      'Purpose of expenditure (narrative)',
      'Card transaction',
    ],
    mapping: {
      postingDate: 'Transaction date',
      costCentre: 'Department/service where expenditure occurred',
      // The CIPFA code (4100) is the council's subjective; the procurement category ("Supplies") a grouping.
      subjective: 'CIPFA expenditure code',
      amount: 'Net amount',
      supplier: 'Supplier (beneficiary)',
      reference: 'Transaction number',
      description: 'Purpose of expenditure (narrative)',
    },
    rows: ['ECDC,20/04/2017,Paper Co,88,510.00,0.00,Waste,Supplies,4100,Sacks,N'],
    totals: ['510.00', '0.00', '510.00'],
  },
];

describe('spend files over £500, as councils publish them (issue 15)', () => {
  it.each(LAYOUTS)('$name: a ledger, mapped without hints', ({ headers, mapping }) => {
    const s = suggestKind(headers);
    expect(s.kind).toBe('ledger');
    const named = Object.fromEntries(
      Object.entries(s.mapping).flatMap(([k, v]) => (v === null || v === undefined ? [] : [[k, headers[v]]])),
    );
    expect(named).toEqual(mapping);
  });

  it.each(LAYOUTS)('$name: every row accounted for, control totals by hand', async ({ headers, rows, totals }) => {
    const text = [headers.map((h) => (h.includes(',') ? `"${h}"` : h)).join(','), ...rows, ''].join('\n');
    const source = bytesSource('spend.csv', new TextEncoder().encode(text));
    const s = await scan(source);
    if (!s.verdict.ok) throw new Error('unreadable');
    const result = await importRows(source, planOf(await preview(source, s.verdict.value)), () => undefined);
    expect(result.rows).toMatchObject({ read: rows.length, accepted: rows.length, rejected: 0, skipped: 0 });
    const [t] = result.controlTotals;
    expect([t!.debit, t!.credit, t!.net].map(penceToPounds)).toEqual(totals);
  });
});

describe('a column that names something else is not taken for an amount (issue 15)', () => {
  it.each([
    ['budget', ['Cost Centre', 'Budget_Type', 'Annual'], 'amount'],
    ['outturn', ['Cost Centre', 'Budget_Type', 'Actual'], 'budget'],
    ['ledger', ['Cost Centre', 'Subjective', 'Amount Code', 'Value'], 'amount'],
    ['outturn', ['Cost Centre', 'Date', 'Budget'], 'actual'],
  ] as const)('%s %j: %s is not mapped to the type, code or date', (kind, headers, key) => {
    const m = suggestMapping(headers, kind).mapping[key];
    expect(m === null || !/type|code|date/i.test(headers[m!] ?? '')).toBe(true);
  });
});
