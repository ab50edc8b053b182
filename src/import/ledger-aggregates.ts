/*
 * A ledger's exact sums by cost centre, subjective and period (integer pence), added to once per
 * accepted row. Nested maps of code strings cost about a microsecond a row on a large import: between
 * two rows the parser churns through enough memory that every level (the map, its entry, the inner map,
 * its entry, the key's text, the sums) is a cache miss. Here each code gets a small number from a map
 * small enough to stay in cache (all-digit codes are looked up as numbers, not as fresh strings to
 * hash), the pair of numbers is found in one flat open-addressing table, and the sums sit in one flat
 * array. The rows are added a batch at a time, in a tight loop whose rows do not wait on each other,
 * so the processor fetches several of them from memory at once; in order, so every sum is the same
 * additions in the same order as one row at a time.
 */

import { pence, type Pence } from '../domain/core/units';
import { POOL_VALUES } from './cell-pool';
import { codeKey } from './code-key';

const PERIODS = 17; // 0 (none) and 1..16
/** Rows held before they are added. */
const BATCH = 4_096;
/** Words per slot of the pair table: cost centre number + 1 (0 = empty), subjective number, pair number. */
const SLOT = 3;

/** Codes numbered 0, 1, 2 ... in the order they are first met. */
class CodeNumbers {
  private readonly numbers = new Map<number | string, number>();
  readonly codes: string[] = [];

  numberOf(code: string): number {
    const key = codeKey(code);
    const known = this.numbers.get(key);
    if (known !== undefined) return known;
    this.numbers.set(key, this.codes.length);
    this.codes.push(code);
    return this.codes.length - 1;
  }
}

/** A code's number, by its pool number where it has one. */
function pooled(numbers: CodeNumbers, byPool: Int32Array, cell: string, pool: number): number {
  if (pool < 0) return numbers.numberOf(cell.trim());
  const known = byPool[pool]!;
  if (known >= 0) return known;
  return (byPool[pool] = numbers.numberOf(cell.trim()));
}

/**
 * A part of a ledger's sums, read apart from the rest (split-import.ts), for the session before it to take in:
 * its codes in the order it met them (so that taking them in numbers them as one reading would have), and its sums
 * by pair of codes, in the order it met the pairs. In typed arrays, not a list of rows: the part is posted from
 * another thread, and a list of 200,000 [cost centre, subjective, period, pence] arrays took 170-250 ms to copy
 * (structuredClone, in Node, for the bench's 1M ledger), half of it on the thread that takes the part in, after
 * its own half was read; these arrays copy in a millisecond.
 */
export interface AggregatesPart {
  costCentres: string[];
  subjectives: string[];
  /** Per pair, its cost centre's and its subjective's place in the lists above. */
  pairCostCentre: Int32Array;
  pairSubjective: Int32Array;
  /** PERIODS sums a pair (period 0, none, then 1..16), in pence. */
  sums: Float64Array;
}

/** A sum as it leaves the import: branded pence (the revenue model's ledger actuals take it as such). */
export type AggregateRow = [costCentre: string, subjective: string, period: number, pence: Pence];

/**
 * A ledger's sums packed: a few flat typed arrays and two lists of codes, one entry a sum, in list()'s order (what
 * the import gives, `SessionResult.ledgerSums`, and what storage keeps: src/storage/ledger-sums.ts).
 */
export interface LedgerSums {
  /** Each cost centre code once, in the order first met. */
  costCentres: string[];
  /** Each subjective code once, in the order first met. */
  subjectives: string[];
  /** For each sum, its cost centre (an index into costCentres). */
  costCentre: Uint32Array;
  /** For each sum, its subjective (an index into subjectives). */
  subjective: Uint32Array;
  /** For each sum, its period: 0 (lines with none) or 1-16. */
  period: Uint8Array;
  /** For each sum, integer pence (exact: never past 2^53, checked when read back). */
  pence: Float64Array;
}

export class LedgerAggregates {
  private readonly costCentres = new CodeNumbers();
  private readonly subjectives = new CodeNumbers();
  /** Open addressing, linear probing, at most half full. */
  private slots = new Int32Array(SLOT * 1024);
  private mask = 1023;
  private pairs = 0;
  private pairCostCentre = new Int32Array(512);
  private pairSubjective = new Int32Array(512);
  /** The sums, PERIODS to a pair, in the order the pairs were first met. */
  private sums = new Float64Array(512 * PERIODS);

  private readonly batchCostCentre = new Int32Array(BATCH);
  private readonly batchSubjective = new Int32Array(BATCH);
  private readonly batchPeriod = new Uint8Array(BATCH);
  private readonly batchPence = new Float64Array(BATCH);
  private batched = 0;
  /**
   * The largest a sum has been, either side of zero: past 2^53 pence a sum is no longer exact. The session
   * never lets it get there (it rejects a row that would take the file's debits or credits there, and every
   * sum here lies between those two), so list() takes one that did for a bug, and throws rather than
   * return an inexact figure.
   */
  private largest = 0;

  /** Aggregate code numbers by the cell's number in its column's pool (cell-pool.ts), -1 until met. */
  private readonly costCentreByPool = new Int32Array(POOL_VALUES).fill(-1);
  private readonly subjectiveByPool = new Int32Array(POOL_VALUES).fill(-1);

  /**
   * Adds a row's amount, from its cells as read (trimmed here) and their numbers in their pools (cell-pool.ts;
   * below 0 where not pooled): a pooled code is trimmed and looked up once per pool number, not once per row.
   */
  addCells(
    costCentre: string,
    costCentrePool: number,
    subjective: string,
    subjectivePool: number,
    period: number,
    pence: number,
  ): void {
    const i = this.batched++;
    this.batchCostCentre[i] = pooled(this.costCentres, this.costCentreByPool, costCentre, costCentrePool);
    this.batchSubjective[i] = pooled(this.subjectives, this.subjectiveByPool, subjective, subjectivePool);
    this.batchPeriod[i] = period;
    this.batchPence[i] = pence;
    if (this.batched === BATCH) this.addBatch();
  }

  /** Adds a row's amount; the codes are trimmed already. */
  add(costCentre: string, subjective: string, period: number, pence: number): void {
    this.addNumbered(this.costCentres.numberOf(costCentre), this.subjectives.numberOf(subjective), period, pence);
  }

  /** Adds an amount by its codes' numbers. */
  private addNumbered(costCentre: number, subjective: number, period: number, pence: number): void {
    const i = this.batched++;
    this.batchCostCentre[i] = costCentre;
    this.batchSubjective[i] = subjective;
    this.batchPeriod[i] = period;
    this.batchPence[i] = pence;
    if (this.batched === BATCH) this.addBatch();
  }

  private addBatch(): void {
    let largest = this.largest;
    for (let i = 0; i < this.batched; i++) {
      const pair = this.pairOf(this.batchCostCentre[i]!, this.batchSubjective[i]!);
      const sum = (this.sums[pair * PERIODS + this.batchPeriod[i]!]! += this.batchPence[i]!);
      if (Math.abs(sum) > largest) largest = Math.abs(sum);
    }
    this.largest = largest;
    this.batched = 0;
  }

  private pairOf(cc: number, subjective: number): number {
    const slots = this.slots;
    let h = (Math.imul(cc, 0x9e3779b1) ^ Math.imul(subjective, 0x85ebca6b)) & this.mask;
    for (;;) {
      const at = h * SLOT;
      const held = slots[at]!;
      if (held === 0) break;
      if (held === cc + 1 && slots[at + 1] === subjective) return slots[at + 2]!;
      h = (h + 1) & this.mask;
    }
    const pair = this.pairs++;
    if (pair === this.pairCostCentre.length) this.growPairs();
    this.pairCostCentre[pair] = cc;
    this.pairSubjective[pair] = subjective;
    if (this.pairs * 2 > this.mask + 1) this.rehash();
    else this.place(cc, subjective, pair);
    return pair;
  }

  private place(cc: number, subjective: number, pair: number): void {
    let h = (Math.imul(cc, 0x9e3779b1) ^ Math.imul(subjective, 0x85ebca6b)) & this.mask;
    while (this.slots[h * SLOT] !== 0) h = (h + 1) & this.mask;
    this.slots[h * SLOT] = cc + 1;
    this.slots[h * SLOT + 1] = subjective;
    this.slots[h * SLOT + 2] = pair;
  }

  /** Twice the slots, every pair placed again (the new pair included). */
  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(SLOT * size);
    this.mask = size - 1;
    for (let p = 0; p < this.pairs; p++) this.place(this.pairCostCentre[p]!, this.pairSubjective[p]!, p);
  }

  private growPairs(): void {
    const size = this.pairCostCentre.length * 2;
    const grown = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.pairCostCentre = grown(this.pairCostCentre);
    this.pairSubjective = grown(this.pairSubjective);
    const sums = new Float64Array(size * PERIODS);
    sums.set(this.sums);
    this.sums = sums;
  }

  /** The sums so far, with the codes in the order met, for another reading to take in (absorb). */
  part(): AggregatesPart {
    this.addBatch();
    this.checkExact();
    const pairs = this.pairs;
    return {
      costCentres: this.costCentres.codes,
      subjectives: this.subjectives.codes,
      pairCostCentre: this.pairCostCentre.slice(0, pairs),
      pairSubjective: this.pairSubjective.slice(0, pairs),
      sums: this.sums.slice(0, pairs * PERIODS),
    };
  }

  /**
   * Takes in the sums of the part of the file after the rows added so far: its codes numbered after these, in the
   * order the part met them, then its sums added, pair by pair in the order the part met them (integers: the same
   * sums as adding its rows one by one; and within a cost centre, the pairs new here are met in the part's order,
   * which is all that list() keeps of the order pairs were met in). A sum of 0 is not added: it changes no sum, and
   * a pair none of whose sums is other than 0 is not listed, whenever it was met.
   */
  absorb(part: AggregatesPart): void {
    const costCentres = part.costCentres.map((c) => this.costCentres.numberOf(c));
    const subjectives = part.subjectives.map((s) => this.subjectives.numberOf(s));
    const sums = part.sums;
    for (let p = 0; p < part.pairCostCentre.length; p++) {
      const cc = costCentres[part.pairCostCentre[p]!]!;
      const subjective = subjectives[part.pairSubjective[p]!]!;
      for (let period = 0; period < PERIODS; period++) {
        const sum = sums[p * PERIODS + period]!;
        if (sum !== 0) this.addNumbered(cc, subjective, period, sum);
      }
    }
  }

  /** Throws where a sum has been past 2^53 pence: it may no longer be exact (see `largest`). */
  private checkExact(): void {
    if (this.largest > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(`A ledger sum reached ${this.largest} pence, beyond 2^53: it is no longer exact`);
    }
  }

  /**
   * Every non-zero sum, as list() gives them and in its order, packed as storage keeps them: each code once, numbered
   * in the order the list first names it (what packLedgerSums gives for list()). Made from the tables directly: the
   * list of a million-row ledger's 240,000 sums, then packed, took 150-350 ms in Node after the file's last row (a
   * small array a sum, and two map lookups of its codes), on the way to the receipt.
   */
  packed(): LedgerSums {
    this.addBatch();
    this.checkExact();
    const sums = this.sums;
    let count = 0;
    for (let k = 0; k < this.pairs * PERIODS; k++) if (sums[k] !== 0) count++;
    const out: LedgerSums = {
      costCentres: [],
      subjectives: [],
      costCentre: new Uint32Array(count),
      subjective: new Uint32Array(count),
      period: new Uint8Array(count),
      pence: new Float64Array(count),
    };
    const ccPlace = new Int32Array(this.costCentres.codes.length).fill(-1);
    const subjectivePlace = new Int32Array(this.subjectives.codes.length).fill(-1);
    let at = 0;
    for (const p of this.pairsInOrder()) {
      const cc = this.pairCostCentre[p]!;
      const subjective = this.pairSubjective[p]!;
      for (let period = 0; period < PERIODS; period++) {
        const sum = sums[p * PERIODS + period]!;
        if (sum === 0) continue;
        if (ccPlace[cc]! < 0) ccPlace[cc] = out.costCentres.push(this.costCentres.codes[cc]!) - 1;
        if (subjectivePlace[subjective]! < 0)
          subjectivePlace[subjective] = out.subjectives.push(this.subjectives.codes[subjective]!) - 1;
        out.costCentre[at] = ccPlace[cc]!;
        out.subjective[at] = subjectivePlace[subjective]!;
        out.period[at] = period;
        out.pence[at++] = sum;
      }
    }
    return out;
  }

  /** The pairs grouped by cost centre (in the order first met), keeping their order within each (a counting sort). */
  private pairsInOrder(): Int32Array {
    const starts = new Int32Array(this.costCentres.codes.length + 1);
    for (let p = 0; p < this.pairs; p++) starts[this.pairCostCentre[p]! + 1]!++;
    for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1]!;
    const ordered = new Int32Array(this.pairs);
    for (let p = 0; p < this.pairs; p++) ordered[starts[this.pairCostCentre[p]!]!++] = p;
    return ordered;
  }

  /**
   * Every non-zero sum as a row: cost centres in the order first met, and within each its subjectives in the order
   * first met (packed()'s sums, one small array each: for the tests, which hold it to a text-keyed reference).
   */
  list(): AggregateRow[] {
    const s = this.packed();
    return Array.from(s.period, (period, i): AggregateRow => [
      s.costCentres[s.costCentre[i]!]!,
      s.subjectives[s.subjective[i]!]!,
      period,
      pence(s.pence[i]!),
    ]);
  }
}
