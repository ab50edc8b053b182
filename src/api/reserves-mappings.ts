import type { Money } from '../domain/core/money';
import { reserveGroupOf, type ReserveInput } from '../domain/reserves/reserves-position';
import { rowKeys } from '../domain/checks/table-checks';
import { mappedColumn, type PrintedTable } from '../import/printed-table';

/*
 * From the printed reserves table (data/table-5-reserves.csv, or a reserves file of the user's, its columns found by
 * what the import mapped them to) and the revenue outturn (Table 1) to the reserves model, one function each. The paper prints usage negative; the model's `used` is the amount
 * drawn, positive, so the sign is turned here and only here.
 */

/** A reserves position's opening and closing balance columns: "Balance 1/4/18" as the paper heads them, or "Opening balance". */
export const OPENING_BALANCE = /^(balance 1\/|opening balance)/i;
export const CLOSING_BALANCE = /^(balance 31\/|closing balance)/i;

/** A reserves position's amount columns: the key the import maps each to, and the paper's heading. */
export const RESERVE_COLUMNS: readonly (readonly [string, RegExp])[] = [
  ['opening', OPENING_BALANCE],
  ['added', /^added/i],
  ['used', /usage|used/i],
  ['closing', CLOSING_BALANCE],
];

/** Table 5: each reserve with its group, and the printed subtotal and total rows. */
export function toReserveRows(table: PrintedTable): ReserveInput[] {
  const keys = rowKeys(table.rows);
  const [opening, added, usage, closing] = RESERVE_COLUMNS.map(([key, p]) => mappedColumn(table, key, p));
  const note = table.columns.find((c) => c.kind === 'text' && /^note$/i.test(c.header))?.header;
  const value = (row: PrintedTable['rows'][number], header: string | undefined): Money | null =>
    header === undefined ? null : (row.values[header] ?? null);
  return table.rows.map((row, i) => {
    const printedUsage = value(row, usage);
    return {
      key: keys[i]!,
      name: row.label,
      group: reserveGroupOf(row.group),
      rowType: row.rowType,
      opening: value(row, opening),
      added: value(row, added),
      used: printedUsage === null ? null : printedUsage.isZero() ? printedUsage : printedUsage.negated(),
      closing: value(row, closing),
      note: note === undefined ? '' : (row.text[note] ?? '').trim(),
    };
  });
}

/** The net revenue budget: Table 1's TOTAL budget (the last total row), or null if the file has none. */
export function netRevenueBudgetOf(table: PrintedTable): Money | null {
  const budget = mappedColumn(table, 'budget', /budget/i);
  const total = [...table.rows].reverse().find((r) => r.rowType === 'total');
  return budget === undefined || total === undefined ? null : (total.values[budget] ?? null);
}
