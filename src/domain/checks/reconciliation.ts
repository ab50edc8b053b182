import type { CheckStatus } from './casting';
import { checkPrintedTable, rowKeys, type CheckableTable, type TableChecks, type TableSpec } from './table-checks';
import { checkTieOuts, type TieOutResult, type TieOutSpec, type TieOutTable } from './tie-outs';

/*
 * Every check of the reconciliation (ARCHITECTURE.md, "The checks") in one place: the casting of each loaded table (its totals
 * and column formulas) and the tie-outs between tables. A table that is not loaded is simply absent:
 * its own checks are not made, and every tie-out that needs it is incomplete and says which table.
 */

export interface Reconciliation {
  /** In-table checks, one entry per loaded table, in the order of the specs. */
  tables: TableChecks[];
  tieOuts: TieOutResult[];
}

/** A loaded table as the tie-outs read it: value columns by header, rows by the keys the casting checks use. */
function toTieOutTable(id: string, title: string, table: CheckableTable): TieOutTable {
  const keys = rowKeys(table.rows);
  return {
    id,
    title,
    columns: table.columns.filter((c) => c.kind === 'amount' || c.kind === 'percent').map((c) => c.header),
    rows: table.rows.map((r, i) => ({ key: keys[i]!, label: r.label, rowType: r.rowType, values: r.values })),
  };
}

/** Runs the casting checks of every loaded table that has a spec, then every tie-out. Pure; never throws. */
export function reconcile(
  tables: ReadonlyMap<string, CheckableTable>,
  specs: Readonly<Record<string, TableSpec>>,
  tieOuts: readonly TieOutSpec[],
): Reconciliation {
  const tableChecks: TableChecks[] = [];
  const forTieOuts = new Map<string, TieOutTable>();
  for (const [file, spec] of Object.entries(specs)) {
    const table = tables.get(file);
    if (!table) continue;
    tableChecks.push(checkPrintedTable(spec, table));
    forTieOuts.set(file, toTieOutTable(file, spec.title, table));
  }
  return { tables: tableChecks, tieOuts: checkTieOuts(tieOuts, forTieOuts) };
}

/** Counts by status of any list of checks. */
export function countStatuses(checks: readonly { status: CheckStatus }[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, rounding: 0, fail: 0, incomplete: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}
