// importRows asks for the file's next piece before it reads the one it has (so that a browser reads a File's next
// slice while the worker works); a piece whose read fails after the import has already stopped for another reason
// must not surface as a stray unhandled rejection (vitest fails the run on one).
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan, type ByteSource } from '../../../src/import/run-import';

const HEADER = 'Posting Date,Period,Cost Centre,Subjective,Description,Amount\n';
const rows = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += `01/05/2018,2,C100,4000,Fuel,${i}.00\n`;
  return s;
};

/** The text as pieces read one by one, saying when each is asked for; `failAt`: that piece's read fails. */
function piecesSource(pieces: string[], log: string[], failAt = -1): ByteSource {
  const bytes = pieces.map((p) => new TextEncoder().encode(p));
  return {
    name: 'ledger.csv',
    size: bytes.reduce((n, b) => n + b.length, 0),
    async *chunks() {
      for (let i = 0; i < bytes.length; i++) {
        log.push(`asked ${i}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (i === failAt) throw new Error('the file could not be read');
        yield bytes[i]!;
      }
    },
  };
}

async function planFor(text: string) {
  const source = bytesSource('ledger.csv', new TextEncoder().encode(text));
  const scanned = await scan(source);
  if (!scanned.verdict.ok) throw new Error('not text');
  return planOf(await preview(source, scanned.verdict.value));
}

describe('importRows reads ahead', () => {
  it('asks for the next piece before it reads the one it has', async () => {
    const pieces = [HEADER + rows(3), rows(3), rows(3)];
    const plan = await planFor(pieces.join(''));
    const log: string[] = [];
    const result = await importRows(
      piecesSource(pieces, log),
      plan,
      () => undefined,
      (p) => log.push(`read to ${p.bytes}`),
    );
    expect(result.rows.accepted).toBe(9);
    // Piece 1 is asked for before piece 0 has been read (its progress said), and so on.
    expect(log.slice(0, 3)).toEqual(['asked 0', 'asked 1', `read to ${new TextEncoder().encode(pieces[0]).length}`]);
  });

  it('a piece that fails to read after the import stopped for another reason: that reason, and no stray rejection', async () => {
    // The first piece fills a chunk, whose storing fails; the second piece, asked for meanwhile, fails to read.
    const pieces = [HEADER + rows(10_001), rows(3)];
    const plan = await planFor(HEADER + rows(20));
    const log: string[] = [];
    await expect(
      importRows(piecesSource(pieces, log, 1), plan, () => Promise.reject(new Error('the disk is full'))),
    ).rejects.toThrow('the disk is full');
    expect(log).toContain('asked 1');
    // Long enough for the second piece's failed read to settle while nothing awaits it.
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
});
