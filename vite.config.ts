/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { packSampleBundle, SAMPLE_BUNDLE } from './src/api/sample-bundle.ts';

// The sample CSVs live in data/ (top level, beside the code that reads them) and are served at /data/
// exactly as a user's upload would arrive: as bytes, read by the app like any other file.
const DATA_DIR = join(import.meta.dirname, 'data');
const sampleFiles = (): string[] => readdirSync(DATA_DIR).filter((f) => f.endsWith('.csv'));

// All of them in one file as well (src/api/sample-bundle.ts): a first start fetches one file, not 26.
const sampleBundle = (): Uint8Array =>
  packSampleBundle(sampleFiles().map((f) => [f, new Uint8Array(readFileSync(join(DATA_DIR, f)))] as const));

function sampleData(): Plugin {
  return {
    name: 'outturn-sample-data',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const file = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        if (file === SAMPLE_BUNDLE) {
          res.setHeader('Content-Type', 'application/octet-stream');
          res.end(sampleBundle());
          return;
        }
        if (!sampleFiles().includes(file)) {
          next();
          return;
        }
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.end(readFileSync(join(DATA_DIR, file)));
      });
    },
    generateBundle() {
      for (const file of sampleFiles()) {
        this.emitFile({ type: 'asset', fileName: `data/${file}`, source: readFileSync(join(DATA_DIR, file)) });
      }
      this.emitFile({ type: 'asset', fileName: `data/${SAMPLE_BUNDLE}`, source: sampleBundle() });
    },
  };
}

// The version a frozen board pack records: package.json's version, and the commit it was built from when
// there is one (a clone builds from git; an unpacked tarball does not).
function appVersion(): string {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, 'package.json'), 'utf8')) as {
    version: string;
  };
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: import.meta.dirname,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    return commit ? `${version}+${commit}` : version;
  } catch {
    return version;
  }
}

/*
 * Nothing leaves the origin: the Content-Security-Policy allows the app's own origin and nothing else.
 *  - script-src 'self' 'wasm-unsafe-eval': the built app is module scripts from /assets; no inline script, no eval.
 *    'wasm-unsafe-eval' lets WebAssembly be compiled, and nothing else: the import's SHA-256 (hash-wasm, its module
 *    inside the app's own script, never fetched). JavaScript's eval and new Function stay refused.
 *  - style-src 'self': the stylesheet is a file. Recharts and React set styles through the CSSOM
 *    (element.style), which CSP does not govern, so 'unsafe-inline' is not needed (checked end to end: a
 *    refused style is a console error, and every end-to-end test fails on one).
 *  - img-src 'self' data:: the favicon is public/favicon.svg (self); data: is kept for images drawn as data URLs.
 *  - worker-src 'self': the import worker is a file of the build (/assets/import.worker-*.js), not a blob.
 *  - connect-src 'self': the sample files under /data; nothing else is ever fetched.
 *  - object-src 'none', base-uri 'self', form-action 'none': no plugins, no <base> hijack, no form posts.
 * Downloads (CSV exports) are blob: URLs opened by a link with `download`: a navigation, not a fetch, so
 * no directive governs them and none is loosened for them.
 * The <meta> in index.html carries the policy wherever the built files are served; `vite preview` also sends
 * it as a header, with frame-ancestors 'none' (which a <meta> cannot carry). The dev server loosens it
 * only as Vite's own dev tooling needs: React Refresh's inline preamble, CSS injected as <style>, and HMR's
 * WebSocket to the dev server.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// Chromium lets 'self' match the dev server's own ws: (CSP Level 3); older Safari and Firefox need the scheme named.
const DEV_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws: wss:");

// Whitespace between the attributes is free (a formatter may put each on a line of its own).
const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/>/;

function contentSecurityPolicy(): Plugin {
  const headers = (res: { setHeader(name: string, value: string): void }): void => {
    res.setHeader('Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
  };
  return {
    name: 'outturn-content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!META.test(html))
          throw new Error('index.html must carry the Content-Security-Policy <meta> (vite.config.ts)');
        const policy = ctx.server ? DEV_POLICY : CONTENT_SECURITY_POLICY;
        return html.replace(META, `<meta http-equiv="Content-Security-Policy" content="${policy}" />`);
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        headers(res);
        // The build's files under /assets are named by their content (a new build, new names): a browser may keep
        // them for good. Revalidated at every start (no-cache), they were compiled again each time, and Chromium made
        // its cache of their compiled code again each time instead of using it ("v8.produceModuleCache" in a trace):
        // about 110 ms of a reload's page thread (issue 16). index.html and everything else stay no-cache, so that a
        // new build is seen at the next start.
        if (req.url?.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}

// One config for the app, the unit tests (pure core, Node) and the component tests (jsdom).
// End-to-end tests run in Playwright against `vite build` output (playwright.config.ts).
export default defineConfig({
  plugins: [react(), sampleData(), contentSecurityPolicy()],
  define: { __OUTTURN_VERSION__: JSON.stringify(appVersion()) },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  worker: { format: 'es' },
  test: {
    // Two test files at a time, on 2 cores too (Vitest's default there is one): a file spends much of its time
    // waiting (fake IndexedDB, timers, a child process), and the machine's other work takes its share either way.
    maxWorkers: 2,
    // Worker threads rather than child processes: component tests 142 -> 132 s (CPU 273 -> 252 s), unit tests 35 -> 32 s
    // (69 -> 63 s), each pair run one after the other on an idle machine (4 December 2026). Within a whole CI run the
    // machine's hour moves vitest by as much (183-199 s before, 169-192 s after).
    pool: 'threads',
    projects: [
      {
        extends: true,
        // A bound, not a wait: Vitest's default of 5 s fails a property test on a busy 2-core machine.
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // The unit tests are pure code in Node: no mocks, stubbed globals, fake timers or fake IndexedDB (the
          // component tests have those, and keep a fresh module graph per file). Sharing one module graph per
          // worker across files halves the project's time (235 s -> 118 s, CPU 153 s -> 69 s, at load 10), most
          // of it spent importing src/ again for each file. A unit test that needs module or global state of its
          // own belongs with the component tests, or mocks through vi.doMock inside the test and undoes it.
          isolate: false,
          testTimeout: 60_000,
          // A beforeAll that imports the sample took over Vitest's default 10 s under load, and its file's tests
          // were then reported skipped: bound set-up like the tests themselves.
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          // happy-dom rather than jsdom: the project 119 -> 93 s alone, CPU 199 -> 149 s; most of it is the DOM's own
          // start in every file (Vitest's "environment" 60 -> 28 s summed over the 56 files), the rest its queries.
          // One file that reads a table's row collections, which happy-dom lacks, asks for jsdom in its first line.
          environment: 'happy-dom',
          // A test that stubs a global (confirm, which happy-dom does not have) has it undone after it.
          unstubGlobals: true,
          include: ['test/component/**/*.test.tsx'],
          // The first test of a file imports all 16 sample files through the whole pipeline (first start):
          // on a loaded 2-core machine that can pass 5 s, and a Projections test 20 s. A bound, not a retry.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          setupFiles: ['test/component/setup.ts'],
        },
      },
    ],
  },
});
