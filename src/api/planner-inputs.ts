import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZERO, type Money } from '../domain/core/money';
import { formatFinancialYear } from '../domain/core/period';
import type { ReserveBalance, ReserveGroup, ReservesPosition } from '../domain/reserves/mtfs-planner';
import { keyOf } from '../domain/checks/table-rows';
import { mappedColumn, type PrintedTable } from '../import/printed-table';
import { queryKeys } from './query-keys';
import { RESERVE_COLUMNS } from './reserves-mappings';
import { roleLabel } from './year-datasets';
import { yearTablesQuery } from './year-tables';

/*
 * Where the planners' reserves and budget come from: the chosen year's reserves position (Table 5's shape) and
 * outturn summary (Table 1's), found by shape in that year's datasets (year-tables.ts). The planners open at
 * that year's closing balances; a year without a reserves position has nothing to plan from, and says so.
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

/**
 * A printed reserves position (Table 5's shape) as the planner's input: its item rows, pounds, usage as
 * positive. `paperYear`: the year whose paper numbers it Table 5 (2017, the sample's); any other year's is
 * named "the 2018/19 reserves position".
 */
export function toReservesPosition(
  table: PrintedTable,
  paperYear = 2017,
  /** The dataset's year, for a closing column that names no date ("Closing balance"). */
  datasetYear: number | null = null,
): ReservesPosition {
  const [opening, added, used, closing] = RESERVE_COLUMNS.map(([key, p]) => mappedColumn(table, key, p));
  if (!closing)
    throw new Error(
      `The year's reserves position has no closing balance column (mapped as "Balance at end", or headed "Balance 31/3/yy"), so there is no position to plan from.`,
    );
  const actualYear = actualYearOf(closing) ?? datasetYear;
  if (actualYear === null)
    throw new Error(`The year's reserves position: cannot tell the year from the column "${closing}".`);
  const value = (row: PrintedTable['rows'][number], column: string | undefined): Money | null =>
    column ? (row.values[column] ?? null) : null;
  const reserves = table.rows
    .filter((row) => row.rowType === 'item')
    .map((row): ReserveBalance => {
      const group = GROUPS.find((g) => g === row.group.toLowerCase()) ?? 'earmarked';
      const close = value(row, closing);
      if (close === null)
        throw new Error(`The year's reserves position, row ${row.line}: ${row.label} has no closing balance.`);
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
  const column = closing.replace(/\s*\(£'000\)/, '');
  const source =
    actualYear === paperYear
      ? `Table 5, ${column}`
      : `the ${formatFinancialYear({ startYear: actualYear })} reserves position, ${column}`;
  return { actualYear, source, reserves };
}

/** Table 1's total budget (pounds): the net revenue budget of the year. */
export function toNetRevenueBudget(table: PrintedTable): Money {
  const budget = mappedColumn(table, 'budget', /^budget/i);
  const total = [...table.rows].reverse().find((r) => r.rowType === 'total');
  const amount = budget && total ? (total.values[budget] ?? null) : null;
  if (amount === null) throw new Error("The year's outturn summary has no total budget.");
  return amount;
}

export interface PlannerInputs {
  year: number;
  /** The year's reserves position as the planners read it; null when the year has none. */
  position: ReservesPosition | null;
  /** The year's net revenue budget (its outturn summary's total budget); null when the year has none. */
  budget: Money | null;
  /** What the year lacks, in words: for the position, and for the budget. */
  missing: { position: string[]; budget: string[] };
  illustrative: boolean;
}

const plannerInputsQuery = (year: number) =>
  queryOptions({
    queryKey: queryKeys.planner(year),
    queryFn: async ({ client }): Promise<PlannerInputs> => {
      const t = await client.query(yearTablesQuery(year, ['table-5-reserves.csv', 'table-1-revenue-outturn.csv']));
      const reserves = t.tables.get('table-5-reserves.csv');
      const table1 = t.tables.get('table-1-revenue-outturn.csv');
      return {
        year,
        position: reserves ? toReservesPosition(reserves, 2017, year) : null,
        budget: table1 ? toNetRevenueBudget(table1) : null,
        missing: {
          position: reserves ? [] : [roleLabel('reserves')],
          budget: table1 ? [] : [roleLabel('outturn-summary')],
        },
        illustrative: t.illustrative,
      };
    },
    staleTime: Infinity,
  });

/** The planners' inputs of the chosen year: its reserves position and net revenue budget. */
export function usePlannerInputs(year: number | null) {
  return useQuery({ ...plannerInputsQuery(year ?? 0), enabled: year !== null });
}
