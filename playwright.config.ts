import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/chromium.ts';

// End-to-end tests drive the BUILT app (dist/, served by `vite preview`) in the system Chromium.
// `npm run test:e2e` checks Chromium, builds, then runs this. Never `npx playwright install`.
// E2E_PORT lets two checkouts (or two people) run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://localhost:${PORT}`;
const isCI = Boolean(process.env.CI);

if (!existsSync(fileURLToPath(new URL('./dist/index.html', import.meta.url)))) {
  throw new Error('dist/index.html is missing: build the app first (`npm run test:e2e` does: vite build).');
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  reporter: 'list',
  // Bounds, not waits: a test waits on the app saying it is ready (test/e2e/watched-page.ts), never on a fixed
  // delay. Sized for a 2-core machine that is also busy with something else: an axe run on a large page can take
  // 40 s there, so a test may take two minutes before it is taken to have hung. An expect's own 10 s is for what
  // follows at once from an action on a page that has already drawn.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  globalTimeout: 20 * 60_000,
  // Two workers, in CI too: while one waits on its page (IndexedDB, the import worker, the preview server) the
  // other runs. Each worker starts one shared profile for the read-only tests.
  workers: 2,
  fullyParallel: false,
  forbidOnly: isCI,
  // No retries: a flaky test is a bug to fix, not to hide.
  retries: 0,
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    // Traces and failure screenshots go to outputDir. No video: it needs Playwright's own ffmpeg download.
    // A failed test's trace keeps its actions, console, network and errors, without a screencast or a DOM snapshot
    // at every action: recorded for every test (and thrown away when it passes), those took a fifth of the suite's
    // time (the tests' times summed 799 -> 619 s, the suite 6.8 -> 5.4 min, one run each, 5 December 2026). The
    // failure's screenshot and its page's ARIA snapshot (error-context.md) are still kept.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    // Started directly, not through npx: killing npx would leave vite running. Playwright kills the process group.
    command: `node_modules/.bin/vite preview --port ${PORT} --strictPort`,
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
