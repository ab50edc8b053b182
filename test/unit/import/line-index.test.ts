// A ledger's line index: for each cost centre and subjective, its lines' positions by period, date and file order,
// and each period's count and exact sum. Compared with the same worked out from the rows directly, for a pair with
// lines in every chunk, a pair with one line, codes written with spaces, blank amounts; with and without the
// chunk builder's dictionaries; and a ledger of thousands of codes met one by one (the index's table of pairs grown
// again and again, then past its limit).
import { describe, expect, it } from 'vitest';
import { entriesOf, LineIndexBuilder, pairOf, positionOf, type LineIndex } from '../../../src/import/line-index';
import type { BuiltChunk, StoredChunk } from '../../../src/import/stored-chunk';
import { chunksOf, expectedLines, spreadLedger, SPREAD_COLUMNS, sumOf, type SpreadRow } from '../helpers/spread-ledger';

const ledger = spreadLedger(3, 12, 60, 7);
const ALL = Array.from({ length: 16 }, (_, i) => i + 1);

function indexOf(chunks: readonly BuiltChunk[]): LineIndex {
  const builder = new LineIndexBuilder(SPREAD_COLUMNS);
  for (const c of chunks) builder.add(c);
  return builder.finish();
}

/** What the index says of a pair, period by period, with its lines' positions. */
function said(index: LineIndex, cc: string, subjective: string) {
  return entriesOf(index, pairOf(index, cc, subjective)).map((e) => ({
    period: e.period,
    count: e.count,
    pence: e.pence,
    positions: Array.from(index.positions.subarray(e.from, e.from + e.count)),
  }));
}

/** The same worked out from the rows (of the file's ledger, or another). */
function expected(cc: string, subjective: string, of: readonly SpreadRow[][] = ledger) {
  const lines = expectedLines(of, cc, subjective, ALL);
  return [...new Set(lines.map((l) => l.period))].map((period) => {
    const of = lines.filter((l) => l.period === period);
    return { period, count: of.length, pence: sumOf(of), positions: of.map((l) => positionOf(l.chunk, l.row)) };
  });
}

/** Chunks as the import hands them on: with the builder's dictionary of every column. */
function withDictionaries(chunk: StoredChunk): BuiltChunk {
  return {
    ...chunk,
    dictionaries: chunk.raw.map((cells) => {
      const values = [...new Set(cells)];
      return { values, codes: Uint16Array.from(cells, (c) => values.indexOf(c)) };
    }),
  };
}

describe('the line index', () => {
  const index = indexOf(chunksOf(ledger));

  it("gives a pair spread over every chunk its lines' positions, counts and exact sums by period", () => {
    const common = expected('00120', '3010');
    expect(new Set(common.flatMap((e) => e.positions.map((p) => Math.floor(p / 10_000)))).size).toBe(12);
    expect(said(index, '00120', '3010')).toEqual(common);
  });

  it('gives a pair with one line its one position', () => {
    expect(said(index, '00999', '7777')).toEqual(expected('00999', '7777'));
    expect(expected('00999', '7777')).toHaveLength(1);
  });

  it('keeps codes whole (0120 is not 00120) and has no entry for a pair with no line', () => {
    expect(said(index, '0120', '3010')).toEqual(expected('0120', '3010'));
    expect(pairOf(index, '120', '3010')).toBe(-1);
    expect(said(index, '00120', '9999')).toEqual([]);
  });

  it('indexes every line with an amount once, and none without', () => {
    const withAmount = ledger.flat().filter((r) => !Number.isNaN(r.pence));
    expect(index.positions.length).toBe(withAmount.length);
    expect(new Set(index.positions).size).toBe(withAmount.length);
    index.pairCostCentre.forEach((c, p) => {
      const [cc, subjective] = [index.costCentres[c]!, index.subjectives[index.pairSubjective[p]!]!];
      expect(said(index, cc, subjective)).toEqual(expected(cc, subjective));
    });
    expect(index.pairCostCentre.length).toBe(new Set(withAmount.map((r) => `${r.cc.trim()}/${r.subjective}`)).size);
  });

  it("is the same made through the chunk builder's dictionaries", () => {
    expect(indexOf(chunksOf(ledger).map(withDictionaries))).toEqual(index);
  });

  it('is the same noted as the import hands chunks on and read after, a part noted apart and taken in', () => {
    // As the import makes it: the first chunks noted by its builder, the rest by a part worker's builder (numbered
    // from its first chunk) and posted (a copy), taken in, then every noted chunk read into the index at finish.
    for (const dictionaries of [false, true]) {
      const chunks = chunksOf(ledger).map((c) => (dictionaries ? withDictionaries(c) : c));
      const first = new LineIndexBuilder(SPREAD_COLUMNS);
      const part = new LineIndexBuilder(SPREAD_COLUMNS, 5);
      chunks.slice(0, 5).forEach((c) => first.note(c));
      chunks.slice(5).forEach((c) => part.note(c));
      first.absorb(structuredClone(part.part()), 5);
      expect(first.finish()).toEqual(index);
    }
  });

  it("refuses a part's chunks that do not follow, and a part whose lines were read already", () => {
    const chunks = chunksOf(ledger);
    const part = new LineIndexBuilder(SPREAD_COLUMNS, 5);
    chunks.slice(5).forEach((c) => part.note(c));
    const first = new LineIndexBuilder(SPREAD_COLUMNS);
    chunks.slice(0, 4).forEach((c) => first.note(c));
    expect(() => first.absorb(part.part(), 5)).toThrow(/came where 4 was expected/);
    const read = new LineIndexBuilder(SPREAD_COLUMNS, 5);
    read.add(chunks[5]!);
    expect(() => read.part()).toThrow(/by note, not add/);
  });

  it('with thousands of codes, met one by one, gives every pair its own lines, past the dense table of pairs too', () => {
    // 3,000 cost centres and 1,500 subjectives, each new in its row at first: the table of pairs grows again and
    // again, then cannot hold 3,000 x 1,500 (over its limit of 2^22) and the later pairs are kept in its map alone.
    const rows = (c: number): SpreadRow[] =>
      Array.from({ length: 1500 }, (_, r): SpreadRow => {
        const i = c * 1500 + r;
        return {
          chunk: c,
          row: r,
          line: i + 2,
          period: 1 + (i % 12),
          date: 20170401 + ((i * 37) % 28),
          cc: `C${i % 3000}`,
          subjective: `S${i < 3000 ? i % 1500 : (i * 7) % 1500}`,
          description: '',
          supplier: '',
          reference: `R${i}`,
          pence: (i % 7) * 1_000 - 2_500,
        };
      });
    const many = [rows(0), rows(1), rows(2)];
    const made = indexOf(chunksOf(many));
    const pairs = new Set(many.flat().map((r) => `${r.cc}/${r.subjective}`));
    expect(made.pairCostCentre.length).toBe(pairs.size);
    for (const pair of pairs) {
      const [cc, subjective] = pair.split('/') as [string, string];
      expect(said(made, cc, subjective), pair).toEqual(expected(cc, subjective, many));
    }
  });

  it('refuses a sum past 2^53 pence, and chunks out of order', () => {
    const big = chunksOf(spreadLedger(5, 1, 3, 0));
    big[0]!.raw[0] = ['1', '1', '1'];
    big[0]!.raw[1] = ['2', '2', '2'];
    big[0]!.periods = Uint8Array.from([1, 1, 1]);
    big[0]!.pence = { amount: Float64Array.from([Number.MAX_SAFE_INTEGER, 1, 0]) };
    expect(() => indexOf(big)).toThrow(/beyond 2\^53/);
    expect(() => indexOf(chunksOf(ledger).slice(1))).toThrow(/came where 0 was expected/);
  });
});
