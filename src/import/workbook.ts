import type * as XLSX from '@e965/xlsx';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { Issue, Result } from '../domain/core/result';
import { xlsxSheetRows, zipEntries } from './workbook-size';

/*
 * Excel workbooks (.xlsx; .xls and .ods, which the same library reads) turned into what the rest of the
 * import reads: rows of cell strings, one record per sheet row from A1, so a row and a column keep the
 * numbers Excel shows. Read with @e965/xlsx (SheetJS community edition, Apache-2.0), in the worker.
 *
 * Each cell becomes the text the import would have read from a CSV export, without arithmetic:
 *   - a number: its shortest decimal string (1234.5 -> "1234.5"; JavaScript's own shortest round-trip form,
 *     written without an exponent). Where that has more than two decimals only because of binary residue
 *     (0.1 + 0.2 stored as 0.30000000000000004), the value Excel shows (15 significant digits) is read, and
 *     the cell is named as a hazard; a genuine third decimal stays, and the amount is refused as elsewhere;
 *   - a date cell (a number in a date format): its calendar date, yyyy-mm-dd, from the serial number by
 *     the library's calendar (the 1900 leap-year bug and the 1904 system handled), never through a Date in
 *     a time zone;
 *   - text as written; TRUE/FALSE; an error (#DIV/0!) as shown, which an amount column then refuses.
 * The workbook's hazards are named, with their row where they have one: hidden sheets, rows and columns,
 * a filter, merged cells, numbers stored as text, codes shown with leading zeros by a format or that lost
 * them, float residue, formulas with no stored value, the 1904 date system.
 */

/** Workbooks above this are refused before they are opened (a workbook is read whole, in memory). */
export const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;
/** The sum of a zip's unpacked sizes above which it is refused as a zip bomb, before it is unpacked. */
const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

export type WorkbookIssueCode =
  'not-a-workbook' | 'damaged-workbook' | 'workbook-too-large' | 'sheet-too-large' | 'no-such-sheet';

/**
 * Rows of one sheet above which it is refused (a workbook is read whole, each cell an object: 300,000 rows of
 * ten columns is about a gigabyte at the peak). A CSV has no such limit: it is read a piece at a time.
 */
const MAX_SHEET_ROWS = 300_000;

const sheetTooLarge = (sheet: string | null, rows: number) =>
  fail(
    'sheet-too-large',
    `The sheet${sheet === null ? '' : ` "${sheet}"`} has ${rows > MAX_SHEET_ROWS + 1 ? rows.toLocaleString('en-GB') : `more than ${MAX_SHEET_ROWS.toLocaleString('en-GB')}`} rows; Outturn opens sheets of up to ${MAX_SHEET_ROWS.toLocaleString('en-GB')} rows from a workbook, which is read whole, in memory. Save the sheet as "CSV UTF-8" (a CSV of any length is read a piece at a time) and import that.`,
  );

export type WorkbookHazardCode =
  | 'hidden-sheet'
  | 'hidden-row'
  | 'hidden-column'
  | 'filter'
  | 'merged-cells'
  | 'number-as-text'
  | 'leading-zeros'
  | 'float-residue'
  | 'formula-without-value'
  | 'date-1904';

/** A hazard of the workbook, for the receipt: row 0 when it is the workbook's or the sheet's, not a row's. */
export interface WorkbookHazard {
  row: number;
  column: string;
  code: WorkbookHazardCode;
  message: string;
  value: string;
}

export interface SheetSummary {
  name: string;
  /** Hidden (1) or "very hidden" (2) in Excel. */
  hidden: boolean;
}

/** Which sheet of a workbook is read: carried in the plan's encoding evidence (how the bytes become text). */
export interface WorkbookChoice {
  /** The sheet read; null until a preview chose one (the first visible sheet). */
  sheet: string | null;
  sheets?: SheetSummary[];
}

export interface OpenedSheet {
  sheets: SheetSummary[];
  sheet: string;
  /** One record per sheet row from row 1 (empty rows as []), cells from column A. */
  rows: string[][];
  hazards: WorkbookHazard[];
}

/** The library's number-format helpers, typed (its declarations leave SSF untyped). */
interface Ssf {
  is_date(format: string): boolean;
  parse_date_code(serial: number, options: { date1904: boolean }): { y: number; m: number; d: number };
}

/** The library, loaded when a workbook is first opened: a page that reads only CSV never downloads it. */
type Library = typeof XLSX;
let library: Promise<Library> | undefined;
const loadLibrary = (): Promise<Library> => (library ??= import('@e965/xlsx'));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const starts = (b: Uint8Array, sig: readonly number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** A zip (.xlsx, .ods) or an OLE compound file (.xls, or an .xlsx protected by a password), by its first bytes. */
export function workbookContainer(head: Uint8Array): 'zip' | 'cfb' | null {
  return starts(head, ZIP) ? 'zip' : starts(head, CFB) ? 'cfb' : null;
}

const fail = (code: WorkbookIssueCode, message: string): { ok: false; issues: Issue<WorkbookIssueCode>[] } => ({
  ok: false,
  issues: [{ code, message }],
});

/**
 * Before a zip is unpacked: its directory read (at its end), so a file cut short, a zip that holds no
 * workbook, and a zip bomb are refused with a reason, cheaply. An OLE file is passed on to the library.
 */
export function checkWorkbookBytes(
  bytes: Uint8Array,
  size = bytes.length,
): Result<'xlsx' | 'ods' | 'xls', Issue<WorkbookIssueCode>> {
  if (size > MAX_WORKBOOK_BYTES)
    return fail(
      'workbook-too-large',
      `This workbook is ${size.toLocaleString('en-GB')} bytes; Outturn opens workbooks of up to ${MAX_WORKBOOK_BYTES.toLocaleString('en-GB')} bytes (a workbook is read whole). Save the sheet as "CSV UTF-8" and import that.`,
    );
  const container = workbookContainer(bytes);
  if (container === 'cfb') return { ok: true, value: 'xls' };
  if (container !== 'zip') return fail('not-a-workbook', 'This is not an Excel workbook.');
  const entries = zipEntries(bytes);
  if (entries === 'cut-short')
    return fail(
      'damaged-workbook',
      'This looks like an Excel workbook (a zip file), but it is cut short or damaged: its table of contents, at the end of the file, is missing. Save it again from Excel and import that.',
    );
  if (entries === 'damaged')
    return fail(
      'damaged-workbook',
      'This Excel workbook (a zip file) is damaged: its table of contents does not read.',
    );
  const names = entries.map((e) => e.name);
  const unzipped = entries.reduce((sum, e) => sum + (e.size === 0xffffffff ? Infinity : e.size), 0);
  if (unzipped > MAX_UNZIPPED_BYTES)
    return fail(
      'workbook-too-large',
      `This zip file would unpack to ${Number.isFinite(unzipped) ? `${unzipped.toLocaleString('en-GB')} bytes` : 'more than 4 GB'}, far more than a workbook of its size holds (a "zip bomb"?), so it was not opened.`,
    );
  if (names.includes('xl/workbook.xml') || names.includes('xl/workbook.bin')) return { ok: true, value: 'xlsx' };
  if (names.includes('content.xml')) return { ok: true, value: 'ods' };
  return fail(
    'not-a-workbook',
    'This is a zip file, but not an Excel workbook (it has no xl/workbook.xml): unpack it and import the CSV inside.',
  );
}

/** Excel's column letters: 0 -> A, 26 -> AA. */
export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A double as its shortest decimal string, never in exponent form: JavaScript's String() gives the shortest
 * digits that read back as the same double; an exponent is then moved into the digits as text.
 */
export function plainDecimal(v: number): string {
  if (Object.is(v, -0)) return '0';
  const s = String(v);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign = '', whole = '', fraction = '', exp = '0'] = m;
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const decimalsOf = (s: string): number => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

/**
 * A number cell's text: its shortest decimal string; or, when that has more than two decimals only by
 * binary residue (the 15 significant digits Excel shows have at most two, and the whole part at most 12
 * digits, so the two differ by less than a twentieth of a penny), the value Excel shows, with the stored one.
 */
export function numberText(v: number): { text: string; residue?: string } {
  const exact = plainDecimal(v);
  if (decimalsOf(exact) <= 2) return { text: exact };
  const shown = plainDecimal(Number(v.toPrecision(15)));
  const wholeDigits = shown.replace(/^-/, '').split('.')[0]!.length;
  if (decimalsOf(shown) <= 2 && wholeDigits <= 12) return { text: shown, residue: exact };
  return { text: exact };
}

const AMOUNT_AS_TEXT = /^\s*[-(]?\s*£?\s*(\d{1,3}(,\d{3})+(\.\d+)?|\d*\.\d+|\d+)\s*\)?\s*$/;
const ZERO_PADDED = /^0\d+$/;

interface ColumnNotes {
  asText: number;
  asTextRow: number;
  asTextValue: string;
  /** Codes written as text with leading zeros: their longest length. */
  paddedLength: number;
  padded: string;
  /** Whole numbers written as numbers, with their rows. */
  shortNumbers: { row: number; text: string }[];
  formatPadded: number;
  formatPaddedRow: number;
  formatPaddedValue: string;
}

function hiddenSheets(wb: WorkBook): SheetSummary[] {
  return wb.SheetNames.map((name, i) => ({ name, hidden: (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0 }));
}

/**
 * Opens a workbook's sheet (by name; null for the first visible one) as rows of cell strings, with its
 * hazards. `rowLimit` reads only the first rows (a preview). Never throws on the file: a workbook the
 * library cannot open (damaged, protected by a password) is refused with the library's reason.
 */
export async function openSheet(
  bytes: Uint8Array,
  sheet: string | null,
  rowLimit?: number,
): Promise<Result<OpenedSheet, Issue<WorkbookIssueCode>>> {
  const checked = checkWorkbookBytes(bytes);
  if (!checked.ok) return checked;
  // A sheet's size from its own used range, before the library reads every cell of it (workbook-size.ts).
  const declared = checked.value === 'xlsx' ? await xlsxSheetRows(bytes, sheet) : null;
  if (declared !== null && declared > MAX_SHEET_ROWS) return sheetTooLarge(sheet, declared);
  const xlsx = await loadLibrary();
  let wb: WorkBook;
  try {
    wb = xlsx.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellStyles: true,
      cellFormula: true,
      cellDates: false,
      // A preview's rows; else one row more than a sheet may have, so a sheet that did not say its size is
      // still read no further than that, and refused.
      sheetRows: rowLimit ?? MAX_SHEET_ROWS + 1,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(
      'damaged-workbook',
      /password|encrypt/i.test(why)
        ? 'This workbook is protected by a password, so it cannot be read. Remove the password in Excel (File > Info > Protect Workbook), or save the sheet as "CSV UTF-8", and import that.'
        : `This workbook cannot be opened (${why}). Save it again from Excel, or save the sheet as "CSV UTF-8", and import that.`,
    );
  }
  const sheets = hiddenSheets(wb);
  const chosen = sheet ?? sheets.find((s) => !s.hidden)?.name ?? sheets[0]?.name;
  const ws = chosen === undefined ? undefined : wb.Sheets[chosen];
  if (chosen === undefined || !ws)
    return fail(
      'no-such-sheet',
      `This workbook has no sheet called "${sheet ?? ''}"; its sheets: ${sheets.map((s) => `"${s.name}"`).join(', ')}.`,
    );
  if (rowLimit === undefined && (ws['!data']?.length ?? 0) > MAX_SHEET_ROWS) return sheetTooLarge(chosen, 0);
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const hazards: WorkbookHazard[] = [];
  for (const s of sheets) {
    if (s.hidden)
      hazards.push({
        row: 0,
        column: '',
        code: 'hidden-sheet',
        message: `The workbook has a hidden sheet, "${s.name}"${s.name === chosen ? ', and it is the one read' : ', which was not read (choose it to read it)'}`,
        value: s.name,
      });
  }
  if (date1904)
    hazards.push({
      row: 0,
      column: '',
      code: 'date-1904',
      message:
        'The workbook counts dates in the 1904 system (as older Excel for Mac did); its date cells were read in that system',
      value: '1904',
    });
  return { ok: true, value: { sheets, sheet: chosen, rows: sheetRows(xlsx, ws, date1904, hazards), hazards } };
}

function sheetRows(xlsx: Library, ws: WorkSheet, date1904: boolean, hazards: WorkbookHazard[]): string[][] {
  const ssf = xlsx.SSF as Ssf;
  const data = (ws['!data'] ?? []) as (CellObject | undefined)[][];
  const range = ws['!ref'] ? xlsx.utils.decode_range(ws['!ref']) : { s: { r: 0, c: 0 }, e: { r: -1, c: -1 } };
  const lastRow = Math.min(range.e.r, data.length - 1);
  const hiddenRows = ws['!rows'] ?? [];
  const hiddenCols = ws['!cols'] ?? [];
  const notes: ColumnNotes[] = [];
  const note = (c: number): ColumnNotes =>
    (notes[c] ??= {
      asText: 0,
      asTextRow: 0,
      asTextValue: '',
      paddedLength: 0,
      padded: '',
      shortNumbers: [],
      formatPadded: 0,
      formatPaddedRow: 0,
      formatPaddedValue: '',
    });
  const usedCols = new Set<number>();
  const rows: string[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const cells = data[r] ?? [];
    const out: string[] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      out.push(cell ? cellText(ssf, cell, r + 1, c, date1904, hazards, note) : '');
    }
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    out.forEach((v, c) => {
      if (v !== '') usedCols.add(c);
    });
    if (hiddenRows[r]?.hidden && out.length > 0)
      hazards.push({
        row: r + 1,
        column: '',
        code: 'hidden-row',
        message: `Row ${r + 1} is hidden in Excel (or hidden by a filter); it was read like any other row, so check that it belongs in the data`,
        value: out.join(', ').slice(0, 80),
      });
    rows.push(out);
  }
  // Excel stores no empty cell, so a row whose last columns are blank (a debit line with no credit) comes out
  // shorter than its header, which the import would report on every such row as "missing cells". Excel's own
  // CSV export writes every row of the used range to the same width; each non-empty row is padded likewise.
  let width = 0;
  for (const c of usedCols) width = Math.max(width, c + 1);
  for (const row of rows) if (row.length > 0) while (row.length < width) row.push('');
  for (const c of [...usedCols].sort((a, b) => a - b)) {
    if (hiddenCols[c]?.hidden)
      hazards.push({
        row: 0,
        column: `column ${columnLetter(c)}`,
        code: 'hidden-column',
        message: `Column ${columnLetter(c)} is hidden in Excel; it was read like any other column`,
        value: rows[0]?.[c] ?? '',
      });
  }
  const filter = ws['!autofilter'];
  if (filter)
    hazards.push({
      row: 0,
      column: '',
      code: 'filter',
      message: `The sheet has a filter on ${filter.ref}; every row was read, whether the filter shows it or not (the rows it hides are named as hidden rows)`,
      value: filter.ref,
    });
  for (const m of ws['!merges'] ?? []) {
    const ref = `${columnLetter(m.s.c)}${m.s.r + 1}:${columnLetter(m.e.c)}${m.e.r + 1}`;
    hazards.push({
      row: m.s.r + 1,
      column: `column ${columnLetter(m.s.c)}`,
      code: 'merged-cells',
      message: `Cells ${ref} are merged: the value is in ${columnLetter(m.s.c)}${m.s.r + 1} only, and the other cells read as blank`,
      value: rows[m.s.r]?.[m.s.c] ?? '',
    });
  }
  notes.forEach((n, c) => {
    const col = `column ${columnLetter(c)}`;
    if (n.asText > 0)
      hazards.push({
        row: n.asTextRow,
        column: col,
        code: 'number-as-text',
        message: `${n.asText === 1 ? 'A number is' : `${n.asText} numbers are`} stored as text in column ${columnLetter(c)} (first at row ${n.asTextRow}); read as written, which Excel's own sums leave out`,
        value: n.asTextValue,
      });
    if (n.formatPadded > 0)
      hazards.push({
        row: n.formatPaddedRow,
        column: col,
        code: 'leading-zeros',
        message: `Column ${columnLetter(c)} holds ${n.formatPadded === 1 ? 'a number' : `${n.formatPadded} numbers`} shown with leading zeros by the cell format (first at row ${n.formatPaddedRow}: ${n.formatPaddedValue}); read as shown, as codes`,
        value: n.formatPaddedValue,
      });
    const short = n.paddedLength > 0 ? n.shortNumbers.filter((s) => s.text.length < n.paddedLength) : [];
    if (short.length > 0)
      hazards.push({
        row: short[0]!.row,
        column: col,
        code: 'leading-zeros',
        message: `Column ${columnLetter(c)} has codes written with leading zeros (such as ${n.padded}) and ${short.length === 1 ? 'a number' : `${short.length} numbers`} with fewer digits (first at row ${short[0]!.row}: ${short[0]!.text}): Excel may have dropped their leading zeros, so they will not match the same codes written in full`,
        value: short[0]!.text,
      });
  });
  return rows;
}

function cellText(
  ssf: Ssf,
  cell: CellObject,
  row: number,
  c: number,
  date1904: boolean,
  hazards: WorkbookHazard[],
  note: (c: number) => ColumnNotes,
): string {
  const where = `${columnLetter(c)}${row}`;
  if (cell.f !== undefined && (cell.v === undefined || cell.t === 'z')) {
    hazards.push({
      row,
      column: `column ${columnLetter(c)}`,
      code: 'formula-without-value',
      message: `Cell ${where} has the formula =${cell.f} but no stored value (the workbook was saved without calculating it); read as blank`,
      value: `=${cell.f}`,
    });
    return '';
  }
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      const format = typeof cell.z === 'string' ? cell.z : 'General';
      if (format !== 'General' && ssf.is_date(format)) {
        const d = ssf.parse_date_code(v, { date1904 });
        if (d.y > 0)
          return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
      }
      const n = numberText(v);
      if (/^0+$/.test(format) && Number.isInteger(v) && v >= 0 && cell.w !== undefined && cell.w !== n.text) {
        const notes = note(c);
        if (notes.formatPadded++ === 0) {
          notes.formatPaddedRow = row;
          notes.formatPaddedValue = `${n.text} shown as ${cell.w}`;
        }
        return cell.w;
      }
      if (n.residue !== undefined)
        hazards.push({
          row,
          column: `column ${columnLetter(c)}`,
          code: 'float-residue',
          message: `Cell ${where} holds ${n.residue}, which differs from ${n.text} (what Excel shows) only by binary rounding residue below a penny, left by Excel's arithmetic; read as ${n.text}`,
          value: n.residue,
        });
      if (Number.isInteger(v) && v >= 0) note(c).shortNumbers.push({ row, text: n.text });
      return n.text;
    }
    case 's': {
      const v = String(cell.v ?? '');
      if (ZERO_PADDED.test(v)) {
        const notes = note(c);
        if (v.length > notes.paddedLength) {
          notes.paddedLength = v.length;
          notes.padded = v;
        }
      } else if (AMOUNT_AS_TEXT.test(v) && /[.,]/.test(v)) {
        const notes = note(c);
        if (notes.asText++ === 0) {
          notes.asTextRow = row;
          notes.asTextValue = v;
        }
      }
      return v;
    }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? '#ERROR';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    default:
      return '';
  }
}

/** Rows of cells as CSV lines (comma, quoted where a cell needs it), for the same reader as a CSV file. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) {
    out += row.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
    out += '\n';
  }
  return out;
}
