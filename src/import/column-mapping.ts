import type { Issue, Result } from '../domain/core/result';
import { DATASET_KINDS, KIND_COLUMNS, type CanonicalColumn, type DatasetKind } from './dataset-kinds';

/** Canonical column key -> index of the file's column that feeds it (null: not in this file). */
export type ColumnMapping = Record<string, number | null>;

/** The unit each amount column is in: as its header or a title says (amount-units.ts), unless the user says otherwise. */
export type ColumnScale = 'pounds' | 'thousands';

/**
 * A header reduced to its words: case, units, printed formula letters and years removed, so
 * "Budget B/Fwd (£'000) [D]" and "budget b fwd" compare equal.
 */
function normaliseHeader(header: string): string {
  const words = header
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, ' ') // printed formula letters: [G = D+E+F]
    .replace(/\(?£\s*'?0{3}\)?|\(?£k\)?|\(£\)|£|'000/g, ' ')
    .replace(/\b(\d{1,2})\/(\d{1,2})\/\d{2,4}\b/g, '$1/$2') // "Balance 1/4/17" reads as "balance 1/4" in any year
    .replace(/\b(19|20)\d\d\s*[/-]\s*\d{2,4}\b/g, ' ') // 2017/18
    .replace(/[^a-z0-9/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A header that is only a unit ("£'000", "£") names the amount column of its table.
  return words === '' && header.includes('£') ? 'amount' : words;
}

/** The file's headers as a key: a profile saved for one file applies to the next with the same headers. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}

const containsWords = (haystack: string, needle: string): boolean =>
  needle.length > 1 && ` ${haystack} `.includes(` ${needle} `);

// Synonyms normalised once, not once per header per row: a file of 10,000 columns is matched in milliseconds.
const normalisedSynonyms = new Map<readonly string[], string[]>();
function synonymsOf(synonyms: readonly string[]): string[] {
  let list = normalisedSynonyms.get(synonyms);
  if (!list) normalisedSynonyms.set(synonyms, (list = synonyms.map(normaliseHeader)));
  return list;
}

let knownNames: Set<string> | undefined;
/** Every column name (normalised) that some kind knows exactly. */
function isKnownName(normalised: string): boolean {
  knownNames ??= new Set(DATASET_KINDS.flatMap((k) => KIND_COLUMNS[k].flatMap((c) => synonymsOf(c.synonyms))));
  return knownNames.has(normalised);
}

/**
 * How well a header answers to a canonical column: 2 exact, 1 partial (whole words), 0 not at all. A partial
 * match takes a header that contains a name ("Net Amount GBP" for "net amount"), or a name that contains a
 * header of two words or more ("Full Year" in "full year budget"); a one-word header is not taken for any
 * name that has its word ("Date" is not "spend to date"). An amount is never matched partly by a header that
 * names something else (Budget_Type, Amount Code, Payment Date).
 *
 * Also the rank of the name it matched (0 the label, then the synonyms in the order listed): where
 * two of a file's columns answer to one canonical column, the one answering to the earlier name is taken, so
 * "Expense Type" is the subjective of a card-spend file whatever column "Merchant Category" sits in.
 */
function matchOf(
  normalised: string,
  synonyms: readonly string[],
  type?: CanonicalColumn['type'],
): { score: number; rank: number } {
  const names = synonymsOf(synonyms);
  let partialRank = -1;
  for (let r = 0; r < names.length; r++) {
    const n = names[r]!;
    if (n === normalised) return { score: 2, rank: r };
    if (
      partialRank < 0 &&
      normalised.length > 2 &&
      (containsWords(normalised, n) || (normalised.includes(' ') && containsWords(n, normalised)))
    )
      partialRank = r;
  }
  if (partialRank < 0 || (type === 'amount' && NOT_AN_AMOUNT.test(normalised))) return { score: 0, rank: -1 };
  return { score: 1, rank: partialRank };
}

/** Words in a header that say its column is not an amount. */
const NOT_AN_AMOUNT = /\b(type|code|name|description|category|id|no|number|date|reference|ref|flag|status|unit)\b/;

export interface MappingSuggestion {
  kind: DatasetKind;
  mapping: ColumnMapping;
  /** Canonical keys matched exactly, partly, and required ones not found. */
  exact: string[];
  partial: string[];
  missingRequired: string[];
}

/** Maps headers onto a kind's columns: exact names first, then whole-word partial matches; each header used once. */
export function suggestMapping(headers: readonly string[], kind: DatasetKind): MappingSuggestion {
  const columns = KIND_COLUMNS[kind];
  const normalised = headers.map(normaliseHeader);
  const mapping: ColumnMapping = Object.fromEntries(columns.map((c) => [c.key, null]));
  const used = new Set<number>();
  const exact: string[] = [];
  const partial: string[] = [];
  // A name the file gives two columns ("Amount" twice): the first may answer to its own name, but neither is
  // taken for another column by a partial match (a second Amount is no Debit). The import says so.
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const h of normalised) (seen.has(h) ? repeated : seen).add(h);
  for (const wanted of [2, 1] as const) {
    for (const c of columns) {
      if (mapping[c.key] !== null) continue;
      // Of the columns that answer at this strength, the one answering to the earliest name; the first in the
      // file where two answer to the same name.
      let index = -1;
      let bestRank = Infinity;
      normalised.forEach((h, i) => {
        if (used.has(i) || h === '' || (wanted === 1 && repeated.has(h))) return;
        const m = matchOf(h, c.synonyms, c.type);
        if (m.score === wanted && m.rank < bestRank) {
          index = i;
          bestRank = m.rank;
        }
      });
      if (index >= 0) {
        mapping[c.key] = index;
        used.add(index);
        (wanted === 2 ? exact : partial).push(c.key);
      }
    }
  }
  const missingRequired = columns.filter((c) => c.required && mapping[c.key] === null).map((c) => c.key);
  return { kind, mapping, exact, partial, missingRequired };
}

/**
 * The kind a file most likely is, from its headers: the kind with all its required columns found and the
 * most columns matched (exact counting double). Ledger wins ties because it is the commonest upload.
 */
export function suggestKind(headers: readonly string[]): MappingSuggestion {
  const scored = DATASET_KINDS.map((kind) => {
    const s = suggestMapping(headers, kind);
    // A required column not found counts against a kind, heavily but not absolutely. Weighed on real files: the
    // GLA's payments (date, vendor, document, cost element, amount: 11, but no cost centre) are a ledger that
    // needs its unit named, not carry-forward requests for having a description and an amount (3); Table 4's
    // financing (4, complete) is not a capital programme missing its scheme titles (10). Both are tested.
    const score = s.exact.length * 2 + s.partial.length - s.missingRequired.length * 7;
    return { s, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0]!.s;
}

/** How many of a row's cells read as known column names for any kind: used to find the header row. */
export function headerLikeness(cells: readonly string[]): number {
  let hits = 0;
  for (const cell of cells) {
    const n = normaliseHeader(cell);
    if (n === '' || /^[\d\s.,()£-]+$/.test(cell)) continue;
    if (isKnownName(n)) hits++;
  }
  return hits;
}

export type MappingHintCode = 'not-a-hint' | 'unknown-column' | 'unknown-header';

/**
 * A mapping told, not guessed: hints "Cost centre=Expense Area" (the kind's column by its label or key, then
 * the file's header, or "#3" for the third column; nothing after "=" to leave the column unmapped) applied
 * over a suggested mapping. A file column given to one canonical column is taken from any other, so a
 * column never feeds two. Every hint that cannot be applied is said, with what there is to choose from.
 */
export function mappingWithHints(
  headers: readonly string[],
  kind: DatasetKind,
  base: ColumnMapping,
  hints: readonly string[],
): Result<ColumnMapping, Issue<MappingHintCode>> {
  const mapping: ColumnMapping = { ...base };
  const issues: Issue<MappingHintCode>[] = [];
  const columns = KIND_COLUMNS[kind];
  for (const hint of hints) {
    const eq = hint.indexOf('=');
    if (eq < 0) {
      issues.push({ code: 'not-a-hint', message: `"${hint}" is not a mapping: write "Outturn column=File column"` });
      continue;
    }
    const name = hint.slice(0, eq).trim().toLowerCase();
    const target = hint.slice(eq + 1).trim();
    const column = columns.find((c) => c.label.toLowerCase() === name || c.key.toLowerCase() === name);
    if (!column) {
      issues.push({
        code: 'unknown-column',
        message: `A ${kind} file has no column "${hint.slice(0, eq).trim()}"; its columns: ${columns.map((c) => c.label).join(', ')}`,
      });
      continue;
    }
    if (target === '') {
      mapping[column.key] = null;
      continue;
    }
    const numbered = /^#(\d+)$/.exec(target);
    const index = numbered
      ? Number(numbered[1]) - 1
      : headers.findIndex((h) => h.trim().toLowerCase() === target.toLowerCase());
    if (index < 0 || index >= headers.length) {
      issues.push({
        code: 'unknown-header',
        message: `The file has no column "${target}" for ${column.label}; its columns: ${headers.map((h, i) => h || `#${i + 1}`).join(', ')}`,
      });
      continue;
    }
    for (const key of Object.keys(mapping)) if (mapping[key] === index) mapping[key] = null;
    mapping[column.key] = index;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: mapping };
}
