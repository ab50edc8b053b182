import { KIND_LABELS, type DatasetKind } from './dataset-kinds';

/*
 * The government's revenue returns as MHCLG (DLUHC) publishes them: the revenue account budget (RA) and the
 * revenue outturn (RO), one row per authority and a column per service (Education services, Highways and
 * transport services ... or data items such as RS_edu_net_exp in the multi-year CSV), in £ thousand.
 * Outturn reads one body's budget or outturn as lines, a service or cost centre a row. Read as it stands, such a
 * file would make every authority a cost centre and keep one of its service columns as the amount, dropping the
 * others: so it is recognised, the right kind is suggested (budget for an RA, outturn for an RO), and it is
 * refused with what to do. Nothing of it is imported or changed. ARCHITECTURE.md, "Dataset kinds".
 */

export interface AuthorityReturn {
  /** What the file is, in words: "an MHCLG revenue outturn (RO) return". */
  name: string;
  kind: DatasetKind;
  /** Why it is not imported and what to do, for the mapping step and check-file. */
  message: string;
}

// A column naming the authority of each row: its name where there is one, else its code.
const AUTHORITY_NAME = /^(la[ _]?name|local authority( name)?|authority( name)?|council)$/i;
const AUTHORITY_CODE = /^(la[ _]?code|ons[ _]?code|e[ -]?code|local authority code)$/i;
// A column per service: the RA/RO's service headings, or the multi-year CSV's data item names.
const SERVICE =
  /(education|highways|transport services|social care|public health|housing services|cultural|environmental|regulatory|planning and development|police services|fire and rescue|central services|other services|total service expenditure|net current expenditure)/i;
const DATA_ITEM = /^(ra|ro\d*|rs|rsx|rg|rsg)_[a-z0-9_]+$/i;
const MIN_SERVICE_COLUMNS = 5;

/** The RA or RO layout, when the headers (and the title above them) say so; null for any other file. */
export function readAuthorityReturn(
  headers: readonly string[],
  titleRecords: readonly (readonly string[])[],
  rows: readonly (readonly string[])[],
): AuthorityReturn | null {
  const byName = headers.findIndex((h) => AUTHORITY_NAME.test(h.trim()));
  const authority = byName >= 0 ? byName : headers.findIndex((h) => AUTHORITY_CODE.test(h.trim()));
  if (authority < 0) return null;
  const services = headers.filter((h) => SERVICE.test(h) || DATA_ITEM.test(h.trim()));
  if (services.length < MIN_SERVICE_COLUMNS) return null;

  const words = [...titleRecords.flat(), ...headers].join(' ');
  const outturn = /\bR[OS]X?\d?_|\boutturn\b|\byear[ _]ending\b|\bRO\d?\b/i.test(words);
  const budget = /\bRA_|\bRA\b|\bbudget\b|\bestimates?\b/i.test(words);
  const kind: DatasetKind = budget && !outturn ? 'budget' : 'outturn';
  const name =
    budget === outturn
      ? 'an MHCLG revenue return (revenue account budget or revenue outturn)'
      : budget
        ? 'an MHCLG revenue account budget (RA) return'
        : 'an MHCLG revenue outturn (RO) return';
  const examples = rows
    .map((r) => (r[authority] ?? '').trim())
    .filter((v) => v !== '')
    .slice(0, 3);
  const shown = services.slice(0, 2).map((s) => `"${s}"`);
  const message =
    `This file is ${name}: one row per authority ("${headers[authority] ?? ''}"${examples.length > 0 ? `: ${examples.join(', ')} ...` : ''}) ` +
    `and a column per service (${services.length} columns, such as ${shown.join(' and ')}). ` +
    'Outturn reads one body’s figures as lines, a service or cost centre a row; read as it stands, each authority would become a cost centre and only one service column its amount, so nothing was imported. ' +
    `To use it: copy your authority’s row, turn its service columns into lines (a Service column and an Amount column, in £ thousand as published), and import that as ${KIND_LABELS[kind]}.`;
  return { name, kind, message };
}
