import { checkTable, type CheckResult } from '../checks/casting';
import type { Money } from '../core/money';
import { THOUSAND } from '../core/money';
import { sumOrMissing } from '../core/sum-or-missing';

/*
 * The capital carry-forward requests (Appendix 4 of the 2017/18 paper): scheme by scheme, the budget,
 * outturn and variance, the amount asked to be carried into next year, and why. The paper prints no
 * total, so the total is worked out here, and is missing if any request is.
 */

export interface CarryForwardRequestInput {
  key: string;
  title: string;
  jobCode: string;
  revised: Money | null;
  outturn: Money | null;
  variance: Money | null;
  requested: Money | null;
  details: string;
  note: string;
}

export interface CarryForwardRequest extends CarryForwardRequestInput {
  /** The checks on this request that did not pass. */
  checks: CheckResult[];
}

export interface CarryForwardRequests {
  requests: CarryForwardRequest[];
  /** The sum of the requests, exact; null if any request is not shown. */
  totalRequested: Money | null;
  /** Requests whose budget, outturn or variance the source does not show (by title). */
  incomplete: string[];
  checks: CheckResult[];
}

/**
 * Builds the list and checks each request: variance = outturn - revised, and (a test of reason, not a
 * printed formula) the request equals the underspend it carries forward, -variance. `printedUnit` in
 * pounds (1000 for £'000) decides what is a rounding difference.
 */
export function buildCarryForwardRequests(
  rows: readonly CarryForwardRequestInput[],
  printedUnit: Money = THOUSAND,
): CarryForwardRequests {
  const keys = rows.map((r) => r.key);
  const checks = checkTable(
    {
      id: 'a4',
      title: 'Capital carry-forward requests',
      printedUnit,
      rows: rows.map((r) => ({
        key: r.key,
        label: r.title,
        values: { revised: r.revised, outturn: r.outturn, variance: r.variance, requested: r.requested },
      })),
    },
    [
      {
        kind: 'formula',
        id: 'a4.variance',
        description: 'Variance = outturn - revised budget',
        target: 'variance',
        terms: ['outturn', { ref: 'revised', sign: -1 }],
        rows: keys,
      },
      {
        kind: 'formula',
        id: 'a4.cfwd-vs-variance',
        description: 'Requested carry-forward = the underspend (-variance)',
        target: 'requested',
        terms: [{ ref: 'variance', sign: -1 }],
        rows: keys,
      },
    ],
  );
  return {
    requests: rows.map((r) => ({ ...r, checks: checks.filter((c) => c.row === r.key && c.status !== 'pass') })),
    totalRequested: sumOrMissing(rows.map((r) => r.requested)),
    incomplete: rows.filter((r) => r.revised === null || r.outturn === null || r.variance === null).map((r) => r.title),
    checks,
  };
}
