import Papa from 'papaparse';

/*
 * Writing CSV for the user to open in a spreadsheet. A cell that starts with =, +, @ (or a tab or
 * carriage return) would run as a formula in Excel, so papaparse prefixes it with a quote. A leading
 * minus is escaped too, unless the cell is a plain number: "-2000.5" stays a number, "-1+2" does not run.
 */
const FORMULA_START = /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/;

/** RFC 4180 CSV (LF line ends, fields quoted where needed), safe to open in a spreadsheet. */
export function toCsv(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse({ fields: [...fields], data: rows.map((r) => [...r]) }, { newline: '\n', escapeFormulae: FORMULA_START });
}
