// Shared by the hostile-input tests: the pipeline as the worker and the command line run it, an independent
// check that every row is accounted for exactly once, and the command line: its own function in this process for
// every case (starting a process costs a second of tsx per run), and as a real process where a test says so.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkFile } from '../../../src/cli/check-file-command';
import type { DatasetKind } from '../../../src/import/dataset-kinds';
import type { SessionResult } from '../../../src/import/session-result';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import { planOf, planProblems } from '../../../src/import/preview';
import { importRows, preview, scan, sizeRefusal, type ByteSource } from '../../../src/import/run-import';

const ROOT = join(import.meta.dirname, '../../..');

export type Outcome =
  | { outcome: 'refused'; stage: 'size' | 'scan' | 'layout'; message: string }
  | {
      outcome: 'read';
      result: SessionResult;
      chunks: StoredChunk[];
      encoding: string;
      reason: string;
      headers: string[];
    };

/** Size, scan, preview, import: each stage may refuse with a message; none may throw. */
export async function runPipeline(source: ByteSource, kind?: DatasetKind): Promise<Outcome> {
  const refusal = sizeRefusal(source.name, source.size);
  if (refusal) return { outcome: 'refused', stage: 'size', message: refusal };
  const s = await scan(source);
  if (!s.verdict.ok)
    return { outcome: 'refused', stage: 'scan', message: s.verdict.issues.map((i) => i.message).join('; ') };
  const p = await preview(source, s.verdict.value, kind ? { kind } : {});
  const problems = planProblems(p);
  if (problems.length > 0) return { outcome: 'refused', stage: 'layout', message: problems.join(' ') };
  const chunks: StoredChunk[] = [];
  const result = await importRows(source, planOf(p), (c) => void chunks.push(c));
  return {
    outcome: 'read',
    result,
    chunks,
    encoding: s.verdict.value.encoding,
    reason: s.verdict.value.reason,
    headers: p.headers,
  };
}

/**
 * Every row read is in exactly one place: accepted (in a stored chunk, by its row number), rejected (with
 * at least one error naming that row), or skipped (a total or footer, with its reason). No row is in two.
 */
export function expectEveryRowAccountedFor(result: SessionResult, chunks: readonly StoredChunk[]): void {
  const { read, accepted, rejected, skipped } = result.rows;
  expect(read).toBe(accepted + rejected + skipped);
  const acceptedRows = chunks.flatMap((c) => [...c.lines]);
  expect(acceptedRows).toHaveLength(accepted);
  expect(chunks.reduce((n, c) => n + c.rowCount, 0)).toBe(accepted);
  const rejectedRows = result.rejectedRows.map((r) => r.row);
  if (result.issueCount <= result.issues.length) expect(rejectedRows).toHaveLength(rejected);
  const skippedRows = result.skippedRows.map((r) => r.row);
  expect(skippedRows).toHaveLength(skipped);
  const all = [...acceptedRows, ...rejectedRows, ...skippedRows];
  expect(new Set(all).size, 'a row counted in two places').toBe(all.length);
  const errorsByRow = new Map<number, number>();
  for (const issue of result.issues) {
    expect(issue.row).toBeGreaterThan(0);
    expect(issue.code).not.toBe('');
    expect(issue.message.length).toBeGreaterThan(10);
    if (issue.severity === 'error') errorsByRow.set(issue.row, (errorsByRow.get(issue.row) ?? 0) + 1);
  }
  for (const row of rejectedRows) expect(errorsByRow.get(row), `rejected row ${row} has no reason`).toBeGreaterThan(0);
  for (const row of acceptedRows) expect(errorsByRow.has(row), `accepted row ${row} has an error`).toBe(false);
  for (const s of result.skippedRows) expect(s.reason).not.toBe('');
}

/** What must not depend on where the file was split into pieces. */
export function comparable(o: Outcome): unknown {
  if (o.outcome === 'refused') return o;
  return {
    rows: o.result.rows,
    issues: o.result.issues,
    skipped: o.result.skippedRows,
    totals: o.result.controlTotals,
    accepted: o.chunks.map((c) => ({
      lines: [...c.lines],
      raw: c.raw,
      pence: Object.fromEntries(Object.entries(c.pence).map(([k, v]) => [k, [...v]])),
    })),
  };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * `npm run check-file -- ...` as its command answers, run in this process: what it prints and its exit status
 * (src/cli/check-file.ts only writes these out and exits; check-file-cli.test.ts runs that as a real process).
 */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  const started = Date.now();
  const { status, stdout, stderr } = await checkFile(args);
  return { status, stdout, stderr, ms: Date.now() - started };
}

/** `npm run check-file -- ...` as a real process (asynchronous, so that several can run at once). */
export function runCliProcess(args: readonly string[], timeoutMs = 120_000): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/check-file.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`check-file ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr: stderr.replace(/^npm warn.*\n/gm, ''), ms: Date.now() - started });
    });
  });
}

/** A command-line answer that is a clean message, never a crash: no stack trace, and --json output that parses. */
export function expectCleanCliAnswer(r: CliRun): Record<string, unknown> {
  expect([0, 1, 2]).toContain(r.status);
  expect(r.stderr, 'a stack trace on stderr').not.toMatch(/^\s+at /m);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}
