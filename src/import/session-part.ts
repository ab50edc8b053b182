import type { ControlTotals, SlotTotals } from './control-totals';
import type { IssueLog } from './issue-log';
import type { AggregatesPart } from './ledger-aggregates';
import type { RowCounts } from './session-result';

/*
 * A part of a file read apart from the rest, on the other core (split-import.ts): where it starts, and what the
 * session made of it, for the session that read the file up to that start to take in as if it had read the part
 * itself. Plain data (structured-cloneable): it crosses from one worker to another. The merging rules are here,
 * each exact: counts and sums add (integers), issues and rejected rows follow the first part's, in file order,
 * kept in full while fewer than the log's limit are.
 */

/** Where a part starts: its header (bound without a word: the header's issues are the first part's) and its place. */
export interface PartStart {
  header: string[];
  /** The part's first record's index in the file (0 = the file's first record). */
  recordIndex: number;
  /** The file's line on which that record starts. */
  line: number;
  /** The number of the part's first chunk. */
  chunkIndex: number;
}

/** A column's cells that run across line breaks (import-session.ts, lonelySpans): how many, and the first. */
export interface Span {
  count: number;
  row: number;
  from: number;
  to: number;
  value: string;
}

/** The counts a session keeps as it reads (the receipt's RowCounts adds lines and more at the end). */
export type Counts = Pick<
  RowCounts,
  'read' | 'accepted' | 'acceptedWithWarnings' | 'rejected' | 'skipped' | 'blank' | 'preamble'
>;

export interface SessionPart {
  start: Omit<PartStart, 'header'>;
  /** Where the part's reading stopped: the next record's index, its line, and the next chunk's number. */
  recordIndex: number;
  line: number;
  chunkIndex: number;
  counts: Counts;
  multiLineRows: number;
  signedFromSide: number;
  spans: [column: number, span: Span][];
  log: Omit<IssueLog, 'maxIssues'>;
  totals: Omit<ControlTotals, 'checks'>;
  aggregates: AggregatesPart;
  codedRows: number;
  uncodedRows: number;
}

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Whether a part's sums can join the first part's and stay exact. Each side's sum only grows away from zero as
 * rows are added, so when the joined sums are within 2^53 pence, no row of the part would have been refused for
 * taking them beyond it, had one session read both parts.
 */
export function totalsJoinExactly(a: ControlTotals, b: SessionPart['totals']): boolean {
  for (let s = 0; s < a.slots.length; s++) {
    const x = a.slots[s]!;
    const y = b.slots[s];
    if (!y || x.debit + y.debit > MAX || x.credit + y.credit < -MAX) return false;
  }
  if (a.sides || b.sides) {
    if (!a.sides || !b.sides) return false;
    for (let k = 0; k < 2; k++) if (a.sides.magnitude[k]! + b.sides.magnitude[k]! > MAX) return false;
  }
  return a.slots.length === b.slots.length;
}

function addSlot(into: SlotTotals, from: SlotTotals): void {
  into.debit += from.debit;
  into.credit += from.credit;
  for (let p = 0; p < into.debitByPeriod.length; p++) {
    into.debitByPeriod[p]! += from.debitByPeriod[p]!;
    into.creditByPeriod[p]! += from.creditByPeriod[p]!;
    into.seen[p] = into.seen[p]! || from.seen[p]!;
  }
}

/** Adds a later part's sums (checked by totalsJoinExactly) to the first part's. */
export function addTotals(into: ControlTotals, from: SessionPart['totals']): void {
  into.slots.forEach((slot, s) => addSlot(slot, from.slots[s]!));
  if (into.sides && from.sides) {
    addSlot(into.sides, from.sides);
    for (let k = 0; k < 2; k++) {
      into.sides.sinceLastTotal[k]! += from.sides.sinceLastTotal[k]!;
      into.sides.sinceStart[k]! += from.sides.sinceStart[k]!;
      into.sides.magnitude[k]! += from.sides.magnitude[k]!;
    }
  }
  for (let s = 0; s < into.sinceLastTotal.length; s++) {
    into.sinceLastTotal[s]! += from.sinceLastTotal[s]!;
    into.sinceStart[s]! += from.sinceStart[s]!;
  }
}

/** Appends a later part's issues and rejected rows, as one log would have kept them. */
export function addLog(into: IssueLog, from: SessionPart['log']): void {
  into.issueCount += from.issueCount;
  for (const [code, n] of Object.entries(from.issuesByCode) as [keyof IssueLog['issuesByCode'], number][])
    into.issuesByCode[code] = (into.issuesByCode[code] ?? 0) + n;
  for (const i of from.issues) if (into.issues.length < into.maxIssues) into.issues.push(i);
  for (const r of from.rejectedRows) if (into.rejectedRows.length < into.maxIssues) into.rejectedRows.push(r);
}

/** Adds a later part's cells across line breaks: the count adds, the first stays the first. */
export function addSpans(into: Map<number, Span>, from: SessionPart['spans']): void {
  for (const [c, s] of from) {
    const seen = into.get(c);
    if (seen) seen.count += s.count;
    else into.set(c, { ...s });
  }
}

export function addCounts(into: Counts, from: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += from[k];
}
