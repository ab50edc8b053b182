// Excel workbooks for the tests, made by the library itself (@e965/xlsx), each with the hazards it names.
// test/fixtures/make-workbooks.ts writes ledger.xlsx from ledgerWorkbook(); the tests also build them in memory.
import { utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';

type Cell = string | number | { v: number | string; z?: string; f?: string } | { f: string } | null;

function sheet(rows: Cell[][]): WorkSheet {
  const ws: WorkSheet = {};
  let lastCol = 0;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null) return;
      const ref = utils.encode_cell({ r, c });
      lastCol = Math.max(lastCol, c);
      if (typeof cell === 'string') ws[ref] = { t: 's', v: cell } satisfies CellObject;
      else if (typeof cell === 'number') ws[ref] = { t: 'n', v: cell } satisfies CellObject;
      else if (!('v' in cell)) ws[ref] = { t: 'z', f: cell.f } as CellObject;
      else
        ws[ref] = {
          t: typeof cell.v === 'number' ? 'n' : 's',
          v: cell.v,
          ...(cell.z ? { z: cell.z } : {}),
          ...(cell.f ? { f: cell.f } : {}),
        } as CellObject;
    }),
  );
  ws['!ref'] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: lastCol } });
  return ws;
}

const date = (serial: number) => ({ v: serial, z: 'dd/mm/yyyy' });

/**
 * A ledger sheet with a hazard of each kind, beside a visible "Summary" and a hidden "Workings" sheet.
 * Row 3's amount is 0.1 + 0.2 as Excel's arithmetic leaves it; row 5 is hidden; F6 is a number stored as
 * text; C3 is 1234 shown as 01234 by the format 00000; C5 is 1234 in a column of codes written 01234;
 * D7:E7 are merged; G2 holds a formula with no stored value; a filter covers A1:F6.
 */
export function ledgerWorkbook(): Uint8Array {
  const ledger = sheet([
    ['Posting Date', 'Period', 'Cost Centre', 'Subjective', 'Description', 'Amount'],
    [date(42830), 1, '01234', 4100, 'Fuel', 1234.5, { f: 'F2*2' }],
    [date(42845), 1, { v: 1234, z: '00000' }, 4100, 'Tyres', 0.1 + 0.2],
    [date(42870), 2, '01234', 4100, 'Refund', -234.56],
    [date(42871), 2, 1234, 5200, 'Hidden line', 89.1],
    [date(42872), 2, '00456', 5200, 'Text amount', '1,000.00'],
    [null, null, null, 'Total', null, 2089.34],
  ]);
  ledger['!rows'] = [];
  ledger['!rows'][4] = { hidden: true };
  ledger['!merges'] = [{ s: { r: 6, c: 3 }, e: { r: 6, c: 4 } }];
  ledger['!autofilter'] = { ref: 'A1:F6' };
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ledger, 'Ledger');
  utils.book_append_sheet(
    wb,
    sheet([
      ['Area', 'Budget'],
      ['Policing', 100],
    ]),
    'Summary',
  );
  utils.book_append_sheet(wb, sheet([['scratch']]), 'Workings');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 0 }, { Hidden: 1 }] };
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true }) as ArrayBuffer);
}

/** One sheet of rows, in the 1904 date system when asked, as .xlsx or (bookType) .ods or .xls. */
export function simpleWorkbook(
  rows: Cell[][],
  options: { date1904?: boolean; name?: string; bookType?: 'xlsx' | 'ods' | 'biff8' } = {},
): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, sheet(rows), options.name ?? 'Sheet1');
  if (options.date1904) wb.Workbook = { ...wb.Workbook, WBProps: { date1904: true } };
  return new Uint8Array(write(wb, { type: 'array', bookType: options.bookType ?? 'xlsx' }) as ArrayBuffer);
}

export { date as dateCell };
