// Excel workbooks (issue 15): read cell by cell into the same pipeline as a CSV file. Numbers through their
// shortest decimal string, dates from date cells, the workbook's hazards named, the hash of the file's own
// bytes, refusals with a reason. Expected values are worked out by hand from the cells the helpers write
// (test/unit/helpers/workbooks.ts); Excel serials from the calendar (42845 days after 30/12/1899 is 20/04/2017).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import { planProblems } from '../../../src/import/preview';
import { layoutText, receiptToCsv } from '../../../src/import/receipt';
import { preview, scan, type ByteSource } from '../../../src/import/run-import';
import { checkWorkbookBytes, columnLetter, numberText, openSheet, plainDecimal } from '../../../src/import/workbook';
import { xlsxSheetRows } from '../../../src/import/workbook-size';
import { rawLedgerWorkbook } from '../helpers/raw-xlsx';
import { dateCell, ledgerWorkbook, simpleWorkbook } from '../helpers/workbooks';
import { importWhole } from '../helpers/receipt-of';
import { runCli } from '../helpers/hostile-harness';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURE = join(ROOT, 'test/fixtures/ledger.xlsx');

const importWorkbook = (bytes: Uint8Array, sheet?: string, piece = 4096) =>
  importWhole(bytesSource('book.xlsx', bytes, piece), sheet ? { sheet } : {});

describe('numbers as Excel holds them, to text without arithmetic', () => {
  it.each([
    [1234.5, '1234.5'],
    [-234.56, '-234.56'],
    [-0, '0'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [123456789012345680000, '123456789012345680000'],
  ])('plainDecimal(%s) is %s', (v, text) => {
    expect(plainDecimal(v)).toBe(text);
  });

  it.each([
    // Residue of binary arithmetic, below a penny: read as Excel shows it, the stored value kept for the warning.
    [0.1 + 0.2, '0.3', '0.30000000000000004'],
    [0.7 * 3, '2.1', '2.0999999999999996'],
    [0.1 + 0.7, '0.8', '0.7999999999999999'],
    // A genuine third decimal is not residue: it stays, and the amount is refused as in a CSV file.
    [1.005, '1.005', undefined],
    [2.125, '2.125', undefined],
    // Beyond 12 whole digits, 15 significant digits no longer reach a tenth of a penny: kept as stored.
    [1234567890123.4001, '1234567890123.4001', undefined],
  ])('numberText(%s) reads %s (residue %s)', (v, text, residue) => {
    const n = numberText(v);
    expect(n.text).toBe(text);
    expect(n.residue).toBe(residue);
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (c, letter) => expect(columnLetter(c)).toBe(letter));
});

describe('a ledger workbook, read like its CSV (test/fixtures/ledger.xlsx)', () => {
  it('hashes the file bytes, and says it is a workbook and which sheet', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const { scan: s, receipt, preview: p } = await importWorkbook(bytes, undefined, 3);
    expect(s.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(receipt.encoding).toBe('workbook, sheet "Ledger"');
    expect(layoutText(receipt)).toBe('sheet "Ledger", read cell by cell; header on row 1');
    expect(receiptToCsv(receipt)).toContain('read as,sheet,,Ledger');
    expect(receiptToCsv(receipt)).not.toContain('line endings');
    expect(receipt.encodingReason).toContain(
      'an Excel workbook (.xlsx), sheet "Ledger" (3 sheets; the others: "Summary", "Workings" (hidden))',
    );
    expect(p.encoding.workbook?.sheets).toEqual([
      { name: 'Ledger', hidden: false },
      { name: 'Summary', hidden: false },
      { name: 'Workings', hidden: true },
    ]);
  });

  it('accounts for every row, with amounts exact, dates from date cells and codes as shown', async () => {
    const { receipt, chunks } = await importWorkbook(new Uint8Array(readFileSync(FIXTURE)));
    expect(receipt.kind).toBe('ledger');
    expect(receipt.rows).toMatchObject({ read: 6, accepted: 5, rejected: 0, skipped: 1 });
    const c = chunks[0]!;
    // 1,234.50; 0.1 + 0.2 as Excel shows it, 0.30; -234.56; 89.10; 1,000.00 (text).
    expect([...c.pence.amount!]).toEqual([123450, 30, -23456, 8910, 100000]);
    expect([...c.dates.postingDate!]).toEqual([20170405, 20170420, 20170515, 20170516, 20170517]);
    expect([...c.periods]).toEqual([1, 1, 2, 2, 2]);
    expect(c.raw[2]).toEqual(['01234', '01234', '01234', '1234', '00456']);
    // Total row 7: 1,234.50 + 0.30 - 234.56 + 89.10 + 1,000.00 = 2,089.34.
    expect(receipt.totalRowChecks.map((t) => [t.row, t.printed, t.computed, t.status])).toEqual([
      [7, '2089.34', '2089.34', 'pass'],
    ]);
    expect(receipt.controlTotals.map((t) => [t.debit, t.credit, t.net])).toEqual([['2323.90', '-234.56', '2089.34']]);
  });

  it.each([
    ['hidden-sheet', 0, 'Workings'],
    ['formula-without-value', 2, '=F2*2'],
    ['float-residue', 3, '0.30000000000000004'],
    ['hidden-row', 5, '2017-05-16, 2, 1234, 5200, Hidden line, 89.1'],
    ['filter', 0, 'A1:F6'],
    ['merged-cells', 7, 'Total'],
    ['leading-zeros', 3, '1234 shown as 01234'],
    ['leading-zeros', 5, '1234'],
    ['number-as-text', 6, '1,000.00'],
  ])('names the hazard %s (row %i) on the receipt, as a warning', async (code, row, value) => {
    const { receipt } = await importWorkbook(new Uint8Array(readFileSync(FIXTURE)));
    expect(receipt.issues).toContainEqual(expect.objectContaining({ code, row, value, severity: 'warning' }));
  });

  it('holds what its builder makes (test/fixtures/make-workbooks.ts)', async () => {
    const committed = await openSheet(new Uint8Array(readFileSync(FIXTURE)), null);
    const built = await openSheet(ledgerWorkbook(), null);
    expect(committed.ok && built.ok).toBe(true);
    if (committed.ok && built.ok) expect(committed.value).toEqual(built.value);
  });

  it('reads another sheet when it is chosen', async () => {
    const { receipt, preview: p } = await importWorkbook(new Uint8Array(readFileSync(FIXTURE)), 'Summary');
    expect(p.headers).toEqual(['Area', 'Budget']);
    expect(receipt.encoding).toBe('workbook, sheet "Summary"');
  });

  it('refuses a sheet the workbook does not have, with its sheets', async () => {
    const source = bytesSource('book.xlsx', new Uint8Array(readFileSync(FIXTURE)));
    const s = await scan(source);
    if (!s.verdict.ok) throw new Error('unreadable');
    const p = await preview(source, s.verdict.value, { sheet: 'Nope' });
    expect(planProblems(p)).toEqual([
      'This workbook has no sheet called "Nope"; its sheets: "Ledger", "Summary", "Workings".',
    ]);
  });

  it.each([
    ['ods', 'an OpenDocument spreadsheet (.ods)'],
    ['biff8', 'an Excel workbook (.xls)'],
  ] as const)('reads a %s file the same way (%s)', async (bookType, what) => {
    // 20/04/2017 is serial 42845; 1,234.56 + 0.44 = 1,235.00.
    const bytes = simpleWorkbook(
      [
        ['Posting Date', 'Cost Centre', 'Subjective', 'Amount'],
        [dateCell(42845), '01234', '4100', 1234.56],
        [dateCell(42845), '01234', '4100', 0.44],
      ],
      { bookType },
    );
    const { receipt, chunks } = await importWorkbook(bytes);
    expect(receipt.encodingReason).toContain(what);
    expect(receipt.rows).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect([...chunks[0]!.dates.postingDate!]).toEqual([20170420, 20170420]);
    expect(chunks[0]!.raw[1]).toEqual(['01234', '01234']);
    expect(receipt.controlTotals[0]!.net).toBe('1235.00');
  });

  it('reads a Debit/Credit sheet whose blank cells Excel did not store, without calling the rows short', async () => {
    // Excel keeps no empty cell: a debit line has no Credit cell at all, a credit line no Debit cell. Debits
    // 120.00 + 30.45 = 150.45, credits 20.10, net 130.35 (by hand).
    const bytes = simpleWorkbook([
      ['Posting Date', 'Cost Centre', 'Subjective', 'Debit', 'Credit'],
      [dateCell(42845), '20500', '3010', 120],
      [dateCell(42846), '20500', '3010', null, 20.1],
      [dateCell(42847), '10100', '4100', 30.45],
    ]);
    const { receipt } = await importWorkbook(bytes);
    expect(receipt.rows).toMatchObject({ read: 3, accepted: 3, acceptedWithWarnings: 0, rejected: 0 });
    expect(receipt.issues.map((i) => i.code)).not.toContain('missing-cells');
    expect(receipt.controlTotals.map((t) => [t.debit, t.credit, t.net])).toEqual([['150.45', '-20.10', '130.35']]);
  });

  it('reads dates in the 1904 system, and says so', async () => {
    // In the 1904 system, day 0 is 01/01/1904: 20/04/2017 is 41,383 days after it.
    const bytes = simpleWorkbook(
      [
        ['Posting Date', 'Cost Centre', 'Subjective', 'Amount'],
        [dateCell(41383), 'C1', '4100', 5],
      ],
      { date1904: true },
    );
    const { receipt, chunks } = await importWorkbook(bytes);
    expect([...chunks[0]!.dates.postingDate!]).toEqual([20170420]);
    expect(receipt.issues.map((i) => i.code)).toContain('date-1904');
  });
});

/** A zip's directory and its end, by hand: one entry of the given name and unpacked size. */
function zipDirectory(name: string, unpacked: number): Uint8Array {
  const n = new TextEncoder().encode(name);
  const out = new Uint8Array(4 + 46 + n.length + 22);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true); // the local header's signature, which scan looks at first
  const cd = 4;
  v.setUint32(cd, 0x02014b50, true);
  v.setUint32(cd + 20, 1000, true);
  v.setUint32(cd + 24, unpacked, true);
  v.setUint16(cd + 28, n.length, true);
  out.set(n, cd + 46);
  const end = cd + 46 + n.length;
  v.setUint32(end, 0x06054b50, true);
  v.setUint16(end + 8, 1, true);
  v.setUint16(end + 10, 1, true);
  v.setUint32(end + 16, cd, true);
  return out;
}

describe('workbooks refused with a reason, before they are opened', () => {
  it.each([
    ['a zip bomb', zipDirectory('xl/workbook.xml', 0xfffffff0), /would unpack to 4,294,967,280 bytes.*zip bomb/],
    ['a zip with no workbook in it', zipDirectory('data.csv', 10), /a zip file, but not an Excel workbook/],
    [
      'a workbook cut short',
      new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/hostile/workbook.xlsx'))),
      /cut short or damaged/,
    ],
  ])('%s', async (_, bytes, message) => {
    const s = await scan(bytesSource('x.xlsx', bytes, 5));
    expect(s.verdict.ok).toBe(false);
    if (!s.verdict.ok) expect(s.verdict.issues[0]!.message).toMatch(message);
  });

  it('a workbook larger than it may be is refused from its size alone', async () => {
    const size = 64 * 1024 * 1024 + 1;
    const source: ByteSource = {
      name: 'big.xlsx',
      size,
      // eslint-disable-next-line @typescript-eslint/require-await -- bytes made in memory; the interface is async
      async *chunks() {
        const piece = new Uint8Array(1 << 22);
        piece.set([0x50, 0x4b, 0x03, 0x04]);
        for (let at = 0; at < size; at += piece.length) yield piece.subarray(0, Math.min(piece.length, size - at));
      },
    };
    const s = await scan(source);
    expect(s.verdict.ok ? '' : s.verdict.issues[0]!.message).toMatch(
      /Outturn opens workbooks of up to 67,108,864 bytes/,
    );
  });

  it('an OLE file that is no workbook (or one locked by a password) is refused at the preview, never thrown', async () => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const source = bytesSource('locked.xlsx', bytes);
    const s = await scan(source);
    expect(s.verdict.ok).toBe(true);
    if (!s.verdict.ok) return;
    const problems = planProblems(await preview(source, s.verdict.value));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^This workbook (cannot be opened|is protected by a password)/);
  });

  it('a sheet of a million rows is refused from its own used range, before a cell is read, at the preview', async () => {
    const bytes = rawLedgerWorkbook(1_000_000);
    expect(await xlsxSheetRows(bytes, null)).toBe(1_000_001);
    const heapBefore = process.memoryUsage().heapUsed;
    const source = bytesSource('million.xlsx', bytes);
    const s = await scan(source);
    if (!s.verdict.ok) throw new Error('the workbook should scan');
    const problems = planProblems(await preview(source, s.verdict.value));
    expect(problems).toEqual([
      'The sheet has 1,000,001 rows; Outturn opens sheets of up to 300,000 rows from a workbook, which is read whole, in memory. Save the sheet as "CSV UTF-8" (a CSV of any length is read a piece at a time) and import that.',
    ]);
    // Bounded memory: nothing like the gigabytes of a million rows of cells (the file itself is about 10 MB).
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  it("a sheet's used range is read from the workbook's own parts (test/fixtures/ledger.xlsx; a sheet that does not say: null)", async () => {
    const fixture = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/ledger.xlsx')));
    const opened = await openSheet(fixture, null);
    if (!opened.ok) throw new Error('the fixture should open');
    expect(await xlsxSheetRows(fixture, null)).toBe(opened.value.rows.length);
    expect(await xlsxSheetRows(rawLedgerWorkbook(3, { dimension: false }), null)).toBeNull();
    expect(await xlsxSheetRows(rawLedgerWorkbook(3), 'No such sheet')).toBeNull();
  });

  it('the checks take a size without the bytes', () => {
    expect(checkWorkbookBytes(new Uint8Array(), 1 << 30).ok).toBe(false);
  });
});

describe('check-file on a workbook', () => {
  // The command's own answer, in this process (check-file-cli.test.ts runs it once as a real process).
  const run = (...args: string[]) => runCli(args);

  it('reads its first visible sheet, prints its totals and hazards, and takes --sheet', async () => {
    const r = await run(FIXTURE);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('encoding  workbook, sheet "Ledger"');
    // A sheet has cells, not a delimiter or line endings: the layout names the sheet.
    expect(r.stdout).toContain('layout    sheet "Ledger", read cell by cell, header on row 1');
    expect(r.stdout).toContain('6 read = 5 accepted + 0 rejected + 1 skipped');
    expect(r.stdout).toContain('totals    amount: debits 2323.90, credits -234.56, net 2089.34');
    expect(r.stdout).toContain('[float-residue]');
    // The Summary sheet is no ledger: refused (exit 2) with the columns found on it.
    const s = await run(FIXTURE, '--sheet', 'Summary', '--kind', 'ledger');
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('headers found on row 1: Area, Budget');
  }, 30_000);
});
