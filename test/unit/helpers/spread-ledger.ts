// A ledger's chunks for the line index and reader tests, made from a seed: a common pair with lines in every chunk,
// a rare pair with one line, codes written with spaces around them, blank amounts, periods and dates in no order.
// And the lines of a pair worked out from the rows directly (not through the index), to compare with.
import { seededRandom } from '../../../src/cli/seeded-random';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import type { LedgerLineSource } from '../../../src/worker/ledger-lines-query';

export const SPREAD_COLUMNS: LedgerLineSource['columns'] = {
  costCentre: 0,
  subjective: 1,
  description: 2,
  supplier: 3,
  reference: 4,
};

export interface SpreadRow {
  chunk: number;
  row: number;
  line: number;
  period: number;
  date: number;
  cc: string;
  subjective: string;
  description: string;
  supplier: string;
  reference: string;
  pence: number;
}

/** `chunks` chunks of `rows` rows; the rare pair (00999 / 7777) has one line, in chunk `rareIn`. */
export function spreadLedger(seed: number, chunks: number, rows: number, rareIn: number): SpreadRow[][] {
  const next = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  let line = 2;
  return Array.from({ length: chunks }, (_, c) =>
    Array.from({ length: rows }, (_, r): SpreadRow => {
      const period = 1 + Math.floor(next() * 13);
      const common = next() < 0.2;
      const rare = c === rareIn && r === Math.floor(rows / 2);
      return {
        chunk: c,
        row: r,
        line: (line += 1 + Math.floor(next() * 2)),
        period,
        date: 20170400 + period * 100 + 1 + Math.floor(next() * 28),
        cc: rare ? '00999' : common ? pick(['00120', ' 00120', '00120 ']) : pick(['00130', '00140', '0120']),
        subjective: rare ? '7777' : common ? '3010' : pick(['3010', '3011', '4000']),
        description: pick(['Diesel', 'Café – supplies', 'Overtime, March', '']),
        supplier: pick(['Fuel Co', 'Zürich plc', '']),
        reference: `R-${c}-${r}`,
        pence: next() < 0.05 && !rare ? Number.NaN : Math.floor(next() * 2_000_000) - 500_000,
      };
    }),
  );
}

export function chunksOf(ledger: readonly SpreadRow[][]): StoredChunk[] {
  return ledger.map((rows, index) => ({
    index,
    rowCount: rows.length,
    lines: Uint32Array.from(rows, (r) => r.line),
    warned: new Uint8Array(rows.length),
    raw: [
      rows.map((r) => r.cc),
      rows.map((r) => r.subjective),
      rows.map((r) => r.description),
      rows.map((r) => r.supplier),
      rows.map((r) => r.reference),
    ],
    pence: { amount: Float64Array.from(rows, (r) => r.pence) },
    periods: Uint8Array.from(rows, (r) => r.period),
    dates: { postingDate: Uint32Array.from(rows, (r) => r.date) },
  }));
}

/** A pair's lines with an amount in the periods given, by period, date and file order, worked out from the rows. */
export function expectedLines(
  ledger: readonly SpreadRow[][],
  cc: string,
  subjective: string,
  periods: readonly number[],
): SpreadRow[] {
  return ledger
    .flat()
    .filter(
      (r) =>
        r.cc.trim() === cc &&
        r.subjective.trim() === subjective &&
        !Number.isNaN(r.pence) &&
        periods.includes(r.period),
    )
    .sort((a, b) => a.period - b.period || a.date - b.date || a.line - b.line);
}

/** The exact sum of some lines' pence, added as BigInt (independent of the code's own adding). */
export const sumOf = (rows: readonly SpreadRow[]): number => Number(rows.reduce((t, r) => t + BigInt(r.pence), 0n));
