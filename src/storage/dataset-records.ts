import type { Issue, Result } from '../domain/core/result';
import { isDatasetKind, KIND_COLUMNS, type DatasetKind } from '../import/dataset-kinds';
import type { StoredChunk } from '../import/stored-chunk';
import { problemOfLedgerSums } from './ledger-sums';

/*
 * Reading what IndexedDB holds, without trusting it: a record may have been written by an older version
 * of Outturn, a newer one, or damaged (by hand, by a browser extension, by a disk). Each record is read
 * into the current layout, migrated from an older one, or refused with a reason in words, so that the
 * app can set it aside and say so: never a crash, never a blank page, never a silent drop.
 *
 * Dataset layouts (DatasetMeta.schema):
 *   1  chunks keep dates as text: ISO "2017-04-03" ('' where none), years as "2017/18" (November 2026,
 *      the first stored datasets; the record has no schema field)
 *   2  chunks keep dates as numbers yyyymmdd and years as their first year, in Uint32Arrays; the record
 *      says `schema: 2`. Records of layout 2 written before the field existed have no schema field either:
 *      their chunks tell the two apart.
 *   3  chunks as in 2; the record also says its financial year, month, where they came from, whether it
 *      counts for its slot, whether it is illustrative, and its row labels (December 2026, the year model).
 *      Records of layouts 1 and 2 are brought forward by reading the year from the dataset itself
 *      (dataset-years.ts); the sample's are 2017/18.
 *   4  the record as in 3; each chunk is packed into flat arrays (dictionaries for repeating text, narrow
 *      integers; chunk-records.ts, src/import/packed-chunk.ts): about 37 bytes a row on disk in Chromium,
 *      where 3 took 47. Chunks of layouts 1 to 3 are packed when their dataset is brought forward;
 *      readChunks gives the same decoded StoredChunk from both.
 *   5  as 4, with a ledger's sums (`aggregates`) kept in typed arrays (ledger-sums.ts), not one small list per
 *      sum: read back on the page's thread at every listing of the datasets, a million-row ledger's 240,000
 *      lists took about half a second (issue 16). Records of layout 4 gain them when brought forward (their chunks
 *      are not touched); a workspace file keeps layout 4's list (storage/workspace.ts).
 *   6  as 5, with the sums moved out of the record to a store of their own (`ledgerSums`, database version 4; the
 *      record keeps the `periods` they cover): each reading of the list of datasets deserialised a million-row
 *      ledger's 4 MB of sums, 20-27 ms on the page's thread, eight readings on the Revenue page (issue 16). Records
 *      of layouts 4 and 5 are brought forward by moving their sums (their chunks are not touched).
 * A ledger's line index (line-index-records.ts, database version 2) is kept beside its chunks, not in this layout:
 * a dataset stored without one is read as it is, and the read worker makes its index at its first drill-down.
 */

export const DATASET_SCHEMA = 6;

/** Layout 4's sums: one [cost centre, subjective, period, pence] list each. */
const isSumList = (v: unknown): boolean => Array.isArray(v) && v.every((a) => Array.isArray(a) && a.length === 4);

/** A ledger's periods as layout 6 keeps them: whole numbers 1-16, ascending, each once. */
const isPeriods = (v: unknown): boolean =>
  Array.isArray(v) &&
  (v as unknown[]).every(
    (p, i, all) =>
      typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 16 && (i === 0 || p > (all[i - 1] as number)),
  );

/** Why a record's sums (or, from layout 6, the periods they cover) are not as its layout keeps them; null when they are. */
function problemOfSums(r: Record<string, unknown>, schema: number | undefined): string | null {
  if (schema !== undefined && schema >= 6)
    return isPeriods(r.periods) ? null : 'its "periods" are not a list of periods';
  if (schema !== undefined && schema >= 5) {
    const problem = problemOfLedgerSums(r.aggregates);
    return problem && `its "aggregates" are not a ledger's sums (${problem})`;
  }
  return isSumList(r.aggregates) ? null : 'its "aggregates" is not a list of sums';
}

/** Why a stored chunk cannot be brought to the current layout. */
export type MigrateIssueCode = 'chunk-missing' | 'dates-not-text' | 'date-unreadable' | 'chunk-damaged';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** The first field of a record that is not as the current layout needs it, in words; null when all are. */
function problemOfMeta(r: Record<string, unknown>): string | null {
  const fields: [string, (v: unknown) => boolean, string][] = [
    ['id', isString, 'text'],
    ['name', isString, 'text'],
    ['kind', (v) => isString(v) && isDatasetKind(v), 'a dataset kind'],
    ['sha256', isString, 'text'],
    ['size', isCount, 'a count'],
    ['createdAt', isString, 'a date'],
    ['source', (v) => v === 'sample' || v === 'upload', '"sample" or "upload"'],
    ['rowCount', isCount, 'a count'],
    ['chunkCount', isCount, 'a count'],
    ['receiptId', isString, 'text'],
    ['headers', isStrings, 'a list of column names'],
    [
      'plan',
      (v) =>
        isObject(v) && isObject(v.encoding) && isObject(v.mapping) && isCount(v.headerIndex) && isString(v.delimiter),
      'an import plan',
    ],
    [
      'skippedRows',
      (v) =>
        Array.isArray(v) && v.every((s) => isObject(s) && isCount(s.row) && isString(s.type) && isStrings(s.cells)),
      'a list of rows',
    ],
  ];
  for (const [key, ok, what] of fields) if (!ok(r[key])) return `its "${key}" is not ${what}`;
  return null;
}

const isYear = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isInteger(v) && v > 1900);
const isMonth = (v: unknown): boolean =>
  v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 12);

/** The fields layout 3 added, checked only on records that claim layout 3 (older ones gain them when brought forward). */
function problemOfYearFields(r: Record<string, unknown>): string | null {
  const fields: [string, (v: unknown) => boolean, string][] = [
    ['year', isYear, 'a financial year'],
    ['month', isMonth, 'a month'],
    ['yearEvidence', isStrings, 'a list of reasons'],
    ['countsFrom', (v) => v === null || isString(v), 'a date'],
    ['illustrative', (v) => typeof v === 'boolean', 'true or false'],
    ['labels', isStrings, 'a list of labels'],
  ];
  for (const [key, ok, what] of fields) if (!ok(r[key])) return `its "${key}" is not ${what}`;
  return null;
}

/** What a stored record is called in a message. */
export function nameOf(record: unknown): string {
  if (!isObject(record)) return '(a record that is not an object)';
  return isString(record.name)
    ? record.name
    : isString(record.fileName)
      ? record.fileName
      : isString(record.id)
        ? record.id
        : '(no name)';
}

export interface MetaVerdict<M> {
  /** current: readable as it is; migrate: an older layout to bring forward; unreadable: set aside. */
  status: 'current' | 'migrate' | 'unreadable';
  meta?: M;
  reason?: string;
}

/** A dataset record: current, to be migrated (its chunks decide from which layout), or set aside with the reason. */
export function judgeDatasetRecord<M>(record: unknown): MetaVerdict<M> {
  if (!isObject(record)) return { status: 'unreadable', reason: 'it is not a dataset record' };
  const schema = record.schema;
  if (schema !== undefined && (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1)) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever was stored, named as best it can be (JSON.stringify throws on a BigInt)
    return { status: 'unreadable', reason: `its layout number (${String(schema)}) is not one Outturn ever wrote` };
  }
  if (typeof schema === 'number' && schema > DATASET_SCHEMA) {
    return {
      status: 'unreadable',
      reason: `it was saved by a newer version of Outturn (data layout ${schema}; this version reads layouts up to ${DATASET_SCHEMA}). Open it with the newer version, or delete it and import the file again`,
    };
  }
  const problem =
    problemOfMeta(record) ??
    problemOfSums(record, typeof schema === 'number' ? schema : undefined) ??
    (typeof schema === 'number' && schema >= 3 ? problemOfYearFields(record) : null);
  if (problem) return { status: 'unreadable', reason: `it is damaged: ${problem}` };
  return schema === DATASET_SCHEMA
    ? { status: 'current', meta: record as M }
    : { status: 'migrate', meta: record as M };
}

/** A stored chunk in the current layout, or why not. */
export function checkChunk(chunk: unknown, expectedIndex: number): string | null {
  if (!isObject(chunk)) return `part ${expectedIndex + 1} of its rows is missing`;
  const n = chunk.rowCount;
  if (!isCount(n) || chunk.index !== expectedIndex) return `part ${expectedIndex + 1} of its rows is missing`;
  // By tag, not instanceof: a typed array read back from IndexedDB may come from another realm (a worker, a test's jsdom).
  const typed = (v: unknown, tag: 'Uint8Array' | 'Uint32Array' | 'Float64Array') =>
    Object.prototype.toString.call(v) === `[object ${tag}]` && (v as ArrayLike<number>).length === n;
  if (!typed(chunk.lines, 'Uint32Array') || !typed(chunk.warned, 'Uint8Array') || !typed(chunk.periods, 'Uint8Array'))
    return `part ${expectedIndex + 1} of its rows is damaged`;
  if (!Array.isArray(chunk.raw) || !chunk.raw.every((c) => Array.isArray(c) && c.length === n))
    return `part ${expectedIndex + 1} of its rows is damaged (its cells)`;
  if (!isObject(chunk.pence) || !Object.values(chunk.pence).every((v) => typed(v, 'Float64Array')))
    return `part ${expectedIndex + 1} of its rows is damaged (its amounts)`;
  if (!isObject(chunk.dates) || !Object.values(chunk.dates).every((v) => typed(v, 'Uint32Array')))
    return `part ${expectedIndex + 1} of its rows is damaged (its dates)`;
  return null;
}

/** Layout 1 to 2: a chunk's dates from text to numbers. Returns the chunk in layout 2, or why it cannot be. */
export function migrateChunk(
  chunk: unknown,
  kind: DatasetKind,
  expectedIndex: number,
): Result<StoredChunk, Issue<MigrateIssueCode>> {
  if (!isObject(chunk) || !isObject(chunk.dates))
    return {
      ok: false,
      issues: [{ code: 'chunk-missing', message: `part ${expectedIndex + 1} of its rows is missing` }],
    };
  const types = new Map(KIND_COLUMNS[kind].map((c) => [c.key, c.type]));
  const dates: Record<string, Uint32Array> = {};
  for (const [key, values] of Object.entries(chunk.dates)) {
    if (Object.prototype.toString.call(values) === '[object Uint32Array]') {
      dates[key] = values as Uint32Array;
      continue;
    }
    if (!isStrings(values))
      return {
        ok: false,
        issues: [{ code: 'dates-not-text', message: `its dates in "${key}" are neither text nor numbers` }],
      };
    const out = new Uint32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v === '') continue;
      const m = types.get(key) === 'year' ? /^(\d{4})\/\d{2}$/.exec(v) : /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m)
        return {
          ok: false,
          issues: [
            { code: 'date-unreadable', message: `its date "${v}" in "${key}" cannot be brought to the current layout` },
          ],
        };
      out[i] = m.length === 2 ? Number(m[1]) : Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
    }
    dates[key] = out;
  }
  const migrated = { ...chunk, dates };
  const problem = checkChunk(migrated, expectedIndex);
  return problem
    ? { ok: false, issues: [{ code: 'chunk-damaged', message: problem }] }
    : { ok: true, value: migrated as unknown as StoredChunk };
}

/** An import receipt with every field the receipt view reads, or why not. */
export function problemOfReceipt(r: unknown): string | null {
  if (!isObject(r)) return 'it is not a receipt';
  const rows = r.rows;
  if (
    !isObject(rows) ||
    !['read', 'accepted', 'acceptedWithWarnings', 'rejected', 'skipped', 'blank', 'preamble'].every((k) =>
      isCount(rows[k]),
    )
  )
    return 'its row counts are damaged';
  for (const key of [
    'id',
    'datasetId',
    'fileName',
    'sha256',
    'encoding',
    'delimiter',
    'newline',
    'kind',
    'finishedAt',
    'startedAt',
  ]) {
    if (!isString(r[key])) return `its "${key}" is not text`;
  }
  for (const key of [
    'issues',
    'skippedRows',
    'rejectedRows',
    'controlTotals',
    'totalRowChecks',
    'mapping',
    'headers',
  ]) {
    if (!Array.isArray(r[key])) return `its "${key}" is not a list`;
  }
  if (!isCount(r.size) || !isCount(r.issueCount) || !isCount(r.headerRow) || typeof r.durationMs !== 'number')
    return 'its figures are damaged';
  if (!(r.issues as unknown[]).every((i) => isObject(i) && isCount(i.row) && isString(i.message) && isString(i.code)))
    return 'its list of issues is damaged';
  if (!(r.controlTotals as unknown[]).every((t) => isObject(t) && isString(t.net) && Array.isArray(t.byPeriod)))
    return 'its control totals are damaged';
  return null;
}
