// The packed form of a stored chunk (what IndexedDB keeps since layout 4) must give back every cell exactly:
// texts (leading zeros, quotes, line breaks, non-ASCII, a lone surrogate), blank amounts, fractions of a
// penny never made, line numbers with gaps, warnings, dates. A property over any chunk, and the sizes that
// make it worth doing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dictionaryOf, isPackedChunk, packChunk, unpackChunk, type Header } from '../../../src/import/packed-chunk';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import { withWrittenColumns, writtenAmount } from '../helpers/written-cells';
import { otc1Chunk } from '../helpers/otc1-chunk';

/** Typed arrays as their kind and values, NaN as a string (toEqual treats NaN as equal, but be explicit). */
const plain = (v: unknown): unknown =>
  ArrayBuffer.isView(v)
    ? [
        Object.prototype.toString.call(v),
        Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isNaN(x) ? 'NaN' : x)),
      ]
    : Array.isArray(v)
      ? v.map(plain)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
        : v;

const roundTrip = (chunk: StoredChunk): StoredChunk => {
  const back = unpackChunk(packChunk(chunk));
  if (!back.ok) throw new Error(back.reason);
  return back.value;
};

const chunkArb = withWrittenColumns(
  fc.integer({ min: 0, max: 60 }).chain((n) =>
    fc.record({
      index: fc.nat({ max: 1000 }),
      rowCount: fc.constant(n),
      lines: fc
        .array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n })
        .chain((steps) =>
          fc.oneof(
            fc.constant(Uint32Array.from(steps, (_, i) => 2 + i)),
            fc.constant(Uint32Array.from(steps.map((_, i) => 2 + steps.slice(0, i + 1).reduce((a, b) => a + b, 0)))),
          ),
        ),
      warned: fc.array(fc.constantFrom(0, 0, 0, 1), { minLength: n, maxLength: n }).map((w) => Uint8Array.from(w)),
      raw: fc.array(
        fc.oneof(
          // Repeating values (a dictionary), and values that hardly repeat (plain), with any characters.
          fc.array(fc.constantFrom('00123', '00124', '', 'Café – "x"', 'a\nb', '\uD800', '🙂'), {
            minLength: n,
            maxLength: n,
          }),
          fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: n, maxLength: n }),
        ),
        { maxLength: 5 },
      ),
      pence: fc.dictionary(
        fc.constantFrom('amount', 'debit', 'credit'),
        fc
          .array(
            fc.oneof(
              fc.integer({ min: -500_000_00, max: 500_000_00 }),
              fc.constant(Number.NaN),
              fc.constant(-0),
              fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
            ),
            { minLength: n, maxLength: n },
          )
          .map((a) => Float64Array.from(a)),
      ),
      periods: fc.array(fc.integer({ min: 0, max: 16 }), { minLength: n, maxLength: n }).map((a) => Uint8Array.from(a)),
      dates: fc.dictionary(
        fc.constantFrom('postingDate', 'year'),
        fc
          .array(fc.oneof(fc.constantFrom(0, 20170403, 20180331), fc.integer({ min: 0, max: 2 ** 32 - 1 })), {
            minLength: n,
            maxLength: n,
          })
          .map((a) => Uint32Array.from(a)),
      ),
    }),
  ),
);

describe('packed chunks', () => {
  it('give back any chunk exactly, cell for cell', () => {
    fc.assert(
      fc.property(chunkArb, (chunk) => {
        expect(plain(roundTrip(chunk))).toEqual(plain(chunk));
      }),
      { numRuns: 300 },
    );
  });

  it('keep the text of every cell, a blank amount apart from a zero one, and the lines with their gaps', () => {
    const chunk: StoredChunk = {
      index: 7,
      rowCount: 3,
      lines: Uint32Array.from([5, 6, 9]),
      warned: Uint8Array.from([0, 1, 0]),
      raw: [
        ['00123', '00123', '0123'],
        ['(1,234.56)', '', '0.00'],
      ],
      pence: { amount: Float64Array.from([-123456, Number.NaN, 0]) },
      periods: Uint8Array.from([1, 1, 13]),
      dates: { postingDate: Uint32Array.from([20170403, 0, 20180331]) },
    };
    const back = roundTrip(chunk);
    expect(back.raw).toEqual([
      ['00123', '00123', '0123'],
      ['(1,234.56)', '', '0.00'],
    ]);
    expect(Array.from(back.pence.amount!)).toEqual([-123456, Number.NaN, 0]);
    expect(Object.is(back.pence.amount![2], 0)).toBe(true);
    expect(Array.from(back.lines)).toEqual([5, 6, 9]);
    expect(Array.from(back.warned)).toEqual([0, 1, 0]);
    expect(Array.from(back.periods)).toEqual([1, 1, 13]);
    expect(Array.from(back.dates.postingDate!)).toEqual([20170403, 0, 20180331]);
    expect(back.index).toBe(7);
  });

  it('keep a repeating column as a dictionary: 10,000 rows of a few codes take little more than a byte a row', () => {
    const n = 10_000;
    const codes = ['00001', '00038', '00075', '00112'];
    const chunk: StoredChunk = {
      index: 0,
      rowCount: n,
      lines: Uint32Array.from({ length: n }, (_, i) => i + 2),
      warned: new Uint8Array(n),
      raw: [Array.from({ length: n }, (_, i) => codes[(i * 7) % 4]!)],
      pence: {},
      periods: new Uint8Array(n),
      dates: {},
    };
    const packed = packChunk(chunk);
    // one byte a row for the codes and one for the periods, and the header: far below the 5 characters a cell
    expect(packed.length).toBeLessThan(2 * n + 1_000);
    expect(roundTrip(chunk).raw[0]).toEqual(chunk.raw[0]);
  });

  it('give up a dictionary of a column whose first 64 cells nearly all differ after reading those 64 cells', () => {
    // 1,500 different amounts: read to the 751st before, in every chunk (a tenth of the import workers' time).
    const amounts = Array.from({ length: 1_500 }, (_, i) => `${i}.00`);
    let read = 0;
    const counted = new Proxy(amounts, {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) read++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(dictionaryOf(counted, 750)).toBeNull();
    expect(read).toBe(64);
    // 56 values in the first 64 cells (a supplier column of a busy month) still make a dictionary where the
    // chunk's cells repeat enough (here 300 values in 1,500 cells).
    const suppliers = Array.from({ length: 1_500 }, (_, i) => `S${(i < 64 ? Math.min(i, 55) : i) % 300}`);
    const dict = dictionaryOf(suppliers, 750);
    expect(dict?.values.length).toBe(300);
    expect(Array.from(dict!.codes, (c) => dict!.values[c])).toEqual(suppliers);
  });

  it('keep amounts as the way each is written, numbered references as numbers, dates by their texts: bytes a row', () => {
    const n = 10_000;
    const pence = Float64Array.from(
      { length: n },
      (_, i) => ((i * 7_919) % 50_000_000) - (i % 7 === 0 ? 60_000_000 : 0),
    );
    const amounts = Array.from(pence, (p) => writtenAmount(p, 2, true, false, p % 2 ? 'brackets' : 'minus'));
    amounts[17] = '-'; // nil, kept as text
    pence[17] = 0;
    const references = Array.from({ length: n }, (_, i) => `INV-${String(40_000 + i).padStart(7, '0')}`);
    const days = Array.from({ length: n }, (_, i) => 1 + ((i * 13) % 28));
    const chunk: StoredChunk = {
      index: 0,
      rowCount: n,
      lines: Uint32Array.from({ length: n }, (_, i) => i + 2),
      warned: new Uint8Array(n),
      raw: [amounts, references, days.map((d) => `${String(d).padStart(2, '0')}/07/2018`)],
      pence: { amount: pence },
      periods: new Uint8Array(n).fill(4),
      dates: { postingDate: Uint32Array.from(days, (d) => 20180700 + d) },
    };
    const packed = packChunk(chunk);
    const head = JSON.parse(
      new TextDecoder().decode(packed.subarray(8, 8 + new DataView(packed.buffer).getUint32(4, true))),
    ) as Header;
    expect(head.raw).toEqual([{ amount: 'amount', texts: 1 }, { numbered: 1, from: 39_999 }, { dict: 28 }]);
    expect(head.dates).toEqual([['postingDate', { of: 2 }]]);
    // A byte a row for the way, four for the pence, one for the date's text (the date read from it, no more);
    // the references and the periods one value each: far below the 30-odd characters a row of the three texts.
    expect(packed.length).toBeLessThan(6 * n + 1_000);
    expect(roundTrip(chunk).raw).toEqual(chunk.raw);
  });

  it('keep every text after a lone surrogate, ASCII or not (written as UTF-16 then, since UTF-8 cannot hold it)', () => {
    const cells = ['INV-1', 'Café – x', '\uD800', 'INV-2', 'Zürich', '🙂', ''];
    const chunk: StoredChunk = {
      index: 0,
      rowCount: cells.length,
      lines: Uint32Array.from(cells, (_, i) => i + 2),
      warned: new Uint8Array(cells.length),
      raw: [cells, cells.map((c) => `${c}!`)],
      pence: {},
      periods: new Uint8Array(cells.length),
      dates: {},
    };
    expect(roundTrip(chunk).raw).toEqual(chunk.raw);
    expect(roundTrip({ ...chunk, raw: [cells.filter((c) => c !== '\uD800')], rowCount: 6 }).raw).toEqual([
      cells.filter((c) => c !== '\uD800'),
    ]);
  });

  it('read a chunk stored in the layout before ("OTC1", packed by the code of 3 December 2026, before amounts)', () => {
    const stored = otc1Chunk();
    expect(String.fromCharCode(...stored.subarray(0, 4))).toBe('OTC1');
    expect(isPackedChunk(stored)).toBe(true);
    const back = unpackChunk(stored);
    if (!back.ok) throw new Error(back.reason);
    expect(back.value.raw).toEqual([
      ['20500', '20500', '20500', '3010'],
      ['1,234.56', '(20.00)', '', '-'],
      ['INV-0000123', 'INV-0000124', 'Café – x', 'INV-0000126'],
    ]);
    expect(Array.from(back.value.pence.amount!)).toEqual([123456, -2000, Number.NaN, 0]);
    expect(Array.from(back.value.lines)).toEqual([10, 11, 13, 14]);
    expect(Array.from(back.value.dates.postingDate!)).toEqual([20180703, 20180703, 0, 20180731]);
  });

  it('refuse bytes that are not a packed chunk, or are cut short, in words, without throwing', () => {
    expect(isPackedChunk(new Uint8Array([1, 2, 3]))).toBe(false);
    expect(unpackChunk(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toEqual({
      ok: false,
      reason: 'its bytes are not a packed chunk',
    });
    const whole = packChunk({
      index: 0,
      rowCount: 2,
      lines: Uint32Array.from([2, 3]),
      warned: new Uint8Array(2),
      raw: [['a', 'b']],
      pence: { amount: Float64Array.from([1, 2]) },
      periods: new Uint8Array(2),
      dates: {},
    });
    const cut = unpackChunk(whole.subarray(0, whole.length - 8));
    expect(cut.ok).toBe(false);
  });
});
