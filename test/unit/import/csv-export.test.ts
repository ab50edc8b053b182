// CSV for a spreadsheet: a byte-order mark, numbers as numbers, and formulas defused in text cells (while a
// negative number stays a number). The receipt and its rejections download the same way.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { BOM, csvFile, csvFileName, toCsv } from '../../../src/import/csv-write';
import { issuesToCsv, receiptToCsv, type ImportReceipt } from '../../../src/import/receipt';

describe('formula injection', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://example.com","x")', `'=HYPERLINK("http://example.com","x")`],
    ['+44 1223 000000', "'+44 1223 000000"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['-1+2', "'-1+2"],
    ['-A1', "'-A1"],
  ])('a text cell %j is written so that it shows as text: %j', (cell, shown) => {
    const [row] = Papa.parse<string[]>(toCsv(['a'], [[cell]]), { skipEmptyLines: true }).data.slice(1);
    expect(row).toEqual([shown]);
  });
  it.each([['-1234.56'], ['-2000'], ['1547'], ['0.5'], ['-0.01']])('a number %s is left alone, unquoted', (n) => {
    expect(toCsv(['a'], [[n]])).toBe(`a\n${n}`);
  });
  it('writes numbers given as numbers as they are, and nothing for null', () => {
    expect(toCsv(['a', 'b', 'c'], [[-1547, null, 3]])).toBe('a,b,c\n-1547,,3');
  });
});

describe('a CSV file', () => {
  it('starts with the UTF-8 byte-order mark (so Excel shows £) and ends with a line end', () => {
    const text = csvFile(["Budget (£'000)"], [['126252']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text).toBe(`${BOM}Budget (£'000)\n126252\n`);
  });
  it.each([
    ["Table 1: Revenue Outturn 2017/18 (£'000)", 'table-1-revenue-outturn-2017-18.csv'],
    ['', 'table.csv'],
  ])('is named from its caption: %j -> %s', (caption, name) => {
    expect(csvFileName(caption)).toBe(name);
  });
});

const receipt: ImportReceipt = {
  id: 'r1',
  datasetId: 'd1',
  fileName: 'ledger.csv',
  size: 120,
  sha256: 'ab'.repeat(32),
  encoding: 'utf-8',
  encodingReason: 'valid UTF-8',
  delimiter: 'comma',
  delimiterReason: 'most consistent',
  newline: 'LF',
  headerRow: 1,
  headerReason: 'first row',
  headers: ['Date', 'Cost Centre', 'Account', 'Description', 'Amount'],
  kind: 'ledger',
  mapping: [{ column: 'amount', label: 'Amount', header: 'Amount', scale: 'pounds' }],
  profileName: null,
  rows: { read: 3, accepted: 2, acceptedWithWarnings: 0, rejected: 1, skipped: 0, blank: 0, preamble: 0 },
  issues: [
    {
      row: 4,
      column: 'Date',
      code: 'invalid-day',
      message: '"31/02/2017" has day 31',
      value: '31/02/2017',
      severity: 'error',
    },
  ],
  issueCount: 1,
  issuesByCode: { 'invalid-day': 1 },
  skippedRows: [],
  rejectedRows: [{ row: 4, cells: ['31/02/2017', '00123', '4000', '=cmd|"/C calc"!A0', '-1234.56'] }],
  controlTotals: [{ column: 'amount', rows: 2, debit: '1089.10', credit: '-20.00', net: '1069.10', byPeriod: [] }],
  totalRowChecks: [],
  startedAt: '2018-07-19T09:00:00.000Z',
  finishedAt: '2018-07-19T09:00:01.000Z',
  durationMs: 1000,
};

describe('the rejections download', () => {
  const text = issuesToCsv(receipt);
  const rows = Papa.parse<string[]>(text.replace(BOM, ''), { skipEmptyLines: true }).data;
  it('has a byte-order mark, the issue, and every cell of the rejected row under the file’s headers', () => {
    expect(text.startsWith(BOM)).toBe(true);
    expect(rows[0]).toEqual([
      'file',
      'row',
      'column',
      'severity',
      'code',
      'message',
      'value',
      'cell: Date',
      'cell: Cost Centre',
      'cell: Account',
      'cell: Description',
      'cell: Amount',
    ]);
    expect(rows[1]!.slice(0, 7)).toEqual([
      'ledger.csv',
      '4',
      'Date',
      'error',
      'invalid-day',
      '"31/02/2017" has day 31',
      '31/02/2017',
    ]);
  });
  it('defuses the description that starts with = and leaves -1234.56 a number', () => {
    expect(rows[1]![10]).toBe(`'=cmd|"/C calc"!A0`);
    expect(rows[1]![11]).toBe('-1234.56');
    expect(text).toContain(',-1234.56\n');
  });
});

describe('the receipt download', () => {
  const rows = Papa.parse<string[]>(receiptToCsv(receipt).replace(BOM, ''), { skipEmptyLines: true }).data;
  it('is one table: section, item, detail, value, with control totals in pounds as numbers', () => {
    expect(rows[0]).toEqual(['section', 'item', 'detail', 'value']);
    expect(rows).toContainEqual(['rows', 'read', '', '3']);
    expect(rows).toContainEqual(['control total (£): amount', 'all rows accepted', 'net', '1069.10']);
    expect(rows).toContainEqual(['file', 'SHA-256', '', 'ab'.repeat(32)]);
  });
});
