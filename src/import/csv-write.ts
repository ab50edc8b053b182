import Papa from 'papaparse';

/*
 * Writing CSV for the user to open in a spreadsheet, the one way every download does it:
 * - a UTF-8 byte-order mark first (csvFile), so that Excel reads £ and other non-ASCII text as UTF-8;
 * - numbers as numbers: an amount is written as its plain decimal (-1547, 3514.4), never "(1,547)" or
 *   "£3,514", so a spreadsheet reads it as a number;
 * - a defence against formula injection: a text cell that starts with =, +, @ (or a tab or carriage
 *   return) would run as a formula in Excel, so it is prefixed with a quote ('=1+1 shows as text). A
 *   leading minus is escaped too, unless the cell is a plain number: "-1234.56" stays a number, "-1+2"
 *   does not run.
 */
const FORMULA_START = /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/;

/** A cell: text, a number (written as is), or nothing. Money should arrive as its exact decimal string. */
export type CsvCell = string | number | null | undefined;

/** The UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

const cellText = (c: CsvCell): string =>
  c === null || c === undefined ? '' : typeof c === 'number' ? (Number.isFinite(c) ? String(c) : '') : c;

/** RFC 4180 CSV (LF line ends, fields quoted where needed), safe to open in a spreadsheet. No BOM. */
export function toCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return Papa.unparse(
    { fields: [...fields], data: rows.map((r) => r.map(cellText)) },
    { newline: '\n', escapeFormulae: FORMULA_START },
  );
}

/** A CSV file's whole text: the byte-order mark, the table, and a final line end. */
export function csvFile(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${BOM}${toCsv(fields, rows)}\n`;
}

/** A file name from a title: lower case, letters, digits and dashes, ending .csv. */
export function csvFileName(title: string, fallback = 'table'): string {
  const base =
    title
      .toLowerCase()
      .replace(/£'000|£/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || fallback;
  return `${base}.csv`;
}
