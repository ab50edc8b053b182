// Layouts for which no real published file was found (test/fixtures/public/SOURCES.md says so): hand-made files
// that follow each layout as documented, with made-up figures, only to test that the layout is recognised.
// MHCLG's revenue returns (a row per authority, a column per service) ask for the authority whose row to read
// (authority-returns.test.ts reads it); an Oracle
// General Ledger journal-lines export is read as a Debit/Credit ledger on its accounted columns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { penceToPounds } from '../../../src/domain/core/units';
import { bytesSource } from '../../../src/import/byte-sources';
import { planOf, planProblems } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';
import { runCli } from '../helpers/hostile-harness';

const dir = join(import.meta.dirname, '../../fixtures/public/hand-made');
// The command's own answer, in this process (check-file-cli.test.ts runs it once as a real process).
const checkFile = (...args: string[]) => runCli(args);

async function previewOf(file: string) {
  const source = bytesSource(file, readFileSync(join(dir, file)));
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error('unreadable');
  return { source, p: await preview(source, s.verdict.value) };
}

/** The suggested mapping as canonical column -> the file's header. */
const namedMapping = (p: Awaited<ReturnType<typeof previewOf>>['p']) =>
  Object.fromEntries(Object.entries(p.suggestion.mapping).flatMap(([k, v]) => (v === null ? [] : [[k, p.headers[v]]])));

describe('MHCLG revenue returns: one row per authority, a column per service (the authority asked for)', () => {
  it.each([
    [
      'ra-budget-layout.csv',
      'budget',
      'revenue account budget (RA)',
      'Local authority',
      'Barnsley, Bolton, Darlington',
      14,
    ],
    ['ro-multi-year-layout.csv', 'outturn', 'revenue outturn (RO)', 'LA_name', 'Barnsley, Bolton, Darlington', 11],
  ])(
    '%s: suggested as %s, named, and its authority asked for',
    async (file, kind, name, column, authorities, services) => {
      const { p } = await previewOf(file);
      expect(p.suggestion.kind).toBe(kind);
      expect(p.layout).toContain(name);
      const [problem, ...rest] = planProblems(p);
      expect(rest).toEqual([]);
      expect(problem).toContain(`one row per authority ("${column}": ${authorities} ...)`);
      expect(problem).toContain(`a column per service (${services} columns`);
      expect(problem).toContain("Choose your authority's row");
    },
  );

  it('a council ledger with a service column is not taken for one', async () => {
    const { p } = await previewOf('oracle-gl-journal-lines.csv');
    expect(p.layout).toBeUndefined();
  });
});

describe('Oracle General Ledger journal lines (Period Name APR-17, Entered and Accounted Dr/Cr)', () => {
  it('maps the accounted pair as Debit and Credit, the period name as the period, and reads 20-APR-17', async () => {
    const { p } = await previewOf('oracle-gl-journal-lines.csv');
    expect(p.suggestion.kind).toBe('ledger');
    const named = namedMapping(p);
    expect(named).toEqual({
      postingDate: 'Effective Date',
      period: 'Period Name',
      costCentre: 'Cost Centre',
      subjective: 'Account',
      description: 'Line Description',
      debit: 'Accounted Dr',
      credit: 'Accounted Cr',
      reference: 'Journal Name',
    });
    expect(p.yearGuess.year).toBe(2017);
  });

  it('every line accounted for; debits and credits by period equal an independent sum', async () => {
    const { source, p } = await previewOf('oracle-gl-journal-lines.csv');
    const result = await importRows(source, planOf(p), () => undefined);
    expect(result.rows).toMatchObject({ read: 5, accepted: 5, rejected: 0, skipped: 0 });
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'oracle-gl-journal-lines.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: 'greedy',
    }).data;
    const sum = (period: string | null, column: string) =>
      rows
        .filter((r) => period === null || r['Period Name'] === period)
        .reduce((t, r) => t.plus(new Decimal((r[column] ?? '').replace(/,/g, '') || '0')), new Decimal(0));
    const t = result.controlTotals[0]!;
    expect([penceToPounds(t.debit), penceToPounds(t.credit)]).toEqual([
      sum(null, 'Accounted Dr').toFixed(2),
      sum(null, 'Accounted Cr').neg().toFixed(2),
    ]);
    expect(t.byPeriod.map((b) => [b.period, penceToPounds(b.debit), penceToPounds(b.credit)])).toEqual([
      [1, sum('APR-17', 'Accounted Dr').toFixed(2), sum('APR-17', 'Accounted Cr').neg().toFixed(2)],
      [2, sum('MAY-17', 'Accounted Dr').toFixed(2), sum('MAY-17', 'Accounted Cr').neg().toFixed(2)],
    ]);
  });
});

describe('SAP line items: one amount and a debit/credit indicator (S/H), amounts unsigned or signed', () => {
  it.each(['sap-line-items-unsigned.csv', 'sap-line-items-signed.csv'])(
    '%s: the indicator mapped, H lines credits, totals equal an independent sum by side',
    async (file) => {
      const { source, p } = await previewOf(file);
      expect(p.suggestion.kind).toBe('ledger');
      expect(p.headers[p.suggestion.mapping.side!]).toBe('D/C');
      expect(p.headers[p.suggestion.mapping.amount!]).toBe('Amount in Local Currency');
      const result = await importRows(source, planOf(p), () => undefined);
      expect(result.rows).toMatchObject({ read: 5, accepted: 5, rejected: 0 });
      expect(result.issues).toEqual([]);
      const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), {
        header: true,
        skipEmptyLines: 'greedy',
      }).data;
      // By the indicator alone, whatever sign the amount is written with.
      const side = (s: string) =>
        rows
          .filter((r) => r['D/C'] === s)
          .reduce(
            (t, r) => t.plus(new Decimal(r['Amount in Local Currency']!.replace(/,/g, '')).abs()),
            new Decimal(0),
          );
      const t = result.controlTotals[0]!;
      expect([penceToPounds(t.debit), penceToPounds(t.credit)]).toEqual([
        side('S').toFixed(2),
        side('H').neg().toFixed(2),
      ]);
      // Every sign the indicator changed is counted: the H lines whose amount the file writes without a minus.
      const unsigned = rows.filter((r) => r['D/C'] === 'H' && !r['Amount in Local Currency']!.startsWith('-'));
      expect(result.rows.signedFromSide).toBe(unsigned.length);
    },
  );

  it('check-file says how many credits the indicator made negative (the unsigned file: 2 of its 2 H lines)', async () => {
    const run = await checkFile(join(dir, 'sap-line-items-unsigned.csv'), '--year', '2017/18');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'signs     2 accepted rows had their sign set by "D/C": credits (H) written unsigned, made negative.',
    );
  });

  it('refuses a line whose indicator says neither side, and warns of a debit written negative', async () => {
    const text = [
      'Posting Date,Cost Center,G/L Account,D/C,Amount in Local Currency',
      '20.04.2017,10100,440100,X,10.00',
      '20.04.2017,10100,440100,S,-5.00',
      '20.04.2017,10100,440100,H,0.00',
      '',
    ].join('\n');
    const source = bytesSource('sap.csv', new TextEncoder().encode(text));
    const s = await scan(source);
    if (!s.verdict.ok) throw new Error('unreadable');
    const result = await importRows(
      source,
      { ...planOf(await preview(source, s.verdict.value)), year: 2017 },
      () => undefined,
    );
    expect(result.rows).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(result.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'unknown-side', 'error'],
      [3, 'negative-debit', 'warning'],
    ]);
    expect(penceToPounds(result.controlTotals[0]!.net)).toBe('-5.00');
  });
});

describe("a police force's spend over £500, in the columns West Mercia Police documents for its file", () => {
  const file = 'west-mercia-police-spend-over-500-layout.csv';

  it('is suggested as a ledger, mapped as a finance officer would, and its totals equal an independent sum', async () => {
    const { source, p } = await previewOf(file);
    expect(p.suggestion.kind).toBe('ledger');
    const named = namedMapping(p);
    // The accounts system's voucher is the line's reference (the supplier's invoice number is theirs); the
    // invoice's total across its lines is not the line's amount.
    expect(named).toEqual({
      postingDate: 'Transaction Date',
      costCentre: 'Cost Centre',
      subjective: 'G/L Code',
      description: 'G/L Description',
      amount: 'Amount',
      supplier: 'Supplier',
      reference: 'Voucher Number',
    });
    expect(p.yearGuess.year).toBe(2017);
    const result = await importRows(source, { ...planOf(p), year: 2017 }, () => undefined);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), {
      header: true,
      skipEmptyLines: 'greedy',
    }).data;
    expect(result.rows).toMatchObject({ read: rows.length, accepted: rows.length, rejected: 0, skipped: 0 });
    const amounts = rows.map((r) => new Decimal(r.Amount!.replace(/,/g, '')));
    const debits = amounts.filter((a) => a.isPositive()).reduce((t, a) => t.plus(a), new Decimal(0));
    const credits = amounts.filter((a) => a.isNegative()).reduce((t, a) => t.plus(a), new Decimal(0));
    const t = result.controlTotals[0]!;
    expect([t.debit, t.credit, t.net].map(penceToPounds)).toEqual(
      [debits, credits, debits.plus(credits)].map((d) => d.toFixed(2)),
    );
  });
});
