import type { Issue, Result } from '../domain/core/result';
import type { ColumnMapping } from './column-mapping';
import { isDatasetKind, KIND_COLUMNS, type DatasetKind } from './dataset-kinds';

/*
 * A saved mapping as a file of its own: downloaded from the Import page's mapping step, and given to
 * `check-file --profile`, so the command line reads a file as the app was told to. Columns are named by the
 * file's headers, not by position, so the profile still applies when a column moves; a column not in the file
 * is written as null. JSON, since it is read by people as well as by the two programs.
 */

export const PROFILE_FORMAT = 'outturn-mapping-profile';

export interface ProfileFile {
  format: typeof PROFILE_FORMAT;
  version: 1;
  name: string;
  kind: DatasetKind;
  /** As the user counts it: row 1 is the file's first. */
  headerRow: number;
  /** Outturn's column (its label) -> the file's header that gives it, or null for "not in this file". */
  columns: Record<string, string | null>;
}

export function profileFile(p: {
  name: string;
  kind: DatasetKind;
  headers: readonly string[];
  mapping: ColumnMapping;
  headerIndex: number;
}): string {
  const columns: Record<string, string | null> = {};
  for (const c of KIND_COLUMNS[p.kind]) {
    const i = p.mapping[c.key];
    columns[c.label] = i === null || i === undefined ? null : (p.headers[i] ?? null);
  }
  const file: ProfileFile = {
    format: PROFILE_FORMAT,
    version: 1,
    name: p.name,
    kind: p.kind,
    headerRow: p.headerIndex + 1,
    columns,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ProfileFileCode = 'not-a-profile';

/** A profile read back: its kind, header row and the mapping as hints ("Cost centre=Expense Area"). */
export interface ReadProfile {
  name: string;
  kind: DatasetKind;
  headerRow: number;
  hints: string[];
}

const refuse = (message: string): Result<ReadProfile, Issue<ProfileFileCode>> => ({
  ok: false,
  issues: [{ code: 'not-a-profile', message }],
});

export function readProfileFile(text: string): Result<ReadProfile, Issue<ProfileFileCode>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refuse('it is not JSON: a mapping profile is the .json file the Import page downloads');
  }
  if (typeof raw !== 'object' || raw === null) return refuse('it is not a mapping profile');
  const r = raw as Record<string, unknown>;
  if (r.format !== PROFILE_FORMAT) return refuse(`it is not a mapping profile (no "format": "${PROFILE_FORMAT}")`);
  if (r.version !== 1) return refuse(`it is a mapping profile of version ${String(r.version)}; this Outturn reads 1`);
  if (typeof r.kind !== 'string' || !isDatasetKind(r.kind)) return refuse(`its kind "${String(r.kind)}" is unknown`);
  const kind = r.kind;
  const headerRow = r.headerRow;
  if (typeof headerRow !== 'number' || !Number.isInteger(headerRow) || headerRow < 1)
    return refuse('its header row is not a row number');
  if (typeof r.columns !== 'object' || r.columns === null) return refuse('it names no columns');
  const hints: string[] = [];
  for (const [label, header] of Object.entries(r.columns as Record<string, unknown>)) {
    if (header !== null && typeof header !== 'string') return refuse(`its column "${label}" is not a header name`);
    // Checked by mappingWithHints against the kind's columns and the file's headers, with what to choose from.
    hints.push(`${label}=${header ?? ''}`);
  }
  return { ok: true, value: { name: typeof r.name === 'string' ? r.name : '', kind, headerRow, hints } };
}
