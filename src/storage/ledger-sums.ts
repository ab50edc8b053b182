import type { AggregateRow, LedgerSums } from '../import/ledger-aggregates';
import { pence } from '../domain/core/units';

/*
 * A ledger's exact sums by cost centre, subjective and period (integer pence), as they are stored from layout 5: a
 * few flat typed arrays and two lists of codes, not one [cost centre, subjective, period, pence] list per sum. A
 * million-row ledger has about 240,000 sums; read back as a quarter of a million small arrays, they took the browser
 * about half a second to deserialise, on the page's thread (issue 16: no main-thread task over 50 ms). Typed arrays
 * are read back as copies of their bytes. From layout 6 they are kept in a store of their own (`ledgerSums`, one
 * record a ledger: LedgerSumsRecord), not in the dataset record: the list of datasets is read by every page, often,
 * and its 4 MB of sums were 20-27 ms of each reading; only the monitoring adds them up.
 * The sums keep the import's order (LedgerAggregates.list), so that what is added from them adds in the same order;
 * the import gives them packed (LedgerAggregates.packed).
 */
export type { LedgerSums };

/** A ledger's sums as the `ledgerSums` store keeps them: beside its dataset record, under the same id. */
export type LedgerSumsRecord = LedgerSums & { datasetId: string };

/** The highest period a sum can be of (P16, the last year-end adjustment). */
const LAST_PERIOD = 16;

/** The sums as the import lists them, packed. */
export function packLedgerSums(rows: readonly (readonly [string, string, number, number])[]): LedgerSums {
  const number = (codes: string[], index: Map<string, number>, code: string): number => {
    let n = index.get(code);
    if (n === undefined) index.set(code, (n = codes.push(code) - 1));
    return n;
  };
  const sums: LedgerSums = {
    costCentres: [],
    subjectives: [],
    costCentre: new Uint32Array(rows.length),
    subjective: new Uint32Array(rows.length),
    period: new Uint8Array(rows.length),
    pence: new Float64Array(rows.length),
  };
  const ccIndex = new Map<string, number>();
  const subjectiveIndex = new Map<string, number>();
  rows.forEach(([cc, subjective, period, amount], i) => {
    sums.costCentre[i] = number(sums.costCentres, ccIndex, cc);
    sums.subjective[i] = number(sums.subjectives, subjectiveIndex, subjective);
    sums.period[i] = period;
    sums.pence[i] = amount;
  });
  return sums;
}

/** The sums as a list, in their order; `keep` chooses by period (a year's ledger reads only the periods it owns). */
export function ledgerSumRows(sums: LedgerSums, keep: (period: number) => boolean = () => true): AggregateRow[] {
  return [...eachLedgerSum(sums, keep)];
}

/**
 * The sums in their order, as ledgerSumRows lists them, made one at a time as they are read (and read again from the
 * start each time they are iterated): a list of a quarter of a million small arrays, all kept until the last was
 * read, was a task of 60-110 ms on the page's thread, much of it the garbage collector's (issue 16).
 */
export function eachLedgerSum(
  sums: LedgerSums,
  keep: (period: number) => boolean = () => true,
): Iterable<AggregateRow> {
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < sums.period.length; i++) {
        const period = sums.period[i]!;
        if (!keep(period)) continue;
        yield [
          sums.costCentres[sums.costCentre[i]!]!,
          sums.subjectives[sums.subjective[i]!]!,
          period,
          pence(sums.pence[i]!),
        ] as AggregateRow;
      }
    },
  };
}

/** The periods (1-16) with a sum, ascending. */
export function periodsOfSums(sums: LedgerSums): number[] {
  const seen = new Uint8Array(LAST_PERIOD + 1);
  for (let i = 0; i < sums.period.length; i++) seen[sums.period[i]!] = 1;
  const periods: number[] = [];
  for (let p = 1; p <= LAST_PERIOD; p++) if (seen[p]) periods.push(p);
  return periods;
}

const tagged = (v: unknown, tag: string): boolean => Object.prototype.toString.call(v) === `[object ${tag}]`;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Why a stored value is not a ledger's sums as layout 5 keeps them, in words; null when it is. */
export function problemOfLedgerSums(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return 'they are not sums';
  const s = v as Record<string, unknown>;
  // By tag, not instanceof: a typed array read back from IndexedDB may come from another realm (a worker, jsdom).
  if (!isStrings(s.costCentres) || !isStrings(s.subjectives)) return 'their codes are not text';
  if (
    !tagged(s.costCentre, 'Uint32Array') ||
    !tagged(s.subjective, 'Uint32Array') ||
    !tagged(s.period, 'Uint8Array') ||
    !tagged(s.pence, 'Float64Array')
  )
    return 'their columns are damaged';
  const sums = s as unknown as LedgerSums;
  const n = sums.period.length;
  if (sums.costCentre.length !== n || sums.subjective.length !== n || sums.pence.length !== n)
    return 'their columns differ in length';
  const ccs = sums.costCentres.length;
  const subjectives = sums.subjectives.length;
  for (let i = 0; i < n; i++) {
    if (sums.costCentre[i]! >= ccs || sums.subjective[i]! >= subjectives) return `sum ${i + 1} names no code`;
    if (sums.period[i]! > LAST_PERIOD) return `sum ${i + 1} is of no period`;
    if (!Number.isSafeInteger(sums.pence[i])) return `sum ${i + 1} is not a whole number of pence`;
  }
  return null;
}
