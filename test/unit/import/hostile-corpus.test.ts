// The hostile corpus (test/fixtures/hostile, each file described in its README) through the import pipeline,
// split into pieces of every size, and through the command line as a real process. For each file: refused
// with its reason, or read with every row accounted for exactly once and every problem named by row and code.
// Never a throw, never a hang (each case is bounded by its test's timeout), and the same answer however
// the bytes arrive.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../src/cli/node-source';
import { ledgerSumRows } from '../../../src/storage/ledger-sums';
import {
  comparable,
  expectCleanCliAnswer,
  expectEveryRowAccountedFor,
  runCli,
  runPipeline,
  type Outcome,
} from '../helpers/hostile-harness';

const DIR = join(import.meta.dirname, '../../fixtures/hostile');
const PIECES = [1, 3, 64, 1 << 20];

type Refused = { file: string; refused: 'size' | 'scan' | 'layout'; message: RegExp };
type Read = {
  file: string;
  encoding?: string;
  rows: {
    read: number;
    accepted: number;
    rejected: number;
    skipped?: number;
    blank?: number;
    acceptedWithWarnings?: number;
  };
  /** Every issue, in order: [row, code]. */
  issues: [number, string][];
  check?: (o: Extract<Outcome, { outcome: 'read' }>) => void;
};
type Case = Refused | Read;

const column = (o: Extract<Outcome, { outcome: 'read' }>, header: string): string[] => {
  const i = o.headers.indexOf(header);
  return o.chunks.flatMap((c) => c.raw[i] ?? []);
};
const pence = (o: Extract<Outcome, { outcome: 'read' }>): number[] =>
  o.chunks.flatMap((c) => [...(c.pence.amount ?? [])]);
const messageOf = (o: Extract<Outcome, { outcome: 'read' }>, row: number): string =>
  o.result.issues.find((i) => i.row === row)?.message ?? '';

const CASES: Case[] = [
  { file: 'binary-nul.dat', refused: 'scan', message: /^This is not a text file: it contains a NUL byte at byte 1\./ },
  {
    file: 'workbook.xlsx',
    refused: 'scan',
    // Issue 15: workbooks are read now; this one is a zip's first 73 bytes, cut short.
    message: /looks like an Excel workbook \(a zip file\), but it is cut short or damaged/,
  },
  { file: 'report.pdf', refused: 'scan', message: /^This is not a text file: it is a PDF, not CSV/ },
  { file: 'empty.csv', refused: 'size', message: /^empty\.csv is empty \(0 bytes\): there is nothing to import\.$/ },
  {
    file: 'blank-lines-only.csv',
    refused: 'layout',
    message: /No header row was found: no row of the file names its columns/,
  },
  {
    file: 'utf16le-truncated.csv',
    refused: 'scan',
    message: /not valid UTF-16: it ends in half a character \(211 bytes, an odd number\)/,
  },
  { file: 'header-only.csv', rows: { read: 0, accepted: 0, rejected: 0, blank: 0 }, issues: [] },
  {
    file: 'unbalanced-quotes.csv',
    rows: { read: 7, accepted: 4, rejected: 3 },
    issues: [
      [2, 'unbalanced-quote'],
      [4, 'unbalanced-quote'],
      [8, 'unclosed-quote'],
      // Issue 15: the one cell of its column that runs across a line break (lines 7-8) is read, and said.
      [7, 'line-break-in-cell'],
    ],
    check: (o) => {
      // The rows after each broken one are still read; the valid oddities are read as RFC 4180 says.
      expect(column(o, 'Description')).toEqual([
        'Fine row',
        'Quote "inside" done right',
        'A "quote" mid-field',
        'Multi\nline, legitimately',
      ]);
      expect(o.result.rejectedRows.map((r) => r.cells[0])).toEqual(['C100', 'C102', 'C106']);
    },
  },
  {
    file: 'mixed-delimiters.csv',
    rows: { read: 5, accepted: 2, rejected: 3 },
    issues: [
      [3, 'wrong-delimiter'],
      [4, 'wrong-delimiter'],
      [5, 'wrong-delimiter'],
    ],
    check: (o) =>
      expect(o.result.issues.map((i) => i.message.slice(0, 30))).toEqual([
        'This row is split by semicolon',
        'This row is split by tabs, but',
        'This row is split by pipes, bu',
      ]),
  },
  {
    file: 'mixed-line-endings.csv',
    rows: { read: 4, accepted: 4, rejected: 0 },
    issues: [],
    check: (o) => expect(column(o, 'Description')).toEqual(['CRLF', 'LF', 'CR', 'CRLF again']),
  },
  {
    file: 'ragged-rows.csv',
    // Issue 15: a row with text past the header (row 3) and an unquoted 1,234.56 (row 7) are rejected, no
    // longer accepted with the cells that fit; only empty cells past it (row 4) are accepted, with a warning.
    rows: { read: 5, accepted: 1, acceptedWithWarnings: 1, rejected: 4, blank: 1 },
    issues: [
      [2, 'missing-cells'],
      [2, 'missing-amount'],
      [3, 'too-many-cells'],
      [4, 'extra-cells'],
      [6, 'missing-required'],
      [6, 'missing-cells'],
      [6, 'missing-amount'],
      [7, 'too-many-cells'],
    ],
    check: (o) => {
      expect([column(o, 'Description'), pence(o)]).toEqual([['Trailing commas'], [200]]);
      expect(messageOf(o, 7)).toContain('"1" then "234.56" looks like 1,234.56 written without quotes round it');
      expect(messageOf(o, 3)).toMatch(/^This row has 6 cells but the header has 4, so its cells cannot be matched/);
    },
  },
  ...(['utf16le-bom.csv', 'utf16be-bom.csv', 'utf16le-no-bom.csv'] as const).map((file): Read => ({
    file,
    encoding: file.startsWith('utf16be') ? 'utf-16be' : 'utf-16le',
    rows: { read: 2, accepted: 2, rejected: 0 },
    issues: [],
    check: (o) => {
      expect(column(o, 'Description')).toEqual(['Café – £ and €', 'Zoë’s “quotes”']);
      expect(o.headers[0]).toBe('Cost Centre');
    },
  })),
  {
    file: 'utf8-bom-then-windows-1252.csv',
    encoding: 'windows-1252',
    rows: { read: 1, accepted: 1, rejected: 0 },
    issues: [],
    check: (o) => {
      expect(o.headers[0]).toBe('Cost Centre'); // not "ï»¿Cost Centre"
      expect(o.reason).toMatch(/the UTF-8 byte-order mark at the start is not part of the text and is dropped/);
      expect([column(o, 'Description'), pence(o)]).toEqual([['Café'], [100]]);
    },
  },
  {
    file: 'mixed-utf8-and-1252.csv',
    encoding: 'utf-8',
    rows: { read: 3, accepted: 3, acceptedWithWarnings: 1, rejected: 0 },
    issues: [[3, 'invalid-character']],
    check: (o) => {
      expect(o.reason).toMatch(/^mixed encodings: 1 character in the first megabyte is written in UTF-8, but byte 88/);
      expect(column(o, 'Description')).toEqual(['Café in UTF-8', 'Caf\uFFFD in 1252', 'Plain']);
    },
  },
  { file: 'overlong-utf8.csv', encoding: 'windows-1252', rows: { read: 1, accepted: 1, rejected: 0 }, issues: [] },
  {
    file: 'mojibake.csv',
    rows: { read: 2, accepted: 1, rejected: 1 },
    issues: [[2, 'not-a-number']],
    check: (o) =>
      expect(messageOf(o, 2)).toMatch(
        /"Â£1\.00" is not an amount \("Â£" or "Ã" is how £ or an accented letter looks after a UTF-8 file was read as Windows-1252/,
      ),
  },
  {
    file: 'invisible-characters.csv',
    rows: { read: 7, accepted: 3, acceptedWithWarnings: 1, rejected: 4 },
    issues: [
      [2, 'not-a-number'],
      [3, 'not-a-number'],
      [4, 'invisible-character'],
      [5, 'not-a-number'],
      [6, 'not-a-number'],
    ],
    check: (o) => {
      expect(messageOf(o, 2)).toMatch(/cannot be seen: U\+00A0/);
      expect(messageOf(o, 3)).toMatch(/cannot be seen: U\+200B/);
      expect(messageOf(o, 4)).toMatch(/^Cost centre "C552\u200b" will not match the same code typed without it/);
      expect(pence(o)).toEqual([300, -1200, 400]); // 3.00; the Unicode minus; 4.00
    },
  },
  {
    file: 'four-hundred-digits.csv',
    rows: { read: 3, accepted: 1, rejected: 2 },
    issues: [
      [2, 'too-many-digits'],
      [3, 'too-many-digits'],
    ],
    check: (o) => {
      expect(messageOf(o, 2)).toBe('"999999999999999999999999…99999999, 400 characters" has more than 30 digits');
      expect(o.result.issues[1]!.value).toHaveLength(401); // the value itself is kept whole (under 500 characters)
    },
  },
  {
    file: 'impossible-dates.csv',
    rows: { read: 11, accepted: 2, rejected: 9 },
    issues: [
      [2, 'invalid-day'],
      [3, 'invalid-day'],
      [5, 'invalid-day'],
      [6, 'invalid-day'],
      [7, 'invalid-month'],
      [8, 'invalid-month'],
      [9, 'invalid-day'],
      [10, 'excel-serial'],
      [11, 'two-digit-year'],
    ],
    check: (o) => {
      expect(messageOf(o, 2)).toBe('"31/02/2018" has day 31, but February 2018 has 28 days');
      expect(o.chunks.flatMap((c) => [...c.lines])).toEqual([4, 12]); // 29/02/2020 and 1/4/2018
      expect(o.chunks.flatMap((c) => [...c.dates.postingDate!])).toEqual([20200229, 20180401]);
    },
  },
  {
    file: 'strange-amounts.csv',
    rows: { read: 11, accepted: 2, rejected: 9 },
    issues: [
      [2, 'scientific-notation'],
      [3, 'percentage'],
      [4, 'ambiguous-separator'],
      [5, 'conflicting-signs'],
      [6, 'too-many-decimals'],
      [7, 'not-a-number'],
      [8, 'not-a-number'],
      [9, 'not-a-number'],
      [10, 'too-large'],
    ],
    check: (o) => expect(pence(o)).toEqual([0, -123456]),
  },
  {
    // Issue 15: each cell is within 2^53 pence, but the sums are not: the row that would take the debits (or
    // the credits) past it is rejected, so every total stays exact. Debits: 90,071,992,547,409.91 is
    // 2^53 - 1 pence, the most; credits -5.00, so one more -90,071,992,547,409.91 would be 2^53 + 499 pence.
    file: 'sums-beyond-2-53.csv',
    rows: { read: 4, accepted: 2, rejected: 2 },
    issues: [
      [3, 'sum-too-large'],
      [5, 'sum-too-large'],
    ],
    check: (o) => {
      expect(pence(o)).toEqual([Number.MAX_SAFE_INTEGER, -500]);
      expect(o.result.controlTotals.map((t) => [t.debit, t.credit, t.net])).toEqual([
        [Number.MAX_SAFE_INTEGER, -500, Number.MAX_SAFE_INTEGER - 500],
      ]);
      expect(ledgerSumRows(o.result.ledgerSums)).toEqual([
        ['C100', '5000', 0, Number.MAX_SAFE_INTEGER],
        ['C101', '5000', 0, -500],
      ]);
      expect(messageOf(o, 3)).toBe(
        "Adding this row would take the file's debits past £90,071,992,547,409.91, beyond which Outturn cannot add exactly. The row was not imported",
      );
      expect(o.result.issues.map((i) => [i.column, i.value])).toEqual([
        ['Amount', '0.01'],
        ['Amount', '-90,071,992,547,409.91'],
      ]);
    },
  },
  {
    file: 'markup-and-formulae.csv',
    rows: { read: 5, accepted: 4, rejected: 1 },
    issues: [[5, 'not-a-number']],
    check: (o) => {
      // Text stays text, byte for byte: showing it safely is the views' job (tested end to end).
      expect(column(o, 'Cost Centre')[0]).toBe('<script>window.__pwned=1</script>');
      expect(column(o, 'Description')).toEqual([
        '<img src=x onerror=window.__pwned=1>',
        '=HYPERLINK("http://example.invalid","click")',
        "+cmd|' /C calc'!A0",
        'javascript:alert(1)',
      ]);
    },
  },
];

describe('the hostile corpus', () => {
  it('has an expectation for every file in test/fixtures/hostile', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'README.md');
    expect(CASES.map((c) => c.file).sort()).toEqual(files.sort());
  });

  describe.each(CASES)('$file', (c) => {
    it(`through the pipeline, in pieces of ${PIECES.join(', ')} bytes: ${'refused' in c ? 'refused with its reason' : 'every row accounted for'}`, async () => {
      const outcomes: Outcome[] = [];
      for (const size of PIECES) outcomes.push(await runPipeline(fileSource(join(DIR, c.file), size), 'ledger'));
      const first = outcomes[0]!;
      for (const o of outcomes.slice(1)) expect(comparable(o)).toEqual(comparable(first));
      if ('refused' in c) {
        expect(first).toMatchObject({ outcome: 'refused', stage: c.refused });
        if (first.outcome === 'refused') expect(first.message).toMatch(c.message);
        return;
      }
      expect(first.outcome).toBe('read');
      if (first.outcome !== 'read') return;
      expect(first.result.rows).toMatchObject(c.rows);
      expect(first.result.issues.map((i) => [i.row, i.code])).toEqual(c.issues);
      if (c.encoding) expect(first.encoding).toBe(c.encoding);
      expectEveryRowAccountedFor(first.result, first.chunks);
      c.check?.(first);
    }, 30_000);

    it('through the command line: the same answer, as a message and an exit status, never a crash', async () => {
      const r = await runCli([join('test/fixtures/hostile', c.file), '--kind', 'ledger', '--json']);
      const json = expectCleanCliAnswer(r);
      if ('refused' in c) {
        expect(r.status).toBe(2);
        expect(json.error).toMatch(c.message);
        return;
      }
      expect(r.status).toBe(c.rows.rejected > 0 ? 1 : 0);
      expect(json.rows).toMatchObject({ read: c.rows.read, accepted: c.rows.accepted, rejected: c.rows.rejected });
      expect((json.issues as { row: number; code: string }[]).map((i) => [i.row, i.code])).toEqual(c.issues);
    }, 60_000);
  });
});
