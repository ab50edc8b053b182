import { fromPence, pence as asPence } from '../core/units';
import { pieces, runThrough, type Steps } from '../core/steps';
import { closedPeriods, missingPeriods, splitLineKey, type LedgerActuals } from './ledger-actuals';
import type { Money } from '../core/money';
import { ZERO, sum } from '../core/money';
import type { ReturnLineInput } from './revenue-model';

/*
 * Ledger to outturn: does each monthly return's "Actual to date" agree with the ledger?
 *
 * For every return month that the loaded ledgers cover (every period up to it), the ledger's lines are
 * summed by cost centre over the closed periods and set against the return's actuals for the same cost
 * centre. Equal to the penny is agreement; anything else is a difference, with its amount. A cost centre
 * in one and not the other is listed as such (a miscoded journal, a late cost centre, a return line with
 * no postings behind it), whatever its amount, because the code itself is the finding.
 */

export interface ReconciliationRow {
  costCentre: string;
  /** Ledger actual to date, pounds; null when the cost centre has no ledger entries in the closed periods. */
  ledger: Money | null;
  /** The return's actual to date, pounds; null when the cost centre is not in the return (or its actuals are blank). */
  returned: Money | null;
  /** ledger - return, pounds (a missing side counts as nil). */
  difference: Money;
}

export interface MonthReconciliation {
  month: number;
  /** 'compared', or 'ledger-incomplete' when a closed period has no ledger (then nothing is compared). */
  status: 'compared' | 'ledger-incomplete';
  missingPeriods: number[];
  /** Cost centres in both whose actuals agree to the penny. */
  agreed: number;
  /** In both, amounts differ. */
  differences: ReconciliationRow[];
  ledgerOnly: ReconciliationRow[];
  /** In the return with an actual, and no ledger entries behind it. */
  returnOnly: ReconciliationRow[];
  /** In the return with a nil or blank actual and no ledger entries: nothing to reconcile yet (a vacancy
   * factor, a year-end transfer not yet made). Listed apart so that they do not bury the findings. */
  returnOnlyNil: string[];
  ledgerTotal: Money;
  returnTotal: Money;
}

/** Reconciles each month that has a return (ascending) against the ledger. */
export function reconcileLedgerToReturns(
  ledger: LedgerActuals,
  returns: readonly ReturnLineInput[],
): MonthReconciliation[] {
  return runThrough(reconcileLedgerToReturnsSteps(ledger, returns));
}

/**
 * reconcileLedgerToReturns in steps (core/steps.ts): a step every 2,000 lines added up and after each month. A big
 * ledger's year (20,000 lines, twelve returns) was one render of 75 ms on the page, most of it adding the lines up.
 */
export function* reconcileLedgerToReturnsSteps(
  ledger: LedgerActuals,
  returns: readonly ReturnLineInput[],
): Steps<MonthReconciliation[]> {
  const months = [...new Set(returns.map((r) => r.period))].sort((a, b) => a - b);
  const costCentres = yield* ledgerByCostCentre(ledger);
  const out: MonthReconciliation[] = [];
  for (const month of months) {
    out.push(
      reconcileMonth(
        ledger,
        costCentres,
        returns.filter((r) => r.period === month),
        month,
      ),
    );
    yield;
  }
  return out;
}

/** Lines added up between steps. */
const PIECE = 2_000;

/** A cost centre's ledger: pence by period (0..16), and the periods in which any of its lines has entries. */
interface CostCentreLedger {
  pence: number[];
  posted: Set<number>;
}

/**
 * The ledger's lines added up by cost centre, once for every month: each month went through every line (a big
 * ledger's 20,000), twelve months in one task of 150 ms on the page (issue 16). A cost centre counts in a month when
 * one of its lines has entries in a closed period, as each line did; a line without entries in a period adds nothing
 * to it, so the cost centre's sum is its lines' sum.
 */
function* ledgerByCostCentre(ledger: LedgerActuals): Steps<Map<string, CostCentreLedger>> {
  const out = new Map<string, CostCentreLedger>();
  const piece = pieces(PIECE);
  for (const [key, periods] of ledger.byLine) {
    if (piece.due()) yield;
    const [cc] = splitLineKey(key);
    let c = out.get(cc);
    if (!c) out.set(cc, (c = { pence: new Array<number>(periods.length).fill(0), posted: new Set() }));
    for (let p = 0; p < periods.length; p++) c.pence[p]! += periods[p]!;
    for (const p of ledger.posted.get(key) ?? []) c.posted.add(p);
  }
  return out;
}

function reconcileMonth(
  ledger: LedgerActuals,
  costCentres: ReadonlyMap<string, CostCentreLedger>,
  rows: readonly ReturnLineInput[],
  month: number,
): MonthReconciliation {
  const missing = missingPeriods(ledger, month);
  const returned = new Map<string, Money | null>();
  for (const r of rows) {
    const before = returned.get(r.costCentre);
    returned.set(r.costCentre, r.actual === null ? (before ?? null) : (before ?? ZERO).plus(r.actual));
  }
  const returnTotal = sum([...returned.values()].filter((v): v is Money => v !== null));
  if (missing.length > 0 || ledger.periodSource.size === 0) {
    return {
      month,
      status: 'ledger-incomplete',
      missingPeriods: missing,
      agreed: 0,
      differences: [],
      ledgerOnly: [],
      returnOnly: [],
      returnOnlyNil: [],
      ledgerTotal: ZERO,
      returnTotal,
    };
  }
  const closed = closedPeriods(month);
  const pence = new Map<string, number>();
  for (const [cc, c] of costCentres) {
    if (!closed.some((p) => c.posted.has(p))) continue;
    let total = 0;
    for (const p of closed) total += c.pence[p] ?? 0;
    pence.set(cc, total);
  }
  const differences: ReconciliationRow[] = [];
  const ledgerOnly: ReconciliationRow[] = [];
  const returnOnly: ReconciliationRow[] = [];
  const returnOnlyNil: string[] = [];
  let agreed = 0;
  const codes = [...new Set([...pence.keys(), ...returned.keys()])].sort();
  for (const costCentre of codes) {
    const l = pence.has(costCentre) ? fromPence(asPence(pence.get(costCentre)!)) : null;
    const r = returned.has(costCentre) ? (returned.get(costCentre) ?? null) : null;
    const row: ReconciliationRow = { costCentre, ledger: l, returned: r, difference: (l ?? ZERO).minus(r ?? ZERO) };
    if (!returned.has(costCentre)) ledgerOnly.push(row);
    else if (l === null && (r === null || r.isZero())) returnOnlyNil.push(costCentre);
    else if (l === null) returnOnly.push(row);
    else if (row.difference.isZero() && r !== null) agreed++;
    else differences.push(row);
  }
  const ledgerTotal = fromPence(asPence([...pence.values()].reduce((a, b) => a + b, 0)));
  return {
    month,
    status: 'compared',
    missingPeriods: [],
    agreed,
    differences,
    ledgerOnly,
    returnOnly,
    returnOnlyNil,
    ledgerTotal,
    returnTotal,
  };
}
