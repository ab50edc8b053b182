import type { DateErrorCode, FinancialYearErrorCode, PeriodErrorCode } from '../domain/core/period';
import type { Pence } from '../domain/core/units';
import type { AuthorityRowSummary } from './authority-lines';
import type { LedgerSums } from './ledger-aggregates';
import type { PenceErrorCode } from './pence';
import type { RecordProblemCode } from './record-reader';
import type { WorkbookHazardCode } from './workbook';

/*
 * What an import session returns for the receipt: counts, issues, skipped and rejected rows, control
 * totals. Apart from the session because the steps that fill it (issue-log, control-totals, read-row) and
 * the receipt that keeps it all name these types, and none of them needs the session itself.
 */

/**
 * Every code an import can report on a row, so a receipt's issues and counts can be switched on and
 * checked. The parsers' own codes join by reference: a new refusal in a parser is a new import code.
 */
export type ImportIssueCode =
  // A cell the parsers refuse (amounts, periods, dates, financial years).
  | PenceErrorCode
  | PeriodErrorCode
  | DateErrorCode
  | FinancialYearErrorCode
  // A row that cannot be read as cells, or comes before any header (import-session, record-reader).
  | RecordProblemCode
  | 'no-header'
  // The row's shape and cells (read-row).
  | 'wrong-delimiter'
  | 'invisible-character'
  | 'total-label-kept'
  | 'missing-required'
  | 'missing-amount'
  | 'negative-credit'
  | 'debit-and-credit'
  | 'unknown-side'
  | 'negative-debit'
  | 'period-date-mismatch'
  | 'date-outside-year'
  | 'period-outside-year'
  | 'missing-cells'
  | 'too-many-cells'
  | 'extra-cells'
  | 'invalid-character'
  // A row that would take a sum beyond what can be added exactly (import-session, control-totals).
  | 'sum-too-large'
  // A quoted cell across line breaks: rows joined by stray quotes, or a lone such cell (import-session).
  | 'joined-lines'
  | 'line-break-in-cell'
  // Two columns with one name in the header row (import-session).
  | 'duplicate-header'
  // An MHCLG revenue return's chosen row (import-session, authority-lines): a service cell with no figure
  // (skipped), a second row of the authority, no row of it at all.
  | 'no-figure'
  | 'authority-row-repeated'
  | 'authority-not-found'
  // What an Excel workbook hides or changes (workbook.ts): warnings, the rows read as they are.
  | WorkbookHazardCode;

export interface ImportIssue {
  /** The row as the user's spreadsheet numbers it (the file's first line is 1). */
  row: number;
  column: string;
  code: ImportIssueCode;
  message: string;
  value: string;
  severity: 'error' | 'warning';
}

export interface ControlTotal {
  column: string;
  /** Exact sums in pence: positive amounts, negative amounts, and both. */
  debit: Pence;
  credit: Pence;
  net: Pence;
  byPeriod: { period: number; debit: Pence; credit: Pence; net: Pence }[];
}

export interface SkippedRow {
  row: number;
  type: 'total' | 'subtotal' | 'footer';
  reason: string;
  label: string;
  /** The row as read, so that a printed table can be shown whole, totals included. */
  cells: string[];
}

export interface RejectedRow {
  row: number;
  cells: string[];
}

export interface TotalRowCheck {
  row: number;
  label: string;
  column: string;
  printed: Pence;
  computed: Pence;
  status: 'pass' | 'fail';
}

export interface RowCounts {
  /** Records after the header that are not blank: accepted + rejected + skipped. */
  read: number;
  accepted: number;
  acceptedWithWarnings: number;
  rejected: number;
  skipped: number;
  blank: number;
  /** Lines above the header (titles, notes). */
  preamble: number;
  /** The file's lines (records spanning lines counted once per line); absent in receipts made before issue 15. */
  lines?: number;
  /** Records with a quoted cell across a line break, each taking more than one line. */
  multiLineRows?: number;
  /**
   * Accepted rows whose amount, written unsigned, was made negative by the debit/credit indicator column (SAP's H
   * side): present only where that column is mapped; absent in receipts made before it was counted.
   */
  signedFromSide?: number;
}

export interface SessionResult {
  headers: string[];
  rows: RowCounts;
  issues: ImportIssue[];
  issueCount: number;
  issuesByCode: Partial<Record<ImportIssueCode, number>>;
  skippedRows: SkippedRow[];
  /** Rejected rows as read (the first MAX_ISSUES), for the rejections download. */
  rejectedRows: RejectedRow[];
  controlTotals: ControlTotal[];
  totalRowChecks: TotalRowCheck[];
  /** Ledger: exact sums by cost centre, subjective and period (pence). */
  ledgerSums: LedgerSums;
  chunkCount: number;
  /** An MHCLG revenue return: which row was read as lines, how many, and the rows skipped as others'. */
  authorityRow?: AuthorityRowSummary;
}
