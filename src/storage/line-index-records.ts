import {
  chunkOfPosition,
  headOf,
  positionOf,
  rowOfPosition,
  type IndexHead,
  type IndexLines,
  type LineIndex,
} from '../import/line-index';
import { openOutturnDb, type Db } from './db';

/*
 * A ledger's line index (src/import/line-index.ts) as IndexedDB keeps it, in the `lineIndex` store: part 0 the
 * pairs and their counts and sums by period, parts 1 onwards the lines' positions, POSITIONS_A_PART to a part, so
 * that a drill-down reads the positions of the page it shows, not every line's; parts -1 downwards the same lines'
 * amounts and dates (LineKeysRecord), for a list sorted by them. Written by the import after its
 * dataset record and its reply (src/worker/after-reply.ts), where the dataset still is; deleted with its chunks.
 * Optional: a dataset stored before the index existed, or taken in from a workspace file, has none until the read
 * worker makes it from the dataset's chunks at its first drill-down (saveLineIndex).
 */

/** Lines a part: 256 KB of positions (and, in a part of their own, 512 KB of their amounts and dates). */
const POSITIONS_A_PART = 65_536;

/** The index without its lines: what a reader holds of a dataset, reading the parts of its lines it needs. */
export type LineIndexHead = IndexHead & { lineCount: number };

/** A part of an index's lines (part 1 on): each line's chunk and its row in the chunk. */
interface LinePartRecord {
  datasetId: string;
  part: number;
  chunks: Uint8Array | Uint16Array | Uint32Array;
  rows: Uint16Array;
}

/**
 * The same lines' amounts and posting dates (part -1 for part 1, and so on; since 5 December 2026), by which a pair's
 * lines are sorted without reading their chunks: written after the head and the places, in a transaction of their
 * own, so that the index a drill-down needs is kept as soon as before (the amounts and dates took its write from
 * 161-289 to 306-510 ms, three runs each, a million rows), and a list sorted before they are kept reads its rows.
 */
interface LineKeysRecord {
  datasetId: string;
  part: number;
  pence: Int32Array | Float64Array;
  dates: Uint32Array;
}

export type LineIndexRecord = ({ datasetId: string; part: 0 } & LineIndexHead) | LinePartRecord | LineKeysRecord;

/** The records of an index: its head and its lines' places a part at a time; then their amounts and dates. */
function lineIndexRecords(datasetId: string, index: LineIndex): { places: LineIndexRecord[]; keys: LineKeysRecord[] } {
  const { positions } = index;
  const places: LineIndexRecord[] = [{ datasetId, part: 0, ...headOf(index), lineCount: positions.length }];
  // Each position as its chunk and its row in the chunk: 3 bytes a line where a dataset has at most 256 chunks
  // (2.56 million rows), not 4 (positions in date order do not compress).
  const chunkArray = (n: number) =>
    index.chunkCount <= 0x100
      ? new Uint8Array(n)
      : index.chunkCount <= 0x10000
        ? new Uint16Array(n)
        : new Uint32Array(n);
  for (let from = 0, part = 1; from < positions.length; from += POSITIONS_A_PART, part++) {
    const to = from + POSITIONS_A_PART;
    const some = positions.subarray(from, to);
    const chunks = chunkArray(some.length);
    const rows = new Uint16Array(some.length);
    for (let i = 0; i < some.length; i++) {
      chunks[i] = chunkOfPosition(some[i]!);
      rows[i] = rowOfPosition(some[i]!);
    }
    places.push({ datasetId, part, chunks, rows });
  }
  return { places, keys: keyRecords(datasetId, index) };
}

/** The records of an index's lines' amounts and dates, a part for each part of their places. */
function keyRecords(datasetId: string, lines: Pick<IndexLines, 'linePence' | 'lineDates'>): LineKeysRecord[] {
  const keys: LineKeysRecord[] = [];
  for (let from = 0, part = 1; from < lines.linePence.length; from += POSITIONS_A_PART, part++) {
    const to = from + POSITIONS_A_PART;
    keys.push({
      datasetId,
      part: -part,
      pence: lines.linePence.slice(from, to),
      dates: lines.lineDates.slice(from, to),
    });
  }
  return keys;
}

/** Writes an import's index (before its dataset record: see above). */
export async function putLineIndex(datasetId: string, index: LineIndex, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  const { places, keys } = lineIndexRecords(datasetId, index);
  const tx = d.transaction('lineIndex', 'readwrite');
  await Promise.all([...[...places, ...keys].map((r) => tx.store.put(r)), tx.done]);
}

/**
 * Keeps an index made of a stored dataset (by the import after its reply, or by the read worker), each of its two
 * transactions (the head and the places, then the amounts and dates) with a look at the dataset record: a dataset
 * deleted meanwhile gets none (nothing is left that no dataset names). Returns whether all of it was kept.
 */
export async function saveLineIndex(datasetId: string, index: LineIndex, db?: Db): Promise<boolean> {
  const d = db ?? (await openOutturnDb());
  const { places, keys } = lineIndexRecords(datasetId, index);
  return (await putWhereThere(d, datasetId, places)) && (await putWhereThere(d, datasetId, keys));
}

/**
 * Keeps the amounts and dates of a stored index's lines (in the order of its places) where it was kept without them:
 * read by the read worker from the rows (LedgerLinesReader.warm). Only while the dataset is there; returns whether.
 */
export async function saveLineKeys(
  datasetId: string,
  lines: Pick<IndexLines, 'linePence' | 'lineDates'>,
  db?: Db,
): Promise<boolean> {
  return putWhereThere(db ?? (await openOutturnDb()), datasetId, keyRecords(datasetId, lines));
}

/** Puts records of a dataset's index in one transaction with a look at its record: none where it is gone. */
async function putWhereThere(d: Db, datasetId: string, records: readonly LineIndexRecord[]): Promise<boolean> {
  const tx = d.transaction(['datasets', 'lineIndex'], 'readwrite');
  const there = (await tx.objectStore('datasets').getKey(datasetId)) !== undefined;
  if (there) for (const r of records) void tx.objectStore('lineIndex').put(r);
  await tx.done;
  return there;
}

const isTyped = (v: unknown, tag: string): boolean => Object.prototype.toString.call(v) === `[object ${tag}]`;

/** A dataset's index head, or null where it has none (or one that is not whole: made again from the chunks). */
export async function readLineIndexHead(datasetId: string, db?: Db): Promise<LineIndexHead | null> {
  const d = db ?? (await openOutturnDb());
  const r = (await d.get('lineIndex', [datasetId, 0])) as Record<string, unknown> | undefined;
  if (
    !r ||
    !Array.isArray(r.costCentres) ||
    !Array.isArray(r.subjectives) ||
    !isTyped(r.pairCostCentre, 'Uint32Array') ||
    !isTyped(r.pairSubjective, 'Uint32Array') ||
    !isTyped(r.entryStart, 'Uint32Array') ||
    !isTyped(r.entryPeriod, 'Uint8Array') ||
    !(isTyped(r.entryCount, 'Uint16Array') || isTyped(r.entryCount, 'Uint32Array')) ||
    !(isTyped(r.entryPence, 'Int32Array') || isTyped(r.entryPence, 'Float64Array')) ||
    typeof r.chunkCount !== 'number' ||
    typeof r.lineCount !== 'number'
  )
    return null;
  return { ...headOf(r as unknown as LineIndex), lineCount: r.lineCount };
}

/** The parts of a dataset's index that hold its lines `from` to `to` (not included), each with its first line. */
async function partsHolding(
  datasetId: string,
  from: number,
  to: number,
  db?: Db,
): Promise<{ start: number; part: LinePartRecord }[]> {
  const d = db ?? (await openOutturnDb());
  const first = 1 + Math.floor(from / POSITIONS_A_PART);
  const last = 1 + Math.floor((to - 1) / POSITIONS_A_PART);
  const tx = d.transaction('lineIndex', 'readonly');
  const parts = await Promise.all(
    Array.from({ length: last - first + 1 }, (_, k) => tx.store.get([datasetId, first + k])),
  );
  return parts.map((r, k) => {
    const part = r && 'rows' in r ? r : undefined;
    if (
      !part ||
      !ArrayBuffer.isView(part.chunks) ||
      !isTyped(part.rows, 'Uint16Array') ||
      part.chunks.length !== part.rows.length
    )
      throw new Error(`part ${first + k} of its line index is missing`);
    return { start: (first + k - 1) * POSITIONS_A_PART, part };
  });
}

/** Positions `from` to `to` (not included) of a dataset's index, reading only the parts that hold them. */
export async function readLinePositions(datasetId: string, from: number, to: number, db?: Db): Promise<Uint32Array> {
  const out = new Uint32Array(Math.max(0, to - from));
  if (to <= from) return out;
  let filled = 0;
  for (const { start, part } of await partsHolding(datasetId, from, to, db)) {
    const lo = Math.max(from, start);
    const hi = Math.min(to, start + part.rows.length);
    for (let i = lo; i < hi; i++) out[i - from] = positionOf(part.chunks[i - start]!, part.rows[i - start]!);
    filled += Math.max(0, hi - lo);
  }
  if (filled !== out.length) throw new Error('its line index is cut short');
  return out;
}

/**
 * Lines `from` to `to` (not included) of a dataset's index, with their amounts and dates; null where they are not
 * kept (an index written before 5 December 2026, or whose amounts and dates were not yet written when its page was
 * left), whose lists are then sorted from their lines' chunks.
 */
export async function readLineKeys(datasetId: string, from: number, to: number, db?: Db): Promise<IndexLines | null> {
  const n = Math.max(0, to - from);
  if (n === 0) return { positions: new Uint32Array(0), linePence: new Float64Array(0), lineDates: new Uint32Array(0) };
  const d = db ?? (await openOutturnDb());
  const first = 1 + Math.floor(from / POSITIONS_A_PART);
  const last = 1 + Math.floor((to - 1) / POSITIONS_A_PART);
  // The places asked for beside the amounts and dates, not after them.
  const placed = readLinePositions(datasetId, from, to, d);
  placed.catch(() => undefined); // awaited below, unless there are no amounts and dates
  const tx = d.transaction('lineIndex', 'readonly');
  const stored = (await Promise.all(
    Array.from({ length: last - first + 1 }, (_, k) => tx.store.get([datasetId, -(first + k)])),
  )) as (Partial<LineKeysRecord> | undefined)[];
  const parts: LineKeysRecord[] = [];
  for (const r of stored) {
    if (
      !r ||
      !(isTyped(r.pence, 'Int32Array') || isTyped(r.pence, 'Float64Array')) ||
      !isTyped(r.dates, 'Uint32Array') ||
      r.pence!.length !== r.dates!.length
    )
      return null;
    parts.push(r as LineKeysRecord);
  }
  const positions = await placed;
  const pence = parts.every((p) => isTyped(p.pence, 'Int32Array')) ? new Int32Array(n) : new Float64Array(n);
  const dates = new Uint32Array(n);
  let filled = 0;
  parts.forEach((part, k) => {
    const start = (first + k - 1) * POSITIONS_A_PART;
    const lo = Math.max(from, start);
    const hi = Math.min(to, start + part.pence.length);
    for (let i = lo; i < hi; i++) {
      pence[i - from] = part.pence[i - start]!;
      dates[i - from] = part.dates[i - start]!;
    }
    filled += Math.max(0, hi - lo);
  });
  if (filled !== n) throw new Error('its line index is cut short');
  return { positions, linePence: pence, lineDates: dates };
}
