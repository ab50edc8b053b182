import type { ImportIssue, ImportIssueCode, RejectedRow } from './session-result';

/*
 * The issues and rejected rows of one import, bounded: the first maxIssues kept in full (values clipped,
 * hints added), every one counted by its code. Its own file because every step that reads cells reports
 * into it, and because what a message says about a strange value (invisible characters, a file decoded
 * twice) is a rule of its own, tested apart from the rows. Runs only on rows with something to say.
 */

/** Issues kept in full by default; beyond this they are counted by code. */
export const MAX_ISSUES = 10_000;

export interface IssueLog {
  readonly maxIssues: number;
  readonly issues: ImportIssue[];
  issueCount: number;
  readonly issuesByCode: Partial<Record<ImportIssueCode, number>>;
  /** Rejected rows as read (the first maxIssues), for the rejections download. */
  readonly rejectedRows: RejectedRow[];
}

export function newIssueLog(maxIssues: number = MAX_ISSUES): IssueLog {
  return { maxIssues, issues: [], issueCount: 0, issuesByCode: {}, rejectedRows: [] };
}

/** Counts an issue by its code, and keeps it while fewer than maxIssues are kept. */
export function addIssue(
  log: IssueLog,
  row: number,
  column: string,
  code: ImportIssueCode,
  message: string,
  value: string,
  severity: 'error' | 'warning',
): void {
  log.issueCount++;
  log.issuesByCode[code] = (log.issuesByCode[code] ?? 0) + 1;
  if (log.issues.length >= log.maxIssues) return;
  // A message that quotes a huge value quotes its start: the receipt is kept, and shown, whole.
  log.issues.push({
    row,
    column,
    code,
    message: shortenQuoted(message, value) + valueHints(value),
    value: clipValue(value),
    severity,
  });
}

/** Keeps a rejected row as read (its cells clipped), while fewer than maxIssues are kept. */
export function keepRejected(log: IssueLog, row: number, cells: readonly string[]): void {
  if (log.rejectedRows.length < log.maxIssues) log.rejectedRows.push({ row, cells: cells.map(clipValue) });
}

/** Issue values and rejected cells longer than this are cut (a 200 MB cell is not copied into the receipt). */
const MAX_VALUE_CHARS = 500;

/** A value as the receipt keeps it: whole when short, its start and its length when not. */
export function clipValue(value: string): string {
  return value.length <= MAX_VALUE_CHARS
    ? value
    : `${value.slice(0, MAX_VALUE_CHARS)}… (${value.length.toLocaleString('en-GB')} characters)`;
}

/** Characters that cannot be seen: format characters (zero-width, bidi), no-break spaces, controls. */
export const INVISIBLE = /[\p{Cf}\p{Cc}\u00A0\u2000-\u200A\u202F\u205F\u3000]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** What a message adds about a value that is not what it looks like. */
export function valueHints(value: string): string {
  const hints: string[] = [];
  if (INVISIBLE.test(value)) {
    const codes = [...new Set(value.match(INVISIBLE_ALL) ?? [])].filter((c) => c !== '\t').slice(0, 3);
    const names = codes.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    if (names.length > 0)
      hints.push(
        `it contains ${names.length === 1 ? 'a character' : 'characters'} that cannot be seen: ${names.join(', ')}`,
      );
  }
  if (/Â£|Ã[\u0080-\u00BF]/.test(value))
    hints.push(
      '"Â£" or "Ã" is how £ or an accented letter looks after a UTF-8 file was read as Windows-1252 and saved again',
    );
  return hints.length > 0 ? ` (${hints.join('; ')})` : '';
}

/** A message that quotes a long value quotes its start and end. */
export function shortenQuoted(message: string, value: string): string {
  if (value.length <= 60 || !message.includes(value)) return message;
  return message.replace(
    value,
    `${value.slice(0, 24)}…${value.slice(-8)}, ${value.length.toLocaleString('en-GB')} characters`,
  );
}
