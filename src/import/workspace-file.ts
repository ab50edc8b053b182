import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, type JsonValue } from '../domain/core/canonical-json';
import { Money } from '../domain/core/money';
import type { Issue, Result } from '../domain/core/result';
import type { StoredChunk } from './stored-chunk';
import type { ByteSource } from './run-import';

/*
 * The workspace file: everything Outturn holds in one file, to hand the month's work to someone else
 * without a server. Pure: records in and out, hashing and checking; reading IndexedDB and writing it
 * back are storage/workspace.ts, the file's bytes api/workspace.ts.
 *
 * Format: JSON Lines (one JSON record per line), gzip-compressed. One record per line so that a large
 * workspace is written and read a line at a time (a million ledger rows never become one string), and
 * gzip because the rows' text compresses several times over. The first line says what the file is; the
 * last counts the lines and gives the SHA-256 of every line before it, so a truncated or edited file is
 * refused as a whole. Reading also takes the same lines uncompressed.
 *
 * Typed arrays (row lines, periods, dates, amounts in pence as Float64 with NaN for a blank) travel as
 * base64 of their bytes in little-endian order, not as JSON numbers: JSON has no NaN, the bytes are
 * exact by construction (no float-to-text round trip), and base64 is a third the size of the digits.
 *
 * "Each dataset's hash checked on the way in": a dataset's sha256 is the hash of the file it was imported
 * from, and those bytes are not kept, so it cannot be checked again. Each dataset therefore carries a
 * second hash, contentSha256: SHA-256 over its chunk records exactly as written (canonical JSON, in
 * order), then its content fields (name, kind, file hash, size, row count, headers, total rows, ledger
 * aggregates). It is computed from the stored rows when the file is written and again from the rows read
 * back; a dataset whose hash differs, or whose rows no longer add up to its receipt's control totals, is
 * refused. The dataset record follows its chunks, as an import commits its record after its rows.
 */

export const WORKSPACE_FORMAT = 1;
export const WORKSPACE_TYPE = 'outturn-workspace';

/**
 * Settings that belong to one browser, not to the work: never exported, never overwritten. Besides the
 * sample's marker: the notices of what happened to this browser's data, and the markers of imports
 * running here (storage/datasets.ts); another browser taking them in would report or tidy what never
 * happened there.
 */
const LOCAL_SETTINGS: readonly string[] = ['sample-imported', 'notices'];
const LOCAL_SETTING_PREFIXES: readonly string[] = ['import-running/'];

export function isLocalSetting(name: string): boolean {
  return LOCAL_SETTINGS.includes(name) || LOCAL_SETTING_PREFIXES.some((p) => name.startsWith(p));
}

// ---------------------------------------------------------------------------------------------------
// Typed arrays as base64 (little-endian)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map(Array.from(B64, (c, i) => [c, i]));

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    out += B64[a >> 2]! + B64[((a & 3) << 4) | (b >> 4)]!;
    out += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)]! : '=';
    out += i + 2 < bytes.length ? B64[c & 63]! : '=';
  }
  return out;
}

/** Decodes base64; null if the text is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => B64_INDEX.get(text[i + k]!) ?? 0);
    const triple = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    if (o < out.length) out[o++] = (triple >> 16) & 255;
    if (o < out.length) out[o++] = (triple >> 8) & 255;
    if (o < out.length) out[o++] = triple & 255;
  }
  return out;
}

const u32ToBase64 = (a: Uint32Array): string => {
  const view = new DataView(new ArrayBuffer(a.length * 4));
  a.forEach((v, i) => view.setUint32(i * 4, v, true));
  return bytesToBase64(new Uint8Array(view.buffer));
};
const f64ToBase64 = (a: Float64Array): string => {
  const view = new DataView(new ArrayBuffer(a.length * 8));
  a.forEach((v, i) => view.setFloat64(i * 8, v, true));
  return bytesToBase64(new Uint8Array(view.buffer));
};
function base64ToU32(text: string, length: number): Uint32Array | null {
  const bytes = base64ToBytes(text);
  if (!bytes || bytes.length !== length * 4) return null;
  const view = new DataView(bytes.buffer);
  return Uint32Array.from({ length }, (_, i) => view.getUint32(i * 4, true));
}
function base64ToF64(text: string, length: number): Float64Array | null {
  const bytes = base64ToBytes(text);
  if (!bytes || bytes.length !== length * 8) return null;
  const view = new DataView(bytes.buffer);
  return Float64Array.from({ length }, (_, i) => view.getFloat64(i * 8, true));
}
function base64ToU8(text: string, length: number): Uint8Array | null {
  const bytes = base64ToBytes(text);
  return bytes && bytes.length === length ? bytes : null;
}

// ---------------------------------------------------------------------------------------------------
// Records

export interface EncodedChunk {
  index: number;
  rowCount: number;
  lines: string;
  warned: string;
  raw: string[][];
  pence: Record<string, string>;
  periods: string;
  dates: Record<string, string>;
}

export function encodeChunk(chunk: StoredChunk): EncodedChunk {
  return {
    index: chunk.index,
    rowCount: chunk.rowCount,
    lines: u32ToBase64(chunk.lines),
    warned: bytesToBase64(chunk.warned),
    raw: chunk.raw,
    pence: Object.fromEntries(Object.entries(chunk.pence).map(([k, v]) => [k, f64ToBase64(v)])),
    periods: bytesToBase64(chunk.periods),
    dates: Object.fromEntries(Object.entries(chunk.dates).map(([k, v]) => [k, u32ToBase64(v)])),
  };
}

/** A chunk record back to the stored form; issues say what does not decode. */
export type ChunkIssueCode = 'chunk-not-base64' | 'chunk-raw-shape';

export function decodeChunk(e: EncodedChunk): Result<StoredChunk, Issue<ChunkIssueCode>> {
  const issues: Issue<ChunkIssueCode>[] = [];
  const n = e.rowCount;
  const need = <T>(value: T | null, what: string): T | null => {
    if (value === null)
      issues.push({ code: 'chunk-not-base64', message: `chunk ${e.index}: ${what} is not ${n} values of base64` });
    return value;
  };
  const lines = need(base64ToU32(e.lines, n), 'lines');
  const warned = need(base64ToU8(e.warned, n), 'warned');
  const periods = need(base64ToU8(e.periods, n), 'periods');
  const pence = Object.fromEntries(
    Object.entries(e.pence).map(([k, v]) => [k, need(base64ToF64(v, n), `pence.${k}`) ?? new Float64Array(0)]),
  );
  const dates = Object.fromEntries(
    Object.entries(e.dates).map(([k, v]) => [k, need(base64ToU32(v, n), `dates.${k}`) ?? new Uint32Array(0)]),
  );
  if (
    !Array.isArray(e.raw) ||
    e.raw.some((col) => !Array.isArray(col) || col.length !== n || col.some((c) => typeof c !== 'string'))
  ) {
    issues.push({ code: 'chunk-raw-shape', message: `chunk ${e.index}: raw is not columns of ${n} texts` });
  }
  if (issues.length > 0 || !lines || !warned || !periods) return { ok: false, issues };
  return { ok: true, value: { index: e.index, rowCount: n, lines, warned, raw: e.raw, pence, periods, dates } };
}

/** What a dataset holds, for its content hash (not where or when it was stored). */
export interface DatasetContent {
  name: string;
  kind: string;
  sha256: string;
  size: number;
  rowCount: number;
  headers: readonly string[];
  skippedRows: JsonValue;
  aggregates: JsonValue;
}

function datasetContentOf(meta: DatasetContent): DatasetContent {
  return {
    name: meta.name,
    kind: meta.kind,
    sha256: meta.sha256,
    size: meta.size,
    rowCount: meta.rowCount,
    headers: meta.headers,
    skippedRows: meta.skippedRows,
    aggregates: meta.aggregates,
  };
}

/** SHA-256 of a dataset's content, fed its chunks in order and then its content fields. */
export class ContentHasher {
  private readonly hash = sha256.create();
  private chunks = 0;

  /** A chunk as it is written to (or read back from) the file. */
  addChunk(encoded: EncodedChunk): void {
    this.hash.update(utf8ToBytes(`${canonicalJson(encoded as unknown as JsonValue)}\n`));
    this.chunks++;
  }

  get chunkCount(): number {
    return this.chunks;
  }

  finish(content: DatasetContent): string {
    this.hash.update(utf8ToBytes(`${canonicalJson(datasetContentOf(content) as unknown as JsonValue)}\n`));
    return bytesToHex(this.hash.digest());
  }
}

/** The lines of a workspace file, in order. Every line is one JSON object with a `type`. */
export type WorkspaceRecord =
  | { type: typeof WORKSPACE_TYPE; format: number; exportedAt: string; appVersion: string }
  | ({ type: 'chunk'; datasetId: string } & EncodedChunk)
  | { type: 'dataset'; meta: JsonValue; contentSha256: string }
  | { type: 'receipt'; receipt: JsonValue }
  | { type: 'profile'; profile: JsonValue }
  | { type: 'scenario'; record: JsonValue }
  | { type: 'snapshot'; record: JsonValue }
  | { type: 'setting'; name: string; value: JsonValue }
  | { type: 'end'; lines: number; sha256: string };

/** Hashes the lines of a file as they are written or read, for the trailer. */
export class LinesHasher {
  private readonly hash = sha256.create();
  lines = 0;
  add(line: string): void {
    this.hash.update(utf8ToBytes(`${line}\n`));
    this.lines++;
  }
  digest(): string {
    return bytesToHex(this.hash.clone().digest());
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading lines from bytes (gzip or not)

const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

async function* bytesOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  const iterator = source.chunks()[Symbol.asyncIterator]();
  const head = await iterator.next();
  if (head.done) return;
  if (!isGzip(head.value)) {
    yield head.value;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
    return;
  }
  // gzip: the source through the platform's DecompressionStream, a piece at a time.
  let first = true;
  const input = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(head.value);
        return;
      }
      const r = await iterator.next();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
  });
  const reader = input
    .pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
}

/** The lines of a workspace file (gzip-compressed or not), decoded as UTF-8, one at a time. */
export async function* workspaceLines(source: ByteSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  for await (const bytes of bytesOf(source)) {
    rest += decoder.decode(bytes, { stream: true });
    let end = rest.indexOf('\n');
    while (end >= 0) {
      yield rest.slice(0, end);
      rest = rest.slice(end + 1);
      end = rest.indexOf('\n');
    }
  }
  rest += decoder.decode();
  if (rest !== '') yield rest;
}

export type RecordIssueCode = 'not-json' | 'no-type' | 'wrong-fields';

/** Parses one line as a record; why, when it is not one. */
export function parseRecord(line: string): Result<WorkspaceRecord, Issue<RecordIssueCode>> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, issues: [{ code: 'not-json', message: 'not JSON' }] };
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    typeof (value as { type?: unknown }).type !== 'string'
  ) {
    return { ok: false, issues: [{ code: 'no-type', message: 'not a record (no type)' }] };
  }
  const r = value as Record<string, unknown>;
  const str = (k: string) => typeof r[k] === 'string';
  const ok = (() => {
    switch (r.type) {
      case WORKSPACE_TYPE:
        return typeof r.format === 'number' && str('exportedAt') && str('appVersion');
      case 'chunk':
        return (
          str('datasetId') &&
          typeof r.index === 'number' &&
          typeof r.rowCount === 'number' &&
          str('lines') &&
          str('warned') &&
          str('periods') &&
          Array.isArray(r.raw) &&
          typeof r.pence === 'object' &&
          typeof r.dates === 'object'
        );
      case 'dataset':
        return typeof r.meta === 'object' && r.meta !== null && str('contentSha256');
      case 'receipt':
        return typeof r.receipt === 'object' && r.receipt !== null;
      case 'profile':
        return typeof r.profile === 'object' && r.profile !== null;
      case 'scenario':
      case 'snapshot':
        return typeof r.record === 'object' && r.record !== null;
      case 'setting':
        return str('name') && 'value' in r;
      case 'end':
        return typeof r.lines === 'number' && str('sha256');
      default:
        return false;
    }
  })();
  return ok
    ? { ok: true, value: value as WorkspaceRecord }
    : {
        ok: false,
        issues: [{ code: 'wrong-fields', message: `a "${String(r.type)}" record with missing or wrong fields` }],
      };
}

// ---------------------------------------------------------------------------------------------------
// Checking a dataset as it is read back

interface ReceiptLike {
  datasetId?: unknown;
  sha256?: unknown;
  rows?: { accepted?: unknown };
  controlTotals?: { column?: unknown; net?: unknown }[];
}

interface MetaLike extends DatasetContent {
  id: string;
  chunkCount: number;
  receiptId: string;
}

/** Reads a dataset record's meta far enough to check it; null if it is not a dataset's meta. */
export function asDatasetMeta(value: unknown): MetaLike | null {
  const m = value as Partial<MetaLike> | null;
  if (typeof m !== 'object' || m === null) return null;
  const ok =
    typeof m.id === 'string' &&
    typeof m.name === 'string' &&
    typeof m.kind === 'string' &&
    typeof m.sha256 === 'string' &&
    typeof m.size === 'number' &&
    typeof m.rowCount === 'number' &&
    typeof m.chunkCount === 'number' &&
    typeof m.receiptId === 'string' &&
    Array.isArray(m.headers) &&
    Array.isArray(m.skippedRows) &&
    Array.isArray(m.aggregates);
  return ok ? (m as MetaLike) : null;
}

/**
 * One dataset as its records are read back: each chunk decoded, hashed and its amounts summed; then,
 * with its receipt and its dataset record, the checks: the chunks are all there and in order, they hold
 * the dataset's rows, the content hash is the one written, and the amounts add up to the receipt's
 * control totals (pence, exact).
 */
export class DatasetReadBack {
  private readonly hasher = new ContentHasher();
  private readonly sums = new Map<string, number>();
  private rows = 0;
  readonly issues: string[] = [];

  constructor(readonly datasetId: string) {}

  /** Takes the next chunk record; returns the decoded chunk (to store), or null if it does not decode. */
  addChunk(record: EncodedChunk): StoredChunk | null {
    if (record.index !== this.hasher.chunkCount)
      this.issues.push(`chunk ${record.index} is out of order (expected ${this.hasher.chunkCount})`);
    this.hasher.addChunk({
      index: record.index,
      rowCount: record.rowCount,
      lines: record.lines,
      warned: record.warned,
      raw: record.raw,
      pence: record.pence,
      periods: record.periods,
      dates: record.dates,
    });
    const decoded = decodeChunk(record);
    if (!decoded.ok) {
      for (const i of decoded.issues) this.issues.push(i.message);
      return null;
    }
    this.rows += decoded.value.rowCount;
    for (const [column, values] of Object.entries(decoded.value.pence)) {
      let s = this.sums.get(column) ?? 0;
      for (const v of values) if (!Number.isNaN(v)) s += v;
      this.sums.set(column, s);
    }
    return decoded.value;
  }

  /** The checks, once the dataset record (and its receipt, if the file has it) have been read. */
  finish(meta: MetaLike, contentSha256: string, receipt: ReceiptLike | null): string[] {
    const issues = [...this.issues];
    if (this.hasher.chunkCount !== meta.chunkCount)
      issues.push(`${meta.chunkCount} chunks of rows expected, ${this.hasher.chunkCount} found`);
    if (this.rows !== meta.rowCount) issues.push(`${meta.rowCount} rows expected, ${this.rows} found`);
    const computed = this.hasher.finish(meta);
    if (computed !== contentSha256)
      issues.push(
        `its content hash is ${computed.slice(0, 16)}…, not the ${contentSha256.slice(0, 16)}… written when it was exported`,
      );
    if (receipt) {
      if (receipt.sha256 !== meta.sha256) issues.push('its receipt is for a different file');
      if (receipt.rows?.accepted !== meta.rowCount)
        issues.push(`its receipt accepted ${String(receipt.rows?.accepted)} rows, the dataset holds ${meta.rowCount}`);
      for (const t of receipt.controlTotals ?? []) {
        if (typeof t.column !== 'string' || typeof t.net !== 'string' || !this.sums.has(t.column)) continue;
        if (!/^-?\d+(\.\d+)?$/.test(t.net)) continue;
        // Both exact: the receipt's net in pounds (a decimal string), the rows' sum in whole pence.
        const rows = new Money(this.sums.get(t.column)!).dividedBy(100);
        if (!rows.equals(new Money(t.net)))
          issues.push(`its ${t.column} column adds to £${rows.toFixed(2)}, not the receipt's control total £${t.net}`);
      }
    }
    return issues;
  }
}
