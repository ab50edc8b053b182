/*
 * A large import's chunk bytes in files of the origin private file system (OPFS), not in IndexedDB's values.
 *
 * Why: IndexedDB took a million-row import's 32 MB of chunk bytes at about 1 s of the browser's CPU and 100 MB of
 * new memory in its own process, 0.2-0.8 s of the receipt (bench/README.md, eighteenth stop). A file written
 * through a sync access handle, in the worker that packs the chunks, costs the bytes' copy into the kernel's cache.
 *
 * The chunk records stay in IndexedDB's `chunks` store, keyed as before, and commit with the dataset as before; a
 * filed record holds where its bytes are (FiledChunkRecord, chunk-records.ts) instead of the bytes. So everything
 * that counts, deletes or sweeps chunks by their keys works as it did, and only reading the bytes goes to the file.
 * Files live at chunks/<dataset id>/<first chunk's index>-<uuid>.bin: one directory a dataset, one file for each
 * worker that wrote chunks (a large file's two halves), removed with the dataset, an abandoned import, a dropped
 * second half, or as an orphan at start-up.
 */

const DIRECTORY = 'chunks';

/** Where a chunk's bytes are: its dataset's directory, a file in it, and the byte range. */
export interface ChunkFileRange {
  file: string;
  offset: number;
  length: number;
}

async function chunksDirectory(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(DIRECTORY, { create });
  } catch {
    return null;
  }
}

/** Whether chunks can be written to files here: in a dedicated worker of a browser with OPFS's sync access handles. */
function filesCanBeWritten(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function' &&
    typeof FileSystemFileHandle !== 'undefined' &&
    typeof FileSystemFileHandle.prototype.createSyncAccessHandle === 'function'
  );
}

/**
 * A chunk file's name in its dataset's directory: the index of its writer's first chunk, and a uuid. The index lets a
 * dropped second half's file be found by its name alone (removeChunkFiles), records or not.
 */
const fileNameOf = (firstChunk: number): string => `${firstChunk}-${crypto.randomUUID()}.bin`;
const firstChunkOf = (fileName: string): number => Number(fileName.split('-')[0]);

/** The size a chunk file is first given (its growth, above). */
const INITIAL_SIZE = 4 * 1024 * 1024;

/** The file one worker writes an import's chunk bytes to, one after another. */
export class ChunkFile {
  private at = 0;
  /** The file's size as set (truncate): grown ahead of the writes, and cut to what was written at the end. */
  private size = 0;

  private constructor(
    private readonly handle: FileSystemSyncAccessHandle,
    private readonly name: string,
  ) {}

  /**
   * A new file for a dataset's chunks, or null where files cannot be written here (the bytes then go to IndexedDB,
   * as they did before files: tests under Node, a browser without sync access handles, a directory refused).
   */
  static async open(datasetId: string, firstChunk: number): Promise<ChunkFile | null> {
    if (!filesCanBeWritten()) return null;
    try {
      const directory = await chunksDirectory(true);
      if (!directory) return null;
      const own = await directory.getDirectoryHandle(datasetId, { create: true });
      const name = fileNameOf(firstChunk);
      const file = await own.getFileHandle(name, { create: true });
      try {
        return new ChunkFile(await file.createSyncAccessHandle(), `${datasetId}/${name}`);
      } catch {
        // No handle, no file: the bytes go to IndexedDB, and no empty file stays beside the dataset's.
        await own.removeEntry(name).catch(() => undefined);
        return null;
      }
    } catch {
      return null;
    }
  }

  /** Writes a chunk's bytes after the last, whole (a short write is an error: the disk is full). */
  append(bytes: Uint8Array): ChunkFileRange {
    const offset = this.at;
    // Grown by doubling, not by each write: a file's growth is checked against the site's quota by the browser's
    // process, so it grows a few times (4, 8, 16, 32 MiB for a half of a million rows), not at each of its 280-390 chunks.
    const needed = offset + bytes.length;
    if (needed > this.size) {
      try {
        this.handle.truncate(Math.max(2 * this.size, needed, INITIAL_SIZE));
      } catch {
        // Quota for the doubled size refused: the bytes themselves may still fit (a refusal now is the import's).
        this.handle.truncate(needed);
      }
      this.size = this.handle.getSize();
    }
    let written = 0;
    while (written < bytes.length) {
      const n = this.handle.write(bytes.subarray(written), { at: offset + written });
      if (n <= 0)
        throw new DOMException('The chunk file could not be written (is the disk full?)', 'QuotaExceededError');
      written += n;
    }
    this.at += bytes.length;
    return { file: this.name, offset, length: bytes.length };
  }

  /** Flushes the bytes written to disk and lets the file go (a file is read only once its writer has closed it). */
  close(): void {
    try {
      if (this.size !== this.at) this.handle.truncate(this.at);
      this.handle.flush();
    } finally {
      this.handle.close();
    }
  }
}

/**
 * Files opened for reading, by name: a file is written once, closed before its chunks' records are committed, and
 * never changed after, so a File read once answers every later read of it. Kept for a few files only.
 */
const opened = new Map<string, Promise<File>>();
const OPENED_AT_MOST = 8;

async function fileNamed(name: string): Promise<File> {
  let file = opened.get(name);
  if (!file) {
    file = (async () => {
      const [datasetId, base] = name.split('/');
      const directory = await chunksDirectory(false);
      if (!directory || !datasetId || !base) throw new Error('its file is missing');
      const handle = await (await directory.getDirectoryHandle(datasetId)).getFileHandle(base);
      return handle.getFile();
    })();
    file.catch(() => opened.delete(name));
    if (opened.size >= OPENED_AT_MOST) opened.delete(opened.keys().next().value!);
    opened.set(name, file);
  }
  return file;
}

/** The bytes of a file from `from` to `to` (or to its end, if sooner); throws (in words) where the file is not there. */
async function readFileBytes(name: string, from: number, to: number): Promise<Uint8Array> {
  let file: File;
  try {
    file = await fileNamed(name);
  } catch {
    throw new Error('its file is missing');
  }
  return new Uint8Array(await file.slice(from, to).arrayBuffer());
}

/** A chunk's bytes read from its file; throws (in words) where the file or the range is not there. */
export async function readChunkFile(range: ChunkFileRange, reader?: ChunkFileReader): Promise<Uint8Array> {
  const bytes = reader
    ? await reader.read(range)
    : await readFileBytes(range.file, range.offset, range.offset + range.length);
  if (bytes.length < range.length) throw new Error('its file is shorter than its record says');
  return bytes;
}

/** Bytes read at once by a ChunkFileReader: about 75 chunks of an ordinary ledger. */
const WINDOW_BYTES = 4 * 1024 * 1024;

/**
 * Reads chunks in the order they were written, many in one read of their file: a read of a File costs a round trip
 * through the browser's process whatever its size. The first drill-down into a million rows whose line index was not
 * kept (the page left before it was), which makes it from the 667 chunks: 2,286 ms with each chunk read alone, 1,084
 * ms in windows of WINDOW_BYTES (one run each, bench/README.md, eighteenth stop; from IndexedDB: 1,254 ms).
 */
export class ChunkFileReader {
  private window: { file: string; start: number; end: number; bytes: Promise<Uint8Array> } | null = null;

  read(range: ChunkFileRange): Promise<Uint8Array> {
    const end = range.offset + range.length;
    let w = this.window;
    if (!w || w.file !== range.file || range.offset < w.start || end > w.end) {
      const to = Math.max(end, range.offset + WINDOW_BYTES);
      w = { file: range.file, start: range.offset, end: to, bytes: readFileBytes(range.file, range.offset, to) };
      // A window no read reaches (its reading stopped) fails unheard.
      w.bytes.catch(() => undefined);
      this.window = w;
    }
    const { start } = w;
    return w.bytes.then((b) => b.slice(range.offset - start, end - start));
  }
}

/** Tries to remove a directory entry: true when removed or not there, false when still refused after the retries. */
async function removed(directory: FileSystemDirectoryHandle, name: string, recursive: boolean): Promise<boolean> {
  // A worker stopped by the page (a cancel, a crash) lets its file go only once the browser has ended it, a moment
  // after: until then removing the file is refused (NoModificationAllowedError), so it is asked again a few times.
  for (let wait = 25; ; wait *= 2) {
    try {
      await directory.removeEntry(name, { recursive });
      return true;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'NotFoundError') return true;
      if (wait > RETRY_FOR_MS) return false;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** How long removing a file still held open is asked again, at most (in doubling waits: 25 + 50 + ... ms). */
const RETRY_FOR_MS = 800;

/**
 * Removes a dataset's chunk files: all of them, or (`from`) those of writers whose first chunk is numbered `from` or
 * above. One still held open after the retries is left to the next start's sweep (sweepChunkFiles): its records are
 * gone already, and nothing reads it.
 */
export async function removeChunkFiles(datasetId: string, from?: number): Promise<void> {
  const directory = await chunksDirectory(false);
  if (!directory) return;
  for (const name of opened.keys()) if (name.startsWith(`${datasetId}/`)) opened.delete(name);
  if (from === undefined) {
    await removed(directory, datasetId, true);
    return;
  }
  const own = await directory.getDirectoryHandle(datasetId).catch(() => null);
  if (!own) return;
  const gone: string[] = [];
  for await (const name of own.keys()) if (firstChunkOf(name) >= from) gone.push(name);
  for (const name of gone) await removed(own, name, false);
}

/** Removes the chunk files of every dataset id not in `keep` (start-up, with no import running: the caller's lock). */
export async function sweepChunkFiles(keep: ReadonlySet<string>): Promise<number> {
  const directory = await chunksDirectory(false);
  if (!directory) return 0;
  const gone: string[] = [];
  for await (const name of directory.keys()) if (!keep.has(name)) gone.push(name);
  let count = 0;
  for (const name of gone) if (await removed(directory, name, true)) count++;
  return count;
}
