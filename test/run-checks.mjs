#!/usr/bin/env node
// The static checks of `npm test` (types, eslint, prettier, knip), run side by side rather than one after the
// other: each is single-threaded, and on CI's two cores tsc (about 30 s) and eslint's type-aware rules (about
// 75 s of CPU) one after the other left a core idle for two minutes. Each check's output is printed whole when
// it ends, under its name, so two checks' lines never interleave; the exit code is the first failure's.
// No dependencies: a package for this (concurrently, npm-run-all2) would add more than these few lines.
import { spawn } from 'node:child_process';

const checks = [
  ['types', 'npm', ['run', '-s', 'typecheck']],
  ['eslint', 'npm', ['run', '-s', 'lint:eslint']],
  ['prettier', 'npm', ['run', '-s', 'lint:format']],
  ['knip', 'npm', ['run', '-s', 'lint:unused']],
];

const started = Date.now();
const results = await Promise.all(
  checks.map(
    ([name, command, args]) =>
      new Promise((resolve) => {
        const t0 = Date.now();
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (code, signal) => {
          const seconds = ((Date.now() - t0) / 1000).toFixed(1);
          const ok = code === 0;
          process.stdout.write(`\n--- ${name}: ${ok ? 'ok' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds}s\n`);
          if (output.trim() !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
          resolve({ name, code: ok ? 0 : (code ?? 1) });
        });
      }),
  ),
);
const failed = results.filter((r) => r.code !== 0);
process.stdout.write(
  `\n--- static checks: ${failed.length === 0 ? 'all passed' : `failed: ${failed.map((f) => f.name).join(', ')}`} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
);
process.exit(failed[0]?.code ?? 0);
