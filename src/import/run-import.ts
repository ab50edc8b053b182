import { createDecoder, EncodingDetector, type EncodingEvidence, type EncodingVerdict } from './decode';
import type { ImportPlan } from './import-plan';
import { ImportSession } from './import-session';
import type { SessionResult } from './session-result';
import type { StoredChunk } from './stored-chunk';
import { buildPreview, PREVIEW_CHARS, type Preview, type PreviewChoices } from './preview';
import { MAX_ROW_CHARS, RecordReader, type Decode } from './record-reader';
import { allBytes, joined, readAhead } from './byte-sources';
import {
  countToCut,
  CutCounter,
  findCut,
  FIRST_SHARE,
  SPLIT_MIN_BYTES,
  splittable,
  type CutCount,
  type PartOutcome,
} from './split-import';
import { fileDigest } from './file-digest';
import { authoritiesOf, MAX_AUTHORITIES, type AuthorityEntry } from './authority-returns';
import {
  checkWorkbookBytes,
  csvLines,
  MAX_WORKBOOK_BYTES,
  openSheet,
  workbookContainer,
  type OpenedSheet,
} from './workbook';

/*
 * The whole pipeline over a file's bytes, the same in the browser's worker (bytes from a File) and in
 * Node (bytes from disk): pass 1 hashes the bytes and proves the encoding; pass 2 decodes and parses,
 * streaming, so a file larger than a string can hold is never held whole.
 */

/** A file that can be read more than once, in pieces. */
export interface ByteSource {
  name: string;
  size: number;
  /**
   * The bytes in order, in pieces. A piece is good until the one after the next is asked for: a File is read into a
   * few buffers used in turn (blobSource), so whoever keeps a piece longer keeps a copy of it.
   */
  chunks(): AsyncIterable<Uint8Array>;
  /** The bytes from `from` to `to` as a source of their own, where they can be read without the rest (a File). */
  range?(from: number, to: number): ByteSource;
  /** The File itself, where the bytes are one: another worker can be given it, to read a part of it. */
  blob?: Blob;
}

export interface Scan {
  sha256: string;
  verdict: EncodingVerdict;
  /** Where a text file large enough to be read in two halves is cut, and the bytes before it counted (split-import.ts). */
  cutCount?: CutCount;
}

export interface Progress {
  phase: 'scanning' | 'importing';
  bytes: number;
  totalBytes: number;
  rows: number;
}

/** Files above this are refused before any work starts (IndexedDB quota and memory on an ordinary PC). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

const bytesIn = (n: number): string => `${n.toLocaleString('en-GB')} bytes`;

/**
 * Why a file is refused on its size alone, before a byte of it is read (the page and the command line
 * say the same); null when its size is fine.
 */
export function sizeRefusal(name: string, size: number): string | null {
  if (size === 0) return `${name} is empty (0 bytes): there is nothing to import.`;
  if (size > MAX_FILE_BYTES) {
    return `${name} is ${(size / 2 ** 30).toFixed(1)} GB (${bytesIn(size)}); Outturn takes files of up to 1 GB (${bytesIn(MAX_FILE_BYTES)}), so nothing was read. Split the export by period and import each part.`;
  }
  return null;
}

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was kept.');
  }
}

/**
 * Pass 1: SHA-256 of the bytes and the encoding, with its evidence. `onCount`: given the count before a large text
 * file's cut first (countToCut), before the bytes are hashed; else it is counted as they pass (CutCounter). `share`:
 * where the import will cut the file (Split.share), for the count to be that cut's.
 */
export async function scan(
  source: ByteSource,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
  onCount?: (count: CutCount) => void,
  share = FIRST_SHARE,
): Promise<Scan> {
  const first = onCount ? await countToCut(source, share) : null;
  if (first) onCount?.(first);
  const hash = await fileDigest();
  const detector = new EncodingDetector();
  let bytes = 0;
  // The first pieces are kept until the first 8 bytes show whether this is a workbook; a workbook's are kept whole.
  let kept: Uint8Array[] | null = [];
  let container: ReturnType<typeof workbookContainer> | undefined;
  // Counted while every byte passes here anyway (where not counted first), for the second half's reader (which would
  // read them again for it).
  const cuts = !first && source.size >= SPLIT_MIN_BYTES ? new CutCounter(source.size, share) : null;
  // The next piece is read while this one is hashed and looked at.
  for await (const chunk of readAhead(source)) {
    if (signal?.aborted) throw new ImportCancelled();
    hash.update(chunk);
    detector.push(chunk);
    cuts?.push(chunk);
    bytes += chunk.length;
    if (kept) {
      kept.push(chunk.slice());
      if (container === undefined && bytes >= 8) {
        container = workbookContainer(joined(kept, 8));
        if (container === null) kept = null;
      }
      if (bytes > MAX_WORKBOOK_BYTES) kept = null;
    }
    onProgress?.({ phase: 'scanning', bytes, totalBytes: source.size, rows: 0 });
  }
  detector.push(new Uint8Array(), true);
  const digest = hash.hex();
  if (container) return { sha256: digest, verdict: workbookVerdict(kept ? joined(kept) : null, bytes) };
  const cutCount = first ?? cuts?.count;
  return { sha256: digest, verdict: detector.verdict(), ...(cutCount ? { cutCount } : {}) };
}

/** A workbook's verdict: its directory checked (not yet opened), or why it is refused. */
function workbookVerdict(bytes: Uint8Array | null, size: number): EncodingVerdict {
  // Not kept: larger than a workbook may be, which checkWorkbookBytes says from the size alone.
  const checked = checkWorkbookBytes(bytes ?? new Uint8Array(), size);
  if (!checked.ok) return checked;
  const what = {
    xlsx: 'an Excel workbook (.xlsx)',
    xls: 'an Excel workbook (.xls)',
    ods: 'an OpenDocument spreadsheet (.ods)',
  }[checked.value];
  return {
    ok: true,
    value: {
      encoding: 'utf-8',
      bom: false,
      reason: `${what}: its cells are read as Excel holds them, not decoded as text`,
      workbook: { sheet: null },
    },
  };
}

/** The rows a workbook's preview reads. */
const WORKBOOK_PREVIEW_ROWS = 200;

/** The evidence for a workbook's sheet, as the receipt and the mapping step say it. */
function sheetEvidence(encoding: EncodingEvidence, opened: OpenedSheet): EncodingEvidence {
  const others = opened.sheets.filter((s) => s.name !== opened.sheet);
  const kind = encoding.reason.replace(/:.*$/, '');
  return {
    ...encoding,
    reason: `${kind}, sheet "${opened.sheet}"${others.length > 0 ? ` (${opened.sheets.length} sheets; the others: ${others.map((s) => `"${s.name}"${s.hidden ? ' (hidden)' : ''}`).join(', ')})` : ''}: its cells are read as Excel holds them, not decoded as text`,
    workbook: { sheet: opened.sheet, sheets: opened.sheets },
  };
}

/** The preview from the first part of the file, decoded as pass 1 decided. */
export async function preview(
  source: ByteSource,
  encoding: EncodingEvidence,
  choices: PreviewChoices = {},
): Promise<Preview> {
  if (encoding.workbook) return workbookPreview(source, encoding, choices);
  const decode = createDecoder(encoding);
  let text = '';
  let firstBreak = -1;
  let whole = true;
  for await (const chunk of source.chunks()) {
    text += decode(chunk, false);
    if (firstBreak < 0) firstBreak = text.search(/[\r\n]/);
    // Enough rows to judge by, and at least the first whole row (unless it is longer than a row may be).
    if (text.length >= PREVIEW_CHARS && (firstBreak >= 0 || text.length > MAX_ROW_CHARS)) {
      whole = false;
      break;
    }
  }
  if (whole) return buildPreview(source.name, source.size, encoding, text, choices);
  // Cut at the last line break so the preview does not end in half a row.
  const window = text.slice(0, Math.max(PREVIEW_CHARS, Math.min(firstBreak, MAX_ROW_CHARS) + 1));
  const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('\r'));
  const sample = cut > 0 ? window.slice(0, cut) : text.slice(0, MAX_ROW_CHARS + 1);
  const p = buildPreview(source.name, source.size, encoding, sample, choices);
  if (!p.authorityReturn) return p;
  // A revenue return longer than the sample (the multi-year CSV): every authority is listed, so any can be chosen.
  return buildPreview(source.name, source.size, encoding, sample, choices, await authoritiesIn(source, p));
}

/** Every authority of a revenue return, read from the whole file (its cells of name, code and year only). */
async function authoritiesIn(source: ByteSource, p: Preview): Promise<AuthorityEntry[]> {
  const ret = p.authorityReturn!;
  const decode = createDecoder(p.encoding);
  const records: string[][] = [];
  let index = 0;
  const reader = new RecordReader(p.delimiter, (cells) => {
    if (index++ > p.headerIndex && records.length < MAX_AUTHORITIES)
      records.push([cells[ret.nameColumn] ?? '', cells[ret.codeColumn] ?? '', cells[ret.yearColumn] ?? '']);
  });
  for await (const chunk of source.chunks()) reader.push(decode(chunk, false));
  reader.push(decode(new Uint8Array(), true));
  reader.finish();
  return authoritiesOf(
    { nameColumn: 0, codeColumn: ret.codeColumn >= 0 ? 1 : -1, yearColumn: ret.yearColumn >= 0 ? 2 : -1 },
    records,
    p.headerIndex + 2,
  );
}

/** A workbook's preview: its sheet's first rows, as CSV text, through the same preview as a CSV file. */
async function workbookPreview(source: ByteSource, encoding: EncodingEvidence, choices: PreviewChoices) {
  const opened = await openSheet(
    await allBytes(source),
    choices.sheet ?? encoding.workbook?.sheet ?? null,
    WORKBOOK_PREVIEW_ROWS,
  );
  const rest = { ...choices };
  delete rest.sheet;
  if (!opened.ok) {
    return { ...buildPreview(source.name, source.size, encoding, '', rest), problem: opened.issues[0]!.message };
  }
  const evidence = sheetEvidence(encoding, opened.value);
  let p = buildPreview(source.name, source.size, evidence, csvLines(opened.value.rows), { ...rest, delimiter: ',' });
  const ret = p.authorityReturn;
  if (ret && opened.value.rows.length >= WORKBOOK_PREVIEW_ROWS) {
    // A revenue return's sheet: every authority listed, from the whole sheet.
    const whole = await openSheet(await allBytes(source), opened.value.sheet);
    if (whole.ok) {
      const all = authoritiesOf(ret, whole.value.rows.slice(p.headerIndex + 1), p.headerIndex + 2);
      p = buildPreview(
        source.name,
        source.size,
        evidence,
        csvLines(opened.value.rows),
        { ...rest, delimiter: ',' },
        all,
      );
    }
  }
  return { ...p, delimiterReason: `the cells of sheet "${opened.value.sheet}"` };
}

/**
 * A second reader for a large file's second half, on the other core (split-import.ts): started with the cut, it
 * reads from there into chunks of its own; the import takes in what it made (`taken`), or drops it and reads that
 * half itself (`dropped`: its chunks from `fromChunk` on are deleted first).
 */
export interface Split {
  /** Resolves once the second reader can take its part (a worker started and loaded), before this one reads. */
  launch?(): Promise<void>;
  /** Stops the second reader: this import failed or was cancelled (its chunks go with the import's). */
  cancel?(): void;
  start(cut: number): Promise<PartOutcome | null>;
  taken(outcome: PartOutcome): void;
  dropped(fromChunk: number): Promise<void>;
  /** What the second reader has read so far, for progress. */
  progress(): { bytes: number; rows: number };
  /** Files smaller than this are read whole (split-import.ts SPLIT_MIN_BYTES; the tests split small files). */
  minBytes?: number;
  /** Rows a chunk holds (stored-chunk.ts CHUNK_ROWS; the tests cut small chunks, to put seams between them). */
  chunkRows?: number;
  /**
   * The share of the file this reader reads before the cut (split-import.ts FIRST_SHARE where not given): where the
   * second reader starts and ends differently (Node's thread: node-split.ts), the halves end together elsewhere.
   */
  share?: number;
}

/** Pass 2: every row, streamed into chunks. `timings` (ms), when given, gathers where the time went. */
export async function importRows(
  source: ByteSource,
  plan: ImportPlan,
  onChunk: (chunk: StoredChunk) => void | Promise<void>,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
  timings?: Record<string, number>,
  split?: Split,
): Promise<SessionResult> {
  if (plan.encoding.workbook) return importSheet(source, plan, onChunk, onProgress, signal);
  const pending: StoredChunk[] = [];
  const session = new ImportSession(plan, (c) => pending.push(c), { chunkRows: split?.chunkRows });
  const clock = timings ? () => performance.now() : () => 0;
  const time = { read: 0, session: 0, handing: 0, partWait: 0 };
  let bytes = 0;
  const hand = async (): Promise<void> => {
    const t = clock();
    while (pending.length > 0) await onChunk(pending.shift()!);
    time.handing += clock() - t;
  };
  const progress = (): void => {
    const other = split?.progress() ?? { bytes: 0, rows: 0 };
    onProgress?.({
      phase: 'importing',
      bytes: bytes + other.bytes,
      totalBytes: source.size,
      rows: session.rowsSeen + other.rows,
    });
  };
  /** Reads a range of the file into the session; the unusual records counted before its last piece. */
  const readRange = async (range: ByteSource, decode: Decode) => {
    let unusualBeforeLast = session.unusualRecords;
    // The next piece is read while this one is decoded and read.
    const pieces = readAhead(range);
    for (;;) {
      let t = clock();
      const next = await pieces.next();
      time.read += clock() - t;
      if (next.done) break;
      if (signal?.aborted) throw new ImportCancelled();
      unusualBeforeLast = session.unusualRecords;
      t = clock();
      // Decoding is part of the session's time: its ordinary records are read from the bytes, the rest decoded.
      session.pushBytes(next.value, decode);
      time.session += clock() - t;
      bytes += next.value.length;
      await hand();
      progress();
    }
    return unusualBeforeLast;
  };

  let decode = createDecoder(plan.encoding);
  const t0 = clock();
  const splits = split !== undefined && splittable(plan, source, split.minBytes);
  if (splits) await split.launch?.();
  const cut = splits ? await findCut(source, split.share) : -1;
  if (timings && splits) timings.findCut = clock() - t0;
  if (split && cut > 0) {
    // The second half is read on the other core meanwhile; its failure only means this reader reads it too.
    const other = split.start(cut).catch(() => null);
    let unusual: number;
    try {
      unusual = await readRange(source.range!(0, cut), decode);
    } catch (error) {
      split.cancel?.();
      throw error;
    }
    let t = clock();
    const outcome = await other;
    time.partWait += clock() - t;
    t = clock();
    const usual = session.unusualRecords === unusual;
    const took = outcome !== null && usual && session.absorb(outcome.part);
    time.session += clock() - t;
    await hand();
    let from = cut;
    if (took) {
      split.taken(outcome);
      from = outcome.stopByte;
      bytes += from - cut;
    } else {
      await split.dropped(session.nextChunk);
    }
    decode = createDecoder(plan.encoding, true);
    if (from < source.size) await readRange(source.range!(from, source.size), decode);
    if (timings) timings.splitTaken = took ? 1 : 0;
  } else {
    await readRange(source, decode);
  }
  const t = clock();
  session.endBytes(decode);
  const result = session.finish();
  time.session += clock() - t;
  await hand();
  if (timings) {
    timings.readFile = (timings.readFile ?? 0) + time.read;
    timings.session = (timings.session ?? 0) + time.session;
    timings.handChunks = (timings.handChunks ?? 0) + time.handing;
    if (split) timings.partWait = (timings.partWait ?? 0) + time.partWait;
  }
  return result;
}

/** Bytes a glance reads: the encoding of a large file is judged from its first megabyte, until its proof. */
const GLANCE_BYTES = 1 << 20;

/**
 * The encoding the first megabyte of a file gives (its evidence as scan gives it), or null for a workbook
 * (scanned whole). Provisional: an import read with it waits for scan's proof before it commits.
 */
export async function glance(source: ByteSource): Promise<EncodingVerdict | null> {
  const detector = new EncodingDetector();
  let bytes = 0;
  for await (const chunk of source.chunks()) {
    const head = chunk.subarray(0, Math.max(0, GLANCE_BYTES - bytes));
    if (bytes === 0 && head.length >= 8 && workbookContainer(head.subarray(0, 8)) !== null) return null;
    detector.push(head);
    bytes += head.length;
    if (bytes >= GLANCE_BYTES) break;
  }
  // Not final: a character cut at the end of the megabyte is not taken for a broken one.
  return detector.verdict();
}

/** Rows of a sheet pushed to the session at a time. */
const SHEET_BATCH_ROWS = 2000;

/**
 * A workbook's import: the sheet the preview chose, opened whole, its rows fed to the same session as a
 * CSV file's, then its hazards kept with the rows' issues. The preview opened the same bytes, so a refusal
 * here means the file changed between the two (thrown, and shown as the import failing).
 */
async function importSheet(
  source: ByteSource,
  plan: ImportPlan,
  onChunk: (chunk: StoredChunk) => void | Promise<void>,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<SessionResult> {
  const opened = await openSheet(await allBytes(source), plan.encoding.workbook?.sheet ?? null);
  if (!opened.ok) throw new Error(opened.issues.map((i) => i.message).join(' '));
  const pending: StoredChunk[] = [];
  const session = new ImportSession({ ...plan, delimiter: ',' }, (c) => pending.push(c));
  const rows = opened.value.rows;
  for (let i = 0; i < rows.length; i += SHEET_BATCH_ROWS) {
    if (signal?.aborted) throw new ImportCancelled();
    session.push(csvLines(rows.slice(i, i + SHEET_BATCH_ROWS)));
    while (pending.length > 0) await onChunk(pending.shift()!);
    onProgress?.({ phase: 'importing', bytes: source.size, totalBytes: source.size, rows: session.rowsSeen });
  }
  session.note(opened.value.hazards);
  const result = session.finish();
  while (pending.length > 0) await onChunk(pending.shift()!);
  return result;
}
