import type { ColumnScale } from './column-mapping';
import { KIND_COLUMNS, type DatasetKind } from './dataset-kinds';
import type { ImportIssue, ImportPlan, RejectedRow, RowCounts, SessionResult, SkippedRow } from './import-session';
import { penceToPounds } from './pence';
import { DELIMITER_NAMES, NEWLINE_NAMES } from './sniff';

/*
 * The import receipt: the evidence that an import took in the whole file and nothing else. Amounts
 * are exact decimal strings in pounds. Kept with the dataset, and after it is deleted.
 */

export interface ReceiptTotals {
  debit: string;
  credit: string;
  net: string;
}

export interface ImportReceipt {
  id: string;
  datasetId: string;
  fileName: string;
  size: number;
  sha256: string;
  encoding: string;
  encodingReason: string;
  delimiter: string;
  delimiterReason: string;
  newline: string;
  /** Spreadsheet row number of the header. */
  headerRow: number;
  headerReason: string;
  headers: string[];
  kind: DatasetKind;
  mapping: { column: string; label: string; header: string | null; scale: ColumnScale | null }[];
  profileName: string | null;
  rows: RowCounts;
  issues: ImportIssue[];
  issueCount: number;
  issuesByCode: Record<string, number>;
  skippedRows: SkippedRow[];
  rejectedRows: RejectedRow[];
  controlTotals: ({ column: string; rows: number } & ReceiptTotals & { byPeriod: ({ period: number } & ReceiptTotals)[] })[];
  totalRowChecks: { row: number; label: string; column: string; printed: string; computed: string; difference: string; status: 'pass' | 'fail' }[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

export function buildReceipt(args: {
  id: string;
  datasetId: string;
  plan: ImportPlan;
  sha256: string;
  result: SessionResult;
  startedAt: Date;
  finishedAt: Date;
}): ImportReceipt {
  const { plan, result } = args;
  const headers = result.headers;
  return {
    id: args.id,
    datasetId: args.datasetId,
    fileName: plan.fileName,
    size: plan.size,
    sha256: args.sha256,
    encoding: plan.encoding.encoding + (plan.encoding.bom ? ' (with BOM)' : ''),
    encodingReason: plan.encoding.reason,
    delimiter: DELIMITER_NAMES[plan.delimiter],
    delimiterReason: plan.delimiterReason,
    newline: NEWLINE_NAMES[plan.newline],
    headerRow: plan.headerIndex + 1,
    headerReason: plan.headerReason,
    headers,
    kind: plan.kind,
    mapping: KIND_COLUMNS[plan.kind].map((c) => {
      const index = plan.mapping[c.key];
      const header = index === null || index === undefined ? null : (headers[index] ?? null);
      return { column: c.key, label: c.label, header, scale: c.type === 'amount' && header !== null ? (plan.scales[c.key] ?? 'pounds') : null };
    }),
    profileName: plan.profileName,
    rows: result.rows,
    issues: result.issues,
    issueCount: result.issueCount,
    issuesByCode: result.issuesByCode,
    skippedRows: result.skippedRows,
    rejectedRows: result.rejectedRows,
    controlTotals: result.controlTotals.map((t) => ({
      column: t.column,
      rows: result.rows.accepted,
      debit: penceToPounds(t.debit),
      credit: penceToPounds(t.credit),
      net: penceToPounds(t.net),
      byPeriod: t.byPeriod.map((p) => ({ period: p.period, debit: penceToPounds(p.debit), credit: penceToPounds(p.credit), net: penceToPounds(p.net) })),
    })),
    totalRowChecks: result.totalRowChecks.map((c) => ({
      row: c.row,
      label: c.label,
      column: c.column,
      printed: penceToPounds(c.printed),
      computed: penceToPounds(c.computed),
      difference: penceToPounds(c.printed - c.computed),
      status: c.status,
    })),
    startedAt: args.startedAt.toISOString(),
    finishedAt: args.finishedAt.toISOString(),
    durationMs: args.finishedAt.getTime() - args.startedAt.getTime(),
  };
}

/** The issues as a CSV a finance officer can open: row, column, code, message, value. */
export function issuesToCsv(receipt: Pick<ImportReceipt, 'fileName' | 'issues'>): string {
  const q = (s: string | number): string => {
    const text = String(s);
    // A cell starting with = + - @ would be run as a formula by a spreadsheet: prefix it with '.
    const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [['file', 'row', 'column', 'severity', 'code', 'message', 'value'].join(',')];
  for (const i of receipt.issues) lines.push([receipt.fileName, i.row, i.column, i.severity, i.code, i.message, i.value].map(q).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
