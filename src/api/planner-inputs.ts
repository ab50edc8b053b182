import { useQuery } from '@tanstack/react-query';
import { ZERO, type Money } from '../domain/core/money';
import type { ReserveBalance, ReserveGroup, ReservesPosition } from '../domain/reserves/mtfs-planner';
import { keyOf } from '../domain/checks/table-rows';
import { findColumn, type PrintedTable } from '../import/printed-table';
import { printedTableQuery, SAMPLE_FILES } from './sample-tables';

/*
 * Where the planner's reserves and budget come from. Today: the sample's printed Table 5 and Table 1.
 * When imported reserves datasets arrive (the Import issue), only these two mapping functions and the
 * hooks' queries change; the planner takes a ReservesPosition and a budget whatever their source.
 */

const GROUPS: readonly ReserveGroup[] = ['earmarked', 'contingency', 'capital', 'general'];

/**
 * The year a "Balance 31/3/18" column closes: the financial year ending that 31 March (2017 for 2017/18).
 * The papers print two-digit years here; within a 2010s-2020s paper, 20yy is the only reading.
 */
function actualYearOf(header: string): number | null {
  const m = /31\/0?3\/(\d{2}|\d{4})\b/.exec(header);
  if (!m?.[1]) return null;
  const end = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  return end - 1;
}

/** Table 5 (a printed reserves position) as the planner's input: its item rows, pounds, usage as positive. */
export function toReservesPosition(table: PrintedTable): ReservesPosition {
  const opening = findColumn(table, /^balance 1\/4/i);
  const added = findColumn(table, /added/i);
  const used = findColumn(table, /usage|used/i);
  const closing = findColumn(table, /^balance 31\/3/i);
  if (!closing) throw new Error(`${table.name} has no "Balance 31/3/yy" column, so there is no position to plan from.`);
  const actualYear = actualYearOf(closing);
  if (actualYear === null) throw new Error(`${table.name}: cannot tell the year from the column "${closing}".`);
  const value = (row: PrintedTable['rows'][number], column: string | undefined): Money | null =>
    column ? (row.values[column] ?? null) : null;
  const reserves = table.rows
    .filter((row) => row.rowType === 'item')
    .map((row): ReserveBalance => {
      const group = GROUPS.find((g) => g === row.group.toLowerCase()) ?? 'earmarked';
      const close = value(row, closing);
      if (close === null) throw new Error(`${table.name} line ${row.line}: ${row.label} has no closing balance.`);
      // Usage is printed as a negative (in brackets); the planner counts drawdowns as positive amounts.
      const usage = value(row, used) ?? ZERO;
      return {
        key: keyOf(row.label),
        label: row.label.replace(/\s*\(\*\)$/, ''),
        group,
        opening: value(row, opening),
        added: value(row, added) ?? ZERO,
        used: usage.negated().isZero() ? ZERO : usage.negated(),
        closing: close,
      };
    });
  return { actualYear, source: `Table 5, ${closing.replace(/\s*\(£'000\)/, '')}`, reserves };
}

/** Table 1's total budget (pounds): the net revenue budget of the year. */
export function toNetRevenueBudget(table: PrintedTable): Money {
  const budget = findColumn(table, /^budget/i);
  const total = [...table.rows].reverse().find((r) => r.rowType === 'total');
  const amount = budget && total ? (total.values[budget] ?? null) : null;
  if (amount === null) throw new Error(`${table.name} has no total budget.`);
  return amount;
}

export function useReservesPosition() {
  return useQuery({ ...printedTableQuery(SAMPLE_FILES.reserves), select: toReservesPosition });
}

export function useNetRevenueBudget() {
  return useQuery({ ...printedTableQuery(SAMPLE_FILES.table1), select: toNetRevenueBudget });
}
