// Cells as a ledger writes them, for the packing tests: amounts written from their pence by decimal.js (not by
// Outturn's code) in the ways finance systems write them, with some cells no way writes; and references
// numbered one after another behind a few texts.
import Decimal from 'decimal.js';
import fc from 'fast-check';

/** Pence written with `decimals` places (rounded by decimal.js where they need more), grouped, £, negative form. */
export function writtenAmount(
  pence: number,
  decimals: 0 | 1 | 2,
  grouped: boolean,
  pound: boolean,
  negative: 'minus' | 'brackets' | 'trailing',
): string {
  if (Number.isNaN(pence)) return '';
  const abs = new Decimal(pence).abs().div(100).toFixed(decimals);
  const [whole, fraction] = abs.split('.');
  const digits = grouped ? whole!.replace(/\B(?=(\d{3})+$)/g, ',') : whole!;
  const body = `${pound ? '£' : ''}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
  if (pence >= 0) return body;
  return negative === 'minus' ? `-${body}` : negative === 'brackets' ? `(${body})` : `${body}-`;
}

/** A column writing `pence` (mostly one way, as a system's export does; some cells another way, or odd). */
const writtenAmountsArb = (pence: Float64Array): fc.Arbitrary<string[]> =>
  fc
    .record({
      decimals: fc.constantFrom<0 | 1 | 2>(2, 2, 1, 0),
      grouped: fc.boolean(),
      pound: fc.boolean(),
      negative: fc.constantFrom<'minus' | 'brackets' | 'trailing'>('minus', 'brackets', 'trailing'),
      odd: fc.array(
        fc.tuple(fc.nat(), fc.constantFrom(' 1.00', '-', '-0.00', '1.2345', 'n/a', '£ 5', '0', '1,0000.00')),
        { maxLength: 4 },
      ),
    })
    .map(({ decimals, grouped, pound, negative, odd }) => {
      const cells = Array.from(pence, (p) => writtenAmount(p, decimals, grouped, pound, negative));
      for (const [at, text] of odd) if (cells.length > 0) cells[at % cells.length] = text;
      return cells;
    });

/** References: a few texts before numbers that mostly step by one, zero-padded or not, some without digits. */
const numberedCellsArb = (n: number): fc.Arbitrary<string[]> =>
  fc
    .record({
      befores: fc.array(fc.constantFrom('INV-', 'JNL', 'PO ', '', 'Café-', '2018/'), { minLength: 1, maxLength: 3 }),
      start: fc.oneof(fc.nat({ max: 1_000 }), fc.constant(999_999_999_999_999)),
      width: fc.constantFrom(0, 6, 7),
      steps: fc.array(fc.constantFrom(1, 1, 1, 2, -5, 0), { minLength: n, maxLength: n }),
      picks: fc.array(fc.nat(), { minLength: n, maxLength: n }),
      odd: fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'none', '12345678901234567890', '007')), {
        maxLength: 3,
      }),
    })
    .map(({ befores, start, width, steps, picks, odd }) => {
      let number = start;
      const cells = steps.map((step, i) => {
        number = Math.max(0, number + step);
        return `${befores[picks[i]! % befores.length]!}${String(number).padStart(width, '0')}`;
      });
      for (const [at, text] of odd) if (cells.length > 0) cells[at % cells.length] = text;
      return cells;
    });

/**
 * A chunk with columns added that write its amounts (up to two), a column of numbered references, and for each date
 * column a column of texts its dates are read from (one text a date) and one whose texts do not name one date each.
 */
export const withWrittenColumns = <
  C extends {
    rowCount: number;
    raw: string[][];
    pence: Record<string, Float64Array>;
    dates: Record<string, Uint32Array>;
  },
>(
  arb: fc.Arbitrary<C>,
): fc.Arbitrary<C> =>
  arb.chain((chunk) => {
    const amounts = Object.values(chunk.pence);
    const dated = Object.values(chunk.dates).flatMap((d) => [
      Array.from(d, (v) => (v === 0 ? '' : `${v % 100}/${Math.floor(v / 100) % 100}/${Math.floor(v / 10_000)}`)),
      Array.from(d, (v) => String(v % 3)),
    ]);
    return fc
      .tuple(
        amounts.length > 0
          ? fc.array(fc.constantFrom(...amounts).chain(writtenAmountsArb), { maxLength: 2 })
          : fc.constant([]),
        fc.array(numberedCellsArb(chunk.rowCount), { maxLength: 1 }),
      )
      .map(([written, numbered]) => ({ ...chunk, raw: [...chunk.raw, ...written, ...numbered, ...dated] }));
  });
