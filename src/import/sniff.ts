import Papa from 'papaparse';
import { headerLikeness } from './column-mapping';

/*
 * Reading a file's layout from its first part: line endings, delimiter, and the header row (found below
 * titles, notes and blank lines). Every guess comes with its reason and can be overridden by the user.
 */

export type Newline = '\r\n' | '\n' | '\r';
export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
export const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};
export const NEWLINE_NAMES: Readonly<Record<Newline, string>> = {
  '\r\n': 'CRLF (Windows)',
  '\n': 'LF (Unix)',
  '\r': 'CR (old Mac)',
};

/** The line ending used most outside quoted fields in the sample. */
export function detectNewline(sample: string): Newline {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 13) {
      if (sample.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (!quoted && c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

export interface DelimiterGuess {
  delimiter: Delimiter;
  reason: string;
}

/**
 * The delimiter that splits the most lines into the same number of fields (more than one).
 * Quote-aware: a comma inside "Smith, J" does not count.
 */
export function detectDelimiter(sample: string, newline: Newline): DelimiterGuess {
  let best: { delimiter: Delimiter; consistent: number; fields: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, newline, preview: 60, skipEmptyLines: 'greedy' }).data;
    const counts = new Map<number, number>();
    for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let fields = 1;
    let consistent = 0;
    for (const [n, c] of counts) {
      if (c > consistent || (c === consistent && n > fields)) {
        consistent = c;
        fields = n;
      }
    }
    if (
      consistent > 0 &&
      (!best || consistent > best.consistent || (consistent === best.consistent && fields > best.fields))
    ) {
      best = { delimiter, consistent, fields };
    }
  }
  if (!best) return { delimiter: ',', reason: 'no delimiter splits the lines; read as one column, comma assumed' };
  return {
    delimiter: best.delimiter,
    reason: `${best.consistent} lines split by ${DELIMITER_NAMES[best.delimiter]} into ${best.fields} fields`,
  };
}

export interface HeaderGuess {
  /** Index of the header record among the file's records (0 = first line). */
  index: number;
  reason: string;
}

const isBlank = (row: readonly string[]): boolean => row.every((c) => c.trim() === '');
const filled = (row: readonly string[]): number => row.filter((c) => c.trim() !== '').length;
const looksNumeric = (c: string): boolean => /^[\s£(+\-\u2212]*[\d,]*\.?\d+[)\s-]*(CR|DR)?$/i.test(c.trim());

/**
 * The header row: the record, among the first rows, whose cells most read as known column names
 * (at least two); failing that, the first row as wide as the data below it with no numeric cells.
 * Titles, notes and blank lines above it are not data.
 */
export function detectHeaderRow(records: readonly (readonly string[])[]): HeaderGuess {
  const candidates = records.slice(0, 50);
  let best = -1;
  let bestHits = 1;
  candidates.forEach((row, i) => {
    const hits = headerLikeness(row);
    if (hits > bestHits) {
      best = i;
      bestHits = hits;
    }
  });
  if (best >= 0) return { index: best, reason: `row ${best + 1}: ${bestHits} cells are known column names` };

  // No recognisable names: the first row whose width matches the most common width below it.
  const widths = candidates.filter((r) => !isBlank(r)).map(filled);
  const modal = mode(widths);
  const index = candidates.findIndex((r) => !isBlank(r) && filled(r) >= modal && !r.some(looksNumeric));
  if (index >= 0)
    return {
      index,
      reason: `row ${index + 1}: the first row as wide as the data (${modal} cells) with no figures in it`,
    };
  const first = candidates.findIndex((r) => !isBlank(r));
  return {
    index: Math.max(0, first),
    reason: `row ${Math.max(0, first) + 1}: the first non-blank row (no better candidate)`,
  };
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount || (c === bestCount && v > best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}
