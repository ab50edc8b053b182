// Issue 15: check-file can be told a mapping (--map "Cost centre=Dept Code"), and a file whose mapping is
// incomplete is refused with exit 2, the columns found and the flag to add, never a stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingWithHints, suggestMapping } from '../../../src/import/column-mapping';
import { runCli } from '../helpers/hostile-harness';

const HEADERS = ['Dept Code', 'Account', 'Paid On', 'Value', 'Payee'];
const base = suggestMapping(HEADERS, 'ledger').mapping;

describe('mappingWithHints', () => {
  it.each([
    ['by label', ['Cost centre=Dept Code'], { costCentre: 0 }],
    ['by key, any case', ['COSTCENTRE=dept code'], { costCentre: 0 }],
    ['by column number', ['Cost centre=#1', 'Posting date=#3'], { costCentre: 0, postingDate: 2 }],
    ['a column moved from another takes it from there', ['Description=Payee'], { description: 4, supplier: null }],
    ['nothing after = unmaps', ['Supplier='], { supplier: null }],
  ])('%s', (_, hints, expected) => {
    const r = mappingWithHints(HEADERS, 'ledger', base, hints);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(expected);
  });

  it.each([
    ['Cost centre', 'not-a-hint', 'is not a mapping: write "Outturn column=File column"'],
    [
      'Centre=Dept Code',
      'unknown-column',
      'A ledger file has no column "Centre"; its columns: Posting date, Period, Cost centre',
    ],
    [
      'Cost centre=Dept',
      'unknown-header',
      'The file has no column "Dept" for Cost centre; its columns: Dept Code, Account, Paid On',
    ],
    ['Cost centre=#9', 'unknown-header', 'The file has no column "#9"'],
  ])('%j is refused (%s)', (hint, code, message) => {
    const r = mappingWithHints(HEADERS, 'ledger', base, [hint]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toEqual([code]);
      expect(r.issues[0]!.message).toContain(message);
    }
  });
});

describe('check-file --map', () => {
  // The command's own answer, in this process (check-file-cli.test.ts runs it once as a real process).
  const run = (...args: string[]) => runCli(args);

  it('refuses an incomplete mapping with exit 2 and the flag to add; reads the file once told', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'map-'));
    const file = join(dir, 'spend.csv');
    // Value: 10.00 + 2.50 = 12.50.
    writeFileSync(
      file,
      'Dept Code,Account,Paid On,Value,Payee\nD10,4100,20/04/2017,10.00,Acme\nD20,4200,21-Apr-17,2.50,Bean Co\n',
    );
    try {
      const refused = await run(file, '--kind', 'ledger');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('Map a column to "Cost centre": a ledger file needs one.');
      expect(refused.stderr).toContain('(headers found on row 1: Dept Code, Account, Paid On, Value, Payee).');
      expect(refused.stderr).toContain('Name the column with --map "Cost centre=<column>".');
      expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace

      const told = await run(
        file,
        '--kind',
        'ledger',
        '--map',
        'Cost centre=Dept Code',
        '--map',
        'Posting date=Paid On',
        '--json',
      );
      expect(told.status).toBe(0);
      const j = JSON.parse(told.stdout) as { rows: unknown; totals: unknown };
      expect(j.rows).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
      expect(j.totals).toMatchObject({ net: '12.50' });

      const bad = await run(file, '--map', 'Cost centre=Nowhere');
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('The file has no column "Nowhere" for Cost centre');
    } finally {
      rmSync(dir, { recursive: true });
    }
  }, 60_000);
});
