// The origin private file system as far as chunk-files.ts uses it, in memory: Node has none. What it keeps of the
// real one's rules, the code depends on: a sync access handle is exclusive (a second one, or removing the file while
// it is open, is refused with NoModificationAllowedError); getFile() gives the bytes as they are then; a missing
// entry is NotFoundError; a write or a growth past the quota is QuotaExceededError.
import { vi } from 'vitest';

const refused = (what: string): DOMException => new DOMException(what, 'NoModificationAllowedError');
const missing = (name: string): DOMException => new DOMException(`${name} is not there`, 'NotFoundError');
/** A promise of what `work` gives, or rejected with what it throws, as the asynchronous API's methods are. */
const settled = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

/** The site's quota for these files, in bytes. */
let quota = Infinity;
/** Whether sync access handles are refused (as where the browser gives none to this context). */
let handlesRefused = false;

class FakeFileHandle {
  bytes = new Uint8Array(0);
  open = false;

  resize(size: number): void {
    if (size > quota) throw new DOMException('over quota', 'QuotaExceededError');
    const resized = new Uint8Array(size);
    resized.set(this.bytes.subarray(0, size));
    this.bytes = resized;
  }

  write(buffer: AllowSharedBufferSource, at: number): number {
    if (!this.open) throw new DOMException('closed', 'InvalidStateError');
    const data = ArrayBuffer.isView(buffer)
      ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      : new Uint8Array(buffer);
    if (at + data.length > this.bytes.length) this.resize(at + data.length);
    this.bytes.set(data, at);
    return data.length;
  }

  createSyncAccessHandle(): Promise<FileSystemSyncAccessHandle> {
    return settled(() => {
      if (handlesRefused) throw new DOMException('no handle', 'InvalidStateError');
      if (this.open) throw refused('the file is open already');
      this.open = true;
      const handle: Partial<FileSystemSyncAccessHandle> = {
        write: (buffer, options) => this.write(buffer, options?.at ?? 0),
        flush: () => undefined,
        close: () => void (this.open = false),
        getSize: () => this.bytes.length,
        truncate: (size) => this.resize(size),
      };
      return handle as FileSystemSyncAccessHandle;
    });
  }

  getFile(): Promise<File> {
    return settled(() => new File([this.bytes.slice()], 'chunk.bin'));
  }
}

class FakeDirectory {
  readonly entries = new Map<string, FakeDirectory | FakeFileHandle>();

  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<FakeDirectory> {
    return this.entry(name, options?.create === true, FakeDirectory);
  }

  getFileHandle(name: string, options?: { create?: boolean }): Promise<FakeFileHandle> {
    return this.entry(name, options?.create === true, FakeFileHandle);
  }

  /** The entry of that name and kind, made where asked (`create`); NotFoundError where there is none of that kind. */
  private entry<T extends FakeDirectory | FakeFileHandle>(
    name: string,
    create: boolean,
    Kind: new () => T,
  ): Promise<T> {
    return settled(() => {
      let entry = this.entries.get(name);
      if (!entry && create) this.entries.set(name, (entry = new Kind()));
      if (!(entry instanceof Kind)) throw missing(name);
      return entry;
    });
  }

  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void> {
    return settled(() => {
      const entry = this.entries.get(name);
      if (!entry) throw missing(name);
      if (entry instanceof FakeDirectory && entry.entries.size > 0 && !options?.recursive)
        throw new DOMException('not empty', 'InvalidModificationError');
      if (entry instanceof FakeFileHandle ? entry.open : entry.anyOpen()) throw refused(`${name} is open`);
      this.entries.delete(name);
    });
  }

  anyOpen(): boolean {
    return [...this.entries.values()].some((e) => (e instanceof FakeFileHandle ? e.open : e.anyOpen()));
  }

  keys(): AsyncIterableIterator<string> {
    const names = [...this.entries.keys()][Symbol.iterator]();
    const iterator: AsyncIterableIterator<string> = {
      next: () => Promise.resolve(names.next()),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}

/** Gives this test an empty origin private file system (navigator.storage.getDirectory), to write and look in. */
export function fakeFileSystem(): {
  root: FakeDirectory;
  files: (datasetId: string) => string[];
  setQuota: (bytes: number) => void;
  refuseHandles: () => void;
} {
  const root = new FakeDirectory();
  quota = Infinity;
  handlesRefused = false;
  vi.stubGlobal('FileSystemFileHandle', FakeFileHandle);
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { getDirectory: () => Promise.resolve(root) },
  });
  const files = (datasetId: string): string[] => {
    const chunks = root.entries.get('chunks');
    const own = chunks instanceof FakeDirectory ? chunks.entries.get(datasetId) : undefined;
    return own instanceof FakeDirectory ? [...own.entries.keys()] : [];
  };
  return { root, files, setQuota: (bytes) => void (quota = bytes), refuseHandles: () => void (handlesRefused = true) };
}
