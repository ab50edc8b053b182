import { ZERO, type Money } from '../core/money';
import { pence, type Pence } from '../core/units';
import { MAX_PERIOD, MONTHLY_PERIODS } from '../core/period';
import { pieces, runThrough, type Steps } from '../core/steps';

/*
 * Actuals from the ledger: exact sums by cost centre, subjective and period, as the import pipeline
 * aggregates them (integer pence).
 *
 * Ledgers arrive as monthly exports, and a period may be exported again (a re-run after late journals).
 * Adding every export would count such a period twice, so each period is taken from ONE export: the
 * latest imported that has it. A closed period that no loaded ledger has is a gap, not a zero: its actual
 * is unknown, and the model says so rather than showing nil.
 */

export type LedgerAggregate = readonly [costCentre: string, subjective: string, period: number, pence: Pence];

export interface LedgerSource {
  id: string;
  name: string;
  /** Import order: a later source supplies a period that an earlier one also has. */
  order: number;
  /** Its sums, in the import's order: a list, or read as they are made (storage/ledger-sums.ts eachLedgerSum). */
  aggregates: Iterable<LedgerAggregate>;
}

export interface LedgerActuals {
  /** Period (1..16) -> the source that supplies it. */
  periodSource: ReadonlyMap<number, LedgerSource>;
  /** "cc\u0000subjective" -> pence by period (index 0..16; 0 = lines with no period). */
  byLine: ReadonlyMap<string, readonly Pence[]>;
  /** "cc\u0000subjective" -> the periods in which it has ledger entries (from the supplying source). */
  posted: ReadonlyMap<string, ReadonlySet<number>>;
  /** Amounts on lines with no period (never counted as an actual of any month), pence. */
  unperiodised: Pence;
}

export const lineKey = (costCentre: string, subjective: string): string => `${costCentre}\u0000${subjective}`;

export function splitLineKey(key: string): [costCentre: string, subjective: string] {
  const i = key.indexOf('\u0000');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Combines ledger exports, each period from the latest source that has it. Sums stay in integer pence. */
export function combineLedgers(sources: readonly LedgerSource[]): LedgerActuals {
  return runThrough(combineLedgersSteps(sources));
}

/** Sums between two steps (core/steps.ts): about a millisecond's work. */
const SUMS_A_PIECE = 5_000;

/** combineLedgers in steps: a million-row ledger has about 240,000 sums (issue 16: no task over 50 ms). */
export function* combineLedgersSteps(sources: readonly LedgerSource[]): Steps<LedgerActuals> {
  const piece = pieces(SUMS_A_PIECE);
  const ordered = [...sources].sort((a, b) => a.order - b.order);
  const periodSource = new Map<number, LedgerSource>();
  for (const s of ordered) {
    for (const [, , period] of s.aggregates) {
      if (period > 0) periodSource.set(period, s);
      if (piece.due()) yield;
    }
  }
  const byLine = new Map<string, Pence[]>();
  const posted = new Map<string, Set<number>>();
  // Each line's key made once, found again by its two codes: a key made for every sum (a new string, hashed anew)
  // was most of the combining.
  const keys = new Map<string, Map<string, string>>();
  const keyOf = (cc: string, subjective: string): string => {
    let bySubjective = keys.get(cc);
    if (!bySubjective) keys.set(cc, (bySubjective = new Map<string, string>()));
    let key = bySubjective.get(subjective);
    if (key === undefined) bySubjective.set(subjective, (key = lineKey(cc, subjective)));
    return key;
  };
  let unperiodised = pence(0);
  for (const s of ordered) {
    for (const [cc, subjective, period, amount] of s.aggregates) {
      if (piece.due()) yield;
      if (period === 0) {
        unperiodised = pence(unperiodised + amount);
        continue;
      }
      if (periodSource.get(period) !== s) continue;
      const key = keyOf(cc, subjective);
      let periods = byLine.get(key);
      if (!periods) byLine.set(key, (periods = new Array<Pence>(MAX_PERIOD + 1).fill(pence(0))));
      periods[period] = pence(periods[period]! + amount);
      let seen = posted.get(key);
      if (!seen) posted.set(key, (seen = new Set()));
      seen.add(period);
    }
  }
  return { periodSource, byLine, posted, unperiodised };
}

/**
 * The periods closed when month `month` (1..12) has been closed: P1..month, and at P12 the year-end
 * adjustment periods as well (P13-P16), which belong to the closed year.
 */
export function closedPeriods(month: number): number[] {
  const periods: number[] = [];
  for (let p = 1; p <= MAX_PERIOD; p++) if (isClosed(p, month)) periods.push(p);
  return periods;
}

/** Whether period `p` is one of closedPeriods(month), without making the list (asked for every line and period). */
function isClosed(p: number, month: number): boolean {
  const last = Math.max(0, Math.min(month, MONTHLY_PERIODS));
  return p >= 1 && (p <= last || (last === MONTHLY_PERIODS && p <= MAX_PERIOD));
}

/** The monthly periods up to `month` that no loaded ledger has (adjustment periods may simply not exist). */
export function missingPeriods(actuals: LedgerActuals, month: number): number[] {
  return closedPeriods(month).filter((p) => p <= MONTHLY_PERIODS && !actuals.periodSource.has(p));
}

/**
 * A line's actual by period after `month`: integer pence for each closed period that a ledger supplies (zero if
 * the line has no postings in it), null for a closed period with no ledger and for every open period.
 * Index 1..16; index 0 unused. In pence, made pounds where shown: read for the line a reader opens
 * (revenue-model.ts lineActualsByPeriod), never kept for every line of every month's model (issue 16).
 */
export function actualsByPeriod(actuals: LedgerActuals, key: string, month: number): (Pence | null)[] {
  const known = knownPeriods(actuals, month);
  const periods = actuals.byLine.get(key);
  const out = new Array<Pence | null>(MAX_PERIOD + 1);
  for (let p = 0; p <= MAX_PERIOD; p++) out[p] = known[p] ? (periods?.[p] ?? pence(0)) : null;
  return out;
}

/**
 * For each period 0..16, whether a line's actual of it is known after `month`: closed, and a ledger supplies it.
 */
function knownPeriods(actuals: LedgerActuals, month: number): boolean[] {
  return Array.from({ length: MAX_PERIOD + 1 }, (_, p) => isClosed(p, month) && actuals.periodSource.has(p));
}

/** A line's actual to date after `month` in pence, or null when a closed monthly period has no ledger. */
export function actualToDatePence(
  actuals: LedgerActuals,
  key: string,
  month: number,
  /** Whether every closed monthly period has a ledger (a model finds it once, not for every line). */
  complete: boolean = missingPeriods(actuals, month).length === 0,
): Pence | null {
  if (!complete) return null;
  const periods = actuals.byLine.get(key);
  if (!periods) return pence(0);
  let total = 0;
  // In the order of closedPeriods (ascending): the same additions as ever.
  for (let p = 1; p <= MAX_PERIOD; p++) if (isClosed(p, month)) total += periods[p] ?? 0;
  return pence(total);
}

/**
 * Whether a line has ledger entries in the periods closed after `month`. The import keeps a sum per
 * cost centre, subjective and period only when it is not nil, so postings that cancel out within one
 * period leave no trace here.
 */
export function isPosted(actuals: LedgerActuals, key: string, month: number): boolean {
  const periods = actuals.posted.get(key);
  if (periods === undefined) return false;
  for (const p of periods) if (isClosed(p, month)) return true;
  return false;
}

export interface LinesCheck {
  /** The lines' sum, pounds, exact. */
  total: Money;
  /** total - actual; null when there is no actual to compare with. */
  difference: Money | null;
  agrees: boolean;
}

/** Do the ledger lines shown add to the actual to date shown? (They must, to the penny, when the actual is the ledger's.) */
export function checkLinesAgainstActual(amounts: readonly Money[], actual: Money | null): LinesCheck {
  const total = amounts.reduce((acc, a) => acc.plus(a), ZERO);
  const difference = actual === null ? null : total.minus(actual);
  return { total, difference, agrees: difference !== null && difference.isZero() };
}
