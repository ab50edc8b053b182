import type { Money } from './money';
import { sumOrMissing } from './sum-or-missing';

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

export interface CarryForwardRequests {
  requests: CarryForwardRequestInput[];
  /** The sum of the requests, exact; null if any request is not shown. */
  totalRequested: Money | null;
  /** Requests whose budget, outturn or variance the source does not show (by title). */
  incomplete: string[];
}

export function buildCarryForwardRequests(rows: readonly CarryForwardRequestInput[]): CarryForwardRequests {
  return {
    requests: [...rows],
    totalRequested: sumOrMissing(rows.map((r) => r.requested)),
    incomplete: rows.filter((r) => r.revised === null || r.outturn === null || r.variance === null).map((r) => r.title),
  };
}
