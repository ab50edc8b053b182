// Properties of the import pipeline over generated input (fast-check): it never throws, never loses a
// row (read = accepted + rejected + skipped), and its totals are exact (checked against BigInt sums of
// the generated pence, not against Outturn's own arithmetic).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/import/byte-sources';
import { planOf } from '../../src/import/preview';
import { importRows, preview, scan } from '../../src/import/run-import';

async function run(bytes: Uint8Array, chunk: number) {
  const source = bytesSource('p.csv', bytes, chunk);
  const s = await scan(source);
  if (!s.verdict.ok) return { refused: true as const };
  const p = await preview(source, s.verdict.evidence, { kind: 'ledger' });
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
        fc.array(fc.tuple(penceArb, fc.nat(11), fc.stringMatching(/^[A-Za-z0-9 &,."'é£-]{0,20}$/)), { minLength: 1, maxLength: 60 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({ min: 1, max: 97 }),
        async (rows, newline, chunk) => {
          const lines = [HEADER, ...rows.map(([pence, style, text], i) => `C${1000 + i},${4000 + (i % 7)},"${text.replace(/"/g, '""')}",${written(pence, style)}`)];
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
      fc.asyncProperty(fc.array(fc.string({ maxLength: 40 }), { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), async (lines, chunk) => {
        const r = await run(new TextEncoder().encode([HEADER, ...lines].join('\n')), chunk);
        if (r.refused) return; // NUL bytes: refused as not text, with a message
        const { read, accepted, rejected, skipped } = r.result.rows;
        expect(read).toBe(accepted + rejected + skipped);
      }),
      { numRuns: 200 },
    );
  });

  it('any bytes at all: either refused with a message, or every row accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
        const source = bytesSource('b.csv', bytes, chunk);
        const s = await scan(source);
        if (!s.verdict.ok) {
          expect(s.verdict.message).toMatch(/NUL byte at byte \d+/);
          return;
        }
        const p = await preview(source, s.verdict.evidence);
        const result = await importRows(source, planOf(p), () => undefined);
        const { read, accepted, rejected, skipped } = result.rows;
        expect(read).toBe(accepted + rejected + skipped);
        for (const i of result.issues) expect(i.row).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
