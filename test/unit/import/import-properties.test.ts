// Properties of the import pipeline over generated input (fast-check): it never throws, never loses a
// row (read = accepted + rejected + skipped), and its totals are exact (checked against BigInt sums of
// the generated pence, not against Outturn's own arithmetic).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';

async function run(bytes: Uint8Array, chunk: number) {
  const source = bytesSource('p.csv', bytes, chunk);
  const s = await scan(source);
  if (!s.verdict.ok) return { refused: true as const };
  const p = await preview(source, s.verdict.value, { kind: 'ledger' });
  const result = await importRows(source, planOf(p), () => undefined);
  return { refused: false as const, result, preview: p };
}

const HEADER = 'Cost Centre,Subjective,Description,Amount';
const penceArb = fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n });

function written(pence: bigint, style: number): string {
  const neg = pence < 0n;
  const abs = neg ? -pence : pence;
  const pounds = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  const grouped = pounds.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');
  const body = style % 2 === 0 ? grouped : pounds;
  if (!neg) return style % 3 === 0 ? `"£${body}"` : `"${body}"`;
  return [`"(${body})"`, `"-${body}"`, `"${body}-"`, `"${body} CR"`][style % 4]!;
}

describe('import properties', () => {
  it('valid rows in any of the accepted formats, split anywhere: every row accepted, total exact', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(penceArb, fc.nat(11), fc.stringMatching(/^[A-Za-z0-9 &,."'é£-]{0,20}$/)), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({ min: 1, max: 97 }),
        async (rows, newline, chunk) => {
          const lines = [
            HEADER,
            ...rows.map(
              ([pence, style, text], i) =>
                `C${1000 + i},${4000 + (i % 7)},"${text.replace(/"/g, '""')}",${written(pence, style)}`,
            ),
          ];
          const r = await run(new TextEncoder().encode(lines.join(newline) + newline), chunk);
          expect(r.refused).toBe(false);
          if (r.refused) return;
          expect(r.result.rows).toMatchObject({ read: rows.length, accepted: rows.length, rejected: 0, skipped: 0 });
          const expected = rows.reduce((acc, [pence]) => acc + pence, 0n);
          expect(BigInt(r.result.controlTotals[0]!.net)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('any text at all: never throws, and read = accepted + rejected + skipped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        async (lines, chunk) => {
          const r = await run(new TextEncoder().encode([HEADER, ...lines].join('\n')), chunk);
          if (r.refused) return; // NUL bytes: refused as not text, with a message
          const { read, accepted, rejected, skipped } = r.result.rows;
          expect(read).toBe(accepted + rejected + skipped);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('any bytes at all: either refused with a message, or every row accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
        const source = bytesSource('b.csv', bytes, chunk);
        const s = await scan(source);
        if (!s.verdict.ok) {
          // Refused with the reason: a NUL byte (and where), a known non-text signature, or broken UTF-16.
          expect(s.verdict.issues.map((i) => i.message).join('; ')).toMatch(
            /^This (is not a text file|file reads as UTF-16)/,
          );
          return;
        }
        const p = await preview(source, s.verdict.value);
        const result = await importRows(source, planOf(p), () => undefined);
        const { read, accepted, rejected, skipped } = result.rows;
        expect(read).toBe(accepted + rejected + skipped);
        for (const i of result.issues) expect(i.row).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

// Hostile cells (markup, formulas, huge and strange numbers, impossible dates, quotes, delimiters, line
// breaks, invisible and foreign characters) in files that are otherwise well formed.
const HOSTILE_CELLS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://example.invalid")',
  '+1+1',
  '@SUM(A1)',
  '9'.repeat(400),
  '1e400',
  'NaN',
  '-0',
  '(1,234.56)',
  '£1,234.56',
  '1,23',
  '1.005',
  '31/02/2018',
  'a "quoted" word',
  'line\nbreak',
  'line\r\nbreak',
  'comma, inside',
  'semi;colon',
  'tab\there',
  '\u200b12.00',
  '1\u00a0234',
  '１２',
  '\u202eevil',
  '',
  ' ',
  'Total',
  'Grand Total',
];

const cellArb = fc.oneof(
  fc.constantFrom(...HOSTILE_CELLS),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^-?\d{1,6}(\.\d{2})?$/),
);
const quote = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;

describe('import properties: hostile input', () => {
  it('hostile cells in a well-formed file: every row accepted, rejected with its reasons, or skipped, exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('C100', '01234', '', 'Total', '<b>x</b>'),
            fc.constantFrom('4000', '', '5200'),
            cellArb,
            cellArb,
          ),
          { minLength: 1, maxLength: 40 },
        ),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 97 }),
        async (rows, endings, chunk) => {
          // Every cell quoted (RFC 4180), so the file has exactly one record per generated row, whatever is in it.
          const lines = [HEADER, ...rows.map((r) => r.map(quote).join(','))];
          const text = lines.map((l, i) => l + endings[i % endings.length]!).join('');
          const r = await run(new TextEncoder().encode(text), chunk);
          expect(r.refused).toBe(false);
          if (r.refused) return;
          const { read, blank } = r.result.rows;
          // Every generated row is read or counted blank, the last one too (a trailing blank row is counted, issue 15).
          expect(read + blank).toBe(rows.length);
          const rowNumbers = new Set([
            ...r.result.rejectedRows.map((x) => x.row),
            ...r.result.skippedRows.map((x) => x.row),
          ]);
          for (const i of r.result.issues) if (i.severity === 'error') expect(rowNumbers.has(i.row)).toBe(true);
          for (const x of r.result.rejectedRows)
            expect(r.result.issues.some((i) => i.row === x.row && i.severity === 'error')).toBe(true);
          // Every row number is one of the file's rows (the header is row 1).
          for (const n of rowNumbers) expect(n >= 2 && n <= rows.length + 1).toBe(true);
          expect(read).toBe(r.result.rows.accepted + r.result.rows.rejected + r.result.rows.skipped);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('any text, any line endings: the answer does not depend on where the file is split', async () => {
    const textArb = fc
      .array(
        fc.oneof(fc.constantFrom(...HOSTILE_CELLS, ',', '"', '\n', '\r', '\r\n', ';'), fc.string({ maxLength: 6 })),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(textArb, fc.integer({ min: 1, max: 31 }), async (body, chunk) => {
        const bytes = new TextEncoder().encode(`${HEADER}\n${body}`);
        const whole = await run(bytes, 1 << 20);
        const pieces = await run(bytes, chunk);
        expect(pieces.refused).toBe(whole.refused);
        if (whole.refused || pieces.refused) return;
        expect(pieces.result).toEqual(whole.result);
      }),
      { numRuns: 200 },
    );
  });

  it('text with no quotes: every line of the file is accounted for (preamble, header, read or blank)', async () => {
    const lineArb = fc.oneof(
      fc.constantFrom('', ' ', ',,,', 'C1,4000,x,1.00', 'C2;4000;y;2.00', 'Total,,,3.00', 'note only'),
      fc.stringMatching(/^[^"\r\n]{0,30}$/),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { maxLength: 50 }),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 64 }),
        async (body, endings, chunk) => {
          const lines = [HEADER, ...body];
          // A lone CR, an empty line, then LF would be a CRLF (one line ending, as in any reader): write CRLF there.
          let text = '';
          lines.forEach((l, i) => {
            const e = endings[i % endings.length]!;
            text += l + (text.endsWith('\r') && l === '' && e === '\n' ? '\r\n' : e);
          });
          const r = await run(new TextEncoder().encode(text), chunk);
          if (r.refused) return;
          const { preamble, read, blank, lines: counted } = r.result.rows;
          // Issue 15: a trailing blank row is a blank row like any other (it was left out of the count).
          expect(preamble + 1 + read + blank).toBe(lines.length);
          expect(counted).toBe(lines.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
