import { queryOptions, useQuery } from '@tanstack/react-query';
import { reconcile, type Reconciliation } from '../domain/checks/reconciliation';
import type { CheckableTable, TableSpec } from '../domain/checks/table-checks';
import type { TieOutGroup, TieOutSpec } from '../domain/checks/tie-outs';
import { financialYear, formatFinancialYear } from '../domain/core/period';
import { PAPER_2017_18 } from '../domain/papers/paper-2017-18';
import { PAPER_2017_18_TIE_OUTS, PAPER_2017_18_TIE_OUT_NOTES } from '../domain/papers/paper-2017-18-tie-outs';
import { checkRollForward, type RollForward, type RollForwardYear } from '../domain/years/roll-forward';
import { buildReservesPosition } from '../domain/reserves/reserves-position';
import type { PrintedTable } from '../import/printed-table';
import { yearsWithData } from '../storage/dataset-slots';
import { listDatasets } from '../storage/datasets';
import { toCapitalModel } from './capital-programme';
import { queryKeys } from './query-keys';
import { toReserveRows } from './reserves-mappings';
import { ensureStarted } from './sample-bootstrap';
import { yearTablesQuery, type PaperTableKey, type YearTables } from './year-tables';

/*
 * The Reconciliation page's model for a chosen year: every check (ARCHITECTURE.md, "The checks") on the tables
 * that year has, found by shape (year-tables.ts).
 *
 * Which checks apply to which year:
 *  - Casting and cross-casting (each table's totals and column formulas) are rules of a table's shape: they apply
 *    to every year's tables.
 *  - The tie-outs between tables are the 2017/18 paper's (paper-2017-18-tie-outs.ts). For 2017/18 all of them
 *    apply, with the paper's notes. For any other year only those that state a rule of the tables' shapes
 *    apply (GENERAL_GROUPS: carry-forwards against the reserves they feed, capital spend against its financing,
 *    transfers to reserves, the summary against its breakdowns), without the paper's notes (they describe the
 *    2017/18 figures), and only where the year has every table a tie-out reads. The paper's scheme-by-scheme
 *    ties (named schemes, its missing pages), its text and its transcription's ties are the 2017/18 paper's alone.
 */

const PAPER_YEAR = 2017;

/** The tie-out groups that state a rule of the tables' shapes, so hold for any year's tables. */
const GENERAL_GROUPS: ReadonlySet<TieOutGroup> = new Set<TieOutGroup>([
  'revenue-carry-forwards',
  'capital-carry-forwards',
  'capital-spend-financing',
  'revenue-reserve-transfers',
  'revenue-tables',
]);

const ALL_TABLES = Object.keys(PAPER_2017_18) as PaperTableKey[];

/** What a table of each shape is called in a year other than the paper's. */
const NEUTRAL_TITLES: Readonly<Record<PaperTableKey, string>> = {
  'table-1-revenue-outturn.csv': 'Revenue outturn',
  'constabulary-summary.csv': 'Constabulary summary',
  'table-3-opcc-corporate-costs.csv': 'OPCC and corporate costs',
  'table-4-capital-programme.csv': 'Capital programme (payments)',
  'table-4-capital-financing.csv': 'Capital financing',
  'table-5-reserves.csv': 'Reserves position',
  'appendix-2-revenue-carry-forwards.csv': 'Revenue carry forward requests',
  'appendix-3-capital-schemes.csv': 'Scheme by scheme capital report',
  'appendix-4-capital-carry-forwards.csv': 'Capital carry forward requests',
};

/** The casting specs for a year's tables: the paper's own for 2017/18; the same rules, titled by the year, otherwise. */
export function specsForYear(year: number): Readonly<Record<string, TableSpec>> {
  if (year === PAPER_YEAR) return PAPER_2017_18;
  const label = formatFinancialYear(financialYear(year));
  return Object.fromEntries(
    ALL_TABLES.map((key) => {
      const spec: TableSpec = PAPER_2017_18[key];
      return [
        key,
        {
          ...spec,
          title: `${NEUTRAL_TITLES[key]} ${label}`,
          // The paper's descriptions name its own dates ("Balance 31/3/18 = Balance 1/4/17 + ..."): say the rule.
          formulas: spec.formulas?.map((f) =>
            f.id === 'closing' && key === 'table-5-reserves.csv'
              ? {
                  ...f,
                  description: 'Closing balance = opening balance + added + actual usage (usage printed negative)',
                }
              : f,
          ),
        },
      ];
    }),
  );
}

const tablesOf = (spec: TieOutSpec): string[] =>
  [...spec.printed, ...spec.against].flatMap((f) => ('table' in f ? [f.table] : []));

/** The tie-outs that apply to a year's tables (see the comment at the top). */
export function tieOutsForYear(year: number, loaded: ReadonlySet<string>): readonly TieOutSpec[] {
  if (year === PAPER_YEAR) return PAPER_2017_18_TIE_OUTS;
  return PAPER_2017_18_TIE_OUTS.filter(
    (t) =>
      GENERAL_GROUPS.has(t.group) &&
      tablesOf(t).every((table) => loaded.has(table)) &&
      !('stated' in t.printed[0]!) &&
      t.against.every((f) => !('stated' in f)),
  ).map((t) => ({ ...t, note: undefined }));
}

/** Loaded tables by name: a printed table is already what the checks read (kept for the board pack's inputs). */
export function toCheckableTables(loaded: readonly (PrintedTable | undefined)[]): Map<string, CheckableTable> {
  return new Map(loaded.flatMap((t) => (t ? [[t.name, t] as const] : [])));
}

export interface ReconciliationModel extends Reconciliation {
  year: number;
  /** Whether these are the 2017/18 paper's own checks (true) or its general rules applied to another year. */
  paperChecks: boolean;
  /** What the source leaves untied, by group of tie-outs (the paper's, for 2017/18 only). */
  notes: Readonly<Partial<Record<TieOutGroup, string>>>;
  /** The tables found, by the paper's key (for the table shown as printed). */
  printed: ReadonlyMap<PaperTableKey, PrintedTable>;
  /** The kinds of file the year has none of, of those the checks read. */
  missing: PaperTableKey[];
  illustrative: boolean;
}

function toReconciliationModel(t: YearTables): ReconciliationModel {
  const specs = specsForYear(t.year);
  const loaded = new Set<string>(t.tables.keys());
  return {
    ...reconcile(t.tables, specs, tieOutsForYear(t.year, loaded)),
    year: t.year,
    paperChecks: t.year === PAPER_YEAR,
    notes: t.year === PAPER_YEAR ? PAPER_2017_18_TIE_OUT_NOTES : {},
    printed: t.tables,
    missing: t.missing,
    illustrative: t.illustrative,
  };
}

const reconciliationQuery = (year: number) =>
  queryOptions({
    queryKey: queryKeys.reconciliation(year),
    queryFn: async ({ client }) => toReconciliationModel(await client.query(yearTablesQuery(year, ALL_TABLES))),
    staleTime: Infinity,
  });

/** Every check (ARCHITECTURE.md, "The checks") on the chosen year's tables: casting of each, and the tie-outs between them. */
export function useReconciliation(year: number | null) {
  return useQuery({ ...reconciliationQuery(year ?? 0), enabled: year !== null });
}

// ---------------------------------------------------------------------------------------------------
// Roll-forward between years
// ---------------------------------------------------------------------------------------------------

const ROLL_FORWARD_TABLES = [
  'table-5-reserves.csv',
  'table-4-capital-programme.csv',
  'appendix-3-capital-schemes.csv',
  'table-4-capital-financing.csv',
] as const satisfies readonly PaperTableKey[];

/** A year's figures as the roll-forward checks read them. */
function toRollForwardYear(t: YearTables): RollForwardYear {
  const reserves = t.tables.get('table-5-reserves.csv');
  const capital = toCapitalModel(t);
  return {
    year: financialYear(t.year),
    reserves: reserves ? buildReservesPosition(toReserveRows(reserves)) : null,
    capital: capital.programme,
    financing: capital.financing,
  };
}

export interface RollForwardModel {
  year: number;
  /** The checks into the chosen year (from the year before) and out of it (into the year after), as loaded. */
  pairs: RollForward[];
  /** The years next to the chosen one that are not loaded: the page says what is needed. */
  notLoaded: number[];
}

const rollForwardQuery = (year: number) =>
  queryOptions({
    queryKey: queryKeys.rollForward(year),
    queryFn: async ({ client }): Promise<RollForwardModel> => {
      await ensureStarted();
      const loaded = new Set(yearsWithData(await listDatasets()));
      const read = async (y: number) => toRollForwardYear(await client.query(yearTablesQuery(y, ROLL_FORWARD_TABLES)));
      const pairs: RollForward[] = [];
      const notLoaded: number[] = [];
      const current = await read(year);
      if (loaded.has(year - 1)) pairs.push(checkRollForward(await read(year - 1), current));
      else notLoaded.push(year - 1);
      if (loaded.has(year + 1)) pairs.push(checkRollForward(current, await read(year + 1)));
      else notLoaded.push(year + 1);
      return { year, pairs, notLoaded };
    },
    staleTime: Infinity,
  });

/** The roll-forward checks between the chosen year and the years either side of it that are loaded. */
export function useRollForward(year: number | null) {
  return useQuery({ ...rollForwardQuery(year ?? 0), enabled: year !== null });
}
