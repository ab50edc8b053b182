// Issue 15: check-file --profile FILE reads a file as the Import page was told to, from the mapping the page
// downloads ("Download this mapping"). The profile names columns by header, so it survives a moved column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingWithHints, suggestMapping } from '../../../src/import/column-mapping';
import { profileFile, readProfileFile } from '../../../src/import/mapping-profile-file';
import { runCli as run } from '../helpers/hostile-harness';

const HEADERS = ['Dept Code', 'Account', 'Paid On', 'Value', 'Payee'];

describe('a mapping profile file', () => {
  it('reads back to the mapping it was written from, by header name, in a file whose columns moved', () => {
    const mapping = { ...suggestMapping(HEADERS, 'ledger').mapping, costCentre: 0, postingDate: 2, supplier: null };
    const text = profileFile({ name: 'Spend', kind: 'ledger', headers: HEADERS, mapping, headerIndex: 2 });
    const read = readProfileFile(text);
    if (!read.ok) throw new Error(read.issues[0]!.message);
    expect(read.value).toMatchObject({ name: 'Spend', kind: 'ledger', headerRow: 3 });
    expect(read.value.hints).toContain('Cost centre=Dept Code');
    expect(read.value.hints).toContain('Supplier=');
    // The next month's file has the columns in another order.
    const moved = ['Payee', 'Value', 'Paid On', 'Account', 'Dept Code'];
    const applied = mappingWithHints(moved, 'ledger', suggestMapping(moved, 'ledger').mapping, read.value.hints);
    if (!applied.ok) throw new Error(applied.issues[0]!.message);
    expect(applied.value).toMatchObject({ costCentre: 4, subjective: 3, postingDate: 2, amount: 1, supplier: null });
  });

  it.each([
    ['not JSON', 'Cost centre=Dept Code', 'it is not JSON'],
    ['another JSON file', '{"name":"x"}', 'it is not a mapping profile'],
    ['a later version', '{"format":"outturn-mapping-profile","version":2}', 'version 2'],
    [
      'an unknown kind',
      '{"format":"outturn-mapping-profile","version":1,"kind":"petty-cash","headerRow":1,"columns":{}}',
      'kind "petty-cash" is unknown',
    ],
  ])('refuses %s with a reason', (_, text, message) => {
    const r = readProfileFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toContain(message);
  });
});

describe('check-file --profile', () => {
  it('reads the file with the profile kind, header row and columns; a --map after it wins; a bad profile is exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const file = join(dir, 'spend.csv');
    // A title line, then the header on row 2. Value: 10.00 + 2.50 = 12.50.
    writeFileSync(
      file,
      'Spend listing\nDept Code,Account,Paid On,Value,Payee\nD10,4100,20/04/2017,10.00,Acme\nD20,4200,21/04/2017,2.50,Bean Co\n',
    );
    const profile = join(dir, 'spend.outturn-mapping.json');
    writeFileSync(
      profile,
      profileFile({
        name: 'Spend',
        kind: 'ledger',
        headers: HEADERS,
        mapping: { ...suggestMapping(HEADERS, 'ledger').mapping, costCentre: 0, postingDate: 2, supplier: 4 },
        headerIndex: 1,
      }),
    );
    try {
      const told = await run([file, '--profile', profile, '--json']);
      expect(told.stderr).toBe('');
      expect(told.status).toBe(0);
      const j = JSON.parse(told.stdout) as { kind: string; headerRow: number; rows: unknown; totals: unknown };
      expect(j.kind).toBe('ledger');
      expect(j.rows).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
      expect(j.totals).toMatchObject({ net: '12.50' });

      // A --map after the profile overrides it: the payee as cost centre makes "Acme" and "Bean Co" the codes.
      const over = await run([file, '--profile', profile, '--map', 'Supplier=', '--map', 'Cost centre=Payee']);
      expect(over.status).toBe(0);
      expect(over.stdout).toContain('Cost centre <- "Payee"');

      writeFileSync(join(dir, 'bad.json'), '{"format":"something-else"}');
      const bad = await run([file, '--profile', join(dir, 'bad.json')]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('it is not a mapping profile');
      expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  }, 60_000);
});
