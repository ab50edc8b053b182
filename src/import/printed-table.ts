import Papa from 'papaparse';
import { ZERO, parseAmount, parsePercent, type Money } from '../domain/core/money';
import { mappedAmountHeader } from '../domain/checks/table-checks';

/*
 * Reads a "printed table": a CSV transcribed from a board paper (data/*.csv), with headers as printed,
 * amounts as printed (in £'000 where the header says so), a `Row type` column (item, subtotal, total)
 * and an optional `Note`. Blank amount cells are nil (as printed) and "n/s" marks a figure the source
 * does not show (missing). The full import pipeline (decoding, header detection, mapping, receipts)
 * builds on this; the sample tables need none of that to be read exactly.
 */

export type { RowType } from '../domain/checks/table-rows';
import type { RowType } from '../domain/checks/table-rows';
export type ColumnKind = 'label' | 'group' | 'row-type' | 'amount' | 'percent' | 'text';

export interface PrintedColumn {
  header: string;
  kind: ColumnKind;
  /** For amounts: the unit the figures are printed in. */
  scale?: 'thousands' | 'pounds';
}

export interface CellIssue {
  /** The row as a spreadsheet numbers it (header = 1). */
  line: number;
  column: string;
  code: string;
  message: string;
  value: string;
}

export interface PrintedRow {
  line: number;
  label: string;
  group: string;
  rowType: RowType;
  /** Every cell as printed. */
  text: Readonly<Record<string, string>>;
  /**
   * Amount (pounds) and percent (percent number) columns: null where the cell is empty (missing). A column
   * printed in £'000 is already in pounds here (parseAmount's scale), so the domain's table models take
   * pounds and never see £'000. Not branded Pounds: the same record holds the percent columns.
   */
  values: Readonly<Record<string, Money | null>>;
}

export interface PrintedTable {
  name: string;
  columns: PrintedColumn[];
  rows: PrintedRow[];
  issues: CellIssue[];
  /** The header of each column the import mapped, by canonical key (dataset-kinds.ts), where it was imported. */
  mapped?: Readonly<Record<string, string>>;
}

const GROUP_HEADERS = /^(category|section|group)$/i;
const LABEL_HEADERS = /^(scheme title|description|reserve|area|line|capital payments|capital financing)$/i;

function classify(header: string, index: number, groupSeen: boolean, labelNamed: boolean): PrintedColumn {
  if (/^row type$/i.test(header)) return { header, kind: 'row-type' };
  if (GROUP_HEADERS.test(header)) return { header, kind: 'group' };
  if (/\(%\)|%$/.test(header)) return { header, kind: 'percent' };
  if (/£\s*'?000|£k\b/i.test(header)) return { header, kind: 'amount', scale: 'thousands' };
  if (/\(£\)/.test(header)) return { header, kind: 'amount', scale: 'pounds' };
  if (LABEL_HEADERS.test(header)) return { header, kind: 'label' };
  if (!labelNamed && (index === 0 || (groupSeen && index === 1))) return { header, kind: 'label' };
  return { header, kind: 'text' };
}

/**
 * A figure the source does not show (a missing page, an unreadable cell) is written "n/s" (not shown),
 * so that it can never be mistaken for nil. The papers print nil as a blank or a dash.
 */
const NOT_SHOWN = /^n\/s$/i;

export interface PrintedTableOptions {
  /** What a blank amount cell means: nil as the papers print it (default), or missing. */
  blank?: 'nil' | 'missing';
  /**
   * Columns the import mapped as amounts, by header, with their unit: read as amounts even where the heading
   * does not print its unit ("Balance 1/4/18"), as a finance system's export does not.
   */
  amounts?: Readonly<Record<string, 'thousands' | 'pounds'>>;
  /**
   * The header of each column the import mapped, by canonical key: a file's own names ("Balance b/fwd", "Type")
   * are found by what they were mapped to, not by the paper's headings. Its label (`reserve`, `title`, `area`,
   * `source`, `description`) and group (`group`, `category`) columns are read as such.
   */
  mapped?: Readonly<Record<string, string>>;
}

/** Canonical keys whose column names a table's rows, and those that group them. */
const LABEL_KEYS = ['reserve', 'title', 'area', 'source', 'description'];
const GROUP_KEYS = ['group', 'category'];

/** Parses a printed table's CSV text. Never throws: problems are returned as issues with line and column. */
export function readPrintedTable(name: string, text: string, options: PrintedTableOptions = {}): PrintedTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    header: false,
    skipEmptyLines: 'greedy',
    dynamicTyping: false,
  });
  const [head = [], ...body] = parsed.data;
  const table = printedTableFromRows(
    name,
    head,
    body.map((cells, i) => ({ line: i + 2, cells })),
    options,
  );
  table.issues.unshift(
    ...parsed.errors.map((e) => ({
      line: (e.row ?? 0) + 1,
      column: '',
      code: `csv-${e.code}`,
      message: e.message,
      value: '',
    })),
  );
  return table;
}

/**
 * A printed table from its header cells and its rows (with their file line numbers), e.g. as stored by an import.
 * A row's `rowType` is the import's reading of it (a total or subtotal row it kept out of the data): used where
 * the table has no Row type column, as an export from a finance system has not.
 */
export function printedTableFromRows(
  name: string,
  head: readonly string[],
  body: readonly { line: number; cells: readonly string[]; rowType?: RowType }[],
  options: PrintedTableOptions = {},
): PrintedTable {
  const blankAsNil = (options.blank ?? 'nil') === 'nil';
  const issues: CellIssue[] = [];
  const mappedAs = (keys: readonly string[]): string | undefined =>
    keys.map((k) => options.mapped?.[k]).find((h) => h !== undefined);
  const [labelMapped, groupMapped] = [mappedAs(LABEL_KEYS), mappedAs(GROUP_KEYS)];
  const groupSeen = head.length > 0 && GROUP_HEADERS.test(head[0] ?? '');
  const labelNamed = labelMapped !== undefined || head.some((h) => LABEL_HEADERS.test(h.trim()));
  const columns = head.map((h, i): PrintedColumn => {
    const header = h.trim();
    if (header !== '' && header === labelMapped) return { header, kind: 'label' };
    if (header !== '' && header === groupMapped) return { header, kind: 'group' };
    const column = classify(header, i, groupSeen, labelNamed);
    const amount = options.amounts?.[header];
    return amount && column.kind === 'text' ? { header: column.header, kind: 'amount', scale: amount } : column;
  });
  const labelColumn = columns.find((c) => c.kind === 'label')?.header;
  const groupColumn = columns.find((c) => c.kind === 'group')?.header;

  const rows = body.map(({ line, cells, rowType: imported }): PrintedRow => {
    const text: Record<string, string> = {};
    const values: Record<string, Money | null> = {};
    let rowType: RowType = imported ?? 'item';
    columns.forEach((column, i) => {
      const raw = cells[i] ?? '';
      text[column.header] = raw;
      if (column.kind === 'row-type') {
        const t = raw.trim().toLowerCase();
        if (t === 'item' || t === 'subtotal' || t === 'total') rowType = t;
        else
          issues.push({
            line,
            column: column.header,
            code: 'row-type',
            message: `Row type "${raw}" is not item, subtotal or total; read as item`,
            value: raw,
          });
      } else if ((column.kind === 'amount' || column.kind === 'percent') && NOT_SHOWN.test(raw.trim())) {
        values[column.header] = null;
      } else if ((column.kind === 'amount' || column.kind === 'percent') && raw.trim() === '' && blankAsNil) {
        values[column.header] = ZERO;
      } else if (column.kind === 'amount') {
        const r = parseAmount(raw, { scale: column.scale ?? 'pounds' });
        if (r.ok) values[column.header] = r.value.amount;
        else {
          values[column.header] = null;
          for (const i of r.issues)
            issues.push({ line, column: column.header, code: i.code, message: i.message, value: raw });
        }
      } else if (column.kind === 'percent') {
        const r = parsePercent(raw);
        if (r.ok) values[column.header] = r.value;
        else {
          values[column.header] = null;
          for (const i of r.issues)
            issues.push({ line, column: column.header, code: i.code, message: i.message, value: raw });
        }
      }
    });
    return {
      line,
      label: (labelColumn ? text[labelColumn] : (cells[0] ?? ''))?.trim() ?? '',
      group: (groupColumn ? text[groupColumn] : '')?.trim() ?? '',
      rowType,
      text,
      values,
    };
  });
  return { name, columns, rows, issues, ...(options.mapped ? { mapped: options.mapped } : {}) };
}

/** The first amount column whose header matches, for tables whose headers vary a little between papers. */
export function findColumn(table: PrintedTable, pattern: RegExp, kind: ColumnKind = 'amount'): string | undefined {
  return table.columns.find((c) => c.kind === kind && pattern.test(c.header))?.header;
}

/**
 * The amount column the import mapped to canonical `key`, where the table was imported with a mapping; else the
 * first whose header matches `pattern`, as the paper heads it (the sample's transcriptions, a table with no key).
 */
export function mappedColumn(table: PrintedTable, key: string, pattern: RegExp): string | undefined {
  return mappedAmountHeader(table, key) ?? findColumn(table, pattern);
}
