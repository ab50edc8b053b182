import { allBytes, readAhead } from './byte-sources';
import { createDecoder } from './decode';
import type { ImportPlan } from './import-plan';
import { ImportSession } from './import-session';
import { RecordReader } from './record-reader';
import type { ByteSource } from './run-import';
import type { SessionPart } from './session-part';
import { BreakCounter } from './split-points';
import { CHUNK_ROWS, type BuiltChunk } from './stored-chunk';

/*
 * A large text file read in two halves side by side, one on each core: the import reads the file up to a cut
 * near its middle while another worker reads from the cut (readPart), then takes in what that one made of its
 * half (ImportSession.absorb) and reads on from where it stopped. Where the cut falls was counted in the bytes
 * before it (split-points.ts) and is checked exactly when the first half reaches it: its record, line and chunk
 * numbers must be the ones the second half started from, and every record near the cut an ordinary one. A
 * second half that started from a wrong guess is dropped, its chunks deleted, and read again by the first. The
 * second half stops at the first record whose reading depends on the rows before it (a total, a subtotal, a
 * footer, a broken row: see ImportSession.stopsPart); the first reads on from there. So the result is the one
 * reading of the whole file gives: the same rows, numbers, issues and exact sums (split-import.test.ts holds the
 * two to it), only the chunks cut at the halves' seam.
 */

/** Files smaller than this are read in one piece: a second worker's start costs more than it saves. */
export const SPLIT_MIN_BYTES = 8 << 20;

const LF = 10;
const CR = 13;

/** Whether a file can be read in two halves: text in an encoding where a line feed byte is always one. */
export function splittable(plan: ImportPlan, source: ByteSource, minBytes = SPLIT_MIN_BYTES): boolean {
  const e = plan.encoding;
  return (
    source.range !== undefined &&
    source.size >= minBytes &&
    !e.workbook &&
    !plan.authority &&
    (e.encoding === 'utf-8' || e.encoding === 'windows-1252')
  );
}

/**
 * The share of the file the first reader takes. More than half: the second starts later (a worker's start, and the
 * count of the bytes before the cut where the proof's has not come: 0.3 to 0.5 s of its 2.5 to 3.5 for 1M rows in
 * Chromium), and the two should end together (at 0.55 the first waited 0.2 to 0.25 s for the second, three runs of
 * the browser bench). The second's end is now mostly its last IndexedDB writes, queued behind the first's (one
 * writing transaction on a store at a time: 0.35 to 0.75 s): at 0.62 the first still waited 0.17 to 0.26 s, and the
 * receipt came no sooner than at 0.58 (three pairs of runs).
 */
export const FIRST_SHARE = 0.58;

/** The cut is the first line feed at most this far past FIRST_SHARE of the file. */
const CUT_WINDOW = 1 << 20;

/**
 * Where to cut: after the first line feed from `share` of the file on (within a megabyte of it); -1 where there is
 * none. `share`: the first reader's, FIRST_SHARE unless the second reader says another (Split.share: Node's).
 */
export async function findCut(source: ByteSource, share = FIRST_SHARE): Promise<number> {
  const mid = Math.floor(source.size * share);
  const window = await allBytes(source.range!(mid, Math.min(source.size, mid + CUT_WINDOW)));
  const lf = window.indexOf(LF);
  return lf < 0 || mid + lf + 1 >= source.size ? -1 : mid + lf + 1;
}

/** Where a file is cut (findCut), and the line breaks and records of the bytes before it, as readPart counts them. */
export interface CutCount {
  cut: number;
  breaks: number;
  records: number;
}

/**
 * The count of the bytes before a file's cut, made by a pass that reads every byte anyway (the proof: scan in
 * run-import.ts), so that the second half's worker need not read them again for it (a read of half the file and a
 * byte loop: 0.4 to 0.6 s before that worker could start, in Chromium, for a million rows). The cut is found as
 * findCut finds it. A count that proves wrong costs a re-read, never a row: the first half checks where the second
 * started when it reaches the cut (this file's opening comment).
 */
export class CutCounter {
  private readonly mid: number;
  private readonly counter = new BreakCounter();
  private offset = 0;
  private result: CutCount | null = null;
  private done = false;

  constructor(
    private readonly size: number,
    share = FIRST_SHARE,
  ) {
    this.mid = Math.floor(size * share);
  }

  /** The file's next bytes, in order. */
  push(piece: Uint8Array): void {
    if (this.done) return;
    const start = this.offset;
    this.offset += piece.length;
    const from = Math.max(0, this.mid - start);
    if (from >= piece.length) {
      this.counter.push(piece);
      return;
    }
    // The first line feed at or after mid, and before mid + CUT_WINDOW.
    const lf = piece.indexOf(LF, from);
    const limit = this.mid + CUT_WINDOW - start;
    if (lf < 0 || lf >= limit) {
      this.counter.push(piece);
      if (this.offset >= this.mid + CUT_WINDOW) this.done = true;
      return;
    }
    this.done = true;
    const cut = start + lf + 1;
    if (cut >= this.size) return;
    this.counter.push(piece.subarray(0, lf + 1));
    this.counter.finish();
    this.result = { cut, breaks: this.counter.breaks, records: this.counter.records };
  }

  /** The count, once the cut's bytes have been pushed; null where the file has no cut. */
  get count(): CutCount | null {
    return this.result;
  }
}

/**
 * The count before the cut made at once: the bytes before it read in one go and counted (findCut, then what readPart's
 * own count does), where a proof would count them only as its SHA-256 reaches the cut (CutCounter). For the page's
 * proof, made while the preview is looked at: the count is there when Import is pressed (0.2 to 0.3 s for 90 MB),
 * where it came with the proof's end (0.5 to 1.3 s), often after the second half had counted for itself. Null where
 * the file is too small to be read in halves, cannot be read in ranges, or has no cut.
 */
export async function countToCut(source: ByteSource, share = FIRST_SHARE): Promise<CutCount | null> {
  if (!source.range || source.size < SPLIT_MIN_BYTES) return null;
  const cut = await findCut(source, share);
  if (cut < 0) return null;
  return countBefore(source.range(0, cut), cut, () => false);
}

/** What the reading of a second half made of it, and where the first reading goes on from. */
export interface PartOutcome {
  part: SessionPart;
  /** The end of the file, or the start of the record the half stopped at. */
  stopByte: number;
}

/** The header row's cells, as the first half's reader reads them; null where that row is broken. */
async function headerOf(source: ByteSource, plan: ImportPlan): Promise<string[] | null> {
  let header: string[] | null = null;
  let index = 0;
  let broken = false;
  const reader = new RecordReader(plan.delimiter, (cells, problem) => {
    if (index++ === plan.headerIndex) {
      header = cells;
      broken = problem !== undefined;
    }
  });
  const decode = createDecoder(plan.encoding);
  // A small window first, doubled while the header is not in it: a source's own pieces are megabytes, all read and
  // parsed for one row (0.1 to 0.17 s of the second half's start in Chromium, with a 4 MB piece).
  let from = 0;
  for (let size = HEADER_BYTES; !header && from < source.size; size *= 2) {
    const to = Math.min(source.size, from + size);
    reader.push(decode(await allBytes(source.range!(from, to)), false));
    from = to;
  }
  return broken ? null : header;
}

/** The bytes first read for the header (lines above a header are few). */
const HEADER_BYTES = 64 << 10;

/**
 * The offset after the `n`th line break of a source (LF, CRLF or a CR alone, as the fast path ends a record: an
 * ordinary record holds no line break), or -1 where it has fewer.
 */
async function afterBreaks(source: ByteSource, n: number): Promise<number> {
  if (n === 0) return 0;
  let seen = 0;
  let offset = 0;
  let cr = false;
  for await (const piece of source.chunks()) {
    if (cr && piece[0] !== LF && ++seen === n) return offset;
    cr = false;
    if (piece.indexOf(CR) < 0) {
      for (let i = piece.indexOf(LF); i >= 0; i = piece.indexOf(LF, i + 1)) if (++seen === n) return offset + i + 1;
    } else {
      for (let i = 0; i < piece.length; i++) {
        const b = piece[i];
        if (b === LF) {
          if (++seen === n) return offset + i + 1;
        } else if (b === CR) {
          if (i + 1 === piece.length) cr = true;
          else if (piece[i + 1] !== LF && ++seen === n) return offset + i + 1;
        }
      }
    }
    offset += piece.length;
  }
  return cr && seen + 1 === n ? offset : -1;
}

/** The line breaks and records of the bytes before a cut; null where `stopped` says so first. */
async function countBefore(before: ByteSource, cut: number, stopped: () => boolean): Promise<CutCount | null> {
  const counter = new BreakCounter();
  // In pieces: a File's stream into buffers used in turn (blobSource) is faster than one read of the bytes whole,
  // and takes no new memory (one read of 52 MB took as much again, touched for the first time).
  for await (const piece of before.chunks()) {
    if (stopped()) return null;
    counter.push(piece);
  }
  counter.finish();
  return { cut, breaks: counter.breaks, records: counter.records };
}

/**
 * The count before the cut: the proof's, where it comes with one for this cut before this reader's own count is
 * done (the own count then stops, its bytes unread where the proof's came first); this reader's own otherwise.
 */
async function countFor(
  before: ByteSource,
  cut: number,
  given: PartOptions['counted'],
  header: Promise<unknown>,
): Promise<CutCount> {
  if (!given) return (await countBefore(before, cut, () => false))!;
  let proofs: CutCount | null = null;
  const fromProof = Promise.resolve(given).then(
    (c) => (proofs = c?.cut === cut ? c : null),
    () => null,
  );
  await header;
  if (proofs) return proofs;
  const own = countBefore(before, cut, () => proofs !== null);
  const first = await Promise.race([fromProof, own.then(() => null)]);
  return first ?? (await own) ?? proofs!;
}

export interface PartOptions {
  chunkRows?: number;
  signal?: AbortSignal;
  onProgress?: (bytes: number, rows: number) => void;
  /** Where the half's time goes (ms), for the benchmarks: counting the bytes before it, reading, handing chunks on. */
  timings?: Record<string, number>;
  /**
   * The count of the bytes before the cut made by the file's proof (CutCounter), or its promise where the proof is
   * still being made: used where it is this cut's and comes before this reader's own count is done.
   */
  counted?: CutCount | null | Promise<CutCount | null | undefined>;
}

/**
 * Reads the second half of a file, from `cut` (just after a line feed): counts the bytes before it for where its
 * first record stands, reads the header, then its rows into chunks (handed to `onChunk`) until the end of the file
 * or the first record it cannot read apart. Null where it cannot start (no data before the cut, a broken header).
 */
export async function readPart(
  source: ByteSource,
  plan: ImportPlan,
  cut: number,
  onChunk: (chunk: BuiltChunk) => void | Promise<void>,
  options: PartOptions = {},
): Promise<PartOutcome | null> {
  const clock = options.timings ? () => performance.now() : () => 0;
  const time = { count: 0, read: 0, session: 0, hand: 0 };
  let t = clock();
  const before = source.range!(0, cut);
  const heading = headerOf(before, plan);
  const counting = countFor(before, cut, options.counted, heading);
  counting.catch(() => undefined); // awaited below, unless the header is broken
  const header = await heading;
  if (!header) return null;
  const counter = await counting;
  time.count = clock() - t;
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  // The first half's chunks number at most its data records over chunkRows, and its records are at most its line
  // breaks: the second half's chunks start after that, so that the two never write a chunk of the same number.
  const firstChunk = Math.ceil(Math.max(0, counter.breaks - plan.headerIndex - 1) / chunkRows);
  if (counter.records <= plan.headerIndex + 1) return null;
  const pending: BuiltChunk[] = [];
  const session = new ImportSession(plan, (c) => pending.push(c), {
    chunkRows,
    part: { header, recordIndex: counter.records, line: counter.breaks + 1, chunkIndex: firstChunk },
  });
  const rest = source.range!(cut, source.size);
  const decode = createDecoder(plan.encoding, true);
  let bytes = 0;
  // The next piece is read while this one is decoded and read (read one after the other, the reads were 0.5 to 0.8 s
  // of a half of a million rows in Chromium, with this worker idle).
  const pieces = readAhead(rest);
  for (;;) {
    t = clock();
    const next = await pieces.next();
    time.read += clock() - t;
    if (next.done) break;
    const piece = next.value;
    if (options.signal?.aborted) return null;
    t = clock();
    session.pushBytes(piece, decode);
    time.session += clock() - t;
    t = clock();
    while (pending.length > 0) await onChunk(pending.shift()!);
    time.hand += clock() - t;
    bytes += piece.length;
    options.onProgress?.(bytes, session.rowsSeen - counter.records);
    if (session.stopped) {
      await pieces.return();
      break;
    }
  }
  if (!session.stopped) session.endBytes(decode);
  t = clock();
  const part = session.finishPart(!session.stopped);
  time.session += clock() - t;
  t = clock();
  while (pending.length > 0) await onChunk(pending.shift()!);
  time.hand += clock() - t;
  if (options.timings) {
    options.timings.partCount = time.count;
    options.timings.partRead = time.read;
    options.timings.partSession = time.session;
    options.timings.partHand = time.hand;
  }
  if (!session.stopped) return { part, stopByte: source.size };
  // Every record the half read was an ordinary one, a line each: the one it stopped at starts after as many breaks.
  const at = await afterBreaks(rest, part.recordIndex - part.start.recordIndex);
  return at < 0 ? null : { part, stopByte: cut + at };
}
