import Papa from 'papaparse';
import { scaleOfHeader, suggestKind, suggestMapping, type ColumnMapping, type ColumnScale, type MappingSuggestion } from './column-mapping';
import { KIND_COLUMNS, type DatasetKind } from './dataset-kinds';
import type { EncodingEvidence } from './decode';
import type { ImportPlan } from './import-session';
import { detectDelimiter, detectHeaderRow, detectNewline, type Delimiter, type Newline } from './sniff';

/*
 * What the user sees before importing: the layout as detected (with reasons), the first rows, the
 * suggested kind and column mapping. Every choice can be overridden and the preview recomputed.
 */

export const PREVIEW_CHARS = 256 * 1024;
const PREVIEW_RECORDS = 200;

export interface PreviewChoices {
  headerIndex?: number;
  kind?: DatasetKind;
  delimiter?: Delimiter;
  mapping?: ColumnMapping;
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
  scales: Record<string, ColumnScale>;
}

export function buildPreview(fileName: string, size: number, encoding: EncodingEvidence, sample: string, choices: PreviewChoices = {}): Preview {
  const text = sample.replace(/^\uFEFF/, '');
  const newline = detectNewline(text);
  const guess = choices.delimiter ? { delimiter: choices.delimiter, reason: 'chosen by you' } : detectDelimiter(text, newline);
  const records = Papa.parse<string[]>(text, { delimiter: guess.delimiter, newline, preview: PREVIEW_RECORDS }).data;
  const header = choices.headerIndex !== undefined ? { index: choices.headerIndex, reason: `row ${choices.headerIndex + 1}: chosen by you` } : detectHeaderRow(records);
  const headers = (records[header.index] ?? []).map((h) => h.trim());
  const detected = suggestKind(headers);
  const kind = choices.kind ?? detected.kind;
  const suggestion = choices.kind && choices.kind !== detected.kind ? suggestMapping(headers, kind) : detected;
  const mapping = choices.mapping ?? suggestion.mapping;
  const scales: Record<string, ColumnScale> = {};
  for (const c of KIND_COLUMNS[kind]) {
    const index = mapping[c.key];
    if (c.type === 'amount' && index !== null && index !== undefined) scales[c.key] = scaleOfHeader(headers[index] ?? '');
  }
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
  };
}

/** What stops an import before it starts: required columns not mapped. */
export function planProblems(preview: Preview): string[] {
  const { kind, mapping } = preview.suggestion;
  const problems = KIND_COLUMNS[kind]
    .filter((c) => c.required && (mapping[c.key] === null || mapping[c.key] === undefined))
    .map((c) => `Map a column to "${c.label}": a ${kind} file needs one.`);
  if (kind === 'ledger' && [mapping.amount, mapping.debit, mapping.credit].every((m) => m === null || m === undefined)) {
    problems.push('Map an "Amount" column, or "Debit" and "Credit" columns: a ledger needs the value of each line.');
  }
  if (preview.headers.length === 0) problems.push('No header row was found: point at the row that names the columns.');
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
  };
}
