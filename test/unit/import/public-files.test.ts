// Issue 15: real published files, as their publishers wrote them (test/fixtures/public/SOURCES.md says where
// each came from). Each is read without hints: the kind and the mapping suggested must be the right ones, every
// row accounted for, and the control totals equal to a sum made here independently of the import (papaparse
// and decimal.js over the amount column's own strings). Expected mappings were read off the files by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { penceToPounds } from '../../../src/domain/core/units';
import { bytesSource } from '../../../src/import/byte-sources';
import { mappingWithHints } from '../../../src/import/column-mapping';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';

const dir = join(import.meta.dirname, '../../fixtures/public');

interface PublicFile {
  file: string;
  layout: string;
  encoding: 'utf-8' | 'windows-1252';
  /** Canonical column -> the file's header, as a finance officer would map it. */
  mapping: Record<string, string>;
  /** The financial year the file's dates give (2017 = 2017/18), or null where it gives none. */
  year: number | null;
  /** Hints a user gives where the file lacks a column Outturn needs, and the columns the preview asks for. */
  hints?: string[];
  missing?: string[];
  /** The year to import into, where the file's dates span several and settle none. */
  importYear?: number;
}

const FILES: PublicFile[] = [
  {
    file: 'oxford-city-spend-over-500-jan-mar-2018.csv',
    layout: 'council spend over £500 (Local Government Transparency Code)',
    encoding: 'utf-8',
    mapping: {
      postingDate: 'Paid Date',
      costCentre: 'Service Area',
      subjective: 'Expenditure Code',
      amount: 'Amount',
      supplier: 'Supplier Name',
      reference: 'Trans No',
    },
    year: 2017,
  },
  {
    file: 'cabinet-office-spend-over-25k-2019-07.csv',
    layout: 'central government spend over £25,000',
    encoding: 'windows-1252',
    mapping: {
      postingDate: 'Date',
      costCentre: 'Expense Area',
      subjective: 'Expense Type',
      amount: 'Amount',
      supplier: 'Supplier',
      reference: 'Transaction number',
    },
    year: 2019,
  },
  {
    file: 'calderdale-purchase-cards-2021-11.csv',
    layout: 'council purchase-card spend',
    encoding: 'utf-8',
    mapping: {
      postingDate: 'Transaction Date',
      costCentre: 'Expense Area',
      subjective: 'Expense Type',
      amount: 'Net Amount',
      supplier: 'Supplier Name',
      reference: 'Transaction number',
    },
    year: 2021,
  },
  {
    file: 'darlington-spend-2014-08.csv',
    layout: 'council spend by service and account, no dates',
    encoding: 'utf-8',
    mapping: {
      costCentre: 'Service',
      subjective: 'Account',
      amount: 'Invoice Line Value (net of VAT)',
      supplier: 'Supplier',
      reference: 'Order',
    },
    year: null,
  },
  {
    file: 'harrogate-brimhams-active-2022-03.csv',
    layout: 'council company spend with code and text columns',
    encoding: 'utf-8',
    mapping: {
      postingDate: 'Payment date',
      costCentre: 'Service Code(T)',
      subjective: 'Expenditure Code',
      description: 'Narrative',
      amount: 'Net Amount',
      supplier: 'Supplier Name',
      reference: 'Transaction No.',
    },
    year: 2021,
  },
  {
    file: 'gla-sap-payments-2013-p07.csv',
    layout: 'SAP payments listing (cost element, vendor, document), no unit',
    encoding: 'utf-8',
    mapping: {
      postingDate: 'Clearing Date',
      subjective: 'Cost Element',
      description: 'Expenditure Account Code Description',
      amount: 'Amount',
      supplier: 'Vendor Name',
      reference: 'Document No',
    },
    year: 2013,
    // The file names no unit; the user says which column stands for one.
    hints: ['Cost centre=Vendor ID'],
    missing: ['costCentre'],
  },
  {
    // Unit4 (Agresso): its short attribute names, and a period 201701 that is P1 of 2017/18 (April 2017).
    file: 'gateshead-unit4-spend-2017-04-first-250.csv',
    layout: 'Unit4 (Agresso) export, period 201701',
    encoding: 'utf-8',
    mapping: {
      postingDate: 'Updated',
      period: 'Period',
      costCentre: 'Strgrpcc(T)',
      subjective: 'Cipfsubs(T)',
      amount: 'Amount',
      supplier: 'Supplier ID(T)',
      reference: 'TransNo',
    },
    year: 2017,
  },
  {
    // Period 201710 is P10 of 2017/18, January 2018: the payments are dated in January 2018, none disagrees.
    file: 'gateshead-unit4-spend-2018-01-first-250.csv',
    layout: 'Unit4 (Agresso) export, period 201710',
    encoding: 'utf-8',
    mapping: {
      postingDate: 'Updated',
      period: 'Period',
      costCentre: 'Strgrpcc(T)',
      subjective: 'Cipfsubs(T)',
      amount: 'Amount',
      supplier: 'Supplier ID(T)',
      reference: 'TransNo',
    },
    year: 2017,
  },
  {
    // A listing of awards is a ledger of payments: the funder pays, the recipient receives, on the award date.
    file: 'indigo-trust-360giving-grants.csv',
    layout: '360Giving grants file, dates 26/03/2001 00:00 and 02/02/2010 15:32, descriptions across lines',
    encoding: 'utf-8',
    mapping: {
      postingDate: 'Award Date',
      costCentre: 'Funding Org:Name',
      description: 'Description',
      amount: 'Amount Awarded',
      supplier: 'Recipient Org:Name',
      reference: 'Identifier',
    },
    // Fifteen years of awards, none twice as many as another: the year is asked.
    year: null,
    importYear: 2012,
    // No grant programme: what each award is for is its title.
    hints: ['Subjective=Title'],
    missing: ['subjective'],
  },
];

const FY_FIRST = (y: number) => `${y}-04-01`;
const FY_LAST = (y: number) => `${y + 1}-03-31`;

/** The file read independently: header, data rows, and the amount column's sum by sign, in pounds. */
function independently(f: PublicFile) {
  const text = new TextDecoder(f.encoding).decode(readFileSync(join(dir, f.file)));
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data;
  const header = rows[0]!;
  const data = rows.slice(1);
  const amount = header.indexOf(f.mapping.amount!);
  const date = f.mapping.postingDate ? header.indexOf(f.mapping.postingDate) : -1;
  // ISO dates in these files (the collated copies write yyyy-mm-dd), except Oxford's dd/mm/yyyy and the 360Giving
  // file's dd/mm/yyyy hh:mm (00:00 on most, a time of day on some: "02/02/2010 15:32", read on its day).
  const iso = (d: string) =>
    /^\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2})?$/.test(d) ? `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}` : d;
  const year = f.importYear ?? f.year;
  const inYear = (r: string[]) =>
    year === null || date < 0 || (iso(r[date]!) >= FY_FIRST(year) && iso(r[date]!) <= FY_LAST(year));
  // A ledger line needs its cost centre and subjective: the columns mapped, or named by the hints.
  const told = Object.fromEntries((f.hints ?? []).map((h) => h.split('=') as [string, string]));
  const required = [f.mapping.costCentre ?? told['Cost centre'], f.mapping.subjective ?? told.Subjective].map((h) =>
    header.indexOf(h!),
  );
  const complete = (r: string[]) => required.every((c) => (r[c] ?? '').trim() !== '');
  const kept = (r: string[]) => inYear(r) && complete(r);
  let debit = new Decimal(0);
  let credit = new Decimal(0);
  for (const r of data.filter(kept)) {
    const v = new Decimal(r[amount]!.replace(/,/g, ''));
    if (v.isNegative()) credit = credit.plus(v);
    else debit = debit.plus(v);
  }
  return {
    header,
    read: data.length,
    outsideYear: data.filter((r) => !inYear(r)).length,
    incomplete: data.filter((r) => inYear(r) && !complete(r)).length,
    totals: [debit, credit, debit.plus(credit)].map((d) => d.toFixed(2)),
  };
}

describe('real published finance files, read without hints (issue 15)', () => {
  it.each(FILES)('$file ($layout): the kind and mapping a finance officer would choose', async (f) => {
    const source = bytesSource(f.file, readFileSync(join(dir, f.file)));
    const s = await scan(source);
    if (!s.verdict.ok) throw new Error(`unreadable: ${JSON.stringify(s.verdict)}`);
    expect(s.verdict.value.encoding).toBe(f.encoding);
    const p = await preview(source, s.verdict.value);
    expect(p.suggestion.kind).toBe('ledger');
    const named = Object.fromEntries(
      Object.entries(p.suggestion.mapping).flatMap(([k, v]) => (v === null ? [] : [[k, p.headers[v]]])),
    );
    expect(named).toEqual(f.mapping);
    // A file that names no unit is not guessed into one: the preview asks for it.
    expect(p.suggestion.missingRequired).toEqual(f.missing ?? []);
    expect(p.yearGuess.year).toBe(f.year);
  });

  it.each(FILES)('$file: every row accounted for, control totals equal an independent sum', async (f) => {
    const expected = independently(f);
    const source = bytesSource(f.file, readFileSync(join(dir, f.file)));
    const s = await scan(source);
    if (!s.verdict.ok) throw new Error('unreadable');
    const p = await preview(source, s.verdict.value);
    let plan = planOf(p);
    if (f.hints) {
      const hinted = mappingWithHints(p.headers, 'ledger', plan.mapping, f.hints);
      if (!hinted.ok) throw new Error('hints refused');
      plan = { ...plan, mapping: hinted.value };
    }
    // The year as the file gives it, or (Darlington's, which has no dates) as the user sets it.
    plan = { ...plan, year: f.importYear ?? f.year ?? 2014 };
    const result = await importRows(source, plan, () => undefined);
    expect(result.rows.read).toBe(expected.read);
    expect(result.rows.read).toBe(result.rows.accepted + result.rows.rejected + result.rows.skipped);
    // Rows dated outside the year are refused, each said, and rows without a code they need; nothing else is.
    expect(result.rows.rejected).toBe(expected.outsideYear + expected.incomplete);
    // Every date is read, a time of day or not (the 360Giving file's "02/02/2010 15:32" is 2 February 2010).
    expect(result.issues.filter((i) => i.code === 'unsupported-format')).toEqual([]);
    // Unit4's periods are the financial year's (201710 is January 2018): none disagrees with its payment date.
    expect(result.issues.filter((i) => i.code === 'period-date-mismatch')).toEqual([]);
    expect(result.issues.filter((i) => i.code === 'date-outside-year')).toHaveLength(expected.outsideYear);
    expect(result.issues.filter((i) => i.code === 'missing-required')).toHaveLength(expected.incomplete);
    expect(result.rows.skipped).toBe(0);
    const [t] = result.controlTotals;
    expect([t!.debit, t!.credit, t!.net].map(penceToPounds)).toEqual(expected.totals);
  });
});
