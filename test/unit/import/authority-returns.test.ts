// MHCLG revenue returns (RA budget, RO outturn: one row per authority, a column per service, in £ thousand) read as
// the chosen authority's lines. Expected figures are summed here from the file's cells with decimal.js, apart from
// the app's own parsing and sums.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../../src/cli/check-file-command';
import { penceToPounds } from '../../../src/domain/core/units';
import {
  authoritiesNamedBy,
  authorityOfOrganisation,
  type AuthorityEntry,
} from '../../../src/import/authority-returns';
import { bytesSource } from '../../../src/import/byte-sources';
import { planProblems } from '../../../src/import/preview';
import { authorityRowText } from '../../../src/import/receipt';
import { importWhole } from '../helpers/receipt-of';

const dir = join(import.meta.dirname, '../../fixtures/public/hand-made');
const RO = 'ro-2017-18-police-layout.csv';
const POLICE = 'Cambridgeshire Police and Crime Commissioner';
const fixture = (file: string) => bytesSource(file, readFileSync(join(dir, file)));
const text = (name: string, lines: string[]) => bytesSource(name, new TextEncoder().encode(`${lines.join('\n')}\n`));

/** The file's rows as papaparse reads them, by header. */
function rowsOf(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), {
    header: true,
    skipEmptyLines: 'greedy',
  }).data;
}

describe('an RO return: the chosen authority row becomes outturn lines, a service a line', () => {
  it('without a choice, says what the file is, lists its authorities and asks for one', async () => {
    const { preview } = await importWhole(fixture(RO));
    expect(preview.suggestion.kind).toBe('outturn');
    expect(preview.layout).toBe('an MHCLG revenue outturn (RO) return');
    expect(preview.authorityReturn?.authorities.map((a) => a.name)).toEqual(rowsOf(RO).map((r) => r.LA_name));
    const [problem, ...rest] = planProblems(preview);
    expect(rest).toEqual([]);
    expect(problem).toContain('one row per authority ("LA_name": England, Cambridgeshire, Peterborough ...)');
    expect(problem).toContain("Choose your authority's row");
  });

  it('imports the police body row: every row accounted for, the control total equal to an independent sum', async () => {
    const { preview, result, receipt, chunks } = await importWhole(fixture(RO), { authority: POLICE.toUpperCase() });
    expect(planProblems(preview)).toEqual([]);
    // The year from the row's year_ending (201803: the year ending March 2018).
    expect(preview.year).toBe(2017);

    const rows = rowsOf(RO);
    const row = rows.find((r) => r.LA_name === POLICE)!;
    const services = Object.keys(row).filter((h) => h.startsWith('RS_'));
    const figures = services.filter((h) => h !== 'RS_totsx_net_exp' && row[h] !== '..');
    const sum = figures.reduce((t, h) => t.plus(new Decimal(row[h]!)), new Decimal(0));
    // Every other row skipped; the chosen row's 13 cells: 11 lines, ".." skipped, the total checked and kept out.
    expect(result.rows).toMatchObject({
      read: rows.length - 1 + services.length,
      accepted: figures.length,
      rejected: 0,
      skipped: rows.length - 1 + 2,
    });
    const t = result.controlTotals[0]!;
    expect(t.column).toBe('forecast');
    expect(penceToPounds(t.net)).toBe(sum.times(1000).toFixed(2));
    expect(result.totalRowChecks).toEqual([
      expect.objectContaining({ row: 5, label: 'RS_totsx_net_exp', status: 'pass' }),
    ]);
    expect(new Decimal(row.RS_totsx_net_exp!).times(1000).toFixed(2)).toBe(sum.times(1000).toFixed(2));

    // Each line: the authority, the service's heading, the cell as written; its amount exactly the cell x 1000.
    const chunk = chunks[0]!;
    expect(result.headers).toEqual(['Authority', 'Service', 'Outturn (£ thousand)']);
    expect(chunk.raw[1]).toEqual(figures);
    expect(chunk.raw[2]).toEqual(figures.map((h) => row[h]));
    expect([...chunk.pence.forecast!]).toEqual(figures.map((h) => new Decimal(row[h]!).times(100_000).toNumber()));
    expect([...chunk.lines]).toEqual(figures.map(() => 5));

    expect(result.issues.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [5, 'RS_plan_net_exp', 'no-figure', '..'],
    ]);
    expect(receipt.authorityRow).toMatchObject({
      converted: [{ row: 5, name: POLICE, code: 'E23000026' }],
      services: services.length,
      otherRows: rows.length - 1,
    });
    expect(receipt.authorityRow?.skipped.map((s) => [s.row, s.label])).toEqual(
      rows.flatMap((r, i) => (r.LA_name === POLICE ? [] : [[i + 2, r.LA_name]])),
    );
    expect(receipt.authorityRow?.skipped[0]?.reason).toBe(`not your authority (${POLICE.toUpperCase()})`);
    expect(authorityRowText(receipt)).toEqual([
      `Converted from an MHCLG revenue outturn (RO) return: row 5, ${POLICE} (E23000026). Its 13 service columns became 13 lines, a service a line, each amount converted exactly from £ thousand to pounds: 11 accepted, 0 rejected, 2 skipped (1 cell with no figure, 1 as a total equal to the lines before).`,
      "Skipped, not your authority's figures: 5 rows of other authorities; each is listed with why.",
    ]);
  });

  it('finds the row by its code too, and refuses a name the file does not have, listing its rows', async () => {
    const byCode = await importWhole(fixture(RO), { authority: 'e23000026' });
    expect(byCode.result.authorityRow?.converted[0]?.name).toBe(POLICE);
    const { preview } = await importWhole(fixture(RO), { authority: 'Nowhere' });
    expect(planProblems(preview)).toEqual([
      expect.stringContaining(
        'No 2017/18 row of ro-2017-18-police-layout.csv is for "Nowhere" (by the "LA_name" column or the code beside it). Its rows: row 2: England',
      ),
    ]);
  });

  it('a cell that is not an amount is rejected with its row, column and reason; a blank one skipped, never nil', async () => {
    const { result } = await importWhole(
      text('ro.csv', [
        'LA_code,LA_name,RS_edu_net_exp,RS_trans_net_exp,RS_pol_net_exp,RS_frs_net_exp,RS_cen_net_exp',
        'E1,Somewhere Police,,[x],1234.5,abc,0.001',
      ]),
      { authority: 'Somewhere Police', year: 2018 },
    );
    expect(result.rows).toMatchObject({ read: 5, accepted: 2, rejected: 1, skipped: 2 });
    expect(result.issues.map((i) => [i.row, i.column, i.code, i.severity])).toEqual([
      [2, 'RS_edu_net_exp', 'no-figure', 'warning'],
      [2, 'RS_trans_net_exp', 'no-figure', 'warning'],
      [2, 'RS_frs_net_exp', 'not-a-number', 'error'],
    ]);
    expect(result.issues[0]?.message).toContain('blank');
    expect(result.issues[0]?.message).toContain('not read as nil');
    // 1234.5 thousand and 0.001 thousand (one pound), exactly.
    expect(penceToPounds(result.controlTotals[0]!.net)).toBe('1234501.00');
  });
});

describe('the multi-year CSV: one row per authority and year', () => {
  const lines = [
    'year_ending,ONS_code,LA_name,LA_class,RS_edu_net_exp,RS_trans_net_exp,RS_pol_net_exp,RS_frs_net_exp,RS_cen_net_exp',
    '201803,E23000026,Cambridgeshire Police and Crime Commissioner,O,0,0,140000.5,0,2800',
    '201903,E23000026,Cambridgeshire Police and Crime Commissioner,O,0,0,145000.25,0,2900',
    '201903,E10000003,Cambridgeshire,SC,90000,30000,0,0,12000',
  ];

  it('asks which year, then reads that year row and skips the other years, said as such', async () => {
    const asked = await importWhole(text('ro-years.csv', lines), { authority: POLICE });
    expect(asked.preview.year).toBeNull();
    expect(asked.preview.yearGuess.question).toContain('2017/18, 2018/19');
    const { result } = await importWhole(text('ro-years.csv', lines), { authority: POLICE, year: 2018 });
    expect(result.authorityRow).toMatchObject({ converted: [{ row: 3 }], otherRows: 1, otherYears: 1 });
    expect(result.authorityRow?.skipped.map((s) => s.reason)).toEqual([
      `your authority in 2017/18, not 2018/19, the year imported`,
      `not your authority (${POLICE})`,
    ]);
    expect(penceToPounds(result.controlTotals[0]!.net)).toBe(
      new Decimal('145000.25').plus(2900).times(1000).toFixed(2),
    );
  });

  it('a second row of the authority in the same year is rejected, not read twice', async () => {
    const { result } = await importWhole(text('ro-twice.csv', [...lines, lines[2]!]), {
      authority: POLICE,
      year: 2018,
    });
    expect(result.rows).toMatchObject({ accepted: 5, rejected: 1 });
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([[5, 'authority-row-repeated']]);
  });
});

describe('a return longer than the preview reads', () => {
  it('lists every authority, so that the last row can be chosen and read', async () => {
    const header =
      'year_ending,ONS_code,LA_name,LA_class,RS_edu_net_exp,RS_trans_net_exp,RS_pol_net_exp,RS_frs_net_exp,RS_cen_net_exp';
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `201803,E0${String(i).padStart(7, '0')},Authority number ${i} of England,UA,1.5,2.25,0,0,${i}.001`,
    );
    const source = text('ro-long.csv', [header, ...rows]);
    expect(source.size).toBeGreaterThan(256 * 1024); // more than the preview reads (PREVIEW_CHARS)
    const { preview, result } = await importWhole(source, { authority: 'Authority number 3999 of England' });
    expect(preview.authorityReturn?.authorities).toHaveLength(4000);
    expect(result.authorityRow).toMatchObject({ converted: [{ row: 4001 }], otherRows: 3999 });
    expect(penceToPounds(result.controlTotals[0]!.net)).toBe(
      new Decimal('1.5').plus('2.25').plus('3999.001').times(1000).toFixed(2),
    );
  });
});

describe('an RA return with its title: budget lines, the year from the title', () => {
  it('reads Barnsley row as Budget by service, the total service expenditure checked', async () => {
    const { preview, result } = await importWhole(fixture('ra-budget-layout.csv'), { authority: 'Barnsley' });
    expect(preview.suggestion.kind).toBe('budget');
    expect(preview.year).toBe(2017);
    expect(preview.yearGuess.evidence.join(' ')).toContain('Revenue Account (RA) budget 2017-18');
    const csv = readFileSync(join(dir, 'ra-budget-layout.csv'), 'utf8').split('\n');
    const headers = csv[2]!.split(',');
    const cells = csv[3]!.split(',');
    const services = headers.slice(4, -1);
    const sum = cells.slice(4, -1).reduce((t, c) => t.plus(new Decimal(c)), new Decimal(0));
    expect(result.rows).toMatchObject({ accepted: services.length, rejected: 0, skipped: 2 + 1 });
    expect(result.controlTotals[0]!.column).toBe('amount');
    expect(penceToPounds(result.controlTotals[0]!.net)).toBe(sum.times(1000).toFixed(2));
    expect(result.totalRowChecks).toEqual([
      expect.objectContaining({ row: 4, label: 'Total Service Expenditure', status: 'pass' }),
    ]);
  });
});

describe('check-file --authority', () => {
  const file = join(dir, RO);

  it('without it: exit 2, a few of the authorities and the flag to add, no stack trace', async () => {
    const run = await checkFile([file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Name your authority\'s row with --authority "<name or code>"');
    expect(run.stderr).toContain(`row 5: ${POLICE} (E23000026, 2017/18)`);
    expect(run.stderr).not.toContain('    at ');
  });

  it('with it: the row converted, said, and its control total', async () => {
    const run = await checkFile([file, '--authority', POLICE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`return    Converted from an MHCLG revenue outturn (RO) return: row 5, ${POLICE}`);
    expect(run.stdout).toContain('totals    forecast: debits 144946362.00, credits -12500.00, net 144933862.00');
    const json = JSON.parse((await checkFile([file, '--authority', 'E23000026', '--json'])).stdout) as {
      rows: { read: number };
      authorityRow: { converted: { row: number }[] };
    };
    expect(json.authorityRow.converted).toEqual([{ row: 5, name: POLICE, code: 'E23000026' }]);
  });

  it('part of a name that names one authority only: taken, and said', async () => {
    const run = await checkFile([file, '--authority', 'cambridgeshire police']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `return    "cambridgeshire police" names one authority only: ${POLICE} (E23000026), read as its row`,
    );
    expect(run.stdout).toContain(`return    Converted from an MHCLG revenue outturn (RO) return: row 5, ${POLICE}`);
    expect(run.stdout).toContain('totals    forecast: debits 144946362.00, credits -12500.00, net 144933862.00');
  });

  it('part of a name that names several: exit 2 with those it names, none chosen', async () => {
    const run = await checkFile([file, '--authority', 'Police']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `"Police" names 2 authorities: ${POLICE} (E23000026); Bedfordshire Police and Crime Commissioner (E23000025).`,
    );
    expect(run.stdout).toBe('');
  });

  it('an authority the file does not have: exit 2 with its rows', async () => {
    const run = await checkFile([file, '--authority', 'Nowhere']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('No 2017/18 row of ro-2017-18-police-layout.csv is for "Nowhere"');
  });
});

describe('the organisation setting preselects its authority (never chooses it)', () => {
  const a = (name: string, row = 2): AuthorityEntry => ({ row, name, code: '', year: null });
  const list = [a('Cambridgeshire'), a(POLICE, 3), a('Cambridgeshire and Peterborough Fire Authority', 4)];

  it.each([
    ['Cambridgeshire Police and Crime Commissioner and Constabulary', POLICE],
    ['cambridgeshire', 'Cambridgeshire'],
    ['Cambridgeshire County Council', null],
    ['Kent Police', null],
  ])('%s -> %s', (organisation, expected) => {
    expect(authorityOfOrganisation(list, organisation)?.name ?? null).toBe(expected);
  });
});

describe('an authority named by part of its name (check-file --authority)', () => {
  const a = (name: string, row: number): AuthorityEntry => ({ row, name, code: '', year: null });
  // The multi-year CSV lists an authority once a year: one name, however many rows.
  const list = [a('Cambridgeshire', 2), a(POLICE, 3), a(POLICE, 9), a('Bedfordshire Police and Crime Commissioner', 4)];

  it.each([
    ['Cambridgeshire Police', [POLICE]],
    ['police crime', [POLICE, 'Bedfordshire Police and Crime Commissioner']],
    ['Cambridgeshire', ['Cambridgeshire', POLICE]],
    ['Camb', []],
    ['  ', []],
  ])('%s -> %j', (choice, expected) => {
    expect(authoritiesNamedBy(list, choice).map((e) => e.name)).toEqual(expected);
  });
});
