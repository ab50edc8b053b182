import Papa from 'papaparse';
import { parseDate, parseFinancialYear, parsePeriod, periodOfDate, formatFinancialYear, formatIsoDate } from '../domain/period';
import type { ColumnMapping, ColumnScale } from './column-mapping';
import { KIND_COLUMNS, type CanonicalColumn, type DatasetKind } from './dataset-kinds';
import type { EncodingEvidence } from './decode';
import { parsePence } from './pence';
import { classifyRow, isCodeShaped } from './row-shape';
import type { Delimiter, Newline } from './sniff';

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
  /** Canonical dates as ISO yyyy-mm-dd ('' where none), and financial years ('2017/18'). */
  dates: Record<string, string[]>;
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
  controlTotals: ControlTotal[];
  totalRowChecks: TotalRowCheck[];
  /** Ledger: exact sums by cost centre, subjective and period (pence). */
  aggregates: [costCentre: string, subjective: string, period: number, pence: number][];
  chunkCount: number;
}

export interface SessionOptions {
  chunkRows?: number;
  /** Issues kept in full; beyond this they are counted by code. */
  maxIssues?: number;
}

export const CHUNK_ROWS = 10_000;
const MAX_ISSUES = 10_000;
const ROW_TYPE = /^row\s*type$/i;

interface Bound {
  column: CanonicalColumn;
  index: number;
  header: string;
  scale: 1 | 1000;
}

class Totals {
  debit = 0;
  credit = 0;
  readonly byPeriod = new Map<number, { debit: number; credit: number }>();
  add(pence: number, period: number): void {
    if (pence > 0) this.debit += pence;
    else this.credit += pence;
    let p = this.byPeriod.get(period);
    if (!p) this.byPeriod.set(period, (p = { debit: 0, credit: 0 }));
    if (pence > 0) p.debit += pence;
    else p.credit += pence;
  }
}

export class ImportSession {
  private readonly parser: Papa.Parser;
  private partial = '';
  private baseIndex = 0;
  private recordIndex = 0;
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
  private readonly totalRowChecks: TotalRowCheck[] = [];
  private totals: Totals[] = [];
  private sinceLastTotal: number[] = [];
  private sinceStart: number[] = [];
  private codedRows = 0;
  private uncodedRows = 0;
  private readonly aggregates = new Map<string, number>();
  private chunk: ChunkBuilder | null = null;
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
    this.parser = new Papa.Parser({ delimiter: plan.delimiter, newline: plan.newline, quoteChar: '"' });
  }

  /** Rows seen so far (for progress). */
  get rowsSeen(): number {
    return this.recordIndex;
  }

  /** Feeds the next piece of decoded text. */
  push(text: string): void {
    if (this.finished) return;
    const aggregate = this.partial + text;
    const result = this.parser.parse(aggregate, this.baseIndex, true) as Papa.ParseResult<string[]> & { meta: { cursor: number } };
    this.partial = aggregate.substring(result.meta.cursor - this.baseIndex);
    this.baseIndex = result.meta.cursor;
    this.records(result.data);
  }

  /** Reads what is left and returns the results. */
  finish(): SessionResult {
    if (!this.finished) {
      const result = this.parser.parse(this.partial, this.baseIndex, false) as Papa.ParseResult<string[]> & { errors: Papa.ParseError[] };
      this.partial = '';
      for (const e of result.errors) {
        if (e.code === 'MissingQuotes') {
          this.issue(this.recordIndex + 1, '', 'unclosed-quote', 'A quoted field is never closed: the rest of the file was read as one field. Check for a stray " in this row.', '', 'warning');
        }
      }
      // A file that ends with a line break has no further record: the parser's empty last row is not a row.
      const data = result.data;
      if (data.length > 0) {
        const last = data[data.length - 1]!;
        if (last.length === 1 && last[0] === '') data.pop();
      }
      this.records(data);
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
        byPeriod: [...t.byPeriod.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([period, p]) => ({ period, debit: p.debit, credit: p.credit, net: p.debit + p.credit })),
      };
    });
    return {
      headers: this.headers,
      rows: { ...this.counts },
      issues: this.issues,
      issueCount: this.issueCount,
      issuesByCode: this.issuesByCode,
      skippedRows: this.skippedRows,
      controlTotals,
      totalRowChecks: this.totalRowChecks,
      aggregates: [...this.aggregates.entries()].map(([key, pence]) => {
        const [cc = '', subjective = '', period = '0'] = key.split('\u0000');
        return [cc, subjective, Number(period), pence];
      }),
      chunkCount: this.chunkIndex,
    };
  }

  private records(data: string[][]): void {
    for (const record of data) {
      const index = this.recordIndex++;
      if (index < this.plan.headerIndex) {
        this.counts.preamble++;
      } else if (index === this.plan.headerIndex) {
        this.bindHeaders(record);
      } else {
        this.row(record, index + 1);
      }
    }
  }

  private bindHeaders(record: string[]): void {
    this.headers = record.map((h) => h.trim());
    const columns = KIND_COLUMNS[this.plan.kind];
    this.bound = columns.flatMap((column) => {
      const index = this.plan.mapping[column.key];
      if (index === null || index === undefined || index >= record.length) return [];
      return [{ column, index, header: this.headers[index] ?? '', scale: this.plan.scales[column.key] === 'thousands' ? 1000 : 1 } as Bound];
    });
    this.amountColumns = this.bound.filter((b) => b.column.type === 'amount');
    if (this.plan.kind === 'ledger' && !this.amountColumns.some((b) => b.column.key === 'amount')) {
      // Debit and credit columns make one signed amount (debit positive, credit negative).
      this.amountColumns = [];
    }
    this.codeColumns = this.bound.filter((b) => b.column.type === 'code');
    this.periodColumn = this.bound.find((b) => b.column.type === 'period');
    this.dateColumns = this.bound.filter((b) => b.column.type === 'date' || b.column.type === 'year');
    this.labelColumn = this.bound.find((b) => b.column.type === 'text')?.index ?? 0;
    this.rowTypeColumn = this.headers.findIndex((h) => ROW_TYPE.test(h));
    const width = this.ledgerSplit() ? 1 : this.amountColumns.length;
    this.totals = Array.from({ length: width }, () => new Totals());
    this.sinceLastTotal = new Array<number>(width).fill(0);
    this.sinceStart = new Array<number>(width).fill(0);
  }

  private ledgerSplit(): boolean {
    return this.plan.kind === 'ledger' && this.amountColumns.length === 0;
  }

  private issue(row: number, column: string, code: string, message: string, value: string, severity: 'error' | 'warning'): void {
    this.issueCount++;
    this.issuesByCode[code] = (this.issuesByCode[code] ?? 0) + 1;
    if (this.issues.length < this.maxIssues) this.issues.push({ row, column, code, message, value, severity });
  }

  private row(cells: string[], line: number): void {
    if (this.headers.length === 0) {
      // No header was found (the file ended first): nothing to map.
      return;
    }
    let blank = true;
    for (const c of cells) {
      if (c !== '' && c.trim() !== '') {
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

    // Amounts first: the shape of the row (total or data) depends on them.
    const split = this.ledgerSplit();
    const amounts: (number | null)[] = [];
    const amountErrors: [Bound, string, string, string][] = [];
    if (split) {
      const debit = this.bound.find((b) => b.column.key === 'debit');
      const credit = this.bound.find((b) => b.column.key === 'credit');
      let value: number | null = null;
      for (const [b, sign] of [[debit, 1], [credit, -1]] as const) {
        if (!b) continue;
        const r = parsePence(cells[b.index] ?? '', b.scale);
        if (!r.ok) amountErrors.push([b, r.code, r.message, cells[b.index] ?? '']);
        else if (!r.missing) value = (value ?? 0) + sign * r.pence;
      }
      amounts.push(value);
    } else {
      for (const b of this.amountColumns) {
        const r = parsePence(cells[b.index] ?? '', b.scale);
        if (!r.ok) {
          amounts.push(null);
          amountErrors.push([b, r.code, r.message, cells[b.index] ?? '']);
        } else amounts.push(r.missing ? null : r.pence);
      }
    }

    const codes = this.codeColumns.map((b) => (cells[b.index] ?? '').trim());
    const shape = classifyRow({
      codes,
      dataHasCodes: this.codedRows >= this.uncodedRows,
      label: (cells[this.labelColumn] ?? '').trim(),
      cells,
      amounts,
      sinceLastTotal: this.sinceLastTotal,
      sinceStart: this.sinceStart,
      declaredType: this.rowTypeColumn >= 0 ? cells[this.rowTypeColumn] : undefined,
    });
    if (shape.type === 'total' || shape.type === 'subtotal' || shape.type === 'footer') {
      this.counts.skipped++;
      const label = (cells[this.labelColumn] ?? '').trim() || cells.find((c) => c.trim() !== '')?.trim() || '';
      this.skippedRows.push({ row: line, type: shape.type, reason: shape.reason, label });
      if (shape.type !== 'footer') {
        amounts.forEach((printed, i) => {
          if (printed === null) return;
          const since = this.sinceLastTotal[i]!;
          const all = this.sinceStart[i]!;
          const computed = printed === all && printed !== since ? all : since;
          const column = split ? 'amount' : (this.amountColumns[i]?.column.key ?? '');
          this.totalRowChecks.push({ row: line, label, column, printed, computed, status: printed === computed ? 'pass' : 'fail' });
        });
        this.sinceLastTotal.fill(0);
      }
      return;
    }
    if (codes.length > 0 && codes.some((c) => c !== '')) {
      if (codes.some(isCodeShaped)) this.codedRows++;
      else this.uncodedRows++;
    }

    let rejected = false;
    let warned = 'warning' in shape;
    if ('warning' in shape) this.issue(line, '', 'total-label-kept', shape.warning, (cells[this.labelColumn] ?? '').trim(), 'warning');
    for (const [b, code, message, value] of amountErrors) {
      this.issue(line, b.header, code, message, value, 'error');
      rejected = true;
    }

    // Required columns, periods and dates.
    let period = 0;
    const dates: Record<string, string> = {};
    for (const b of this.bound) {
      const raw = cells[b.index] ?? '';
      const value = raw.trim();
      const type = b.column.type;
      if (value === '') {
        if (b.column.required) {
          this.issue(line, b.header, 'missing-required', `${b.column.label} is required but this row has none`, raw, 'error');
          rejected = true;
        }
        continue;
      }
      if (type === 'period') {
        const r = parsePeriod(value);
        if (r.ok) period = r.value;
        else {
          this.issue(line, b.header, r.code, r.message, raw, 'error');
          rejected = true;
        }
      } else if (type === 'date') {
        const r = parseDate(value);
        if (r.ok) dates[b.column.key] = formatIsoDate(r.value);
        else {
          this.issue(line, b.header, r.code, r.message, raw, 'error');
          rejected = true;
        }
      } else if (type === 'year') {
        const r = parseFinancialYear(value);
        if (r.ok) dates[b.column.key] = formatFinancialYear(r.value);
        else {
          this.issue(line, b.header, r.code, r.message, raw, 'error');
          rejected = true;
        }
      }
    }
    if (split && amounts[0] === null && amountErrors.length === 0) {
      this.issue(line, 'Debit/Credit', 'missing-amount', 'Neither a debit nor a credit is given', '', 'error');
      rejected = true;
    }
    // A posting date and a period that disagree: keep the period, but say so.
    if (!rejected && period > 0 && period <= 12 && dates.postingDate) {
      const [y, m, d] = dates.postingDate.split('-').map(Number) as [number, number, number];
      const fromDate = periodOfDate({ year: y, month: m, day: d }).period;
      if (fromDate !== period) {
        this.issue(line, this.periodColumn?.header ?? 'Period', 'period-date-mismatch', `Period P${period} but the posting date ${dates.postingDate} falls in P${fromDate}`, cells[this.periodColumn?.index ?? 0] ?? '', 'warning');
        warned = true;
      }
    } else if (!rejected && period === 0 && dates.postingDate) {
      const [y, m, d] = dates.postingDate.split('-').map(Number) as [number, number, number];
      period = periodOfDate({ year: y, month: m, day: d }).period;
    }
    if (cells.length > this.headers.length && cells.slice(this.headers.length).some((c) => c.trim() !== '')) {
      this.issue(line, '', 'extra-cells', `This row has ${cells.length} cells but the header has ${this.headers.length}; the extra cells were not read`, cells.slice(this.headers.length).join(this.plan.delimiter), 'warning');
      warned = true;
    }

    if (rejected) {
      this.counts.rejected++;
      return;
    }
    this.counts.accepted++;
    if (warned) this.counts.acceptedWithWarnings++;
    amounts.forEach((a, i) => {
      if (a === null) return;
      this.totals[i]!.add(a, period);
      this.sinceLastTotal[i]! += a;
      this.sinceStart[i]! += a;
    });
    if (this.plan.kind === 'ledger' && amounts[0] !== null && amounts[0] !== undefined) {
      const key = `${codes[0] ?? ''}\u0000${codes[1] ?? ''}\u0000${period}`;
      this.aggregates.set(key, (this.aggregates.get(key) ?? 0) + amounts[0]);
    }
    this.store(cells, line, warned, amounts, period, dates);
  }

  private store(cells: string[], line: number, warned: boolean, amounts: (number | null)[], period: number, dates: Record<string, string>): void {
    if (!this.chunk) this.chunk = new ChunkBuilder(this.headers.length, this.chunkRows, this.ledgerSplit() ? ['amount'] : this.amountColumns.map((b) => b.column.key), this.dateColumns.map((b) => b.column.key));
    this.chunk.add(cells, line, warned, amounts, period, dates);
    if (this.chunk.full) this.flush();
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
  private readonly dates: string[][];

  constructor(
    width: number,
    private readonly capacity: number,
    private readonly amountKeys: string[],
    private readonly dateKeys: string[],
  ) {
    this.lines = new Uint32Array(capacity);
    this.warned = new Uint8Array(capacity);
    this.raw = Array.from({ length: width }, () => []);
    this.pence = amountKeys.map(() => new Float64Array(capacity));
    this.periods = new Uint8Array(capacity);
    this.dates = dateKeys.map(() => []);
  }

  get full(): boolean {
    return this.size >= this.capacity;
  }

  add(cells: string[], line: number, warned: boolean, amounts: (number | null)[], period: number, dates: Record<string, string>): void {
    const i = this.size++;
    this.lines[i] = line;
    this.warned[i] = warned ? 1 : 0;
    for (let c = 0; c < this.raw.length; c++) this.raw[c]!.push(cells[c] ?? '');
    for (let a = 0; a < this.pence.length; a++) this.pence[a]![i] = amounts[a] ?? Number.NaN;
    this.periods[i] = period;
    this.dateKeys.forEach((k, d) => this.dates[d]!.push(dates[k] ?? ''));
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
      dates: Object.fromEntries(this.dateKeys.map((k, d) => [k, this.dates[d]!])),
    };
  }
}
