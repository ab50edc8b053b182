// A file read in two halves side by side (split-import.ts) gives what one reading of it gives: the same counts,
// issues, rejected and skipped rows, control totals, ledger sums and stored rows (only the chunks are cut
// differently at the seam). The reference is the one reading (importRows without a split), checked elsewhere
// against the papers and independent sums; here each file is read both ways and compared, over hand-made seams
// and generated files with totals, broken rows, quoted line breaks, blank lines, CRLF and rejections anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import type { ImportPlan } from '../../../src/import/import-plan';
import { indexColumnsOf, LineIndexBuilder, type LineIndexPart } from '../../../src/import/line-index';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan, type ByteSource, type Split } from '../../../src/import/run-import';
import type { SessionResult } from '../../../src/import/session-result';
import {
  countToCut,
  CutCounter,
  findCut,
  readPart,
  type CutCount,
  type PartOutcome,
} from '../../../src/import/split-import';
import { BreakCounter } from '../../../src/import/split-points';
import { NODE_SHARE } from '../../../src/cli/node-split';
import type { BuiltChunk, StoredChunk } from '../../../src/import/stored-chunk';

/** The stored rows, in order, as plain values: what a chunking of them does not change. */
function rowsOf(chunks: readonly StoredChunk[]) {
  const rows: unknown[] = [];
  for (const c of chunks)
    for (let i = 0; i < c.rowCount; i++)
      rows.push({
        line: c.lines[i],
        warned: c.warned[i],
        raw: c.raw.map((col) => col[i]),
        pence: Object.fromEntries(Object.entries(c.pence).map(([k, v]) => [k, v[i]])),
        period: c.periods[i],
        dates: Object.fromEntries(Object.entries(c.dates).map(([k, v]) => [k, v[i]])),
      });
  return rows;
}

/** The result without its chunk count (the seam cuts one chunk in two). */
const comparable = (r: SessionResult) => ({ ...r, chunkCount: undefined });

async function planFor(source: ByteSource): Promise<ImportPlan> {
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error('refused');
  return planOf(await preview(source, s.verdict.value, { kind: 'ledger' }));
}

/**
 * The count before the cut as the file's proof makes it (scan, over pieces of its own size), or a wrong one (a
 * record and a line fewer than there are), for the second half to start from.
 */
type Counted = 'own' | 'proof' | 'wrong' | 'wrong, coming' | 'never coming';
function countOf(
  bytes: Uint8Array,
  piece: number,
  counted: Counted,
  share?: number,
): CutCount | null | Promise<CutCount | null | undefined> {
  if (counted === 'own') return null;
  // A proof still being made that is never done: the reader counts itself.
  if (counted === 'never coming') return new Promise(() => undefined);
  const counter = new CutCounter(bytes.length, share);
  for (let i = 0; i < bytes.length; i += piece) counter.push(bytes.subarray(i, i + piece));
  const c = counter.count;
  const wrong = c && { ...c, breaks: c.breaks - 1, records: c.records - 1 };
  // A proof made beside the reader, its count coming in a message (a promise), here before the reader counts.
  if (counted === 'wrong, coming') return Promise.resolve(wrong);
  return counted === 'wrong' ? wrong : c;
}

/**
 * Reads a file whole, and in two halves with the second read in this thread too (as the worker would), from the
 * count it makes itself of the bytes before the cut, or from the one the proof made (`counted`). `share`: the first
 * reader's share of the file (Split.share; the proof counts to that cut).
 */
async function bothWays(
  text: string | Uint8Array,
  piece: number,
  chunkRows: number,
  counted: Counted = 'own',
  share?: number,
) {
  const source = bytesSource('s.csv', typeof text === 'string' ? new TextEncoder().encode(text) : text, piece);
  const cutCount = countOf(typeof text === 'string' ? new TextEncoder().encode(text) : text, piece + 3, counted, share);
  const plan = await planFor(source);
  const whole: StoredChunk[] = [];
  const wholeIndex = new LineIndexBuilder(indexColumnsOf(plan));
  const one = await importRows(
    source,
    plan,
    (c) => {
      whole.push(c);
      wholeIndex.add(c);
    },
    undefined,
    undefined,
    undefined,
    undefined,
  );

  const first: BuiltChunk[] = [];
  const index = new LineIndexBuilder(indexColumnsOf(plan));
  let second: BuiltChunk[] = [];
  let secondIndex: LineIndexPart | null = null;
  const state = { taken: false, dropped: false, stop: -1, cut: -1 };
  const split: Split = {
    minBytes: 0,
    chunkRows,
    ...(share === undefined ? {} : { share }),
    start: async (cut) => {
      second = [];
      state.cut = cut;
      const outcome = await readPart(source, plan, cut, (c) => void second.push(c), { chunkRows, counted: cutCount });
      if (outcome) {
        const b = new LineIndexBuilder(indexColumnsOf(plan), outcome.part.start.chunkIndex);
        for (const c of second) b.note(c);
        // As the part worker posts it: a copy.
        secondIndex = structuredClone(b.part());
      }
      return outcome;
    },
    taken: (outcome: PartOutcome) => {
      state.taken = true;
      state.stop = outcome.stopByte;
      index.absorb(secondIndex!, outcome.part.start.chunkIndex);
      first.push(...second);
    },
    dropped: async (fromChunk) => {
      state.dropped = true;
      second = second.filter((c) => c.index < fromChunk);
      await Promise.resolve();
    },
    progress: () => ({ bytes: 0, rows: 0 }),
  };
  const two = await importRows(
    source,
    plan,
    (c) => {
      first.push(c);
      index.note(c);
    },
    undefined,
    undefined,
    undefined,
    split,
  );
  return {
    one,
    two,
    whole,
    split: first,
    state,
    wholeIndex: wholeIndex.finish(),
    index: index.finish(),
    size: source.size,
  };
}

function expectSame(r: Awaited<ReturnType<typeof bothWays>>) {
  expect(comparable(r.two)).toEqual(comparable(r.one));
  expect(rowsOf(r.split)).toEqual(rowsOf(r.whole));
  // Chunks numbered 0, 1, 2 ... with no gap or repeat.
  expect(r.split.map((c) => c.index)).toEqual(r.split.map((_, i) => i));
  // The drill-down's index: the same pairs, lines in the same order, the same counts and sums.
  const lines = (idx: typeof r.index, chunks: readonly StoredChunk[]) => {
    const byPosition = new Map<number, number>();
    let n = 0;
    for (const c of chunks) for (let i = 0; i < c.rowCount; i++) byPosition.set(c.index * 10_000 + i, n++);
    return {
      pairs: Array.from(
        idx.pairCostCentre,
        (cc, p) => `${idx.costCentres[cc] ?? ''}/${idx.subjectives[idx.pairSubjective[p]!] ?? ''}`,
      ),
      order: Array.from(idx.positions, (p) => byPosition.get(p)),
      counts: Array.from(idx.entryCount),
      pence: Array.from(idx.entryPence),
    };
  };
  expect(lines(r.index, r.split)).toEqual(lines(r.wholeIndex, r.whole));
}

const HEADER = 'Cost Centre,Subjective,Period,Posting Date,Description,Amount';

function ledger(n: number, row: (i: number) => string | null = () => null, newline = '\n'): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++)
    lines.push(
      row(i) ??
        `${20500 + (i % 13)},${3000 + (i % 7)},${(i % 12) + 1},${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2017,"Line ${i}","${(i * 37) % 100000}.${String(i % 100).padStart(2, '0')}"`,
    );
  return lines.join(newline) + newline;
}

/** The ledger of 3,000 rows with row `at` a record whose quoted cell runs across a line break. */
const twoLinesAt = (at: number): string =>
  ledger(3000, (i) => (i === at ? `20500,3001,3,01/06/2017,"two\nlines","5.00"` : null));

describe('a file read in two halves', () => {
  it('gives what one reading gives, the second half taken whole', async () => {
    const r = await bothWays(ledger(5000), 4096, 10_000);
    expect(r.state.taken).toBe(true);
    expect(r.state.stop).toBe(r.size);
    expect(r.one.rows.accepted).toBe(5000);
    expectSame(r);
  });

  it('with CRLF line endings and rejected rows on both sides of the seam', async () => {
    const r = await bothWays(
      ledger(4000, (i) => (i % 97 === 5 ? `20500,3001,3,01/13/2017,"bad date","12.00"` : null), '\r\n'),
      1000,
      10_000,
    );
    expect(r.one.rows.rejected).toBe(42);
    expectSame(r);
  });

  it('stops at a total row after the seam, and the first reader reads on from it', async () => {
    const text = ledger(3000) + 'Total,,,,,"0"\n';
    const r = await bothWays(text, 2048, 10_000);
    expect(r.state.taken).toBe(true);
    expect(r.state.stop).toBeLessThan(r.size);
    expect(r.one.rows.skipped + r.one.rows.accepted).toBe(3001);
    expectSame(r);
  });

  it('a quoted line break after the seam: the second half stops there', async () => {
    const r = await bothWays(twoLinesAt(2500), 3000, 10_000);
    expect(r.state.taken).toBe(true);
    expect(r.state.stop).toBeLessThan(r.size);
    expectSame(r);
  });

  it('a quoted line break before the seam: counted in the bytes, the half still starts in the right place', async () => {
    const r = await bothWays(twoLinesAt(100), 3000, 10_000);
    expect(r.state.taken).toBe(true);
    expectSame(r);
  });

  it('a stray quote before the seam: the guess of where the half starts is wrong, and the half is read again', async () => {
    const r = await bothWays(
      ledger(3000, (i) => (i === 100 ? `20500,3001,3,01/06/2017,bro"ken,"5.00"` : null)),
      3000,
      10_000,
    );
    expect(r.state.dropped).toBe(true);
    expect(r.state.taken).toBe(false);
    expectSame(r);
  });

  it("starts the second half from the proof's count of the bytes before the cut; a wrong one costs a re-read, never a row", async () => {
    const cases: [Counted, 'taken' | 'dropped'][] = [
      ['proof', 'taken'],
      // A record and a line short: the half starts one row early in its numbering, is found out at the seam, dropped
      // and read again by the first reader (taken, it would number every row of its half one too few).
      ['wrong', 'dropped'],
      // The same coming after the request, as the proof made beside the import sends it: found out alike.
      ['wrong, coming', 'dropped'],
      // A proof that never comes: the reader counts the bytes itself, rightly.
      ['never coming', 'taken'],
    ];
    for (const [counted, outcome] of cases) {
      const r = await bothWays(twoLinesAt(100), 3000, 10_000, counted);
      expect(r.state[outcome], counted).toBe(true);
      expectSame(r);
    }
  });

  it("at another share of the file (Node's thread: half), cut there, from the proof's count to that cut", async () => {
    const text = ledger(4000, (i) => (i % 89 === 3 ? `20500,3001,3,01/13/2017,"bad date","12.00"` : null));
    const r = await bothWays(text, 4096, 10_000, 'proof', NODE_SHARE);
    const atDefault = await findCut(bytesSource('s.csv', new TextEncoder().encode(text)));
    expect(r.state.cut).toBe(await findCut(bytesSource('s.csv', new TextEncoder().encode(text)), NODE_SHARE));
    expect(r.state.cut).toBeLessThan(atDefault);
    expect(r.state.taken).toBe(true);
    expectSame(r);
  });

  it('chunks of a few rows: the chunks of the halves meet with no gap, or the half is read again', async () => {
    const taken = await bothWays(ledger(3000), 5000, 10);
    expect(taken.state.taken).toBe(true);
    expectSame(taken);
    // A rejected row before the seam leaves the first half a chunk short of the one the second counted on.
    const rows = ledger(3000, (i) => (i >= 1000 && i < 1010 ? `20500,3001,3,31/02/2018,"bad","1.00"` : null));
    const dropped = await bothWays(rows, 5000, 10);
    expect(dropped.state.dropped).toBe(true);
    expectSame(dropped);
  });
});

describe('a file read in two halves, over generated files', () => {
  it('gives exactly what one reading gives, whatever the rows, pieces and chunk sizes', async () => {
    const seen = { whole: 0, stopped: 0, dropped: 0 };
    const rowArb = fc.oneof(
      { weight: 120, arbitrary: fc.constant(null) },
      fc.constant('Total,,,,,"1.00"'),
      fc.constant(''),
      fc.constant('20500,3001,3,01/06/2017,"two\nlines","5.00"'),
      fc.constant('20500,3001,3,01/06/2017,bro"ken,"5.00"'),
      fc.constant(',,,,,"7.00"'),
      fc.constant('20500,3001,3,31/02/2018,"bad","1.00"'),
      fc.constant('Subtotal,,,,,"2.00"'),
      fc.constant('note only'),
      fc.constant('20500,3001,3,01/06/2017,"unclosed,"5.00"'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 400 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 7, max: 5000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom<Counted>('own', 'proof'),
        async (special, newline, piece, chunkRows, counted) => {
          const text = ledger(special.length, (i) => special[i] ?? null, newline);
          const r = await bothWays(text, piece, chunkRows, counted);
          expectSame(r);
          if (r.state.dropped) seen.dropped++;
          else if (r.state.stop === r.size) seen.whole++;
          else if (r.state.taken) seen.stopped++;
        },
      ),
      { numRuns: 150 },
    );
    // Each way the halves can meet was met: taken whole, taken to a stop, dropped.
    expect(seen.whole).toBeGreaterThan(0);
    expect(seen.stopped).toBeGreaterThan(0);
    expect(seen.dropped).toBeGreaterThan(0);
  });
});

describe('a Debit/Credit ledger in Windows-1252, semicolons, with lines above its header, read in two halves', () => {
  /** Windows-1252 bytes of text whose only character beyond ASCII is £ (0xA3 there). */
  const cp1252 = (text: string) => Uint8Array.from(text, (c) => (c === '£' ? 0xa3 : c.charCodeAt(0)));

  function splitLedger(special: readonly (string | null)[], newline: string): Uint8Array {
    const lines = ['Ledger export; Example Constabulary', 'Run on 03/12/2026', ''];
    lines.push('Cost Centre;Subjective;Period;Posting Date;Description;Debit;Credit');
    special.forEach((row, i) => {
      const pounds = `${(i * 53) % 9000}.${String(i % 100).padStart(2, '0')}`;
      const date = `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2017`;
      lines.push(
        row ??
          `${20500 + (i % 11)};${3000 + (i % 5)};${(i % 12) + 1};${date};£ line ${i};${i % 3 === 0 ? '' : pounds};${i % 3 === 0 ? pounds : ''}`,
      );
    });
    return cp1252(lines.join(newline) + newline);
  }

  it('gives exactly what one reading gives: the sums of the two columns, the side totals and the rows', async () => {
    const rowArb = fc.oneof(
      { weight: 120, arbitrary: fc.constant(null) },
      fc.constant('20500;3001;3;01/06/2017;both;5.00;6.00'),
      fc.constant(';;;;Total;1.00;2.00'),
      fc.constant(''),
      fc.constant('20500;3001;3;01/06/2017;"two\nlines";5.00;'),
      fc.constant('20500;3001;13;01/06/2017;bad period;5.00;'),
      fc.constant('20500;3001;3;01/06/2017;decimal comma;5,00;'),
    );
    const seen = { whole: 0, stopped: 0, dropped: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 300 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 7, max: 4000 }),
        fc.integer({ min: 1, max: 40 }),
        async (special, newline, piece, chunkRows) => {
          const r = await bothWays(splitLedger(special, newline), piece, chunkRows);
          expectSame(r);
          if (r.state.dropped) seen.dropped++;
          else if (r.state.stop === r.size) seen.whole++;
          else if (r.state.taken) seen.stopped++;
        },
      ),
      { numRuns: 100 },
    );
    expect(seen.whole + seen.stopped).toBeGreaterThan(0);
  });

  it('a plain one, taken whole: its debits and credits as one reading sums them', async () => {
    const r = await bothWays(splitLedger(Array<null>(3000).fill(null), '\r\n'), 1000, 7);
    expect(r.state.taken).toBe(true);
    expect(r.state.stop).toBe(r.size);
    expect(r.one.rows).toMatchObject({ accepted: 3000, preamble: 3 });
    expectSame(r);
  });
});

describe('the bytes before the cut, counted', () => {
  // Independent count: the text's records and line breaks as a reader of RFC 4180 reads them, character by character.
  function expected(text: string) {
    let records = 0;
    let breaks = 0;
    let inQuotes = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"') inQuotes = !inQuotes;
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) breaks++;
      if (c === '\n' && !inQuotes) records++;
    }
    return { records, breaks };
  }

  it('counts line feeds outside quotes as records and every LF, CRLF and lone CR as a break, across pieces', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a,"\r\n]{0,80}$/), fc.integer({ min: 1, max: 9 }), (text, piece) => {
        const bytes = new TextEncoder().encode(text);
        const c = new BreakCounter();
        for (let i = 0; i < bytes.length; i += piece) c.push(bytes.subarray(i, i + piece));
        c.finish();
        expect({ records: c.records, breaks: c.breaks }).toEqual(expected(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe("the count before the cut, made by the file's proof", () => {
  // The cut as the import finds it, and the bytes before it counted by BreakCounter in one piece.
  async function expectedCount(bytes: Uint8Array, share?: number): Promise<CutCount | null> {
    const cut = await findCut(bytesSource('f.csv', bytes), share);
    if (cut < 0) return null;
    const c = new BreakCounter();
    c.push(bytes.subarray(0, cut));
    c.finish();
    return { cut, breaks: c.breaks, records: c.records };
  }

  it("finds the import's cut and counts the bytes before it, whatever the pieces", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[ab,"\r\n]{0,300}$/),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(undefined, NODE_SHARE, 0.3),
        async (text, piece, share) => {
          const bytes = new TextEncoder().encode(text);
          const counter = new CutCounter(bytes.length, share);
          for (let i = 0; i < bytes.length; i += piece) counter.push(bytes.subarray(i, i + piece));
          expect(counter.count).toEqual(await expectedCount(bytes, share));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('has none where no line feed comes within a megabyte of the cut, as the import has none', async () => {
    const bytes = new Uint8Array(3 << 20).fill(97);
    bytes[10] = 10;
    bytes[bytes.length - 5] = 10;
    const counter = new CutCounter(bytes.length);
    for (let i = 0; i < bytes.length; i += 1 << 16) counter.push(bytes.subarray(i, i + (1 << 16)));
    expect(await expectedCount(bytes)).toBeNull();
    expect(counter.count).toBeNull();
  });

  it('spares the second half reading the bytes before the cut again: a window for its header, no more', async () => {
    const bytes = new TextEncoder().encode(ledger(40_000));
    const plan = await planFor(bytesSource('f.csv', bytes));
    const cut = await findCut(bytesSource('f.csv', bytes));
    // A source that counts the bytes read before the cut, through any range of it.
    const counted = (from: number, to: number, read: { before: number }): ByteSource => ({
      name: 'f.csv',
      size: to - from,
      range: (a, b) => counted(from + a, from + b, read),
      async *chunks() {
        for (let i = from; i < to; i += 1 << 20) {
          const piece = bytes.subarray(i, Math.min(to, i + (1 << 20)));
          read.before += Math.max(0, Math.min(cut, i + piece.length) - i);
          yield await Promise.resolve(piece);
        }
      },
    });
    const own = { before: 0 };
    const given = { before: 0 };
    const proof = new CutCounter(bytes.length);
    proof.push(bytes);
    const a = await readPart(counted(0, bytes.length, own), plan, cut, () => undefined);
    const b = await readPart(counted(0, bytes.length, given), plan, cut, () => undefined, { counted: proof.count });
    expect(b).toEqual(a);
    expect(a!.part.start.recordIndex).toBeGreaterThan(20_000);
    expect(own.before).toBeGreaterThanOrEqual(cut);
    expect(given.before).toBeLessThanOrEqual(64 << 10);
  });

  it('is made by scan for a text file large enough to be read in two halves, not for a small one', async () => {
    const big = new TextEncoder().encode(ledger(180_000));
    expect(big.length).toBeGreaterThan(8 << 20);
    const count = (await scan(bytesSource('big.csv', big, 1 << 20))).cutCount;
    expect(count).toEqual(await expectedCount(big));
    expect(count!.records).toBeGreaterThan(100_000);
    expect((await scan(bytesSource('small.csv', new TextEncoder().encode(ledger(100))))).cutCount).toBeUndefined();
    // Where the import will cut elsewhere (Node's thread: node-split.ts), counted to that cut.
    const atHalf = (await scan(bytesSource('big.csv', big, 1 << 20), undefined, undefined, undefined, NODE_SHARE))
      .cutCount;
    expect(atHalf).toEqual(await expectedCount(big, NODE_SHARE));
    expect(atHalf!.cut).toBeLessThan(count!.cut);
  });

  it("is given first, before a byte is hashed, where the scan is asked for it (the page's proof), and is the same", async () => {
    const big = new TextEncoder().encode(ledger(180_000, (i) => (i === 700 ? '"a line, then\nanother"' : null)));
    const events: string[] = [];
    let given: CutCount | null = null;
    const scanned = await scan(
      bytesSource('big.csv', big, 1 << 20),
      (p) => events.push(`hashed ${p.bytes}`),
      undefined,
      (count) => {
        events.push('counted');
        given = count;
      },
    );
    expect(events[0]).toBe('counted');
    expect(events.filter((e) => e === 'counted')).toHaveLength(1);
    expect(given).toEqual(await expectedCount(big));
    expect(scanned.cutCount).toEqual(given);
    // countToCut itself: the same count; none for a small file
    expect(await countToCut(bytesSource('big.csv', big, 1 << 20))).toEqual(given);
    expect(await countToCut(bytesSource('small.csv', new TextEncoder().encode(ledger(100))))).toBeNull();
    const small: string[] = [];
    await scan(bytesSource('small.csv', new TextEncoder().encode(ledger(100))), undefined, undefined, () =>
      small.push('counted'),
    );
    expect(small).toEqual([]);
  });
});
