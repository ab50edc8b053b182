import { parseDate, parseFinancialYear, parsePeriod } from '../domain/period';
import type { ColumnMapping, ColumnScale } from './column-mapping';
import { KIND_COLUMNS, type CanonicalColumn, type DatasetKind } from './dataset-kinds';
import type { EncodingEvidence } from './decode';
import { CellPool } from './cell-pool';
import { LedgerAggregates, type AggregateRow } from './ledger-aggregates';
import { parsePence } from './pence';
import { RecordReader, type RecordProblem } from './record-reader';
import { classifyRow, isCodeShaped } from './row-shape';
import { DELIMITER_NAMES, DELIMITERS, type Delimiter, type Newline } from './sniff';

/*
 * One import, streamed: decoded text goes in piece by piece (any size), rows come out as stored chunks,
 * and at the end the counts, issues and control totals for the receipt. Every record after the header
 * is counted exactly once: accepted (perhaps with warnings), rejected with its reasons, or skipped as a
 * total, subtotal or footer; blank rows and the lines above the header are counted too.
 * Never throws on the file's content.
 */

/** Everything decided before the rows are read: detected, then confirmed or changed by the user. */
export interface ImportPlan {
  fileName: string;
  size: number;
  encoding: EncodingEvidence;
  newline: Newline;
  delimiter: Delimiter;
  delimiterReason: string;
  /** Index of the header record (0 = the file's first line). */
  headerIndex: number;
  headerReason: string;
  kind: DatasetKind;
  mapping: ColumnMapping;
  /** The unit of each mapped amount column. */
  scales: Record<string, ColumnScale>;
  profileName: string | null;
}

export interface ImportIssue {
  /** The row as the user's spreadsheet numbers it (the file's first line is 1). */
  row: number;
  column: string;
  code: string;
  message: string;
  value: string;
  severity: 'error' | 'warning';
}

/** Up to CHUNK_ROWS accepted rows, column by column: the stored form that drill-down reads. */
export interface StoredChunk {
  index: number;
  rowCount: number;
  /** Spreadsheet row number of each row. */
  lines: Uint32Array;
  /** 1 where the row was accepted with warnings. */
  warned: Uint8Array;
  /** Every column of the file, as its text (codes keep their leading zeros). */
  raw: string[][];
  /** Canonical amount columns in pence (NaN where blank). */
  pence: Record<string, Float64Array>;
  /** Canonical period, 1..16; 0 where none. */
  periods: Uint8Array;
  /**
   * Canonical dates as numbers yyyymmdd (20170403), and financial years as their first year (2017);
   * 0 where none. Numbers in typed arrays: no string per row, and a quarter of the memory.
   */
  dates: Record<string, Uint32Array>;
}

export interface ControlTotal {
  column: string;
  /** Exact sums in pence: positive amounts, negative amounts, and both. */
  debit: number;
  credit: number;
  net: number;
  byPeriod: { period: number; debit: number; credit: number; net: number }[];
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
  printed: number;
  computed: number;
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
}

export interface SessionResult {
  headers: string[];
  rows: RowCounts;
  issues: ImportIssue[];
  issueCount: number;
  issuesByCode: Record<string, number>;
  skippedRows: SkippedRow[];
  /** Rejected rows as read (the first MAX_ISSUES), for the rejections download. */
  rejectedRows: RejectedRow[];
  controlTotals: ControlTotal[];
  totalRowChecks: TotalRowCheck[];
  /** Ledger: exact sums by cost centre, subjective and period (pence). */
  aggregates: AggregateRow[];
  chunkCount: number;
}

export interface SessionOptions {
  chunkRows?: number;
  /** Issues kept in full; beyond this they are counted by code. */
  maxIssues?: number;
}

export const CHUNK_ROWS = 10_000;
const MAX_PERIOD = 16;

/** "1".."16" without a general parser: the common case of a period column. 0 when it is anything else. */
function fastPeriod(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 2) return 0;
  const a = raw.charCodeAt(0) - 48;
  if (a < 0 || a > 9) return 0;
  if (n === 1) return a >= 1 ? a : 0;
  const b = raw.charCodeAt(1) - 48;
  if (b < 0 || b > 9) return 0;
  const p = a * 10 + b;
  return p >= 1 && p <= MAX_PERIOD ? p : 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** dd/mm/yyyy to the number yyyymmdd when valid, without the general parser; 0 sends it to parseDate for a reason. */
function fastDate(raw: string): number {
  if (raw.length !== 10 || raw.charCodeAt(2) !== 47 || raw.charCodeAt(5) !== 47) return 0;
  const d = (raw.charCodeAt(0) - 48) * 10 + (raw.charCodeAt(1) - 48);
  const m = (raw.charCodeAt(3) - 48) * 10 + (raw.charCodeAt(4) - 48);
  const y = (raw.charCodeAt(6) - 48) * 1000 + (raw.charCodeAt(7) - 48) * 100 + (raw.charCodeAt(8) - 48) * 10 + (raw.charCodeAt(9) - 48);
  if (!(m >= 1 && m <= 12 && y >= 1900 && y <= 2999 && d >= 1 && d <= 31)) return 0;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS[m - 1]!)) return 0;
  return y * 10000 + m * 100 + d;
}

/** The period (P1 = April) of a date held as yyyymmdd. */
function periodOfYmd(ymd: number): number {
  const month = Math.floor(ymd / 100) % 100;
  return month >= 4 ? month - 3 : month + 9;
}

/** yyyymmdd as the ISO date people read in messages. */
export function formatYmd(ymd: number): string {
  const s = String(ymd);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
const MAX_ISSUES = 10_000;
const ROW_TYPE = /^row\s*type$/i;

interface Bound {
  column: CanonicalColumn;
  index: number;
  header: string;
  scale: 1 | 1000;
}

/** Debits and credits by period (0 = none, 1..16), in fixed arrays: no lookup per row. */
class Totals {
  debit = 0;
  credit = 0;
  readonly debitByPeriod = new Array<number>(MAX_PERIOD + 1).fill(0);
  readonly creditByPeriod = new Array<number>(MAX_PERIOD + 1).fill(0);
  readonly seen = new Array<boolean>(MAX_PERIOD + 1).fill(false);
  add(pence: number, period: number): void {
    this.seen[period] = true;
    if (pence > 0) {
      this.debit += pence;
      this.debitByPeriod[period]! += pence;
    } else {
      this.credit += pence;
      this.creditByPeriod[period]! += pence;
    }
  }
  byPeriod(): ControlTotal['byPeriod'] {
    const list: ControlTotal['byPeriod'] = [];
    for (let p = 0; p <= MAX_PERIOD; p++) {
      if (!this.seen[p]) continue;
      const debit = this.debitByPeriod[p]!;
      const credit = this.creditByPeriod[p]!;
      list.push({ period: p, debit, credit, net: debit + credit });
    }
    return list;
  }
}

/** Issue values and rejected cells longer than this are cut (a 200 MB cell is not copied into the receipt). */
const MAX_VALUE_CHARS = 500;

/** A value as the receipt keeps it: whole when short, its start and its length when not. */
export function clipValue(value: string): string {
  return value.length <= MAX_VALUE_CHARS ? value : `${value.slice(0, MAX_VALUE_CHARS)}… (${value.length.toLocaleString('en-GB')} characters)`;
}

/** Characters that cannot be seen: format characters (zero-width, bidi), no-break spaces, controls. */
const INVISIBLE = /[\p{Cf}\p{Cc}\u00A0\u2000-\u200A\u202F\u205F\u3000]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** What a message adds about a value that is not what it looks like. */
function valueHints(value: string): string {
  const hints: string[] = [];
  if (INVISIBLE.test(value)) {
    const codes = [...new Set(value.match(INVISIBLE_ALL) ?? [])].filter((c) => c !== '\t').slice(0, 3);
    const names = codes.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    if (names.length > 0) hints.push(`it contains ${names.length === 1 ? 'a character' : 'characters'} that cannot be seen: ${names.join(', ')}`);
  }
  if (/Â£|Ã[\u0080-\u00BF]/.test(value)) hints.push('"Â£" or "Ã" is how £ or an accented letter looks after a UTF-8 file was read as Windows-1252 and saved again');
  return hints.length > 0 ? ` (${hints.join('; ')})` : '';
}

/** A message that quotes a long value quotes its start and end. */
function shortenQuoted(message: string, value: string): string {
  if (value.length <= 60 || !message.includes(value)) return message;
  return message.replace(value, `${value.slice(0, 24)}…${value.slice(-8)}, ${value.length.toLocaleString('en-GB')} characters`);
}

export class ImportSession {
  private readonly reader: RecordReader;
  private recordIndex = 0;
  private headerBound = false;
  private headers: string[] = [];
  private bound: Bound[] = [];
  private amountColumns: Bound[] = [];
  private codeColumns: Bound[] = [];
  private labelColumn = -1;
  private rowTypeColumn = -1;
  private periodColumn: Bound | undefined;
  private dateColumns: Bound[] = [];
  private readonly counts: RowCounts = { read: 0, accepted: 0, acceptedWithWarnings: 0, rejected: 0, skipped: 0, blank: 0, preamble: 0 };
  private readonly issues: ImportIssue[] = [];
  private issueCount = 0;
  private readonly issuesByCode: Record<string, number> = {};
  private readonly skippedRows: SkippedRow[] = [];
  private readonly rejectedRows: RejectedRow[] = [];
  private readonly totalRowChecks: TotalRowCheck[] = [];
  private totals: Totals[] = [];
  private sinceLastTotal: number[] = [];
  private sinceStart: number[] = [];
  private codedRows = 0;
  private uncodedRows = 0;
  private readonly aggregates = new LedgerAggregates();
  private split = false;
  private splitColumns: [Bound, 1 | -1][] = [];
  private requiredColumns: Bound[] = [];
  private amountBuf: (number | null)[] = [];
  private dateBuf: number[] = [];
  private postingDateSlot = -1;
  private chunk: ChunkBuilder | null = null;
  private pools: CellPool[] = [];
  private chunkIndex = 0;
  private finished = false;
  private readonly chunkRows: number;
  private readonly maxIssues: number;
  private trailingBlank = false;

  constructor(
    private readonly plan: ImportPlan,
    private readonly onChunk: (chunk: StoredChunk) => void,
    options: SessionOptions = {},
  ) {
    this.chunkRows = options.chunkRows ?? CHUNK_ROWS;
    this.maxIssues = options.maxIssues ?? MAX_ISSUES;
    this.reader = new RecordReader(plan.delimiter, (cells, problem) => this.record(cells, problem));
  }

  /** Rows seen so far (for progress). */
  get rowsSeen(): number {
    return this.recordIndex;
  }

  /** Feeds the next piece of decoded text. */
  push(text: string): void {
    if (this.finished) return;
    this.reader.push(text);
  }

  /** Reads what is left and returns the results. */
  finish(): SessionResult {
    if (!this.finished) {
      this.reader.finish();
      this.flush();
      this.finished = true;
    }
    if (this.trailingBlank) this.counts.blank--;
    const controlTotals = this.amountColumns.map((b, i): ControlTotal => {
      const t = this.totals[i]!;
      return {
        column: b.column.key,
        debit: t.debit,
        credit: t.credit,
        net: t.debit + t.credit,
        byPeriod: t.byPeriod(),
      };
    });
    return {
      headers: this.headers,
      rows: { ...this.counts },
      issues: this.issues,
      issueCount: this.issueCount,
      issuesByCode: this.issuesByCode,
      skippedRows: this.skippedRows,
      rejectedRows: this.rejectedRows,
      controlTotals,
      totalRowChecks: this.totalRowChecks,
      aggregates: this.aggregates.list(),
      chunkCount: this.chunkIndex,
    };
  }

  private record(cells: string[], problem: RecordProblem | undefined): void {
    const index = this.recordIndex++;
    if (index < this.plan.headerIndex) {
      this.counts.preamble++;
    } else if (index === this.plan.headerIndex) {
      if (problem) this.issue(index + 1, '', problem.code, `The header row could not be read as it should: ${problem.message}`, cells.join(this.plan.delimiter), 'warning');
      this.bindHeaders(cells);
    } else if (problem || !this.headerBound) {
      this.brokenRow(cells, index + 1, problem);
    } else {
      this.row(cells, index + 1);
    }
  }

  /** A row that cannot be read as cells (or comes with no header above it): counted, rejected, and said why. */
  private brokenRow(cells: string[], line: number, problem: RecordProblem | undefined): void {
    if (!problem && cells.every((c) => c.trim() === '')) {
      this.counts.blank++;
      this.trailingBlank = true;
      return;
    }
    this.trailingBlank = false;
    this.counts.read++;
    this.counts.rejected++;
    const p = problem ?? { code: 'no-header', message: 'There is no header row above this row, so its columns are unknown. The row was not imported.' };
    this.issue(line, '', p.code, p.message, cells.join(this.plan.delimiter), 'error');
    if (this.rejectedRows.length < this.maxIssues) this.rejectedRows.push({ row: line, cells: cells.map(clipValue) });
  }

  private bindHeaders(record: string[]): void {
    this.headerBound = true;
    this.headers = record.map((h) => h.trim());
    const columns = KIND_COLUMNS[this.plan.kind];
    this.bound = columns.flatMap((column) => {
      const index = this.plan.mapping[column.key];
      if (index === null || index === undefined || index >= record.length) return [];
      return [{ column, index, header: this.headers[index] ?? '', scale: this.plan.scales[column.key] === 'thousands' ? 1000 : 1 }];
    });
    this.amountColumns = this.bound.filter((b) => b.column.type === 'amount');
    // A ledger without an Amount column takes its value from Debit and Credit (debit positive, credit negative).
    this.split = this.plan.kind === 'ledger' && !this.amountColumns.some((b) => b.column.key === 'amount');
    if (this.split) {
      this.amountColumns = [];
      this.splitColumns = this.bound.flatMap((b): [Bound, 1 | -1][] => (b.column.key === 'debit' ? [[b, 1]] : b.column.key === 'credit' ? [[b, -1]] : []));
    }
    this.codeColumns = this.bound.filter((b) => b.column.type === 'code');
    this.requiredColumns = this.bound.filter((b) => b.column.required && b.column.type !== 'amount');
    // A required amount column may be blank only where the file prints nil as blank; parsePence treats blank as missing.
    this.requiredColumns.push(...this.amountColumns.filter((b) => b.column.required));
    this.periodColumn = this.bound.find((b) => b.column.type === 'period');
    this.dateColumns = this.bound.filter((b) => b.column.type === 'date' || b.column.type === 'year');
    this.postingDateSlot = this.dateColumns.findIndex((b) => b.column.key === 'postingDate');
    this.labelColumn = this.bound.find((b) => b.column.type === 'text')?.index ?? 0;
    this.rowTypeColumn = this.headers.findIndex((h) => ROW_TYPE.test(h));
    const width = this.split ? 1 : this.amountColumns.length;
    this.amountBuf = new Array<number | null>(width).fill(null);
    this.dateBuf = new Array<number>(this.dateColumns.length).fill(0);
    this.totals = Array.from({ length: width }, () => new Totals());
    this.sinceLastTotal = new Array<number>(width).fill(0);
    this.sinceStart = new Array<number>(width).fill(0);
    this.pools = this.headers.map(() => new CellPool());
  }

  private issue(row: number, column: string, code: string, message: string, value: string, severity: 'error' | 'warning'): void {
    this.issueCount++;
    this.issuesByCode[code] = (this.issuesByCode[code] ?? 0) + 1;
    if (this.issues.length >= this.maxIssues) return;
    // A message that quotes a huge value quotes its start: the receipt is kept, and shown, whole.
    this.issues.push({ row, column, code, message: shortenQuoted(message, value) + valueHints(value), value: clipValue(value), severity });
  }

  private row(cells: string[], line: number): void {
    let blank = true;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c]!;
      if (v !== '' && v.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) {
      this.counts.blank++;
      this.trailingBlank = true;
      return;
    }
    this.trailingBlank = false;
    this.counts.read++;

    // One cell where the header has several, and another delimiter splits it to the header's width: a
    // line written with semicolons in a comma file (two exports pasted together). Said, never guessed.
    if (cells.length === 1 && this.headers.length > 1) {
      const other = DELIMITERS.find((d) => d !== this.plan.delimiter && cells[0]!.split(d).length === this.headers.length);
      if (other) {
        this.counts.rejected++;
        this.issue(line, '', 'wrong-delimiter', `This row is split by ${DELIMITER_NAMES[other]}s, but the file's header by ${DELIMITER_NAMES[this.plan.delimiter]}s, so its cells cannot be matched to the columns. The row was not imported.`, cells[0]!, 'error');
        if (this.rejectedRows.length < this.maxIssues) this.rejectedRows.push({ row: line, cells: cells.map(clipValue) });
        return;
      }
    }

    // Amounts first: the shape of the row (total or data) depends on them. One buffer, reused.
    const amounts = this.amountBuf;
    let amountError = false;
    if (this.split) {
      amounts[0] = null;
      for (const [b, sign] of this.splitColumns) {
        const r = parsePence(cells[b.index] ?? '', b.scale);
        if (!r.ok) amountError = true;
        else if (!r.missing) amounts[0] = (amounts[0] ?? 0) + sign * r.pence;
      }
    } else {
      for (let a = 0; a < this.amountColumns.length; a++) {
        const b = this.amountColumns[a]!;
        const r = parsePence(cells[b.index] ?? '', b.scale);
        if (!r.ok) {
          amounts[a] = null;
          amountError = true;
        } else amounts[a] = r.missing ? null : r.pence;
      }
    }

    // Most rows of a coded file carry codes: they are data, and need no closer look at their shape.
    let coded = this.codeColumns.length > 0;
    for (let c = 0; c < this.codeColumns.length && coded; c++) coded = isCodeShaped(cells[this.codeColumns[c]!.index] ?? '');
    const declared = this.rowTypeColumn >= 0 ? cells[this.rowTypeColumn] : undefined;
    let warning: string | undefined;
    let codeWarned = false;
    if (!coded || declared !== undefined) {
      const shape = classifyRow({
        codes: this.codeColumns.map((b) => (cells[b.index] ?? '').trim()),
        dataHasCodes: this.codedRows >= this.uncodedRows,
        label: (cells[this.labelColumn] ?? '').trim(),
        cells,
        amounts,
        sinceLastTotal: this.sinceLastTotal,
        sinceStart: this.sinceStart,
        declaredType: declared,
      });
      if (shape.type !== 'data') {
        this.skip(cells, line, shape.type, shape.reason, amounts);
        return;
      }
      if ('warning' in shape) warning = shape.warning;
      if (this.codeColumns.length > 0 && this.codeColumns.some((b) => (cells[b.index] ?? '').trim() !== '')) this.uncodedRows++;
      // A code with an invisible character looks like another code and never matches it: say so.
      for (const b of this.codeColumns) {
        const code = cells[b.index] ?? '';
        if (INVISIBLE.test(code)) {
          this.issue(line, b.header, 'invisible-character', `${b.column.label} "${code}" will not match the same code typed without it`, code, 'warning');
          codeWarned = true;
        }
      }
    } else {
      this.codedRows++;
    }

    let rejected = false;
    let warned = codeWarned;
    if (warning !== undefined) {
      this.issue(line, '', 'total-label-kept', warning, (cells[this.labelColumn] ?? '').trim(), 'warning');
      warned = true;
    }
    if (amountError) {
      // Parse again only on the rare bad row, to say exactly what is wrong with each cell.
      for (const b of this.split ? this.splitColumns.map(([x]) => x) : this.amountColumns) {
        const raw = cells[b.index] ?? '';
        const r = parsePence(raw, b.scale);
        if (!r.ok) this.issue(line, b.header, r.code, r.message, raw, 'error');
      }
      rejected = true;
    }

    // Required cells, periods, dates and years.
    for (const b of this.requiredColumns) {
      const raw = cells[b.index] ?? '';
      if (raw.trim() === '') {
        this.issue(line, b.header, 'missing-required', `${b.column.label} is required but this row has none`, raw, 'error');
        rejected = true;
      }
    }
    let period = 0;
    if (this.periodColumn) {
      const raw = cells[this.periodColumn.index] ?? '';
      if (raw !== '') {
        period = fastPeriod(raw);
        if (period === 0) {
          const r = parsePeriod(raw.trim());
          if (r.ok) period = r.value;
          else if (raw.trim() !== '') {
            this.issue(line, this.periodColumn.header, r.code, r.message, raw, 'error');
            rejected = true;
          }
        }
      }
    }
    const dateValues = this.dateBuf;
    for (let d = 0; d < this.dateColumns.length; d++) {
      const b = this.dateColumns[d]!;
      const raw = (cells[b.index] ?? '').trim();
      dateValues[d] = 0;
      if (raw === '') continue;
      if (b.column.type === 'date') {
        const ymd = fastDate(raw);
        if (ymd !== 0) dateValues[d] = ymd;
        else {
          const r = parseDate(raw);
          if (r.ok) dateValues[d] = r.value.year * 10000 + r.value.month * 100 + r.value.day;
          else {
            this.issue(line, b.header, r.code, r.message, raw, 'error');
            rejected = true;
          }
        }
      } else {
        const r = parseFinancialYear(raw);
        if (r.ok) dateValues[d] = r.value.startYear;
        else {
          this.issue(line, b.header, r.code, r.message, raw, 'error');
          rejected = true;
        }
      }
    }
    if (this.split && amounts[0] === null && !amountError) {
      this.issue(line, 'Debit/Credit', 'missing-amount', 'Neither a debit nor a credit is given', '', 'error');
      rejected = true;
    }
    // A posting date and a period that disagree: keep the period, but say so. No period: take it from the date.
    const posting = this.postingDateSlot >= 0 ? dateValues[this.postingDateSlot]! : 0;
    if (!rejected && posting !== 0) {
      const fromDate = periodOfYmd(posting);
      if (period === 0) period = fromDate;
      else if (period <= 12 && fromDate !== period) {
        this.issue(line, this.periodColumn?.header ?? 'Period', 'period-date-mismatch', `Period P${period} but the posting date ${formatYmd(posting)} falls in P${fromDate}`, cells[this.periodColumn?.index ?? 0] ?? '', 'warning');
        warned = true;
      }
    }
    if (cells.length < this.headers.length) {
      this.issue(line, '', 'missing-cells', `This row has ${cells.length === 1 ? '1 cell' : `${cells.length} cells`} but the header has ${this.headers.length}; the missing cells were read as blank`, cells.join(this.plan.delimiter), 'warning');
      warned = true;
    }
    if (this.plan.kind === 'ledger' && !this.split && this.amountColumns.length > 0 && amounts[0] === null && !amountError) {
      this.issue(line, this.amountColumns[0]!.header, 'missing-amount', 'No amount is given: a ledger line needs its value (a blank cell is missing, not nil; write 0 or - for nil)', '', 'error');
      rejected = true;
    }
    if (cells.length > this.headers.length) {
      const extra = cells.slice(this.headers.length);
      if (extra.some((c) => c.trim() !== '')) {
        this.issue(line, '', 'extra-cells', `This row has ${cells.length} cells but the header has ${this.headers.length}; the extra cells were not read`, extra.join(this.plan.delimiter), 'warning');
        warned = true;
      }
    }

    if (this.plan.encoding.replaced) {
      for (let c = 0; c < cells.length; c++) {
        if (cells[c]!.includes('\uFFFD')) {
          this.issue(line, this.headers[c] ?? `column ${c + 1}`, 'invalid-character', 'This cell has a byte that is not valid UTF-8, shown as �: the file mixes encodings, so check this text against the source', cells[c]!, 'warning');
          warned = true;
        }
      }
    }

    if (rejected) {
      this.counts.rejected++;
      if (this.rejectedRows.length < this.maxIssues) this.rejectedRows.push({ row: line, cells: cells.map(clipValue) });
      return;
    }
    this.counts.accepted++;
    if (warned) this.counts.acceptedWithWarnings++;
    for (let a = 0; a < amounts.length; a++) {
      const v = amounts[a];
      if (v === null || v === undefined) continue;
      this.totals[a]!.add(v, period);
      this.sinceLastTotal[a]! += v;
      this.sinceStart[a]! += v;
    }
    if (this.plan.kind === 'ledger' && amounts[0] !== null && amounts[0] !== undefined) {
      this.aggregates.add((cells[this.codeColumns[0]?.index ?? -1] ?? '').trim(), (cells[this.codeColumns[1]?.index ?? -1] ?? '').trim(), period, amounts[0]);
    }
    if (!this.chunk) this.chunk = new ChunkBuilder(this.pools, this.chunkRows, this.split ? ['amount'] : this.amountColumns.map((b) => b.column.key), this.dateColumns.map((b) => b.column.key));
    this.chunk.add(cells, line, warned, amounts, period, dateValues);
    if (this.chunk.full) this.flush();
  }

  private skip(cells: string[], line: number, type: 'total' | 'subtotal' | 'footer', reason: string, amounts: (number | null)[]): void {
    this.counts.skipped++;
    const label = (cells[this.labelColumn] ?? '').trim() || cells.find((c) => c.trim() !== '')?.trim() || '';
    this.skippedRows.push({ row: line, type, reason, label, cells });
    if (type === 'footer') return;
    amounts.forEach((printed, i) => {
      if (printed === null) return;
      const since = this.sinceLastTotal[i]!;
      const all = this.sinceStart[i]!;
      const computed = printed === all && printed !== since ? all : since;
      const column = this.split ? 'amount' : (this.amountColumns[i]?.column.key ?? '');
      this.totalRowChecks.push({ row: line, label, column, printed, computed, status: printed === computed ? 'pass' : 'fail' });
    });
    this.sinceLastTotal.fill(0);
  }

  private flush(): void {
    if (!this.chunk || this.chunk.size === 0) return;
    this.onChunk(this.chunk.build(this.chunkIndex++));
    this.chunk = null;
  }
}

class ChunkBuilder {
  size = 0;
  private readonly lines: Uint32Array;
  private readonly warned: Uint8Array;
  private readonly raw: string[][];
  private readonly pence: Float64Array[];
  private readonly periods: Uint8Array;
  private readonly dates: Uint32Array[];

  constructor(
    private readonly pools: CellPool[],
    private readonly capacity: number,
    private readonly amountKeys: string[],
    private readonly dateKeys: string[],
  ) {
    this.lines = new Uint32Array(capacity);
    this.warned = new Uint8Array(capacity);
    this.raw = pools.map(() => []);
    this.pence = amountKeys.map(() => new Float64Array(capacity));
    this.periods = new Uint8Array(capacity);
    this.dates = dateKeys.map(() => new Uint32Array(capacity));
  }

  get full(): boolean {
    return this.size >= this.capacity;
  }

  add(cells: string[], line: number, warned: boolean, amounts: (number | null)[], period: number, dates: number[]): void {
    const i = this.size++;
    this.lines[i] = line;
    this.warned[i] = warned ? 1 : 0;
    for (let c = 0; c < this.raw.length; c++) this.raw[c]!.push(this.pools[c]!.take(cells[c] ?? ''));
    for (let a = 0; a < this.pence.length; a++) this.pence[a]![i] = amounts[a] ?? Number.NaN;
    this.periods[i] = period;
    for (let d = 0; d < this.dates.length; d++) this.dates[d]![i] = dates[d] ?? 0;
  }

  build(index: number): StoredChunk {
    const n = this.size;
    return {
      index,
      rowCount: n,
      lines: this.lines.slice(0, n),
      warned: this.warned.slice(0, n),
      raw: this.raw,
      pence: Object.fromEntries(this.amountKeys.map((k, a) => [k, this.pence[a]!.slice(0, n)])),
      periods: this.periods.slice(0, n),
      dates: Object.fromEntries(this.dateKeys.map((k, d) => [k, this.dates[d]!.slice(0, n)])),
    };
  }
}
