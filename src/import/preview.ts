import {
  suggestKind,
  suggestMapping,
  type ColumnMapping,
  type ColumnScale,
  type MappingSuggestion,
} from './column-mapping';
import {
  authoritiesOf,
  lineMapping,
  matchAuthority,
  MAX_AUTHORITIES,
  otherKindMessage,
  readAuthorityReturn,
  someAuthorities,
  type AuthorityEntry,
  type AuthorityReturn,
  type AuthorityRowPlan,
} from './authority-returns';
import { KIND_COLUMNS, type DatasetKind } from './dataset-kinds';
import { amountUnit, UNIT_CHOSEN } from './amount-units';
import type { EncodingEvidence } from './decode';
import type { ImportPlan } from './import-plan';
import { MAX_ROW_CHARS, normalise, RecordReader } from './record-reader';
import { guessYear, type YearGuess } from './year-evidence';
import { formatFinancialYear } from '../domain/core/period';
import { detectDelimiter, detectHeaderRow, detectNewline, type Delimiter, type Newline } from './sniff';

/*
 * What the user sees before importing: the layout as detected (with reasons), the first rows, the
 * suggested kind and column mapping. Every choice can be overridden and the preview recomputed.
 */

export const PREVIEW_CHARS = 256 * 1024;
const PREVIEW_RECORDS = 200;
/** Excel's limit: a header wider than this is not a table anyone exported. */
const MAX_COLUMNS = 16_384;

export interface PreviewChoices {
  /** An Excel workbook's sheet to read (run-import.ts); by default its first visible sheet. */
  sheet?: string;
  headerIndex?: number;
  kind?: DatasetKind;
  delimiter?: Delimiter;
  mapping?: ColumnMapping;
  /** The financial year (first calendar year) and month the user set; undefined: as the file says. */
  year?: number | null;
  month?: number | null;
  /** An MHCLG revenue return's authority, by its name or code as the file writes it. */
  authority?: string;
  /** The unit of amount columns the user set, by canonical key; the others as the file says (amount-units.ts). */
  scales?: Record<string, ColumnScale>;
}

/** An MHCLG revenue return as previewed: its layout, its authorities, and the row or rows the choice names. */
export interface AuthorityPreview extends AuthorityReturn {
  /** The user's choice as given; null: none yet. */
  choice: string | null;
  /** The rows it names (of the import's year, in a multi-year file whose year is set). */
  chosen: AuthorityEntry[];
  /** What the import follows, once a row is chosen and the kind is one its lines can be (budget or outturn). */
  plan: AuthorityRowPlan | null;
}

export interface Preview {
  fileName: string;
  size: number;
  encoding: EncodingEvidence;
  newline: Newline;
  delimiter: Delimiter;
  delimiterReason: string;
  /** The first records of the file, as split (titles and notes included). */
  records: string[][];
  headerIndex: number;
  headerReason: string;
  headers: string[];
  suggestion: MappingSuggestion;
  /** Suggested from the headers; kept when the user picks a kind. */
  suggestedKind: DatasetKind;
  /** Each mapped amount column's unit, by canonical key, and where it came from (said beside its choice). */
  scales: Record<string, ColumnScale>;
  scaleReasons: Record<string, string>;
  /** The year and month the file says, with the evidence (or the question, when it does not say one). */
  yearGuess: YearGuess;
  /** The year and month the import will record: the user's where set, else the file's. */
  year: number | null;
  month: number | null;
  /** Why the file cannot be read as a table at all (one endless line), when it cannot. */
  problem?: string;
  /** A layout Outturn recognises and converts (an MHCLG revenue return), named in words. */
  layout?: string;
  authorityReturn?: AuthorityPreview;
}

/** The first records of a sample, read as the import will read them (the same row numbers). */
function readRecords(text: string, delimiter: Delimiter, limit: number): string[][] {
  const records: string[][] = [];
  const reader = new RecordReader(delimiter, (cells) => {
    if (records.length < limit) records.push(cells);
  });
  reader.push(text);
  reader.finish();
  return records;
}

export function buildPreview(
  fileName: string,
  size: number,
  encoding: EncodingEvidence,
  sample: string,
  choices: PreviewChoices = {},
  /** An MHCLG revenue return's authorities, read from the whole file where the sample holds only its first rows. */
  authorities?: AuthorityEntry[],
): Preview {
  const raw = sample.replace(/^\uFEFF/, '');
  // The line ending is reported as found; rows are read with any line ending (as the import reads them).
  const newline = detectNewline(raw);
  const endless = raw.length > MAX_ROW_CHARS && raw.search(/[\r\n]/) < 0;
  const text = endless ? raw.slice(0, 200) : normalise(raw);
  const guess = choices.delimiter
    ? { delimiter: choices.delimiter, reason: 'chosen by you' }
    : detectDelimiter(text, '\n');
  const records = readRecords(text, guess.delimiter, PREVIEW_RECORDS);
  const header =
    choices.headerIndex !== undefined
      ? { index: choices.headerIndex, reason: `row ${choices.headerIndex + 1}: chosen by you` }
      : detectHeaderRow(records);
  const headers = (records[header.index] ?? []).map((h) => h.trim());
  // An MHCLG revenue return (a row per authority, a column per service): one authority's row read as lines.
  const found = readAuthorityReturn(
    headers,
    records.slice(0, header.index),
    records.slice(header.index + 1),
    header.index + 2,
  );
  if (found && authorities) found.authorities = authorities;
  else if (found && records.length >= PREVIEW_RECORDS) {
    // The picker lists every authority of the sample, not only the rows shown.
    const all = readRecords(text, guess.delimiter, header.index + 1 + MAX_AUTHORITIES);
    found.authorities = authoritiesOf(found, all.slice(header.index + 1), header.index + 2);
  }
  const detected = found ? suggestMapping(headers, found.kind) : suggestKind(headers);
  const kind = choices.kind ?? detected.kind;
  const authorityReturn = found ? authorityPreview(found, kind, headers, choices) : undefined;
  const suggestion = authorityReturn
    ? { ...detected, mapping: lineMapping(authorityReturn.kind).mapping }
    : choices.kind && choices.kind !== detected.kind
      ? suggestMapping(headers, kind)
      : detected;
  const mapping = authorityReturn?.plan
    ? lineMapping(kind === 'budget' ? 'budget' : 'outturn').mapping
    : (choices.mapping ?? suggestion.mapping);
  const scales: Record<string, ColumnScale> = {};
  const scaleReasons: Record<string, string> = {};
  if (authorityReturn?.plan) {
    const key = lineMapping(kind === 'budget' ? 'budget' : 'outturn').amountKey;
    scales[key] = 'thousands';
    scaleReasons[key] = 'as the revenue return gives its figures';
  } else
    for (const c of KIND_COLUMNS[kind]) {
      const index = mapping[c.key];
      if (c.type !== 'amount' || index === null || index === undefined) continue;
      const chosen = choices.scales?.[c.key];
      const unit = chosen
        ? { scale: chosen, reason: UNIT_CHOSEN }
        : amountUnit(headers[index] ?? '', records.slice(0, header.index), index);
      scales[c.key] = unit.scale;
      scaleReasons[c.key] = unit.reason;
    }
  const yearGuess = authorityReturn
    ? returnYear(authorityReturn, kind, records.slice(0, header.index), headers)
    : guessYear({
        kind,
        titleRecords: records.slice(0, header.index),
        headers,
        rows: records.slice(header.index + 1),
        mapping,
      });
  const year = choices.year !== undefined ? choices.year : yearGuess.year;
  if (authorityReturn) narrowToYear(authorityReturn, year);
  const problem =
    authorityReturn && !authorityReturn.plan ? returnProblem(authorityReturn, kind, fileName, year) : null;
  return {
    fileName,
    size,
    encoding,
    newline,
    delimiter: guess.delimiter,
    delimiterReason: guess.reason,
    records,
    headerIndex: header.index,
    headerReason: header.reason,
    headers,
    suggestion: { ...suggestion, kind, mapping },
    suggestedKind: detected.kind,
    scales,
    scaleReasons,
    yearGuess,
    year,
    month: choices.month !== undefined ? choices.month : yearGuess.month,
    ...(authorityReturn ? { layout: authorityReturn.name, authorityReturn } : {}),
    ...(endless
      ? {
          problem: `Row 1 runs on for more than ${MAX_ROW_CHARS.toLocaleString('en-GB')} characters without a line break, so this is not a table of rows Outturn can read (rows may be up to ${MAX_ROW_CHARS.toLocaleString('en-GB')} characters). Check that this is the CSV export.`,
        }
      : headers.length > MAX_COLUMNS
        ? {
            problem: `The header row (row ${header.index + 1}) has ${headers.length.toLocaleString('en-GB')} columns; Outturn reads files of up to ${MAX_COLUMNS.toLocaleString('en-GB')} columns (a spreadsheet's limit). Check the delimiter, or export fewer columns.`,
          }
        : problem !== null
          ? { problem }
          : {}),
  };
}

/** What stops an import before it starts: required columns not mapped. */
export function planProblems(preview: Preview): string[] {
  if (preview.problem) return [preview.problem];
  // A return's lines are mapped by its conversion (the service an Area, the figure the amount), not by its headers.
  if (preview.authorityReturn?.plan) return [];
  if (preview.headers.every((h) => h === ''))
    return [
      'No header row was found: no row of the file names its columns. Point at the row that does, or check that this is the right file.',
    ];
  const { kind, mapping } = preview.suggestion;
  const problems = KIND_COLUMNS[kind]
    .filter((c) => c.required && (mapping[c.key] === null || mapping[c.key] === undefined))
    .map((c) => `Map a column to "${c.label}": a ${kind} file needs one.`);
  if (
    kind === 'ledger' &&
    [mapping.amount, mapping.debit, mapping.credit].every((m) => m === null || m === undefined)
  ) {
    problems.push('Map an "Amount" column, or "Debit" and "Credit" columns: a ledger needs the value of each line.');
  }
  return problems;
}

export function planOf(preview: Preview, profileName: string | null = null): ImportPlan {
  return {
    fileName: preview.fileName,
    size: preview.size,
    encoding: preview.encoding,
    newline: preview.newline,
    delimiter: preview.delimiter,
    delimiterReason: preview.delimiterReason,
    headerIndex: preview.headerIndex,
    headerReason: preview.headerReason,
    kind: preview.suggestion.kind,
    mapping: preview.suggestion.mapping,
    scales: preview.scales,
    profileName,
    year: preview.year,
    month: preview.month,
    yearEvidence: yearEvidenceOf(preview),
    ...(preview.authorityReturn?.plan ? { authority: preview.authorityReturn.plan } : {}),
  };
}

/** The words kept with the dataset for where its year and month came from. */
function yearEvidenceOf(preview: Preview): string[] {
  const { yearGuess } = preview;
  const set = preview.year !== yearGuess.year || preview.month !== yearGuess.month;
  return set ? ['Year and month set by you at import.', ...yearGuess.evidence] : yearGuess.evidence;
}

/**
 * What stops the import of a file into a year: no year known. Apart from planProblems because the command
 * line checks a file without storing it, and needs no year to do so.
 */
export function yearProblem(preview: Preview): string | null {
  if (preview.year !== null) return null;
  return preview.yearGuess.question ?? 'Choose the financial year this file is for.';
}

/** The return with the user's choice applied: the rows it names, and the plan once the kind can take its lines. */
function authorityPreview(
  found: AuthorityReturn,
  kind: DatasetKind,
  headers: readonly string[],
  choices: PreviewChoices,
): AuthorityPreview {
  const choice = choices.authority?.trim() ? choices.authority.trim() : null;
  const chosen = choice === null ? [] : matchAuthority(found.authorities, choice);
  const plan: AuthorityRowPlan | null =
    chosen.length > 0 && (kind === 'budget' || kind === 'outturn')
      ? {
          layout: found.name,
          authority: choice!,
          nameColumn: found.nameColumn,
          codeColumn: found.codeColumn,
          yearColumn: found.yearColumn,
          services: found.services,
          fileHeaders: [...headers],
        }
      : null;
  return { ...found, choice, chosen, plan };
}

/**
 * A return's year: its title ("Revenue outturn 2017-18"), or the year_ending of the rows chosen (of every row,
 * while none is) in the multi-year CSV. Several years there leave it open, to be chosen as for any file.
 */
function returnYear(
  ret: AuthorityPreview,
  kind: DatasetKind,
  titleRecords: readonly (readonly string[])[],
  headers: readonly string[],
): YearGuess {
  const rows = ret.chosen.length === 0 ? ret.authorities : ret.chosen;
  const years = rows.flatMap((a) => (a.year === null ? [] : [[formatFinancialYear({ startYear: a.year })]]));
  return ret.yearColumn >= 0
    ? guessYear({ kind, titleRecords, headers: [headers[ret.yearColumn] ?? ''], rows: years, mapping: { year: 0 } })
    : guessYear({ kind, titleRecords, headers: [], rows: [], mapping: {} });
}

/** In a multi-year file whose year is known, the chosen rows are that year's; a year without the row is said. */
function narrowToYear(ret: AuthorityPreview, year: number | null): void {
  if (ret.yearColumn < 0 || year === null) return;
  const ofYear = ret.chosen.filter((a) => a.year === year);
  if (ofYear.length === ret.chosen.length) return;
  ret.chosen = ofYear;
  if (ofYear.length === 0) ret.plan = null;
}

/** Why a return cannot be read yet: no authority chosen, one the file does not have, or a kind its lines cannot be. */
function returnProblem(ret: AuthorityPreview, kind: DatasetKind, fileName: string, year: number | null): string {
  if (kind !== 'budget' && kind !== 'outturn') return otherKindMessage(ret, kind);
  if (ret.choice === null) return ret.message;
  const ofYear = ret.yearColumn >= 0 && year !== null ? ` ${formatFinancialYear({ startYear: year })}` : '';
  return `No${ofYear} row of ${fileName} is for "${ret.choice}" (by the "${ret.nameHeader}" column${ret.codeColumn >= 0 ? ' or the code beside it' : ''}). Its rows: ${someAuthorities(ret)}.`;
}
