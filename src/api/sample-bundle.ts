/*
 * The sample's files in one response (data/sample-files.bin, made by the build from data/*.csv): a first start
 * asks for one file rather than 26, which a browser fetches six at a time, each a round trip through the page's
 * busy thread and the server. Each file's bytes are kept exactly as they are in data/ (their SHA-256 is the
 * receipts'): a first line naming the layout, a line listing each file's name and length in bytes, then the
 * files' bytes one after the other.
 */

export const SAMPLE_BUNDLE = 'sample-files.bin';
const LAYOUT = 'outturn-sample-files 1';

/** The files given, in one bundle. */
export function packSampleBundle(files: readonly (readonly [string, Uint8Array])[]): Uint8Array<ArrayBuffer> {
  const head = new TextEncoder().encode(`${LAYOUT}\n${JSON.stringify(files.map(([n, b]) => [n, b.length]))}\n`);
  const out = new Uint8Array(head.length + files.reduce((n, [, b]) => n + b.length, 0));
  out.set(head, 0);
  let at = head.length;
  for (const [, b] of files) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/**
 * The files a bundle holds, by name; null when the bytes are not a whole bundle of this layout (a server that
 * answers every address with its page, a response cut short): the caller then fetches each file on its own.
 */
export function unpackSampleBundle(bytes: Uint8Array<ArrayBuffer>): Map<string, Uint8Array<ArrayBuffer>> | null {
  const first = bytes.indexOf(10);
  const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
  if (second < 0) return null;
  const decode = (from: number, to: number) => new TextDecoder().decode(bytes.subarray(from, to));
  if (decode(0, first) !== LAYOUT) return null;
  let list: unknown;
  try {
    list = JSON.parse(decode(first + 1, second));
  } catch {
    return null;
  }
  if (!Array.isArray(list)) return null;
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  let at = second + 1;
  for (const entry of list) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isSafeInteger(entry[1]) || entry[1] < 0)
      return null;
    const length = entry[1] as number;
    if (at + length > bytes.length) return null;
    files.set(entry[0], bytes.subarray(at, at + length));
    at += length;
  }
  return at === bytes.length ? files : null;
}
