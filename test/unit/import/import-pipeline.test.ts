// The import pipeline end to end in Node, on small fixtures with the quirks of real exports.
// Expected counts and totals are worked out by hand from the fixture files (test/fixtures).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../src/cli/node-source';
import { bytesSource } from '../../../src/import/byte-sources';
import { importWhole } from '../helpers/receipt-of';
import { ledgerSumRows } from '../../../src/storage/ledger-sums';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

// Tiny pieces: rows and characters cross piece boundaries.
const importFixture = (name: string) => importWhole(fileSource(join(FIXTURES, name), 64));

describe('a Windows-1252 ledger with notes above the header, a total row, a footer and bad rows', () => {
  it('is decoded as Windows-1252 because it is not valid UTF-8, and the £ sign survives', async () => {
    const { receipt, chunks } = await importFixture('ledger-windows-1252.csv');
    expect(receipt.encoding).toBe('windows-1252');
    expect(receipt.encodingReason).toMatch(/not valid UTF-8.*byte A3 \(the £ sign in Windows-1252\) occurs 4 times/); // lines 2, 5, 7 and 11 each carry one £
    const description = chunks[0]!.raw[4]!;
    expect(description).toEqual(['Diesel for fleet', 'Refund – overcharge', 'Café supplies, HQ']);
  });

  it('finds the header on row 4, below two lines of notes and a blank line', async () => {
    const { receipt } = await importFixture('ledger-windows-1252.csv');
    expect(receipt.headerRow).toBe(4);
    expect(receipt.kind).toBe('ledger');
    expect(receipt.delimiter).toBe('comma');
    expect(receipt.newline).toBe('CRLF (Windows)');
    expect(receipt.mapping.filter((m) => m.header).map((m) => [m.column, m.header])).toEqual([
      ['postingDate', 'Posting Date'],
      ['period', 'Period'],
      ['costCentre', 'Cost Centre'],
      ['subjective', 'Subjective'],
      ['description', 'Description'],
      ['amount', 'Amount'],
      ['supplier', 'Supplier'],
      ['reference', 'Reference'],
    ]);
  });

  it('accounts for every row: 8 read = 3 accepted + 3 rejected + 2 skipped', async () => {
    const { receipt } = await importFixture('ledger-windows-1252.csv');
    expect(receipt.rows).toEqual({
      read: 8,
      accepted: 3,
      acceptedWithWarnings: 0,
      rejected: 3,
      skipped: 2,
      blank: 0,
      preamble: 3,
      // 12 lines (wc -l), each one record: 3 above the header, the header, 8 read.
      lines: 12,
      multiLineRows: 0,
    });
  });

  it('says which row, which column and why for each rejection, in spreadsheet row numbers', async () => {
    const { receipt } = await importFixture('ledger-windows-1252.csv');
    expect(receipt.issues.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [8, 'Amount', 'too-many-decimals', '1.234'],
      [9, 'Posting Date', 'invalid-day', '31/02/2017'],
      [10, 'Cost Centre', 'missing-required', ''],
    ]);
  });

  it('keeps "Total Gas & Power" (a supplier with a cost centre) as data, and the total row out of it', async () => {
    const { receipt, chunks } = await importFixture('ledger-windows-1252.csv');
    expect(chunks[0]!.raw[5]!.slice(0, 2)).toEqual(['Total Gas & Power', 'Total Gas & Power']);
    expect(receipt.skippedRows.map((r) => [r.row, r.type])).toEqual([
      [11, 'subtotal'],
      [12, 'footer'],
    ]);
    // The file's total, £1,089.10, equals the accepted lines: 1,234.56 - 234.56 + 89.10.
    expect(receipt.totalRowChecks).toEqual([
      {
        row: 11,
        label: 'Total',
        column: 'amount',
        printed: '1089.10',
        computed: '1089.10',
        difference: '0.00',
        status: 'pass',
      },
    ]);
  });

  it('gives control totals exactly: debits, credits and net, overall and by period', async () => {
    const { receipt } = await importFixture('ledger-windows-1252.csv');
    const [t] = receipt.controlTotals;
    // Debits 1,234.56 + 89.10 = 1,323.66; credits (234.56); net 1,089.10.
    expect([t!.debit, t!.credit, t!.net]).toEqual(['1323.66', '-234.56', '1089.10']);
    expect(t!.byPeriod).toEqual([
      { period: 1, debit: '1234.56', credit: '0.00', net: '1234.56' },
      { period: 2, debit: '0.00', credit: '-234.56', net: '-234.56' },
      { period: 3, debit: '89.10', credit: '0.00', net: '89.10' },
    ]);
  });

  it('keeps codes as text, leading zeros and all, and aggregates exactly by cost centre, subjective and period', async () => {
    const { result, chunks } = await importFixture('ledger-windows-1252.csv');
    expect(chunks[0]!.raw[2]).toEqual(['01234', '01234', '00456']);
    expect(ledgerSumRows(result.ledgerSums).sort()).toEqual([
      ['00456', '5200', 3, 8910],
      ['01234', '4100', 1, 123456],
      ['01234', '4100', 2, -23456],
    ]);
  });

  it('sums a code written with spaces around it under the code, whether the reader pooled the cell or papaparse read it', async () => {
    // " 01234" and "01234 " are the code 01234 (trimmed, as ever); the fast path looks the cells up in its pools as
    // it reads them, and the record with a line break in a quoted cell is papaparse's: all three sum together.
    const text = [
      'Date,Cost Centre,Subjective,Amount,Description',
      '01/04/2017, 01234,4100,10.00,a',
      '02/04/2017,01234 ,4100 ,2.50,b',
      '03/04/2017,01234,4100,0.25,"two',
      'lines"',
      '',
    ].join('\n');
    const { result } = await importWhole(bytesSource('spaced.csv', new TextEncoder().encode(text), 64));
    expect(ledgerSumRows(result.ledgerSums)).toEqual([['01234', '4100', 1, 1275]]);
  });

  it('hashes the bytes with SHA-256', async () => {
    const { receipt } = await importFixture('ledger-windows-1252.csv');
    const { createHash } = await import('node:crypto');
    const { readFileSync } = await import('node:fs');
    expect(receipt.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(join(FIXTURES, 'ledger-windows-1252.csv')))
        .digest('hex'),
    );
  });
});

describe('other encodings and layouts', () => {
  it('UTF-8 with a byte-order mark, semicolons, LF and a budget file with "CC"', async () => {
    const { receipt, chunks } = await importFixture('budget-utf8-bom-semicolon.csv');
    expect([receipt.encoding, receipt.delimiter, receipt.newline, receipt.kind]).toEqual([
      'utf-8 (with BOM)',
      'semicolon',
      'LF (Unix)',
      'budget',
    ]);
    expect(receipt.headers[0]).toBe('Year'); // the BOM is not part of the first header
    expect(receipt.mapping.find((m) => m.column === 'costCentre')?.header).toBe('CC');
    expect(receipt.rows).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    // Original 1,000.00 + 500 = 1,500.00; revised 1,100.00 + 450.50 = 1,550.50.
    expect(receipt.controlTotals.map((t) => [t.column, t.net])).toEqual([
      ['original', '1500.00'],
      ['revised', '1550.50'],
    ]);
    expect([...chunks[0]!.dates.year!]).toEqual([2017, 2017]); // financial year 2017/18, by its first year
  });

  it('a lone CR between rows, a line break inside a quoted field, and a labelled total that adds up', async () => {
    const { receipt, chunks } = await importFixture('reserves-cr-quoted-newline.csv');
    expect([receipt.newline, receipt.kind]).toEqual(['CR (old Mac)', 'reserves']);
    expect(receipt.rows).toMatchObject({ read: 3, accepted: 2, rejected: 0, skipped: 1 });
    expect(chunks[0]!.raw[0]![1]).toBe('Road Casualty\nReduction & Support Fund');
    // Openings 7,198,000 + 1,348,000 = 8,546,000 = the Total row.
    expect(receipt.totalRowChecks.every((c) => c.status === 'pass')).toBe(true);
    expect(receipt.totalRowChecks).toHaveLength(4);
  });

  it('tabs, and a carry-forward file recognised by its headers', async () => {
    const { receipt } = await importFixture('carry-forwards-utf8.tsv');
    expect([receipt.delimiter, receipt.kind]).toEqual(['tab', 'carry-forwards']);
    // "Amount (£)" has a £ sign, so the file has non-ASCII bytes: all valid UTF-8.
    expect(receipt.encodingReason).toMatch(/^no byte-order mark, but every byte is valid UTF-8/);
    // 170,000 + 42,000 + 160,000 = 372,000.
    expect(receipt.controlTotals[0]!.net).toBe('372000.00');
  });
});
