/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

// The sample CSVs live in data/ (top level, beside the code that reads them) and are served at /data/
// exactly as a user's upload would arrive: as bytes, read by the app like any other file.
const DATA_DIR = join(import.meta.dirname, 'data');
const sampleFiles = (): string[] => readdirSync(DATA_DIR).filter((f) => f.endsWith('.csv'));

function sampleData(): Plugin {
  return {
    name: 'outturn-sample-data',
    configureServer(server) {
      server.middlewares.use('/data', (req, res, next) => {
        const file = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        if (!sampleFiles().includes(file)) return next();
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.end(readFileSync(join(DATA_DIR, file)));
      });
    },
    generateBundle() {
      for (const file of sampleFiles()) {
        this.emitFile({ type: 'asset', fileName: `data/${file}`, source: readFileSync(join(DATA_DIR, file)) });
      }
    },
  };
}

// The version a frozen board pack records: package.json's version, and the commit it was built from when
// there is one (a clone builds from git; an unpacked tarball does not).
function appVersion(): string {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return commit ? `${version}+${commit}` : version;
  } catch {
    return version;
  }
}

// One config for the app, the unit tests (pure core, Node) and the component tests (jsdom).
// End-to-end tests run in Playwright against `vite build` output (playwright.config.ts).
export default defineConfig({
  plugins: [react(), sampleData()],
  define: { __OUTTURN_VERSION__: JSON.stringify(appVersion()) },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          // The first test of a file imports all 16 sample files through the whole pipeline (first start):
          // on a loaded 2-core machine that can pass 5 s. A bound, not a retry.
          testTimeout: 30_000,
          setupFiles: ['test/component/setup.ts'],
        },
      },
    ],
  },
});
