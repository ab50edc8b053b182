import type { CategoryBudgetInput, SchemeInput } from '../domain/capital/capital-programme';
import type { FinancingLineInput } from '../domain/capital/capital-financing';
import type { CarryForwardRequestInput } from '../domain/capital/carry-forward-requests';
import type { Money } from '../domain/core/money';
import { rowKeys } from '../domain/checks/table-checks';
import { findColumn, mappedColumn, type PrintedRow, type PrintedTable } from '../import/printed-table';

/*
 * From the printed capital tables (data/table-4-*.csv, appendix-3-*.csv, appendix-4-*.csv) to the
 * capital model, one function per table. Columns are found by what the import mapped them to where it did (a
 * file of the user's own), else by the paper's headers; a column the file lacks reads as missing (null), never
 * as nil.
 */

/** An amount column: the one the import mapped to `key` where given and mapped, else by the paper's heading. */
const amountOf = (table: PrintedTable, pattern: RegExp, key?: string) => {
  const header = key === undefined ? findColumn(table, pattern) : mappedColumn(table, key, pattern);
  return (row: PrintedRow): Money | null => (header === undefined ? null : (row.values[header] ?? null));
};
const textOf = (table: PrintedTable, pattern: RegExp, mapped?: string) => {
  const header = table.columns.find(
    (c) => c.kind === 'text' && (c.header === mapped || pattern.test(c.header)),
  )?.header;
  return (row: PrintedRow): string => (header === undefined ? '' : (row.text[header] ?? '').trim());
};

/** Table 4, capital payments: one line per category, and the TOTAL. */
export function toCategoryRows(table: PrintedTable): CategoryBudgetInput[] {
  const keys = rowKeys(table.rows);
  const [bfwd, original, amendments, revised, outturn] = (
    [
      ['bfwd', /^b\/fwd/i],
      ['original', /^original/i],
      ['amendments', /amendments/i],
      ['revised', /^revised/i],
      ['expectedOutturn', /^outturn/i],
    ] as const
  ).map(([key, p]) => amountOf(table, p, key));
  const percent = findColumn(table, /%/, 'percent');
  return table.rows.map((row, i) => ({
    key: keys[i]!,
    label: row.label,
    rowType: row.rowType,
    bfwd: bfwd!(row),
    original: original!(row),
    amendments: amendments!(row),
    revised: revised!(row),
    outturn: outturn!(row),
    printedPercent: percent === undefined ? null : (row.values[percent] ?? null),
  }));
}

/** Appendix 3: scheme rows with the paper's lettered columns (D to N), section totals and the grand total. */
export function toSchemeRows(table: PrintedTable): SchemeInput[] {
  const keys = rowKeys(table.rows);
  // A scheme file of the user's own has no letters: its columns are found by what the import mapped them to (J, L
  // and N, the paper's worked columns, are not imported columns).
  const letter = ([l, key]: readonly [string, string?]) => amountOf(table, new RegExp(`\\[${l}\\b`), key);
  const [d, e, f, g, h, i, j, k, l, m, n] = (
    [
      ['D', 'bfwd'],
      ['E', 'original'],
      ['F', 'amendments'],
      ['G', 'revised'],
      ['H', 'actual'],
      ['I', 'commitments'],
      ['J'],
      ['K', 'expectedOutturn'],
      ['L'],
      ['M', 'carryForward'],
      ['N'],
    ] as const
  ).map(letter);
  const jobCode = textOf(table, /job code/i, table.mapped?.jobCode);
  const notesAtPara = textOf(table, /notes at para/i);
  const note = textOf(table, /^note$/i);
  return table.rows.map((row, index) => ({
    key: keys[index]!,
    section: row.group,
    title: row.label,
    jobCode: jobCode(row),
    rowType: row.rowType,
    notesAtPara: notesAtPara(row),
    note: note(row),
    bfwd: d!(row),
    original: e!(row),
    amendments: f!(row),
    revised: g!(row),
    actual: h!(row),
    commitments: i!(row),
    committedAndSpent: j!(row),
    expectedOutturn: k!(row),
    variance: l!(row),
    carryForward: m!(row),
    underOverspend: n!(row),
  }));
}

/** Table 4, capital financing: one line per source of finance, and the TOTAL. */
export function toFinancingRows(table: PrintedTable): FinancingLineInput[] {
  const keys = rowKeys(table.rows);
  const [bfwd, original, amendments, revised, totalSpend, applied, transfer] = [
    /^b\/fwd/i,
    /^original/i,
    /amendments/i,
    /^revised/i,
    /^total spend/i,
    /^applied/i,
    /^transfer/i,
  ].map((p) => amountOf(table, p));
  return table.rows.map((row, i) => ({
    key: keys[i]!,
    label: row.label,
    rowType: row.rowType,
    bfwd: bfwd!(row),
    original: original!(row),
    amendments: amendments!(row),
    revised: revised!(row),
    totalSpend: totalSpend!(row),
    applied: applied!(row),
    transfer: transfer!(row),
  }));
}

/** Appendix 4: the capital carry-forward requests. */
export function toCarryForwardRequestRows(table: PrintedTable): CarryForwardRequestInput[] {
  const keys = rowKeys(table.rows);
  const [revised, outturn, variance, requested] = [
    /^revised/i,
    /^provisional outturn|^outturn/i,
    /^variance/i,
    /^requested/i,
  ].map((p) => amountOf(table, p));
  const jobCode = textOf(table, /job code/i);
  const details = textOf(table, /^details/i);
  const note = textOf(table, /^note$/i);
  return table.rows
    .map((row, i) => ({ row, key: keys[i]! }))
    .filter(({ row }) => row.rowType === 'item')
    .map(({ row, key }) => ({
      key,
      title: row.label,
      jobCode: jobCode(row),
      revised: revised!(row),
      outturn: outturn!(row),
      variance: variance!(row),
      requested: requested!(row),
      details: details(row),
      note: note(row),
    }));
}
