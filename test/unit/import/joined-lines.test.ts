// Two stray quotes on different lines join the lines between into one quoted cell (issue 15: silently, with
// a line's amount lost). Each case is written out below, with its lines counted by hand; each is run in
// pieces of several sizes, since a record may cross the pieces the file arrives in.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import type { DatasetKind } from '../../../src/import/dataset-kinds';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import { runCli } from '../helpers/hostile-harness';

const HEADER = 'Posting Date,Period,Cost Centre,Subjective,Description,Amount';

async function run(lines: string[], piece: number, kind: DatasetKind = 'ledger') {
  const source = bytesSource('f.csv', new TextEncoder().encode(lines.join('\n') + '\n'), piece);
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error('unreadable');
  const chunks: StoredChunk[] = [];
  const result = await importRows(source, planOf(await preview(source, s.verdict.value, { kind })), (c) => {
    chunks.push(c);
  });
  return { result, chunks };
}

const PIECES = [1, 3, 64, 1 << 20];

describe('rows joined by stray quotes (issue 15)', () => {
  it.each(PIECES)(
    'a quote opened on line 3 and closed on line 4: the record is rejected, naming lines 3-4 (pieces of %i)',
    async (piece) => {
      const { result, chunks } = await run(
        [
          HEADER,
          '01/04/2018,1,10100,4001,Diesel,10.00',
          '01/04/2018,1,10100,4001,"Fuel,12.00',
          '02/04/2018,1,10100,4001,Repairs",34.00',
          '03/04/2018,1,10100,4001,Tyres,5.00',
        ],
        piece,
      );
      // Records: header, row 2, rows 3+4 joined (record 3), line 5 (record 4): read 3 = 2 accepted + 1 rejected.
      expect(result.rows).toMatchObject({ read: 3, accepted: 2, rejected: 1, skipped: 0, lines: 5, multiLineRows: 1 });
      expect(chunks.flatMap((c) => [...c.pence.amount!])).toEqual([1000, 500]);
      expect(result.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
        [3, 'Description', 'joined-lines', 'error'],
      ]);
      expect(result.issues[0]!.message).toMatch(
        /^This row runs from line 3 to line 4 of the file: a quote \("\) in Description opens on line 3 and closes on line 4, .*"02\/04\/2018,1,10100,4001,Repairs"/,
      );
    },
  );

  it.each(PIECES)('three lines joined in a semicolon file: lines 3-5 (pieces of %i)', async (piece) => {
    const { result } = await run(
      [
        HEADER.replaceAll(',', ';'),
        '01/04/2018;1;10100;4001;Diesel;10.00',
        '01/04/2018;1;10100;4001;"Fuel;12.00',
        '02/04/2018;1;10100;4001;Oil;1.00',
        '03/04/2018;1;10100;4001;Repairs";34.00',
      ],
      piece,
    );
    expect(result.rows).toMatchObject({ read: 2, accepted: 1, rejected: 1, lines: 5, multiLineRows: 1 });
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([[3, 'joined-lines']]);
    expect(result.issues[0]!.message).toMatch(/^This row runs from line 3 to line 5 of the file/);
  });

  it.each(PIECES)(
    'one cell across a line break, the only one in its column: kept, and said with its lines (pieces of %i)',
    async (piece) => {
      const { result } = await run(
        [HEADER, '01/04/2018,1,10100,4001,"Fuel for', 'the fleet",12.00', '02/04/2018,1,10100,4001,Oil,1.00'],
        piece,
      );
      expect(result.rows).toMatchObject({ read: 2, accepted: 2, rejected: 0, lines: 4, multiLineRows: 1 });
      expect(result.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
        [2, 'Description', 'line-break-in-cell', 'warning'],
      ]);
      expect(result.issues[0]!.message).toContain('from line 2 to line 3 of the file');
    },
  );

  it.each(PIECES)(
    'a column of notes that often runs across lines: read, and not said on every row (pieces of %i)',
    async (piece) => {
      const { result } = await run(
        [
          HEADER,
          '01/04/2018,1,10100,4001,"Fuel',
          'for the fleet",12.00',
          '02/04/2018,1,10100,4001,"Oil',
          'and filters",1.00',
        ],
        piece,
      );
      expect(result.rows).toMatchObject({ read: 2, accepted: 2, lines: 5, multiLineRows: 2 });
      expect(result.issueCount).toBe(0);
    },
  );

  it('a file with no such cell counts its lines as its records', async () => {
    const { result } = await run(
      [HEADER, '01/04/2018,1,10100,4001,Oil,1.00', '', '02/04/2018,1,10100,4001,Oil,1.00'],
      7,
    );
    expect(result.rows).toMatchObject({ read: 2, blank: 1, lines: 4, multiLineRows: 0 });
  });
});

describe('check-file says which rows run across lines', () => {
  it('prints the lines, the rows across them, and the joined rows rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'joined-'));
    const file = join(dir, 'joined.csv');
    writeFileSync(
      file,
      [HEADER, '01/04/2018,1,10100,4001,"Fuel,12.00', '02/04/2018,1,10100,4001,Repairs",34.00', ''].join('\n'),
    );
    // The command's own answer, in this process (check-file-cli.test.ts runs it once as a real process).
    const r = await runCli([file, '--kind', 'ledger']).finally(() => rmSync(dir, { recursive: true }));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 read = 0 accepted + 1 rejected + 0 skipped');
    expect(r.stdout).toContain('; 3 lines, 1 rows across line breaks inside quotes');
    expect(r.stdout).toContain('rejected  row 2, Description: This row runs from line 2 to line 3 of the file');
  }, 30_000);
});
