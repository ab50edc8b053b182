import {
  financialYearOf,
  formatFinancialYear,
  parseDate,
  parseFinancialYear,
  parsePeriod,
} from '../domain/core/period';
import type { ColumnMapping } from './column-mapping';
import type { DatasetKind } from './dataset-kinds';
import { readYearPeriod } from './period-cells';

/*
 * Which financial year (and, for a monthly return, which month) a file is for, read from what the file says:
 * a year column, posting dates, a title line above the header ("Revenue monitoring 2018/19, period 6"), or
 * headers that carry a year or a balance date ("Budget 2018/19", "Balance 1/4/18", "Balance 31/3/19").
 * Each source gives its years with the evidence in words; when the sources disagree, or one source names
 * several years with none ahead, the year is left open and a question says why: asked, never guessed.
 * The file's name is never read here.
 */

export interface YearGuess {
  /** The financial year by its first calendar year (2018 = 2018/19); null when the file does not say, or says two. */
  year: number | null;
  /** The period (1-12) a monitoring return is as at; null for whole-year data and ledgers. */
  month: number | null;
  /** What the file says, in words, one line a source. */
  evidence: string[];
  /** Why the year is open, when it is: what the user is asked to settle. */
  question: string | null;
}

export interface YearInput {
  kind: DatasetKind;
  /** Records above the header row (titles, notes). */
  titleRecords: readonly (readonly string[])[];
  headers: readonly string[];
  /** Data records below the header (the preview's, or the first rows of a stored dataset). */
  rows: readonly (readonly string[])[];
  mapping: ColumnMapping;
}

const label = (year: number): string => formatFinancialYear({ startYear: year });

/** Years named in a piece of text: "2018/19", "2018-19", "2018/2019", "FY2018/19". */
function namedYears(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{4}|\d{2})(?!\d)/gi)) {
    const parsed = parseFinancialYear(`${m[1] ?? ''}/${m[2] ?? ''}`);
    if (parsed.ok) out.push(parsed.value.startYear);
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const fullYear = (digits: string): number => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));

/**
 * Balance dates in a heading: an opening "1/4/18", "1 April 2018", "01.04.2018" gives the year that starts then;
 * a closing "31/3/19", "31 March 2019" the year that ends then. Two-digit years are read as 20yy: these are
 * column headings of a balance sheet, not data.
 */
function balanceDateYears(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\b(0?1|31)\s*[/.-]\s*(0?4|0?3)\s*[/.-]\s*(\d{4}|\d{2})\b/g)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = fullYear(m[3]!);
    if (day === 1 && month === 4) out.push(year);
    else if (day === 31 && month === 3) out.push(year - 1);
  }
  for (const m of text.matchAll(/\b(1|1st|31|31st)\s+(april|apr|march|mar)\.?\s+(\d{4})\b/gi)) {
    const day = Number.parseInt(m[1]!, 10);
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    const year = Number(m[3]);
    if (day === 1 && month === 4) out.push(year);
    else if (day === 31 && month === 3) out.push(year - 1);
  }
  return out;
}

/** "period 6", "P6", "month 6" in a title: the month a return is as at. */
function namedPeriod(text: string): number | null {
  const m = /\b(?:period|month|p)\s*0?(\d{1,2})\b/i.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 12 ? n : null;
}

interface Finding {
  source: string;
  years: Map<number, number>;
  /** The source's own words, given the years it found. */
  describe: (years: Map<number, number>) => string;
}

function tally(values: readonly number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

const yearsList = (years: Map<number, number>): string =>
  [...years.keys()]
    .sort((a, b) => a - b)
    .map(label)
    .join(', ');

/** The one year a source names, or the one named most often when it is clearly ahead (at least twice as often). */
function leading(years: Map<number, number>): number | null {
  const ranked = [...years.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return null;
  if (!second) return first[0];
  return first[1] >= 2 * second[1] ? first[0] : null;
}

const column = (mapping: ColumnMapping, key: string): number | null => {
  const c = mapping[key];
  return c === null || c === undefined ? null : c;
};

export function guessYear(input: YearInput): YearGuess {
  const findings: Finding[] = [];
  const evidence: string[] = [];

  const yearColumn = column(input.mapping, 'year');
  if (yearColumn !== null) {
    const values = input.rows.map((r) => (r[yearColumn] ?? '').trim()).filter((v) => v !== '');
    const years = values.flatMap((v) => {
      const p = parseFinancialYear(v);
      return p.ok ? [p.value.startYear] : [];
    });
    if (years.length > 0)
      findings.push({
        source: 'year column',
        years: tally(years),
        describe: (y) =>
          y.size === 1
            ? `The "${input.headers[yearColumn] ?? 'Year'}" column says ${yearsList(y)} on every row read (${years.length}).`
            : `The "${input.headers[yearColumn] ?? 'Year'}" column names ${yearsList(y)}.`,
      });
  }

  const dateColumn = column(input.mapping, 'postingDate');
  if (dateColumn !== null) {
    const years: number[] = [];
    for (const r of input.rows) {
      const d = parseDate((r[dateColumn] ?? '').trim());
      if (d.ok) years.push(financialYearOf(d.value).startYear);
    }
    if (years.length > 0)
      findings.push({
        source: 'posting dates',
        years: tally(years),
        describe: (y) =>
          y.size === 1
            ? `Every posting date read (${years.length}) falls in ${yearsList(y)} (1 April to 31 March).`
            : `The posting dates read fall in ${yearsList(y)}.`,
      });
  }

  // Oracle period names (APR-17) and Unit4 periods (201701) name their year; plain P1..P16 do not.
  const periodColumn = column(input.mapping, 'period');
  if (periodColumn !== null) {
    const years = input.rows.flatMap((r) => {
      const p = readYearPeriod(r[periodColumn] ?? '');
      return p ? [p.startYear] : [];
    });
    if (years.length > 0)
      findings.push({
        source: 'periods',
        years: tally(years),
        describe: (y) =>
          y.size === 1
            ? `Every period read (${years.length}) in "${input.headers[periodColumn] ?? 'Period'}" is one of ${yearsList(y)}.`
            : `The periods read in "${input.headers[periodColumn] ?? 'Period'}" are of ${yearsList(y)}.`,
      });
  }

  const titleText = input.titleRecords.map((r) => r.filter((c) => c.trim() !== '').join(' ')).filter(Boolean);
  const titleYears = titleText.flatMap((t) => [...namedYears(t), ...balanceDateYears(t)]);
  if (titleYears.length > 0)
    findings.push({
      source: 'title',
      years: tally(titleYears),
      describe: (y) => `The title above the header names ${yearsList(y)}: "${titleText.join(' / ').slice(0, 120)}".`,
    });

  const headerYears: number[] = [];
  const headerShown: string[] = [];
  for (const h of input.headers) {
    const found = [...namedYears(h), ...balanceDateYears(h)];
    if (found.length > 0) {
      headerYears.push(...found);
      headerShown.push(`"${h}"`);
    }
  }
  if (headerYears.length > 0)
    findings.push({
      source: 'headers',
      years: tally(headerYears),
      describe: (y) => `The column headings ${headerShown.slice(0, 4).join(', ')} name ${yearsList(y)}.`,
    });

  const month = guessMonth(input, titleText, evidence);

  // Each source's own verdict, then whether they agree.
  const verdicts: { source: string; year: number | null; years: Map<number, number> }[] = findings.map((f) => {
    evidence.unshift(f.describe(f.years));
    return { source: f.source, year: leading(f.years), years: f.years };
  });
  const split = verdicts.find((v) => v.year === null);
  if (split)
    return {
      year: null,
      month,
      evidence,
      question: `The ${split.source} name more than one financial year (${yearsList(split.years)}): which year is this file for?`,
    };
  const named = new Set(verdicts.map((v) => v.year!));
  if (named.size === 0)
    return {
      year: null,
      month,
      evidence,
      question:
        'The file does not say which financial year it is for (no year column, dates, title or dated headings): choose it.',
    };
  if (named.size > 1)
    return {
      year: null,
      month,
      evidence,
      question: `The file says different years: ${verdicts.map((v) => `its ${v.source} ${label(v.year!)}`).join(', ')}. Which year is it for?`,
    };
  return { year: [...named][0]!, month, evidence, question: null };
}

/** A monitoring return's month: its period column (the latest period in it), or a period named in its title. */
function guessMonth(input: YearInput, titleText: readonly string[], evidence: string[]): number | null {
  const isReturn =
    input.kind === 'outturn' &&
    column(input.mapping, 'costCentre') !== null &&
    column(input.mapping, 'period') !== null;
  const periodColumn = column(input.mapping, 'period');
  if (isReturn && periodColumn !== null) {
    const periods = new Set<number>();
    for (const r of input.rows) {
      const p = parsePeriod((r[periodColumn] ?? '').trim());
      if (p.ok && p.value <= 12) periods.add(p.value);
    }
    if (periods.size > 0) {
      const latest = Math.max(...periods);
      evidence.push(
        periods.size === 1
          ? `The period column says P${latest} on every row read: the return is as at P${latest}.`
          : `The period column holds P${[...periods].sort((a, b) => a - b).join(', P')}: the file is as at the latest, P${latest}.`,
      );
      return latest;
    }
  }
  if (input.kind === 'outturn') {
    for (const t of titleText) {
      const p = namedPeriod(t);
      if (p !== null) {
        evidence.push(`The title says period ${p}.`);
        return p;
      }
    }
  }
  return null;
}
