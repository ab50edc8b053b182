import { useQueries } from '@tanstack/react-query';
import { PAPER_2017_18 } from '../domain/papers/paper-2017-18';
import { PAPER_2017_18_TIE_OUTS, PAPER_2017_18_TIE_OUT_NOTES } from '../domain/papers/paper-2017-18-tie-outs';
import { reconcile, type Reconciliation } from '../domain/checks/reconciliation';
import type { TieOutGroup } from '../domain/checks/tie-outs';
import type { CheckableTable } from '../domain/checks/table-checks';
import type { PrintedTable } from '../import/printed-table';
import { printedTableQuery, type SampleFile } from './sample-tables';

export interface ReconciliationState extends Reconciliation {
  /** What the source leaves untied, by group of tie-outs. */
  notes: Readonly<Partial<Record<TieOutGroup, string>>>;
  pending: boolean;
  errors: string[];
}

const FILES = Object.keys(PAPER_2017_18) as SampleFile[];

/** The loaded tables by file name: a printed table is already what the checks read. */
export function toCheckableTables(loaded: readonly (PrintedTable | undefined)[]): Map<string, CheckableTable> {
  return new Map(loaded.flatMap((t) => (t ? [[t.name, t] as const] : [])));
}

// Module-level, so react-query keeps the combined result while the tables do not change.
const combine = (results: { data?: PrintedTable; isPending: boolean; error: Error | null }[]): ReconciliationState => ({
  ...reconcile(toCheckableTables(results.map((r) => r.data)), PAPER_2017_18, PAPER_2017_18_TIE_OUTS),
  notes: PAPER_2017_18_TIE_OUT_NOTES,
  pending: results.some((r) => r.isPending),
  errors: results.flatMap((r) => (r.error ? [r.error.message] : [])),
});

/** Every check (ARCHITECTURE.md, "The checks") on the loaded tables: casting of each table, and the tie-outs between them. */
export function useReconciliation(): ReconciliationState {
  return useQueries({ queries: FILES.map((file) => printedTableQuery(file)), combine });
}
