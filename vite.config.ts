/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One config for the app, the unit tests (pure core, Node) and the component tests (jsdom).
// End-to-end tests run in Playwright against `vite build` output (playwright.config.ts).
export default defineConfig({
  plugins: [react()],
  // The sample CSVs in data/ are served as static files so the app loads them like any other file.
  publicDir: 'public',
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
          setupFiles: ['test/component/setup.ts'],
        },
      },
    ],
  },
});
