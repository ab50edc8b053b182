// How the end-to-end tests launch Chromium. Playwright cannot download its own browser here,
// so it drives the system's Chromium (Debian's `chromium` package); test/e2e/ensure-chromium.mjs
// checks (or installs) it before the build, with the same order of preference as below.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { LaunchOptions } from '@playwright/test';

const DEFAULT_PATH = '/usr/bin/chromium';

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** $CHROMIUM_PATH if set, else /usr/bin/chromium, else chromium or chromium-browser on PATH. */
function chromiumExecutablePath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (isExecutableFile(DEFAULT_PATH)) return DEFAULT_PATH;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = dir ? join(dir, name) : '';
      if (candidate && isExecutableFile(candidate)) return candidate;
    }
  }
  // Let Playwright report the missing file; ensure-chromium.mjs explains what to install.
  return DEFAULT_PATH;
}

/**
 * Flags known to work with Debian's Chromium on these machines (shared/STACK.md): headless, no
 * sandbox (CI runs as root), no GPU, and no background traffic of the browser's own, so that the
 * only network requests are the app's.
 */
const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumExecutablePath(),
    args: [...chromiumArgs],
    // A cold start of Chromium on a busy 2-core machine can take several seconds.
    timeout: 60_000,
  };
}
