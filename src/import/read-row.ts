import { formatFinancialYear, parseDate, parseFinancialYear, parsePeriod } from '../domain/core/period';
import { pence, penceToPounds } from '../domain/core/units';
import type { Binding } from './bind-headers';
import { codeOf, POOL_VALUES } from './cell-pool';
import type { ControlTotals } from './control-totals';
import type { DatasetKind } from './dataset-kinds';
import { fastDate, fastPeriod, formatYmd, periodOfYmd } from './fast-cells';
import { addIssue, INVISIBLE, type IssueLog } from './issue-log';
import { NO_PENCE, NOT_PENCE, parsePence, penceOf } from './pence';
import { readYearPeriod } from './period-cells';
import { classifyRow, isCodeShaped } from './row-shape';
import { DELIMITER_NAMES, DELIMITERS, type Delimiter } from './sniff';

/*
 * One row after the header, read to what it is: blank, accepted (perhaps with warnings), rejected with its
 * reasons, or skipped as a total, subtotal or footer. Every cell check is here, in the order its issues are
 * reported: amounts (which decide the row's shape), the shape, required cells, period, dates and years,
 * period against posting date, missing cells and too many, bytes that were not UTF-8.
 * It runs on every row of a large file, so it is one tight function over an explicit state made once per
 * import (RowReader): the row's amounts, dates and period go into buffers there, reused, not into a new
 * object per row. It reports issues into the IssueLog; what the row then counts for (counts, totals,
 * ledger sums, stored chunk) is the session's business.
 */

export const ROW_BLANK = 0;
export const ROW_ACCEPTED = 1;
export const ROW_REJECTED = 2;
export const ROW_SKIPPED = 3;
export type RowOutcome = typeof ROW_BLANK | typeof ROW_ACCEPTED | typeof ROW_REJECTED | typeof ROW_SKIPPED;

export interface RowReader {
  readonly binding: Binding;
  readonly delimiter: Delimiter;
  readonly kind: DatasetKind;
  /** The decoder replaced bytes that were not valid UTF-8 (with U+FFFD): look for them in the cells. */
  readonly replaced: boolean;
  readonly log: IssueLog;
  /** The running sums since the last total and since the start, by which a total row is recognised. */
  readonly totals: ControlTotals;
  /**
   * Per code column, whether each of its pooled values is code-shaped (isCodeShaped), by its number in the column's
   * pool (cell-pool.ts): 0 not yet known, 1 code-shaped, 2 not. A ledger's codes repeat row after row, so a code
   * is judged once, not on every row it is on.
   */
  readonly codeShapes: Int8Array[];
  /** Data rows with and without codes so far: does the data carry codes? */
  codedRows: number;
  uncodedRows: number;
  /** The financial year the file is imported into (2017 = 2017/18), where settled: a posting date outside it is refused. */
  readonly year: number | null;
  // The last row read (valid until the next one):
  /** Pence per amount slot; null where blank or unreadable. */
  readonly amounts: (number | null)[];
  /** A Debit/Credit row's Debit and Credit cells in pence, as written (null where blank); else unused. */
  readonly sides: [number | null, number | null];
  /** Per date column: yyyymmdd, a year's first year, or 0. */
  readonly dates: number[];
  /** 1..16, from the cell or the posting date; 0 when none. */
  period: number;
  /** Accepted with warnings. */
  warned: boolean;
  /** An unsigned amount made negative by the debit/credit indicator (SAP's H): counted on the receipt. */
  signedBySide: boolean;
  /** A skipped row's type and why. */
  skipType: 'total' | 'subtotal' | 'footer';
  skipReason: string;
}

export function newRowReader(
  binding: Binding,
  plan: { delimiter: Delimiter; kind: DatasetKind; encoding: { replaced?: boolean }; year?: number | null },
  log: IssueLog,
  totals: ControlTotals,
): RowReader {
  const width = binding.split ? 1 : binding.amountColumns.length;
  return {
    binding,
    delimiter: plan.delimiter,
    kind: plan.kind,
    replaced: plan.encoding.replaced === true,
    year: plan.year ?? null,
    log,
    totals,
    codeShapes: binding.codeColumns.map(() => new Int8Array(POOL_VALUES)),
    codedRows: 0,
    uncodedRows: 0,
    amounts: new Array<number | null>(width).fill(null),
    sides: [null, null],
    dates: new Array<number>(binding.dateColumns.length).fill(0),
    period: 0,
    warned: false,
    signedBySide: false,
    skipType: 'footer',
    skipReason: '',
  };
}

/**
 * Whether a code unit is printable ASCII other than a space: white space to trim() in no case. A cell that starts
 * (or starts and ends) with one is known blank or trimmed without calling trim(), which on every row of a large
 * file cost more than the check.
 */
const printable = (unit: number): boolean => unit > 32 && unit < 127;

/** Whether a cell is empty or white space, as `cell.trim() === ''` says. */
const isBlank = (cell: string): boolean => cell === '' || (!printable(cell.charCodeAt(0)) && cell.trim() === '');

/** cell.trim(), the cell itself where neither end is white space. */
const trimmed = (cell: string): string =>
  cell === '' || (printable(cell.charCodeAt(0)) && printable(cell.charCodeAt(cell.length - 1))) ? cell : cell.trim();

/** A row whose every cell is empty or spaces. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c]!)) return false;
  return true;
}

/**
 * Whether a row's shape (data, total, subtotal or footer) must be judged: it lacks a code in a coded file, or the
 * file says each row's type. Most rows of a coded file carry codes: they are data, and need no closer look. Only
 * a row judged by its shape reads what came before it (the running sums, whether the data carries codes), so a
 * part of a file read apart from the rest (split-import.ts) stops at the first such row. `codes` and `shapes`: the
 * cells' numbers in their pools and the shapes known by them (RowReader.codeShapes), where the reader gave them.
 */
export function needsShape(
  b: Binding,
  cells: readonly string[],
  codes?: Int32Array,
  shapes?: readonly Int8Array[],
): boolean {
  if (b.rowTypeColumn >= 0 && cells[b.rowTypeColumn] !== undefined) return true;
  const codeColumns = b.codeColumns;
  if (codeColumns.length === 0) return true;
  for (let c = 0; c < codeColumns.length; c++) {
    const index = codeColumns[c]!.index;
    const cell = cells[index] ?? '';
    // A cell the reader looked up is its pool's value under that number: its shape, once judged, is known.
    const n = shapes === undefined ? -1 : codeOf(codes, cells, index);
    if (n < 0) {
      if (!isCodeShaped(cell)) return true;
      continue;
    }
    const known = shapes![c]!;
    if (known[n] === 0) known[n] = isCodeShaped(cell) ? 1 : 2;
    if (known[n] === 2) return true;
  }
  return false;
}

/**
 * Reads one row (`line` as the spreadsheet numbers it), reporting its issues into r.log. `codes`: the cells' numbers
 * in their pools, where the reader looked them up as it read them (RecordReader.useCellPools).
 */
export function readRow(r: RowReader, cells: string[], line: number, codes?: Int32Array): RowOutcome {
  if (isBlankRow(cells)) return ROW_BLANK;
  const b = r.binding;
  const log = r.log;
  const headerWidth = b.headers.length;

  // One cell where the header has several, and another delimiter splits it to the header's width: a
  // line written with semicolons in a comma file (two exports pasted together). Said, never guessed.
  if (cells.length === 1 && headerWidth > 1) {
    const other = DELIMITERS.find((d) => d !== r.delimiter && cells[0]!.split(d).length === headerWidth);
    if (other) {
      addIssue(
        log,
        line,
        '',
        'wrong-delimiter',
        `This row is split by ${DELIMITER_NAMES[other]}s, but the file's header by ${DELIMITER_NAMES[r.delimiter]}s, so its cells cannot be matched to the columns. The row was not imported.`,
        cells[0]!,
        'error',
      );
      return ROW_REJECTED;
    }
  }

  // Amounts first: the shape of the row (total or data) depends on them. One buffer, reused.
  const amounts = r.amounts;
  let amountError = false;
  // A split row read in a way the user may not have meant (said once the row is known to be data): a credit
  // written negative (read as a debit), or both a debit and a credit (read as their difference).
  let negativeCredit = false;
  let bothSides = false;
  let splitTooLarge = false;
  let sideProblem = 0;
  r.signedBySide = false;
  if (b.split) {
    amounts[0] = null;
    r.sides[0] = null;
    r.sides[1] = null;
    let sides = 0; // bit 1: a debit that is not nil; bit 2: a credit that is not nil
    for (const [col, sign] of b.splitColumns) {
      const v = penceOf(cells[col.index] ?? '', col.scale);
      if (v === NOT_PENCE) amountError = true;
      else if (v !== NO_PENCE) {
        amounts[0] = (amounts[0] ?? 0) + sign * v;
        r.sides[sign === 1 ? 0 : 1] = v;
        if (v !== 0) {
          sides |= sign === 1 ? 1 : 2;
          if (sign === -1 && v < 0) negativeCredit = true;
        }
      }
    }
    bothSides = sides === 3;
    // Each side is within 2^53 pence; debit minus credit may not be.
    const v = amounts[0];
    if (v !== null && (v > Number.MAX_SAFE_INTEGER || v < -Number.MAX_SAFE_INTEGER)) splitTooLarge = true;
  } else {
    const amountColumns = b.amountColumns;
    for (let a = 0; a < amountColumns.length; a++) {
      const col = amountColumns[a]!;
      const v = penceOf(cells[col.index] ?? '', col.scale);
      if (v === NOT_PENCE) {
        amounts[a] = null;
        amountError = true;
      } else amounts[a] = v === NO_PENCE ? null : v;
    }
    // SAP's indicator says the side: an unsigned credit (H) becomes negative; a debit written negative is kept.
    const v = amounts[0];
    if (b.sideColumn >= 0 && !amountError && v !== null && v !== undefined && v !== 0) {
      const side = sideOf(cells[b.sideColumn] ?? '');
      if (side === 0) sideProblem = SIDE_UNKNOWN;
      else if (side === -1 && v > 0) {
        amounts[0] = -v;
        r.signedBySide = true;
      } else if (side === 1 && v < 0) sideProblem = SIDE_NEGATIVE_DEBIT;
    }
  }

  // A semicolon file is where figures come with decimal commas (12,50) and points between thousands
  // (1.000): there "1.000" may be one thousand, so it is refused as 12,50 is, never read as £1.00 beside them.
  if (r.delimiter === ';' && !amountError) {
    for (const col of b.amountCells) if (POINT_THOUSANDS.test(cells[col.index] ?? '')) amountError = true;
  }

  const codeColumns = b.codeColumns;
  const declared = b.rowTypeColumn >= 0 ? cells[b.rowTypeColumn] : undefined;
  let warning: string | undefined;
  let codeWarned = false;
  if (needsShape(b, cells, codes, r.codeShapes)) {
    const shape = classifyRow({
      codes: codeColumns.map((col) => (cells[col.index] ?? '').trim()),
      dataHasCodes: r.codedRows >= r.uncodedRows,
      label: (cells[b.labelColumn] ?? '').trim(),
      cells,
      amounts,
      sinceLastTotal: r.totals.sinceLastTotal,
      sinceStart: r.totals.sinceStart,
      declaredType: declared,
      dated: b.dateColumns.some((col) => col.column.type === 'date' && isDate((cells[col.index] ?? '').trim())),
    });
    if (shape.type !== 'data') {
      r.skipType = shape.type;
      r.skipReason = shape.reason;
      return ROW_SKIPPED;
    }
    if ('warning' in shape) warning = shape.warning;
    if (codeColumns.length > 0 && codeColumns.some((col) => (cells[col.index] ?? '').trim() !== '')) r.uncodedRows++;
    // A code with an invisible character looks like another code and never matches it: say so.
    for (const col of codeColumns) {
      const code = cells[col.index] ?? '';
      if (INVISIBLE.test(code)) {
        addIssue(
          log,
          line,
          col.header,
          'invisible-character',
          `${col.column.label} "${code}" will not match the same code typed without it`,
          code,
          'warning',
        );
        codeWarned = true;
      }
    }
  } else {
    r.codedRows++;
  }

  let rejected = false;
  let warned = codeWarned;
  if (warning !== undefined) {
    addIssue(log, line, '', 'total-label-kept', warning, (cells[b.labelColumn] ?? '').trim(), 'warning');
    warned = true;
  }
  if (amountError) {
    // Parse again only on the rare bad row, to say exactly what is wrong with each cell.
    for (const col of b.amountCells) {
      const raw = cells[col.index] ?? '';
      const p = parsePence(raw, col.scale);
      if (!p.ok) for (const i of p.issues) addIssue(log, line, col.header, i.code, i.message, raw, 'error');
      else if (r.delimiter === ';' && POINT_THOUSANDS.test(raw))
        addIssue(
          log,
          line,
          col.header,
          'ambiguous-separator',
          `"${raw.trim()}" could be one thousand written with a point between the thousands, as files with semicolons and decimal commas write it, or a number with three decimals; write 1000 or 1.00`,
          raw,
          'error',
        );
    }
    rejected = true;
  } else if (splitTooLarge) {
    addIssue(
      log,
      line,
      'Debit/Credit',
      'too-large',
      `Debit minus credit is larger than Outturn can add exactly (over £${Math.floor(Number.MAX_SAFE_INTEGER / 100).toLocaleString('en-GB')})`,
      b.splitColumns.map(([col]) => (cells[col.index] ?? '').trim()).join(' / '),
      'error',
    );
    rejected = true;
  } else if (negativeCredit || bothSides) {
    splitWarnings(r, cells, line, negativeCredit, bothSides);
    warned = true;
  } else if (sideProblem !== 0) {
    const raw = cells[b.sideColumn] ?? '';
    const header = b.headers[b.sideColumn] ?? '';
    // An indicator that says neither side leaves the sign unknown: refused. A debit written negative is kept.
    const unknown = sideProblem === SIDE_UNKNOWN;
    addIssue(
      log,
      line,
      header,
      unknown ? 'unknown-side' : 'negative-debit',
      unknown
        ? `"${raw.trim()}" does not say debit or credit (S or D for a debit, H or C for a credit), so the amount's sign is not known`
        : `A debit (${raw.trim()}) written negative was kept as written, a credit in effect: check the line`,
      raw,
      unknown ? 'error' : 'warning',
    );
    if (unknown) rejected = true;
    else warned = true;
  }

  // Required cells, periods, dates and years.
  for (const col of b.requiredColumns) {
    const raw = cells[col.index] ?? '';
    if (isBlank(raw)) {
      addIssue(
        log,
        line,
        col.header,
        'missing-required',
        `${col.column.label} is required but this row has none`,
        raw,
        'error',
      );
      rejected = true;
    }
  }
  let period = 0;
  const periodColumn = b.periodColumn;
  if (periodColumn) {
    const raw = cells[periodColumn.index] ?? '';
    if (raw !== '') {
      period = fastPeriod(raw);
      // An Oracle period name (APR-17) or a Unit4 period (201701) names its year too: one of another year is refused.
      const named = period === 0 ? readYearPeriod(raw) : null;
      if (named) {
        period = named.period;
        if (r.year !== null && named.startYear !== r.year) {
          addIssue(
            log,
            line,
            periodColumn.header,
            'period-outside-year',
            `Period ${raw.trim()} is P${named.period} of ${formatFinancialYear({ startYear: named.startYear })}, not of ${formatFinancialYear({ startYear: r.year })}, the year this file is imported into`,
            raw,
            'error',
          );
          rejected = true;
        }
      } else if (period === 0) {
        const p = parsePeriod(raw.trim());
        if (p.ok) period = p.value;
        else if (raw.trim() !== '') {
          for (const i of p.issues) addIssue(log, line, periodColumn.header, i.code, i.message, raw, 'error');
          rejected = true;
        }
      }
    }
  }
  const dateValues = r.dates;
  const dateColumns = b.dateColumns;
  for (let d = 0; d < dateColumns.length; d++) {
    const col = dateColumns[d]!;
    const raw = trimmed(cells[col.index] ?? '');
    dateValues[d] = 0;
    if (raw === '') continue;
    if (col.column.type === 'date') {
      const ymd = fastDate(raw);
      if (ymd !== 0) dateValues[d] = ymd;
      else {
        const p = parseDate(raw);
        if (p.ok) dateValues[d] = p.value.year * 10000 + p.value.month * 100 + p.value.day;
        else {
          for (const i of p.issues) addIssue(log, line, col.header, i.code, i.message, raw, 'error');
          rejected = true;
        }
      }
    } else {
      const p = parseFinancialYear(raw);
      if (p.ok) dateValues[d] = p.value.startYear;
      else {
        for (const i of p.issues) addIssue(log, line, col.header, i.code, i.message, raw, 'error');
        rejected = true;
      }
    }
  }
  if (b.split && amounts[0] === null && !amountError) {
    addIssue(log, line, 'Debit/Credit', 'missing-amount', 'Neither a debit nor a credit is given', '', 'error');
    rejected = true;
  }
  // A posting date and a period that disagree: keep the period, but say so. No period: take it from the date.
  const posting = b.postingDateSlot >= 0 ? dateValues[b.postingDateSlot]! : 0;
  // A line dated in another financial year would add to this year's period of the same month (October 2012 to
  // 2017/18's P7): refused, with the dates of the year it is imported into. A year-end adjustment (P13 and
  // later) may be posted up to the end of June after the year closes.
  if (!rejected && posting !== 0 && r.year !== null) {
    const first = r.year * 10000 + 401;
    const last = (r.year + 1) * 10000 + 331;
    const adjustment = period > 12 && posting > last && posting <= (r.year + 1) * 10000 + 630;
    if ((posting < first || posting > last) && !adjustment) {
      const col = b.dateColumns[b.postingDateSlot]!;
      addIssue(
        log,
        line,
        col.header,
        'date-outside-year',
        `The posting date ${formatYmd(posting)} is not in ${formatFinancialYear({ startYear: r.year })} (1 April ${r.year} to 31 March ${r.year + 1}), the year this file is imported into`,
        cells[col.index] ?? '',
        'error',
      );
      rejected = true;
    }
  }
  if (!rejected && posting !== 0) {
    const fromDate = periodOfYmd(posting);
    if (period === 0) period = fromDate;
    else if (period <= 12 && fromDate !== period) {
      addIssue(
        log,
        line,
        periodColumn?.header ?? 'Period',
        'period-date-mismatch',
        `Period P${period} but the posting date ${formatYmd(posting)} falls in P${fromDate}`,
        cells[periodColumn?.index ?? 0] ?? '',
        'warning',
      );
      warned = true;
    }
  }
  if (cells.length < headerWidth) {
    addIssue(
      log,
      line,
      '',
      'missing-cells',
      `This row has ${cells.length === 1 ? '1 cell' : `${cells.length} cells`} but the header has ${headerWidth}; the missing cells were read as blank`,
      cells.join(r.delimiter),
      'warning',
    );
    warned = true;
  }
  if (r.kind === 'ledger' && !b.split && b.amountColumns.length > 0 && amounts[0] === null && !amountError) {
    addIssue(
      log,
      line,
      b.amountColumns[0]!.header,
      'missing-amount',
      'No amount is given: a ledger line needs its value (a blank cell is missing, not nil; write 0 or - for nil)',
      '',
      'error',
    );
    rejected = true;
  }
  if (cells.length > headerWidth) {
    // More cells than the header: the cells may be shifted, so the row is never read as if they were not.
    // An amount with an unquoted thousands separator is the usual cause, and is named when the cells show it.
    const split = r.delimiter === ',' ? unquotedThousands(b, cells, headerWidth) : undefined;
    const extra = cells.slice(headerWidth);
    if (split !== undefined) {
      addIssue(
        log,
        line,
        split.header,
        'too-many-cells',
        `This row has ${cells.length} cells but the header has ${headerWidth}: ${split.header} ${split.parts.map((p) => `"${p}"`).join(' then ')} looks like ${split.joined} written without quotes round it, so its ${split.parts.length > 2 ? 'commas split it' : 'comma split it'} into ${split.parts.length} cells and moved the cells after it. The row was not imported`,
        split.joined,
        'error',
      );
      rejected = true;
    } else if (extra.some((c) => c.trim() !== '')) {
      addIssue(
        log,
        line,
        '',
        'too-many-cells',
        `This row has ${cells.length} cells but the header has ${headerWidth}, so its cells cannot be matched to the columns (a delimiter inside a cell without quotes round it?). The row was not imported`,
        cells.join(r.delimiter),
        'error',
      );
      rejected = true;
    } else {
      // Only empty cells past the header (a trailing delimiter, as many exports write): nothing is lost by
      // not reading them, but a row whose cells moved one to the right, with its last column blank, looks
      // the same, so it is said.
      addIssue(
        log,
        line,
        '',
        'extra-cells',
        `This row has ${cells.length} cells but the header has ${headerWidth}; the extra cells are empty and were not read (if a cell of this row has a delimiter without quotes round it, its cells are shifted: check it)`,
        cells.join(r.delimiter),
        'warning',
      );
      warned = true;
    }
  }

  if (r.replaced) {
    for (let c = 0; c < cells.length; c++) {
      if (cells[c]!.includes('\uFFFD')) {
        addIssue(
          log,
          line,
          b.headers[c] ?? `column ${c + 1}`,
          'invalid-character',
          'This cell has a byte that is not valid UTF-8, shown as �: the file mixes encodings, so check this text against the source',
          cells[c]!,
          'warning',
        );
        warned = true;
      }
    }
  }

  if (rejected) return ROW_REJECTED;
  r.period = period;
  r.warned = warned;
  return ROW_ACCEPTED;
}

/** One point followed by exactly three digits, and no other separator: 1.000, -12.500, (£1.000). */
const POINT_THOUSANDS = /^\s*[-(]?\s*£?\s*\d{1,3}\.\d{3}\s*\)?\s*$/;

const SIDE_UNKNOWN = 1;
const SIDE_NEGATIVE_DEBIT = 2;

/** A debit/credit indicator: 1 a debit (S, D, Dr, Debit), -1 a credit (H, C, Cr, Credit), 0 anything else. */
function sideOf(raw: string): 1 | -1 | 0 {
  const s = raw.trim().toUpperCase();
  if (s === 'S' || s === 'D' || s === 'DR' || s === 'DEBIT') return 1;
  if (s === 'H' || s === 'C' || s === 'CR' || s === 'CREDIT') return -1;
  return 0;
}

/** A cell that reads as a date (only on rows without codes, whose shape is in question). */
function isDate(raw: string): boolean {
  return raw !== '' && (fastDate(raw) !== 0 || parseDate(raw).ok);
}

/** A skipped row's label: its label cell, or else its first cell with text. */
export function rowLabel(b: Binding, cells: readonly string[]): string {
  return (cells[b.labelColumn] ?? '').trim() || cells.find((c) => c.trim() !== '')?.trim() || '';
}

/**
 * A row with more cells than its header, read as the writer likely meant it: an amount cell and the cells
 * after it that together read as one grouped amount (`1` and `234.56` are 1,234.56), using up no more than
 * the row's extra cells. The first such amount column, or undefined.
 */
function unquotedThousands(
  b: Binding,
  cells: readonly string[],
  headerWidth: number,
): { header: string; parts: string[]; joined: string } | undefined {
  const extra = cells.length - headerWidth;
  for (const col of b.amountCells) {
    const first = cells[col.index] ?? '';
    if (!/^\s*[-(£]*\s*\d{1,3}\s*$/.test(first)) continue;
    for (let k = extra; k >= 1; k--) {
      const parts = cells.slice(col.index, col.index + k + 1);
      if (parts.length !== k + 1 || !parts.slice(1).every((p) => /^\d{3}/.test(p))) continue;
      const joined = parts.join(',').trim();
      const p = parsePence(joined, col.scale);
      if (p.ok && p.value !== null) return { header: col.header, parts: parts.map((c) => c.trim()), joined };
    }
  }
  return undefined;
}

/**
 * A Debit/Credit row's value is debit minus credit. Said on the row, not silently: a negative credit, which
 * that reads as a debit (a file that writes its credits as negative numbers would have every sign wrong), and
 * a row with both a debit and a credit, which it nets. Only on the rare row that has one of them.
 */
function splitWarnings(r: RowReader, cells: readonly string[], line: number, negative: boolean, both: boolean): void {
  const sides = r.binding.splitColumns;
  if (negative) {
    for (const [col, sign] of sides) {
      const raw = cells[col.index] ?? '';
      const p = parsePence(raw, col.scale);
      if (sign === -1 && p.ok && p.value !== null && p.value < 0) {
        addIssue(
          r.log,
          line,
          col.header,
          'negative-credit',
          `The credit "${raw.trim()}" is negative, so it was read as a debit (debit minus credit); if this file writes its credits as negative numbers, this row's sign is wrong`,
          raw,
          'warning',
        );
      }
    }
  }
  if (both) {
    const given = sides.filter(([col]) => {
      const p = parsePence(cells[col.index] ?? '', col.scale);
      return p.ok && p.value !== null && p.value !== 0;
    });
    addIssue(
      r.log,
      line,
      given.map(([col]) => col.header).join('/'),
      'debit-and-credit',
      `This row has both ${given.map(([col, sign]) => `${sign === 1 ? 'a debit' : 'a credit'} (${(cells[col.index] ?? '').trim()})`).join(' and ')}; it was read as debit minus credit, ${penceToPounds(pence(r.amounts[0] ?? 0))}, not as two lines`,
      given.map(([col]) => (cells[col.index] ?? '').trim()).join(' / '),
      'warning',
    );
  }
}
