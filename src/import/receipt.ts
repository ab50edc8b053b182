import type { AuthorityRowSummary } from './authority-lines';
import type { ColumnScale } from './column-mapping';
import { KIND_COLUMNS, type DatasetKind } from './dataset-kinds';
import type { ImportPlan } from './import-plan';
import type { ImportIssue, ImportIssueCode, RejectedRow, RowCounts, SessionResult, SkippedRow } from './session-result';
import { pence, penceToPounds } from '../domain/core/units';
import { DELIMITER_NAMES, NEWLINE_NAMES } from './sniff';
import { csvFile, type CsvCell } from './csv-write';

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
  /** The sheet read, for a workbook (its cells were read as Excel holds them: no delimiter, no line endings). */
  sheet?: string;
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
  issuesByCode: Partial<Record<ImportIssueCode, number>>;
  skippedRows: SkippedRow[];
  rejectedRows: RejectedRow[];
  controlTotals: ({ column: string; rows: number } & ReceiptTotals & {
      byPeriod: ({ period: number } & ReceiptTotals)[];
    })[];
  totalRowChecks: {
    row: number;
    label: string;
    column: string;
    printed: string;
    computed: string;
    difference: string;
    status: 'pass' | 'fail';
  }[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** An MHCLG revenue return, converted: the row read as lines and the rows skipped as others' (authorityRowText). */
  authorityRow?: AuthorityRowSummary;
}

/**
 * How the file was laid out, in words: a CSV file's delimiter and line endings, or a workbook's sheet (whose
 * rows reach the reader as cells, so it has neither); then the header row.
 */
export function layoutText(receipt: ImportReceipt): string {
  const read =
    receipt.sheet === undefined
      ? `${receipt.delimiter}-delimited, ${receipt.newline} line endings`
      : `sheet "${receipt.sheet}", read cell by cell`;
  return `${read}; header on row ${receipt.headerRow}`;
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
    encoding: plan.encoding.workbook
      ? `workbook, sheet "${plan.encoding.workbook.sheet ?? ''}"`
      : plan.encoding.encoding + (plan.encoding.bom ? ' (with BOM)' : ''),
    encodingReason: plan.encoding.reason,
    delimiter: DELIMITER_NAMES[plan.delimiter],
    delimiterReason: plan.delimiterReason,
    newline: NEWLINE_NAMES[plan.newline],
    ...(plan.encoding.workbook ? { sheet: plan.encoding.workbook.sheet ?? '' } : {}),
    headerRow: plan.headerIndex + 1,
    headerReason: plan.headerReason,
    headers,
    kind: plan.kind,
    mapping: KIND_COLUMNS[plan.kind].map((c) => {
      const index = plan.mapping[c.key];
      const header = index === null || index === undefined ? null : (headers[index] ?? null);
      return {
        column: c.key,
        label: c.label,
        header,
        scale: c.type === 'amount' && header !== null ? (plan.scales[c.key] ?? 'pounds') : null,
      };
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
      byPeriod: t.byPeriod.map((p) => ({
        period: p.period,
        debit: penceToPounds(p.debit),
        credit: penceToPounds(p.credit),
        net: penceToPounds(p.net),
      })),
    })),
    totalRowChecks: result.totalRowChecks.map((c) => ({
      row: c.row,
      label: c.label,
      column: c.column,
      printed: penceToPounds(c.printed),
      computed: penceToPounds(c.computed),
      difference: penceToPounds(pence(c.printed - c.computed)),
      status: c.status,
    })),
    startedAt: args.startedAt.toISOString(),
    finishedAt: args.finishedAt.toISOString(),
    durationMs: args.finishedAt.getTime() - args.startedAt.getTime(),
    ...(result.authorityRow ? { authorityRow: result.authorityRow } : {}),
  };
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * What was converted, in words, so that nothing of a return is changed silently: which row was read as lines,
 * how many service columns, from £ thousand, and what became of the other rows. Null for any other file.
 */
export function authorityRowText(receipt: Pick<ImportReceipt, 'authorityRow'>): string[] | null {
  const a = receipt.authorityRow;
  if (!a) return null;
  const row = a.converted[0];
  const others = [
    a.otherRows > 0 ? `${count(a.otherRows, 'row', 'rows')} of other authorities` : '',
    a.otherYears > 0 ? `${count(a.otherYears, 'row', 'rows')} of ${a.authority} in other years` : '',
  ].filter(Boolean);
  const { accepted, rejected, skipped } = a.lines;
  return [
    row
      ? `Converted from ${a.layout}: row ${row.row}, ${row.name || row.code}${row.code && row.name ? ` (${row.code})` : ''}. Its ${count(a.services, 'service column', 'service columns')} became ${count(a.services, 'line', 'lines')}, a service a line, each amount converted exactly from £ thousand to pounds: ${accepted.toLocaleString('en-GB')} accepted, ${rejected.toLocaleString('en-GB')} rejected, ${skipped.toLocaleString('en-GB')} skipped${a.noFigure > 0 ? ` (${count(a.noFigure, 'cell', 'cells')} with no figure${skipped > a.noFigure ? `, ${skipped - a.noFigure} as ${skipped - a.noFigure === 1 ? 'a total' : 'totals'} equal to the lines before` : ''})` : ''}.`
      : `Read as ${a.layout}, but no row is for "${a.authority}": no line was read.`,
    others.length > 0
      ? `Skipped, not your authority's figures: ${others.join(' and ')}; each is listed with why.`
      : 'The file has no other rows.',
  ];
}

/**
 * How many accepted rows had their sign set by the debit/credit indicator (SAP's S/H column): an amount written
 * unsigned on an H (credit) line is made negative, and the receipt says so with the count, so that no sign is
 * changed silently. Null where no indicator column was mapped (or the receipt is older than the count).
 */
export function signedFromSideText(receipt: Pick<ImportReceipt, 'rows' | 'mapping'>): string | null {
  const n = receipt.rows.signedFromSide;
  if (n === undefined) return null;
  const column = receipt.mapping.find((m) => m.column === 'side')?.header ?? 'the debit/credit indicator';
  if (n === 0) return `No amount's sign was changed by "${column}": every credit (H) was already written negative.`;
  const rows = n === 1 ? '1 accepted row' : `${n.toLocaleString('en-GB')} accepted rows`;
  return `${rows} had ${n === 1 ? 'its' : 'their'} sign set by "${column}": ${n === 1 ? 'a credit' : 'credits'} (H) written unsigned, made negative.`;
}

/**
 * The rejections and warnings as a CSV a finance officer can open (csv-write.ts: byte-order mark, numbers
 * as numbers, formula injection defused): row, column, outcome, code, message and the value, then every
 * cell of a rejected row under the file's own headers, so the row can be corrected and imported again.
 */
export function issuesToCsv(
  receipt: Pick<ImportReceipt, 'fileName' | 'issues' | 'headers'> & Partial<Pick<ImportReceipt, 'rejectedRows'>>,
): string {
  const rejected = new Map((receipt.rejectedRows ?? []).map((r) => [r.row, r.cells]));
  const fields = [
    'file',
    'row',
    'column',
    'severity',
    'code',
    'message',
    'value',
    ...receipt.headers.map((h) => `cell: ${h}`),
  ];
  const rows = receipt.issues.map((i): CsvCell[] => [
    receipt.fileName,
    i.row,
    i.column,
    i.severity,
    i.code,
    i.message,
    i.value,
    ...(rejected.get(i.row) ?? []),
  ]);
  return csvFile(fields, rows);
}

/**
 * The receipt as one CSV table (section, item, detail, value): the file and its hash, how it was read,
 * the row counts, the control totals (pounds, exact, as numbers) by period, and the file's own total rows
 * against the rows above them.
 */
export function receiptToCsv(receipt: ImportReceipt): string {
  const rows: CsvCell[][] = [
    ['file', 'name', '', receipt.fileName],
    ['file', 'size (bytes)', '', receipt.size],
    ['file', 'SHA-256', '', receipt.sha256],
    ['read as', 'encoding', receipt.encodingReason, receipt.encoding],
    ...((receipt.sheet === undefined
      ? [
          ['read as', 'delimiter', receipt.delimiterReason, receipt.delimiter],
          ['read as', 'line endings', '', receipt.newline],
        ]
      : [['read as', 'sheet', '', receipt.sheet]]) satisfies CsvCell[][]),
    ['read as', 'header row', receipt.headerReason, receipt.headerRow],
    ['read as', 'kind', receipt.profileName ? `saved mapping: ${receipt.profileName}` : '', receipt.kind],
    ...receipt.mapping
      .filter((m) => m.header !== null)
      .map((m): CsvCell[] => ['mapping', m.label, m.scale === 'thousands' ? "£'000" : '', m.header]),
    ['rows', 'read', '', receipt.rows.read],
    ['rows', 'accepted', '', receipt.rows.accepted],
    ['rows', 'accepted with warnings', '', receipt.rows.acceptedWithWarnings],
    ['rows', 'rejected', '', receipt.rows.rejected],
    ['rows', 'skipped (totals, subtotals, footers)', '', receipt.rows.skipped],
    ['rows', 'blank', '', receipt.rows.blank],
    ['rows', 'lines above the header', '', receipt.rows.preamble],
    ...(receipt.rows.signedFromSide === undefined
      ? []
      : [
          [
            'rows',
            'credits written unsigned, made negative by the debit/credit indicator',
            receipt.mapping.find((m) => m.column === 'side')?.header ?? '',
            receipt.rows.signedFromSide,
          ] satisfies CsvCell[],
        ]),
    ...receipt.controlTotals.flatMap((t): CsvCell[][] => [
      ...t.byPeriod.flatMap((p): CsvCell[][] => [
        [`control total (£): ${t.column}`, p.period === 0 ? 'no period' : `P${p.period}`, 'debits', p.debit],
        [`control total (£): ${t.column}`, p.period === 0 ? 'no period' : `P${p.period}`, 'credits', p.credit],
        [`control total (£): ${t.column}`, p.period === 0 ? 'no period' : `P${p.period}`, 'net', p.net],
      ]),
      [`control total (£): ${t.column}`, 'all rows accepted', 'debits', t.debit],
      [`control total (£): ${t.column}`, 'all rows accepted', 'credits', t.credit],
      [`control total (£): ${t.column}`, 'all rows accepted', 'net', t.net],
    ]),
    ...receipt.totalRowChecks.flatMap((c): CsvCell[][] => [
      [`total row ${c.row}: ${c.label}`, c.column, 'in the file (£)', c.printed],
      [`total row ${c.row}: ${c.label}`, c.column, 'rows add to (£)', c.computed],
      [`total row ${c.row}: ${c.label}`, c.column, `difference (£): ${c.status}`, c.difference],
    ]),
    ...(authorityRowText(receipt) ?? []).map((t): CsvCell[] => ['read as', 'revenue return', '', t]),
    ['import', 'started', '', receipt.startedAt],
    ['import', 'finished', '', receipt.finishedAt],
    ['import', 'rejections and warnings', '', receipt.issueCount],
  ];
  return csvFile(['section', 'item', 'detail', 'value'], rows);
}
