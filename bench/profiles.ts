// Where the browser benches keep a page's data. A user's browser keeps IndexedDB and the origin private file system
// on disk, in its profile; a context Playwright makes with `browser.newContext()` is off the record, and keeps both
// in the browser process's memory instead, where every write is a message to that process and its copy of the
// bytes. So each context here is a profile of its own on disk, in a new directory removed at the end, as a person's
// first visit has: `--in-memory` gives the off-the-record contexts of the benches before 5 December 2026 (seventeen
// stops' figures in README.md were measured so), for comparison.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/e2e/chromium';

/** What a scenario needs of the browser: a fresh context, and every context open (to show what a failure met). */
export interface Profiles {
  newContext(): Promise<BrowserContext>;
  contexts(): BrowserContext[];
  close(): Promise<void>;
  /** How the contexts keep their data, for the bench's first line. */
  readonly kept: string;
  /** The one browser behind every context, where there is one (Chromium's tracing is the browser's: --trace). */
  readonly browser?: Browser;
}

/** Off-the-record contexts of one browser (the benches' way before 5 December 2026). */
export async function inMemoryProfiles(): Promise<Profiles> {
  const browser: Browser = await chromium.launch(chromiumLaunchOptions());
  return {
    newContext: () => browser.newContext(),
    contexts: () => browser.contexts(),
    close: () => browser.close(),
    browser,
    kept: 'off-the-record contexts: IndexedDB and files in the browser process memory (--in-memory)',
  };
}

/** A profile on disk for each context, each its own browser (Playwright's persistent context), removed at the end. */
export function onDiskProfiles(): Profiles {
  const open = new Set<BrowserContext>();
  const dirs: string[] = [];
  return {
    async newContext() {
      const dir = mkdtempSync(join(tmpdir(), 'outturn-profile-'));
      dirs.push(dir);
      const context = await chromium.launchPersistentContext(dir, chromiumLaunchOptions());
      open.add(context);
      context.on('close', () => open.delete(context));
      return context;
    },
    contexts: () => [...open],
    async close() {
      for (const context of [...open]) await context.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
    kept: 'a new profile on disk for each context, as a person has',
  };
}
