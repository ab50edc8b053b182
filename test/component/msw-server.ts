// The msw server for component tests: it answers GET /data/<file>.csv, on any origin, with the bytes
// of that sample file in data/ (read from disk, so tests see exactly what the app ships), and 404
// for a file that is not there. Anything else a test fetches is an error (onUnhandledRequest:
// 'error' in setup.ts) unless the test adds a handler with server.use(...), which afterEach undoes.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** The repository's data/ folder. (Not `new URL('../../data/', import.meta.url)`: under happy-dom, Vite
 * rewrites that pattern into an http://localhost:3000/ asset URL.) */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

// Only plain file names: no path separators, no '..', so a handler cannot read outside data/.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The bytes of data/<name>, or undefined when there is no such file. */
async function readDataFile(name: string): Promise<Uint8Array | undefined> {
  if (!SAFE_NAME.test(name)) return undefined;
  try {
    return new Uint8Array(await readFile(join(DATA_DIR, name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const dataFileHandlers = [
  // '*' matches any origin: tests use absolute URLs (http://localhost/...), the test DOM's own is http://localhost:3000.
  http.get('*/data/:file', async ({ params }) => {
    const name = String(params.file);
    const bytes = await readDataFile(name);
    if (!bytes) return HttpResponse.text(`No file data/${name}`, { status: 404 });
    // Served as bytes, not text, so that decoding (BOM, encodings) is tested as the browser would see it.
    return new HttpResponse(bytes.buffer as ArrayBuffer, {
      status: 200,
      headers: { 'Content-Type': name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream' },
    });
  }),
];

export const server = setupServer(...dataFileHandlers);
