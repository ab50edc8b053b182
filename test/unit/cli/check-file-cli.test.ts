// The command line: the JSON receipt's fields, and the exit status that scripts rely on (0 clean, 1 some rows
// rejected, 2 unreadable). The first test runs it as a finance officer would (a real process, through tsx, its
// output and exit status as the shell sees them); the others call the command's own function in this process,
// which answers with the same output and status (starting a process costs a second of tsx each time).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { generateLedger } from '../../../bench/generate-ledger';
import { runCli, runCliProcess } from '../helpers/hostile-harness';

const run = (...args: string[]) => runCli(args);

describe('npm run check-file', () => {
  it('prints one JSON object for a ledger with rejections, and exits 1 (a real process)', async () => {
    const r = await runCliProcess(['test/fixtures/ledger-windows-1252.csv', '--json']);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toMatchObject({
      file: 'ledger-windows-1252.csv',
      encoding: 'windows-1252',
      delimiter: 'comma',
      kind: 'ledger',
      rows: { read: 8, accepted: 3, rejected: 3, skipped: 2 },
      totals: { debit: '1323.66', credit: '-234.56', net: '1089.10' },
    });
    expect(j.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((j.issues as { row: number; column: string; code: string }[]).map((i) => [i.row, i.column, i.code])).toEqual(
      [
        [8, 'Amount', 'too-many-decimals'],
        [9, 'Posting Date', 'invalid-day'],
        [10, 'Cost Centre', 'missing-required'],
      ],
    );
  }, 30_000);

  it('reads a large ledger in two halves (the second on a thread of its own): every row, the total exact', async () => {
    // About 9 MB: over the 8 MB from which a file is read in two halves (src/cli/node-split.ts).
    const { text, amounts } = generateLedger(100_000, 41);
    const dir = mkdtempSync(join(tmpdir(), 'outturn-large-'));
    try {
      writeFileSync(join(dir, 'large.csv'), text);
      const r = await runCliProcess([join(dir, 'large.csv'), '--json']);
      expect(r.status).toBe(0);
      const net = amounts.reduce((sum, a) => sum.plus(a), new Decimal(0));
      expect(JSON.parse(r.stdout)).toMatchObject({
        rows: { read: 100_000, accepted: 100_000, rejected: 0, skipped: 0 },
        totals: { net: net.toFixed(2) },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('exits 0 for a clean file, and honours --kind', async () => {
    const r = await run('test/fixtures/carry-forwards-utf8.tsv', '--json', '--kind', 'carry-forwards');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'carry-forwards',
      rows: { read: 3, accepted: 3, rejected: 0, skipped: 0 },
      totals: { net: '372000.00' },
    });
  }, 30_000);

  it('exits 2 with a reason when the file cannot be read at all', async () => {
    expect((await run('no-such-file.csv')).status).toBe(2);
    const r = await run('no-such-file.csv', '--json');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ file: 'no-such-file.csv', error: 'no-such-file.csv is not a file' });
  }, 30_000);

  it('prints a readable receipt without --json', async () => {
    const r = await run('test/fixtures/ledger-windows-1252.csv');
    expect(r.stdout).toContain('8 read = 3 accepted + 3 rejected + 2 skipped');
    expect(r.stdout).toContain(
      'rejected  row 9, Posting Date: "31/02/2017" has day 31, but February 2017 has 28 days [invalid-day]',
    );
  }, 30_000);

  it('says the year the file gives and why, takes --year where it does not, and refuses a year it cannot read', async () => {
    // The title line says 2018/19 and every posting date falls in April to September 2018.
    const own = await run('test/e2e/fixtures/own-2018-19/gl-transactions-h1-2018-19.csv', '--json');
    expect(JSON.parse(own.stdout)).toMatchObject({ year: { year: '2018/19', month: null, question: null } });
    // Appendix 2 names no year: not settled, and said so; --year settles it.
    const bare = await run('data/appendix-2-revenue-carry-forwards.csv');
    expect(bare.stdout).toMatch(/^year {6}not settled: The file does not say which financial year/m);
    const told = await run('data/appendix-2-revenue-carry-forwards.csv', '--year', '2017/18');
    expect(told.stdout).toMatch(/^year {6}2017\/18 \(given with --year\)$/m);
    const bad = await run('data/appendix-2-revenue-carry-forwards.csv', '--year', '17/18');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--year: "17/18" has a two-digit start year');
  }, 60_000);
});
