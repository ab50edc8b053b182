import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createDecoder, EncodingDetector, type EncodingEvidence, type EncodingVerdict } from './decode';
import { ImportSession, type ImportPlan, type SessionResult, type StoredChunk } from './import-session';
import { buildPreview, PREVIEW_CHARS, type Preview, type PreviewChoices } from './preview';

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
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was kept.');
  }
}

/** Pass 1: SHA-256 of the bytes and the encoding, with its evidence. */
export async function scan(source: ByteSource, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<Scan> {
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
export async function preview(source: ByteSource, encoding: EncodingEvidence, choices: PreviewChoices = {}): Promise<Preview> {
  const decode = createDecoder(encoding.encoding);
  let text = '';
  for await (const chunk of source.chunks()) {
    text += decode(chunk, false);
    if (text.length >= PREVIEW_CHARS) break;
  }
  // Cut at the last line break so the preview does not end in half a row (unless the file is that short).
  const cut = text.length >= PREVIEW_CHARS ? Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) : -1;
  return buildPreview(source.name, source.size, encoding, cut > 0 ? text.slice(0, cut) : text, choices);
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
  const decode = createDecoder(plan.encoding.encoding);
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
