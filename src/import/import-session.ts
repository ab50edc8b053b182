import { AuthorityLines, isTotalHeading, noFigureReason } from './authority-lines';
import { lineHeaders } from './authority-returns';
import { bindHeaders, type Binding } from './bind-headers';
import { CellPool, codeOf } from './cell-pool';
import { addRow, buildChunk, isFull, newChunk, type ChunkBuilder } from './chunk-builder';
import { addAccepted, checkTotalRow, controlTotalsOf, newControlTotals, type ControlTotals } from './control-totals';
import type { ImportPlan } from './import-plan';
import { addIssue, keepRejected, MAX_ISSUES, newIssueLog, type IssueLog } from './issue-log';
import { LedgerAggregates } from './ledger-aggregates';
import { parsePence } from './pence';
import {
  isBlankRow,
  needsShape,
  newRowReader,
  readRow,
  ROW_ACCEPTED,
  ROW_BLANK,
  ROW_REJECTED,
  rowLabel,
  type RowReader,
} from './read-row';
import { breaksIn, RecordReader, type Decode, type RecordProblem } from './record-reader';
import type { ByteEncoding } from './byte-text';
import type { ImportIssue, SessionResult, SkippedRow } from './session-result';
import {
  addCounts,
  addLog,
  addSpans,
  addTotals,
  totalsJoinExactly,
  type Counts,
  type PartStart,
  type SessionPart,
  type Span,
} from './session-part';
import { CHUNK_ROWS, type StoredChunk } from './stored-chunk';
import { KIND_COLUMNS } from './dataset-kinds';

/*
 * One import, streamed: decoded text goes in piece by piece (any size), rows come out as stored chunks,
 * and at the end the counts, issues and control totals for the receipt. Every record after the header
 * is counted exactly once: accepted (perhaps with warnings), rejected with its reasons, or skipped as a
 * total, subtotal or footer; blank rows and the lines above the header are counted too.
 * Never throws on the file's content.
 *
 * The session only orchestrates; each step is a file of its own, tested on its own:
 *   record-reader  text to records            bind-headers    the header row to the kind's columns
 *   read-row       one row to its outcome     issue-log       issues and rejected rows, bounded
 *   control-totals debits, credits, total rows   ledger-aggregates  sums by cost centre, subjective, period
 *   chunk-builder  accepted rows to the stored form (stored-chunk.ts)
 */

/** The largest sum in pence that is still exact, 2^53 - 1, in pounds as a receipt prints them. */
const LARGEST_SUM = `${Math.floor(Number.MAX_SAFE_INTEGER / 100).toLocaleString('en-GB')}.${Number.MAX_SAFE_INTEGER % 100}`;

export interface SessionOptions {
  chunkRows?: number;
  /** Issues kept in full; beyond this they are counted by code. */
  maxIssues?: number;
  /**
   * Reads a part of the file apart from the rest (split-import.ts): from this record, with this header, up to the
   * first record whose reading could depend on the rows before the part (see stopsPart), where it stops.
   */
  part?: PartStart;
}

export class ImportSession {
  private readonly reader: RecordReader;
  private readonly log: IssueLog;
  private recordIndex = 0;
  /** Set once the header row is read; until then a row has no columns. */
  private binding: Binding | null = null;
  private rows: RowReader | null = null;
  private totals: ControlTotals = newControlTotals(0);
  private readonly counts: Counts = {
    read: 0,
    accepted: 0,
    acceptedWithWarnings: 0,
    rejected: 0,
    skipped: 0,
    blank: 0,
    preamble: 0,
  };
  private readonly skippedRows: SkippedRow[] = [];
  private readonly aggregates = new LedgerAggregates();
  private pools: CellPool[] = [];
  private chunk: ChunkBuilder | null = null;
  private chunkIndex = 0;
  private finished = false;
  private readonly chunkRows: number;
  /** The file's line on which the next record starts (a quoted cell may take a record over several). */
  private line = 1;
  private multiLineRows = 0;
  /** Accepted rows whose sign the debit/credit indicator set (an unsigned H amount made negative). */
  private signedFromSide = 0;
  /** Per column, the cells that run across a line break: how many, and the first. */
  private readonly spans = new Map<number, Span>();
  /** An MHCLG revenue return: the chosen authority's row read as lines (authority-lines.ts); null for other files. */
  private readonly authority: AuthorityLines | null;

  constructor(
    private readonly plan: ImportPlan,
    private readonly onChunk: (chunk: StoredChunk) => void,
    options: SessionOptions = {},
  ) {
    this.chunkRows = options.chunkRows ?? CHUNK_ROWS;
    this.authority = plan.authority ? new AuthorityLines(plan.authority, plan.year) : null;
    this.log = newIssueLog(options.maxIssues ?? MAX_ISSUES);
    this.reader = new RecordReader(plan.delimiter, (cells, problem, breaks, codes) =>
      this.record(cells, problem, breaks, codes),
    );
    this.partOnly = options.part !== undefined;
    if (options.part) {
      this.recordIndex = options.part.recordIndex;
      this.line = options.part.line;
      this.chunkIndex = options.part.chunkIndex;
      this.partStart = { recordIndex: this.recordIndex, line: this.line, chunkIndex: this.chunkIndex };
      this.bind(options.part.header, false);
    }
  }

  /** A part read apart (options.part): where it started, and whether it has stopped short of its end. */
  private readonly partOnly: boolean;
  private partStart: SessionPart['start'] = { recordIndex: 0, line: 1, chunkIndex: 0 };
  private partStopped = false;

  /** Whether a part read apart stopped at a record the part cannot read on its own: the rest is read by the first. */
  get stopped(): boolean {
    return this.partStopped;
  }

  /** Records read so far by papaparse rather than the fast path (record-reader.ts). */
  get unusualRecords(): number {
    return this.reader.unusualRecords;
  }

  /**
   * Whether a record of a part read apart cannot be read there: it was not an ordinary record (papaparse's reading
   * of one may depend on where the text was cut into pieces), it is broken, or its shape must be judged (whether it
   * is a total reads the running sums and the rows before it, which the part has not seen).
   */
  private stopsPart(cells: string[], problem: RecordProblem | undefined): boolean {
    if (problem || this.reader.unusualRecords > 0 || !this.binding) return true;
    return !isBlankRow(cells) && needsShape(this.binding, cells);
  }

  /**
   * The end of a part read apart: what is left of its text read (`atEnd`: the part runs to the end of the file),
   * its last chunk handed on, and what it made of its rows, for the session before it (absorb).
   */
  finishPart(atEnd: boolean): SessionPart {
    if (atEnd && !this.partStopped) this.reader.finish();
    this.flush();
    this.finished = true;
    const t = this.totals;
    return {
      start: this.partStart,
      recordIndex: this.recordIndex,
      line: this.line,
      chunkIndex: this.chunkIndex,
      counts: { ...this.counts },
      multiLineRows: this.multiLineRows,
      signedFromSide: this.signedFromSide,
      spans: [...this.spans],
      log: {
        issues: this.log.issues,
        issueCount: this.log.issueCount,
        issuesByCode: this.log.issuesByCode,
        rejectedRows: this.log.rejectedRows,
      },
      totals: { slots: t.slots, sides: t.sides, sinceLastTotal: t.sinceLastTotal, sinceStart: t.sinceStart },
      aggregates: this.aggregates.part(),
      codedRows: this.rows?.codedRows ?? 0,
      uncodedRows: this.rows?.uncodedRows ?? 0,
    };
  }

  /**
   * Takes in a part of the file read apart that starts exactly where this session has read to (the text pushed so
   * far ends at a record's end; its record, line and, once this session's last chunk is handed on, chunk numbers
   * are the part's first), as if this session had read it: false, taking nothing, where it does not (the part's
   * start was guessed wrong) or its sums would not stay exact joined to these. This session then reads on from
   * where the part stopped.
   */
  absorb(part: SessionPart): boolean {
    if (this.finished || this.partOnly || !this.rows || this.authority || !this.reader.atRecordStart) return false;
    this.flush();
    const s = part.start;
    if (s.recordIndex !== this.recordIndex || s.line !== this.line || s.chunkIndex !== this.chunkIndex) return false;
    if (!totalsJoinExactly(this.totals, part.totals)) return false;
    addCounts(this.counts, part.counts);
    this.multiLineRows += part.multiLineRows;
    this.signedFromSide += part.signedFromSide;
    addSpans(this.spans, part.spans);
    addLog(this.log, part.log);
    addTotals(this.totals, part.totals);
    this.aggregates.absorb(part.aggregates);
    this.rows.codedRows += part.codedRows;
    this.rows.uncodedRows += part.uncodedRows;
    this.recordIndex = part.recordIndex;
    this.line = part.line;
    this.chunkIndex = part.chunkIndex;
    return true;
  }

  /** The number the next chunk handed on will have. */
  get nextChunk(): number {
    return this.chunkIndex;
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

  /** Feeds the file's next bytes, read as `decode` reads them (RecordReader.pushBytes). */
  pushBytes(piece: Uint8Array, decode: Decode): void {
    if (this.finished) return;
    this.reader.pushBytes(piece, decode, this.byteEncoding);
  }

  /** The end of the bytes fed with pushBytes (RecordReader.endBytes). */
  endBytes(decode: Decode): void {
    if (this.finished) return;
    this.reader.endBytes(decode);
  }

  /** The encoding whose ordinary records are read from the bytes themselves (plain-bytes.ts); null: decoded first. */
  private get byteEncoding(): ByteEncoding | null {
    const e = this.plan.encoding.encoding;
    return e === 'utf-8' || e === 'windows-1252' ? e : null;
  }

  /** Warnings found outside the rows' cells (an Excel workbook's hazards), kept and counted with the rows' issues. */
  note(issues: readonly Omit<ImportIssue, 'severity'>[]): void {
    for (const i of issues) addIssue(this.log, i.row, i.column, i.code, i.message, i.value, 'warning');
  }

  /** Reads what is left and returns the results. */
  finish(): SessionResult {
    if (!this.finished) {
      this.reader.finish();
      this.flush();
      this.finished = true;
    }
    this.lonelySpans();
    if (this.authority && !this.authority.done) this.noAuthorityRow();
    const log = this.log;
    return {
      headers: this.binding?.headers ?? [],
      rows: {
        ...this.counts,
        lines: this.line - 1,
        multiLineRows: this.multiLineRows,
        ...(this.binding && this.binding.sideColumn >= 0 ? { signedFromSide: this.signedFromSide } : {}),
      },
      issues: log.issues,
      issueCount: log.issueCount,
      issuesByCode: log.issuesByCode,
      skippedRows: this.skippedRows,
      rejectedRows: log.rejectedRows,
      // A split ledger (Debit and Credit, no Amount): one total, of its amount, from its two columns.
      controlTotals: controlTotalsOf(this.totals, this.binding?.amountColumns.map((b) => b.column.key) ?? []),
      totalRowChecks: this.totals.checks,
      ledgerSums: this.aggregates.packed(),
      chunkCount: this.chunkIndex,
      ...(this.authority ? { authorityRow: this.authority.result() } : {}),
    };
  }

  /** `codes`: each cell's number in its column's pool, where the reader looked it up (see RecordReader.useCellPools). */
  private record(cells: string[], problem: RecordProblem | undefined, breaks = 0, codes?: Int32Array): void {
    if (this.partStopped) return;
    if (this.partOnly && this.stopsPart(cells, problem)) {
      this.partStopped = true;
      return;
    }
    const index = this.recordIndex++;
    const from = this.line;
    this.line += 1 + breaks;
    if (breaks > 0) this.multiLineRows++;
    if (index < this.plan.headerIndex) {
      this.counts.preamble++;
    } else if (index === this.plan.headerIndex) {
      if (problem)
        addIssue(
          this.log,
          index + 1,
          '',
          problem.code,
          `The header row could not be read as it should: ${problem.message}`,
          cells.join(this.plan.delimiter),
          'warning',
        );
      // A return's header names its services; what is bound is the header of the lines its chosen row becomes.
      this.bind(this.authority ? lineHeaders(this.plan.kind === 'budget' ? 'budget' : 'outturn') : cells, true);
    } else if (problem || !this.rows) {
      this.brokenRow(cells, index + 1, problem);
    } else if (this.authority) {
      this.authorityRow(this.authority, this.rows, cells, index + 1);
    } else if (breaks > 0 && this.joinedLines(this.rows.binding, cells, index + 1, from)) {
      return;
    } else {
      this.row(this.rows, cells, index + 1, codes);
    }
  }

  /**
   * A record whose quoted cell runs across line breaks. When a line inside the cell reads like a row of its
   * own (as many delimiters as half the header's columns, and at least two), a stray quote has joined lines
   * into one record: rejected, naming its lines, never read with the lines between lost in a cell. Any other
   * such cell is noted, for lonelySpans.
   */
  private joinedLines(b: Binding, cells: string[], row: number, from: number): boolean {
    const d = this.plan.delimiter;
    const enough = Math.max(2, Math.floor((b.headers.length - 1) / 2));
    let line = from;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      const breaks = cell.split('\n').length - 1;
      if (breaks === 0) continue;
      const to = line + breaks;
      const header = b.headers[c] || `column ${c + 1}`;
      const rowLike = cell
        .split('\n')
        .slice(1)
        .find((part) => part.split(d).length - 1 >= enough);
      if (rowLike !== undefined) {
        this.counts.read++;
        this.counts.rejected++;
        addIssue(
          this.log,
          row,
          header,
          'joined-lines',
          `This row runs from line ${from} to line ${from + breaksIn(cells)} of the file: a quote (") in ${header} opens on line ${line} and closes on line ${to}, so the lines between were read as one cell, and one of them reads like a row of its own ("${rowLike.slice(0, 80)}"). Two stray quotes have likely joined rows, whose amounts would be lost. The row was not imported; check lines ${from}-${from + breaksIn(cells)}`,
          cell,
          'error',
        );
        keepRejected(this.log, row, cells);
        return true;
      }
      const seen = this.spans.get(c);
      if (seen) seen.count++;
      else this.spans.set(c, { count: 1, row, from: line, to, value: cell });
      line = to;
    }
    return false;
  }

  /**
   * A cell that runs across a line break in a column where no other cell does: said with its lines, since
   * a pair of stray quotes can join lines this way without leaving a row-like line inside (a cell of notes
   * that always has line breaks is not said again and again).
   */
  private lonelySpans(): void {
    for (const [c, s] of this.spans) {
      if (s.count !== 1) continue;
      const header = this.binding?.headers[c] || `column ${c + 1}`;
      addIssue(
        this.log,
        s.row,
        header,
        'line-break-in-cell',
        `This ${header} cell runs across a line break, from line ${s.from} to line ${s.to} of the file, and no other cell of the column does: if a quote (") was typed by mistake, lines were joined into this row; check it`,
        s.value,
        'warning',
      );
    }
  }

  /** `said`: the header's own issues (columns named twice) are said; a part read apart leaves them to the first. */
  private bind(record: string[], said: boolean): void {
    const binding = bindHeaders(this.plan, record);
    this.binding = binding;
    this.totals = newControlTotals(binding.split ? 1 : binding.amountColumns.length, binding.split);
    this.rows = newRowReader(binding, this.plan, this.log, this.totals);
    if (said) this.duplicateHeaders(binding);
    this.pools = binding.headers.map(() => new CellPool());
    // A return's cells become lines of their own (authority-lines.ts): only a file read as rows is looked up as read.
    if (!this.authority) this.reader.useCellPools(this.pools);
  }

  /** Two or more columns with one name: said at the header, with which of them is read as what. */
  private duplicateHeaders(b: Binding): void {
    const byName = new Map<string, number[]>();
    b.headers.forEach((h, i) => {
      if (h === '') return;
      const key = h.toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), i]);
    });
    const labels = new Map<number, string>();
    for (const c of KIND_COLUMNS[this.plan.kind]) {
      const index = this.plan.mapping[c.key];
      if (index !== null && index !== undefined) labels.set(index, c.label);
    }
    for (const indices of byName.values()) {
      if (indices.length < 2) continue;
      const name = b.headers[indices[0]!]!;
      const read = indices.filter((i) => labels.has(i)).map((i) => `column ${i + 1} as ${labels.get(i) ?? ''}`);
      addIssue(
        this.log,
        this.plan.headerIndex + 1,
        name,
        'duplicate-header',
        `${indices.length} columns are named "${name}" (columns ${indices.map((i) => i + 1).join(', ')}): ${read.length === 0 ? 'none of them is read' : `read: ${read.join('; ')}${read.length < indices.length ? `; the other${indices.length - read.length === 1 ? ' is' : 's are'} not read` : ''}`}. Rename them in the file, or choose the column for each in the mapping`,
        name,
        'warning',
      );
    }
  }

  /** A row that cannot be read as cells (or comes with no header above it): counted, rejected, and said why. */
  private brokenRow(cells: string[], line: number, problem: RecordProblem | undefined): void {
    if (!problem && cells.every((c) => c.trim() === '')) {
      this.counts.blank++;
      return;
    }
    this.counts.read++;
    this.counts.rejected++;
    const p = problem ?? {
      code: 'no-header',
      message: 'There is no header row above this row, so its columns are unknown. The row was not imported.',
    };
    addIssue(this.log, line, '', p.code, p.message, cells.join(this.plan.delimiter), 'error');
    keepRejected(this.log, line, cells);
  }

  /** One row after the header: read by read-row, then counted, totalled, summed and stored by what it is. */
  private row(r: RowReader, cells: string[], line: number, codes: Int32Array | undefined): void {
    const outcome = readRow(r, cells, line, codes);
    if (outcome === ROW_BLANK) {
      this.counts.blank++;
      return;
    }
    this.counts.read++;
    if (outcome === ROW_REJECTED) {
      this.counts.rejected++;
      keepRejected(this.log, line, cells);
      return;
    }
    const b = r.binding;
    if (outcome !== ROW_ACCEPTED) {
      this.skip(b, cells, line, r.skipType, r.skipReason, r.amounts, r.sides);
      return;
    }
    const amounts = r.amounts;
    const over = addAccepted(this.totals, amounts, r.period, b.split ? r.sides : undefined);
    if (over >= 0) {
      this.sumTooLarge(b, cells, line, over, amounts[over]!);
      return;
    }
    this.counts.accepted++;
    if (r.warned) this.counts.acceptedWithWarnings++;
    if (r.signedBySide) this.signedFromSide++;
    const first = amounts[0];
    if (this.plan.kind === 'ledger' && first !== null && first !== undefined) {
      this.aggregates.addCells(
        cells[b.firstCode] ?? '',
        codeOf(codes, cells, b.firstCode),
        cells[b.secondCode] ?? '',
        codeOf(codes, cells, b.secondCode),
        r.period,
        first,
      );
    }
    if (!this.chunk) this.chunk = newChunk(this.pools, this.chunkRows, b.amountKeys, b.dateKeys);
    addRow(this.chunk, cells, line, r.warned, amounts, r.period, r.dates, codes);
    if (isFull(this.chunk)) this.flush();
  }

  /**
   * A row of an MHCLG revenue return: another authority's is skipped, with why; the chosen authority's becomes a
   * line per service column (its Authority, the column's heading as its Service, the cell as its amount in £
   * thousand), each read as a row of lines is. A cell with no figure is skipped, and one that is not an amount
   * rejected, each with the row, the service's column and why: never read as nil.
   */
  private authorityRow(a: AuthorityLines, r: RowReader, cells: string[], line: number): void {
    if (cells.every((c) => c.trim() === '')) {
      this.counts.blank++;
      return;
    }
    if (!a.take(cells, line)) {
      this.counts.read++;
      this.counts.skipped++;
      return;
    }
    const label = a.label(cells);
    if (a.done) {
      this.counts.read++;
      this.counts.rejected++;
      addIssue(
        this.log,
        line,
        a.plan.fileHeaders[a.plan.nameColumn] ?? '',
        'authority-row-repeated',
        `A second row for ${label}: its lines were not read, so that no service counts twice. Check which row is right`,
        label,
        'error',
      );
      keepRejected(this.log, line, cells);
      return;
    }
    const before = { accepted: this.counts.accepted, rejected: this.counts.rejected, skipped: this.counts.skipped };
    let noFigure = 0;
    for (const s of a.plan.services) {
      const raw = cells[s] ?? '';
      const service = a.plan.fileHeaders[s] ?? `column ${s + 1}`;
      const lineCells = [label, service, raw];
      const none = noFigureReason(raw);
      if (none !== null) {
        this.counts.read++;
        this.counts.skipped++;
        noFigure++;
        addIssue(this.log, line, service, 'no-figure', none, raw, 'warning');
        continue;
      }
      const amount = parsePence(raw, 1000);
      if (!amount.ok) {
        this.counts.read++;
        this.counts.rejected++;
        for (const i of amount.issues) addIssue(this.log, line, service, i.code, i.message, raw, 'error');
        keepRejected(this.log, line, lineCells);
        continue;
      }
      // A total among the services (Total service expenditure, RS_totsx_net_exp) that equals the lines before it is
      // kept out and checked, as a file's total row is; one that does not is the file's own figure, read as a line.
      const v = amount.value;
      if (
        v !== null &&
        isTotalHeading(service) &&
        (v === this.totals.sinceLastTotal[0] || v === this.totals.sinceStart[0])
      ) {
        this.counts.read++;
        this.skip(
          r.binding,
          lineCells,
          line,
          'total',
          'a total of the service lines before it, and equal to them',
          [v],
          [],
        );
        continue;
      }
      this.row(r, lineCells, line, undefined);
    }
    a.converted(
      line,
      cells,
      {
        accepted: this.counts.accepted - before.accepted,
        rejected: this.counts.rejected - before.rejected,
        skipped: this.counts.skipped - before.skipped,
      },
      noFigure,
    );
  }

  /** A return none of whose rows is the chosen authority's: nothing imported, and said at the header. */
  private noAuthorityRow(): void {
    const a = this.authority!.plan;
    addIssue(
      this.log,
      this.plan.headerIndex + 1,
      a.fileHeaders[a.nameColumn] ?? '',
      'authority-not-found',
      `No row of the file is for "${a.authority}"${this.plan.year !== null && a.yearColumn >= 0 ? ' in the year imported' : ''}, so no line was read. Choose the authority again`,
      a.authority,
      'error',
    );
  }

  /** A row whose amount would take a sum beyond 2^53 pence, where it could no longer be exact: rejected. */
  private sumTooLarge(b: Binding, cells: string[], line: number, slot: number, value: number): void {
    this.counts.rejected++;
    const side = value > 0 ? 'debits' : 'credits';
    const column = b.split ? 'Debit/Credit' : (b.amountColumns[slot]?.header ?? '');
    const raw = b.split
      ? b.splitColumns.map(([col]) => (cells[col.index] ?? '').trim()).join(' / ')
      : (cells[b.amountColumns[slot]?.index ?? -1] ?? '');
    addIssue(
      this.log,
      line,
      column,
      'sum-too-large',
      `Adding this row would take the file's ${side} past £${LARGEST_SUM}, beyond which Outturn cannot add exactly. The row was not imported`,
      raw,
      'error',
    );
    keepRejected(this.log, line, cells);
  }

  private skip(
    b: Binding,
    cells: string[],
    line: number,
    type: 'total' | 'subtotal' | 'footer',
    reason: string,
    amounts: readonly (number | null)[],
    sides: readonly (number | null)[],
  ): void {
    this.counts.skipped++;
    const label = rowLabel(b, cells);
    this.skippedRows.push({ row: line, type, reason, label, cells });
    if (type !== 'footer') checkTotalRow(this.totals, line, label, amounts, b.amountKeys, b.split ? sides : undefined);
  }

  private flush(): void {
    if (!this.chunk || this.chunk.size === 0) return;
    this.onChunk(buildChunk(this.chunk, this.chunkIndex++));
    this.chunk = null;
  }
}
