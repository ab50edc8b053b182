#!/usr/bin/env node
// Makes sure a Chromium the end-to-end tests can drive is on this machine, before anything is built.
// Playwright's own browser download cannot work here, so the tests use the system's Chromium
// (Debian's `chromium` package). Order of preference, kept in step with test/e2e/chromium.ts:
//   1. $CHROMIUM_PATH, when set (it must then be an executable file: a wrong path is an error,
//      not something to silently replace with another browser);
//   2. /usr/bin/chromium;
//   3. `chromium` or `chromium-browser` on PATH.
// When none is found and we are root on a machine with apt-get, Chromium is installed with apt-get;
// otherwise the script says what to install and exits 1. No dependencies, no stack traces.
import { accessSync, constants, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

const DEFAULT_PATH = '/usr/bin/chromium';
const PATH_NAMES = ['chromium', 'chromium-browser'];

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function fail(lines) {
  console.error(['', ...lines.map((line) => `ensure-chromium: ${line}`), ''].join('\n'));
  process.exit(1);
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    fail([
      `CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file.`,
      'Point it at a Chromium binary (for example CHROMIUM_PATH=/usr/bin/chromium), or unset it',
      `to use ${DEFAULT_PATH} or chromium on PATH.`,
    ]);
  }
  if (isExecutableFile(DEFAULT_PATH)) return DEFAULT_PATH;
  for (const name of PATH_NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

function run(command, args) {
  console.log(`ensure-chromium: $ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) return `could not start ${command}: ${result.error.message}`;
  if (result.status !== 0) return `${command} ${args[0]} exited with ${result.status ?? result.signal}`;
  return undefined;
}

function installWithApt() {
  console.log("ensure-chromium: Chromium not found; installing Debian's chromium package with apt-get.");
  // As .ci/run installs it: without what Chromium only recommends, with the Liberation fonts the pages were drawn in.
  const problem =
    run('apt-get', ['update']) ??
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation']);
  if (problem) {
    fail([
      `Installing Chromium failed: ${problem}.`,
      'Install it by hand (apt-get install -y chromium) or set CHROMIUM_PATH=/path/to/chromium.',
    ]);
  }
}

let chromium = findChromium();
if (!chromium) {
  const apt = isExecutableFile('/usr/bin/apt-get') ? '/usr/bin/apt-get' : onPath('apt-get');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (apt && isRoot) {
    installWithApt();
    chromium = findChromium();
    if (!chromium) fail(['apt-get installed chromium, but no chromium binary was found afterwards.']);
  } else {
    fail([
      'No Chromium found for the end-to-end tests',
      `(looked at $CHROMIUM_PATH, ${DEFAULT_PATH}, and ${PATH_NAMES.join(' / ')} on PATH).`,
      apt
        ? 'Install it with:  sudo apt-get update && sudo apt-get install -y chromium'
        : "Install Chromium with your system's package manager,",
      'or point the tests at an existing one:  CHROMIUM_PATH=/path/to/chromium npm run test:e2e',
      '(Do not run `npx playwright install`: the tests use the system Chromium.)',
    ]);
  }
}

// Debian's /usr/bin/chromium is a shell wrapper whose config snippets can print harmless noise on
// stderr; show stderr only when the binary does not run.
const version = spawnSync(chromium, ['--version'], { encoding: 'utf8', timeout: 60_000 });
if (version.error || version.status !== 0) {
  fail([
    `Found ${chromium}, but \`${chromium} --version\` failed`,
    `(${version.error ? version.error.message : `exit ${version.status ?? version.signal}`}).`,
    ...(version.stderr ? version.stderr.trim().split('\n') : []),
    'Reinstall it (apt-get install --reinstall chromium) or set CHROMIUM_PATH to a working Chromium.',
  ]);
}
console.log(`ensure-chromium: using ${chromium} (${version.stdout.trim()})`);
