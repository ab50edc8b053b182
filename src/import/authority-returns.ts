import { formatFinancialYear } from '../domain/core/period';
import type { ColumnMapping } from './column-mapping';
import { KIND_COLUMNS, KIND_LABELS, type DatasetKind } from './dataset-kinds';

/*
 * The government's revenue returns as MHCLG (DLUHC) publishes them: the revenue account budget (RA) and the
 * revenue outturn (RO), one row per authority and a column per service (Education services, Police services ...
 * or data items such as RS_edu_net_exp in the multi-year CSV), in £ thousand. Outturn reads one body's budget or
 * outturn as lines, a service a line. Read as it stands, such a file would make every authority a cost centre and
 * keep one service column as the amount, dropping the rest; so it is recognised here, and converted: the user
 * names their authority's row (AuthorityRowPlan.authority), and the import session (authority-lines.ts) reads that
 * row's service columns as lines of the return's kind (budget for an RA, outturn for an RO), counting every other
 * row as skipped. ARCHITECTURE.md, "Dataset kinds".
 */

/** One authority's row of the return, as the picker lists it. */
export interface AuthorityEntry {
  /** The row as a spreadsheet numbers it. */
  row: number;
  name: string;
  code: string;
  /** The financial year (first calendar year) its year_ending cell says; null without one. */
  year: number | null;
}

export interface AuthorityReturn {
  /** What the file is, in words: "an MHCLG revenue outturn (RO) return". */
  name: string;
  kind: 'budget' | 'outturn';
  /** What the file is and how it is laid out, in words. */
  what: string;
  /** What to do while no authority is chosen (and why the file is not read as it stands). */
  message: string;
  /** The header naming each row's authority (its name where there is one, else its code). */
  nameHeader: string;
  nameColumn: number;
  /** The authority's code (ONS code, E-code); -1 when none, or when it is the name column. */
  codeColumn: number;
  /** The multi-year CSV's year_ending (YYYYMM); -1 when none. */
  yearColumn: number;
  /** The columns read as lines, in the file's order. */
  services: number[];
  /** The authorities of the rows read (all of them when the whole file was read for the list). */
  authorities: AuthorityEntry[];
}

/**
 * What an import of a return carries in its plan: where the authority and its services are in the file, and the
 * authority the user chose (a name or a code as written in the file).
 */
export interface AuthorityRowPlan {
  layout: string;
  authority: string;
  nameColumn: number;
  codeColumn: number;
  yearColumn: number;
  services: number[];
  /** The file's header row (trimmed): each line's Service is its column's heading. */
  fileHeaders: string[];
}

// A column naming the authority of each row: its name where there is one, else its code.
const AUTHORITY_NAME = /^(la[ _]?name|local authority( name)?|authority( name)?|council)$/i;
const AUTHORITY_CODE = /^(la[ _]?code|ons[ _]?code|e[ -]?code|local authority code)$/i;
const YEAR_ENDING = /^year[ _]?ending$/i;
// A column per service: the RA/RO's service headings, or the multi-year CSV's data item names.
const SERVICE =
  /(education|highways|transport services|social care|public health|housing services|cultural|environmental|regulatory|planning and development|police services|fire and rescue|central services|other services|total service expenditure|net current expenditure)/i;
const DATA_ITEM = /^(ra|ro\d*|rs|rsx|rg|rsg)_[a-z0-9_]+$/i;
const MIN_SERVICE_COLUMNS = 5;
/** Authorities listed for the picker: a return has about 400; the multi-year CSV one per authority and year. */
export const MAX_AUTHORITIES = 5000;

/** year_ending as the multi-year CSV writes it (201803: the year ending March 2018) to its first year (2017). */
export function yearEnding(cell: string): number | null {
  const m = /^(\d{4})(\d{2})?$/.exec(cell.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 3 : Number(m[2]);
  if (month < 1 || month > 12) return null;
  return month <= 3 ? year - 1 : year;
}

/** Authorities of records below the header (the first one numbered `firstRow`), blank records left out. */
export function authoritiesOf(
  ret: Pick<AuthorityReturn, 'nameColumn' | 'codeColumn' | 'yearColumn'>,
  rows: readonly (readonly string[])[],
  firstRow: number,
): AuthorityEntry[] {
  const out: AuthorityEntry[] = [];
  rows.forEach((r, i) => {
    const name = (r[ret.nameColumn] ?? '').trim();
    const code = ret.codeColumn >= 0 ? (r[ret.codeColumn] ?? '').trim() : '';
    if ((name === '' && code === '') || out.length >= MAX_AUTHORITIES) return;
    const year = ret.yearColumn >= 0 ? yearEnding(r[ret.yearColumn] ?? '') : null;
    out.push({ row: firstRow + i, name, code, year });
  });
  return out;
}

/** The RA or RO layout, when the headers (and the title above them) say so; null for any other file. */
export function readAuthorityReturn(
  headers: readonly string[],
  titleRecords: readonly (readonly string[])[],
  rows: readonly (readonly string[])[],
  firstRow: number,
): AuthorityReturn | null {
  const byName = headers.findIndex((h) => AUTHORITY_NAME.test(h.trim()));
  const byCode = headers.findIndex((h) => AUTHORITY_CODE.test(h.trim()));
  const nameColumn = byName >= 0 ? byName : byCode;
  if (nameColumn < 0) return null;
  const codeColumn = byName >= 0 ? byCode : -1;
  const yearColumn = headers.findIndex((h) => YEAR_ENDING.test(h.trim()));
  const services = headers.flatMap((h, i) =>
    i !== nameColumn && i !== codeColumn && (SERVICE.test(h) || DATA_ITEM.test(h.trim())) ? [i] : [],
  );
  if (services.length < MIN_SERVICE_COLUMNS) return null;

  const words = [...titleRecords.flat(), ...headers].join(' ');
  const outturn = /\bR[OS]X?\d?_|\boutturn\b|\byear[ _]ending\b|\bRO\d?\b/i.test(words);
  const budget = /\bRA_|\bRA\b|\bbudget\b|\bestimates?\b/i.test(words);
  const kind = budget && !outturn ? 'budget' : 'outturn';
  const name =
    budget === outturn
      ? 'an MHCLG revenue return (revenue account budget or revenue outturn)'
      : budget
        ? 'an MHCLG revenue account budget (RA) return'
        : 'an MHCLG revenue outturn (RO) return';
  const ret = { nameColumn, codeColumn, yearColumn };
  const authorities = authoritiesOf(ret, rows, firstRow);
  const nameHeader = headers[nameColumn] ?? '';
  const shown = services.slice(0, 2).map((s) => `"${headers[s] ?? ''}"`);
  const examples = authorities.slice(0, 3).map((a) => a.name || a.code);
  const what =
    `This file is ${name}: one row per authority ("${nameHeader}"${examples.length > 0 ? `: ${examples.join(', ')} ...` : ''}) ` +
    `and a column per service (${services.length} columns, such as ${shown.join(' and ')}), in £ thousand.`;
  const message = `${what} Choose your authority's row: its service columns are read as lines of ${KIND_LABELS[kind]} (a service a line), and the other rows are counted as skipped.`;
  return { name, kind, what, message, nameHeader, ...ret, services, authorities };
}

const normal = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The rows the user's choice names: by its name or its code as written in the file (case and spaces aside). */
export function matchAuthority(authorities: readonly AuthorityEntry[], choice: string): AuthorityEntry[] {
  const want = normal(choice);
  if (want === '') return [];
  return authorities.filter((a) => normal(a.name) === want || (a.code !== '' && normal(a.code) === want));
}

const words = (s: string): string[] =>
  normal(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * Where no row is named exactly: the authorities whose name holds every word the user wrote ("Cambridgeshire
 * Police" -> "Cambridgeshire Police and Crime Commissioner"), one entry per distinct name. The caller takes it
 * only when there is exactly one, and says so; several are listed back, never chosen between.
 */
export function authoritiesNamedBy(authorities: readonly AuthorityEntry[], choice: string): AuthorityEntry[] {
  const want = words(choice);
  if (want.length === 0) return [];
  const found = new Map<string, AuthorityEntry>();
  for (const a of authorities) {
    const have = new Set(words(a.name));
    if (want.every((w) => have.has(w)) && !found.has(normal(a.name))) found.set(normal(a.name), a);
  }
  return [...found.values()];
}

/**
 * The authority an organisation's name points at, to preselect (never to choose): the one named exactly, else the
 * one whose every word (two at least) is in the organisation's name, when exactly one has the most such words
 * ("Cambridgeshire Police" in "Cambridgeshire Police and Crime Commissioner and Constabulary", not the county).
 */
export function authorityOfOrganisation(
  authorities: readonly AuthorityEntry[],
  organisation: string,
): AuthorityEntry | null {
  const exact = authorities.find((a) => normal(a.name) === normal(organisation) && a.name !== '');
  if (exact) return exact;
  const org = new Set(words(organisation));
  let best: AuthorityEntry[] = [];
  let most = 1;
  for (const a of authorities) {
    const w = words(a.name);
    if (w.length < 2 || !w.every((x) => org.has(x))) continue;
    if (w.length > most) {
      most = w.length;
      best = [a];
    } else if (w.length === most && !best.some((b) => normal(b.name) === normal(a.name))) best.push(a);
  }
  return best.length === 1 ? best[0]! : null;
}

/** The line amount's canonical column: a budget's Budget, an outturn's Forecast outturn (the year's outturn). */
const AMOUNT_KEY: Record<AuthorityReturn['kind'], string> = { budget: 'amount', outturn: 'forecast' };

/** The header of the lines a return's row becomes, as stored and as the receipt names them. */
export function lineHeaders(kind: AuthorityReturn['kind']): string[] {
  return ['Authority', 'Service', kind === 'budget' ? 'Budget (£ thousand)' : 'Outturn (£ thousand)'];
}

/** The mapping of those lines onto the kind's columns: the service is the Area, the figure the amount. */
export function lineMapping(kind: AuthorityReturn['kind']): { mapping: ColumnMapping; amountKey: string } {
  const mapping: ColumnMapping = Object.fromEntries(KIND_COLUMNS[kind].map((c) => [c.key, null]));
  mapping.area = 1;
  mapping[AMOUNT_KEY[kind]] = 2;
  return { mapping, amountKey: AMOUNT_KEY[kind] };
}

/** The authorities listed as the command line lists them, when none (or an unknown one) is named. */
export function someAuthorities(ret: Pick<AuthorityReturn, 'authorities'>, count = 5): string {
  const shown = ret.authorities.slice(0, count).map((a) => {
    const detail = [a.name !== '' ? a.code : '', a.year === null ? '' : formatFinancialYear({ startYear: a.year })]
      .filter(Boolean)
      .join(', ');
    return `row ${a.row}: ${a.name || a.code}${detail ? ` (${detail})` : ''}`;
  });
  const more = ret.authorities.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more.toLocaleString('en-GB')} more` : ''}`;
}

/** The refusal for a kind the return's lines cannot be read as (anything but budget or outturn). */
export function otherKindMessage(ret: AuthorityReturn, kind: DatasetKind): string {
  return `${ret.what} Its rows can be read as ${KIND_LABELS[ret.kind]} (a service a line), not as ${KIND_LABELS[kind]}: choose ${KIND_LABELS[ret.kind]}.`;
}
