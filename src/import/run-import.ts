import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createDecoder, EncodingDetector, type EncodingEvidence, type EncodingVerdict } from './decode';
import type { ImportPlan } from './import-plan';
import { ImportSession } from './import-session';
import type { SessionResult } from './session-result';
import type { StoredChunk } from './stored-chunk';
import { buildPreview, PREVIEW_CHARS, type Preview, type PreviewChoices } from './preview';
import { MAX_ROW_CHARS } from './record-reader';

/*
 * The whole pipeline over a file's bytes, the same in the browser's worker (bytes from a File) and in
 * Node (bytes from disk): pass 1 hashes the bytes and proves the encoding; pass 2 decodes and parses,
 * streaming, so a file larger than a string can hold is never held whole.
 */

/** A file that can be read more than once, in pieces. */
export interface ByteSource {
  name: string;
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

export interface Scan {
  sha256: string;
  verdict: EncodingVerdict;
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

/** Pass 1: SHA-256 of the bytes and the encoding, with its evidence. */
export async function scan(
  source: ByteSource,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Scan> {
  const hash = sha256.create();
  const detector = new EncodingDetector();
  let bytes = 0;
  for await (const chunk of source.chunks()) {
    if (signal?.aborted) throw new ImportCancelled();
    hash.update(chunk);
    detector.push(chunk);
    bytes += chunk.length;
    onProgress?.({ phase: 'scanning', bytes, totalBytes: source.size, rows: 0 });
  }
  detector.push(new Uint8Array(), true);
  return { sha256: bytesToHex(hash.digest()), verdict: detector.verdict() };
}

/** The preview from the first part of the file, decoded as pass 1 decided. */
export async function preview(
  source: ByteSource,
  encoding: EncodingEvidence,
  choices: PreviewChoices = {},
): Promise<Preview> {
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
  return buildPreview(
    source.name,
    source.size,
    encoding,
    cut > 0 ? window.slice(0, cut) : text.slice(0, MAX_ROW_CHARS + 1),
    choices,
  );
}

/** Pass 2: every row, streamed into chunks. */
export async function importRows(
  source: ByteSource,
  plan: ImportPlan,
  onChunk: (chunk: StoredChunk) => void | Promise<void>,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<SessionResult> {
  const pending: StoredChunk[] = [];
  const session = new ImportSession(plan, (c) => pending.push(c));
  const decode = createDecoder(plan.encoding);
  let bytes = 0;
  for await (const chunk of source.chunks()) {
    if (signal?.aborted) throw new ImportCancelled();
    session.push(decode(chunk, false));
    bytes += chunk.length;
    while (pending.length > 0) await onChunk(pending.shift()!);
    onProgress?.({ phase: 'importing', bytes, totalBytes: source.size, rows: session.rowsSeen });
  }
  session.push(decode(new Uint8Array(), true));
  const result = session.finish();
  while (pending.length > 0) await onChunk(pending.shift()!);
  return result;
}
