/*
 * How many rows an .xlsx sheet holds, read before the workbook is opened. The library reads a workbook whole,
 * every cell an object, so a sheet of a million rows would take minutes and gigabytes before a word could be
 * said. Excel writes each sheet's used range (<dimension ref="A1:J1000001"/>) at the top of the sheet's XML:
 * reading that needs the workbook's list of sheets, its relationships (both small) and the first few kilobytes
 * of the sheet, inflated with the platform's DecompressionStream (the browser's and Node's). A sheet that does
 * not say is opened with the library's row cap instead (workbook.ts), so memory stays bounded either way.
 *
 * Written here rather than taken from a zip library because it needs only the zip's table of contents and a
 * partial inflate, which DecompressionStream gives; the workbook library itself offers no way to stop early.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Unpacked; 0xffffffff in a zip64 entry (more than 4 GB). */
  size: number;
  localOffset: number;
}

/**
 * The zip's table of contents (its central directory, at the end): 'cut-short' when its end record is missing
 * (a file cut short), 'damaged' when the directory does not read.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | 'cut-short' | 'damaged' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'cut-short';
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let e = 0; e < count; e++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return 'damaged';
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The first `limit` bytes (about) of an entry, as text; null when it cannot be read. */
async function entryText(bytes: Uint8Array, entry: ZipEntry, limit: number): Promise<string | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) return new TextDecoder().decode(data.subarray(0, limit));
  if (entry.method !== 8) return null;
  // Fed 64 KB at a time, so only what the reader asks for is inflated.
  let fed = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (fed >= data.length) controller.close();
      else controller.enqueue(data.slice(fed, (fed += 65536)));
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return text === '' ? null : text;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return text;
}

const attribute = (tag: string, name: string): string | null =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/**
 * The number of rows the sheet's used range reaches (its last row), by name (null: the first visible sheet),
 * from an .xlsx; null when the workbook or the sheet does not say (an .ods, an .xls, a sheet with no dimension).
 */
export async function xlsxSheetRows(bytes: Uint8Array, sheet: string | null): Promise<number | null> {
  const entries = zipEntries(bytes);
  if (typeof entries === 'string') return null;
  const find = (name: string) => entries.find((e) => e.name === name);
  const book = find('xl/workbook.xml');
  const rels = find('xl/_rels/workbook.xml.rels');
  if (!book || !rels) return null;
  const [bookXml, relsXml] = await Promise.all([entryText(bytes, book, 1 << 20), entryText(bytes, rels, 1 << 20)]);
  if (bookXml === null || relsXml === null) return null;
  const sheets = [...bookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attribute(m[0], 'name'),
    id: attribute(m[0], 'r:id'),
    hidden: (attribute(m[0], 'state') ?? 'visible') !== 'visible',
  }));
  const chosen = sheet === null ? (sheets.find((s) => !s.hidden) ?? sheets[0]) : sheets.find((s) => s.name === sheet);
  if (!chosen?.id) return null;
  const rel = [...relsXml.matchAll(/<Relationship\b[^>]*>/g)].find((m) => attribute(m[0], 'Id') === chosen.id);
  const target = rel ? attribute(rel[0], 'Target') : null;
  if (!target) return null;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const part = find(path);
  if (!part) return null;
  const head = await entryText(bytes, part, 8192);
  const ref = head === null ? null : /<dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head);
  if (!ref) return null;
  const last = ref[1] ?? /<dimension\s+ref="[A-Z]+(\d+)"/.exec(head ?? '')?.[1];
  return last === undefined ? null : Number(last);
}
