import type { DatasetRole } from '../storage/dataset-slots';

/*
 * Every query key in one place. Everything read from stored datasets sits under 'datasets', so that one
 * invalidation (after an import, a deletion, a change of year, another tab's change) refreshes every page.
 * Keys that depend on the chosen year carry it: two years are never confused in the cache.
 */
export const queryKeys = {
  datasets: ['datasets'] as const,
  datasetList: ['datasets', 'list'] as const,
  receipts: ['datasets', 'receipts'] as const,
  setAside: (scope: 'all' | 'datasets') => ['datasets', 'set-aside', scope] as const,
  notices: ['datasets', 'notices'] as const,
  /** The datasets of a year that count, by role. */
  year: (year: number) => ['datasets', 'year', year] as const,
  /** One stored table (a printed table's rows), by dataset id: the same id is the same rows. */
  table: (datasetId: string) => ['datasets', 'table', datasetId] as const,
  tables: (role: DatasetRole, year: number) => ['datasets', 'tables', role, year] as const,
  monitoring: (year: number) => ['datasets', 'monitoring', year] as const,
  monitoringMonth: (year: number, month: number) => ['datasets', 'monitoring', year, 'month', month] as const,
  /** Budget and outturn by area over every year loaded (Revenue, "Years loaded"). */
  revenueYears: ['datasets', 'revenue-years'] as const,
  /** The board pack's tables of a year, as frozen (by dataset id and SHA-256). */
  packTables: (year: number) => ['datasets', 'board-pack-tables', year] as const,
  /** A page of a ledger lines list: the line, its month, and the reader's search, period, sort and page. */
  ledgerLines: (asked: {
    year: number;
    costCentre: string;
    subjective: string;
    month: number;
    search: string;
    period: number | null;
    sort: { key: string; descending: boolean };
    offset: number;
    limit: number;
  }) => ['datasets', 'ledger-lines', asked] as const,
  /** A page's model for a year, built from that year's tables (which stay cached on their own). */
  capital: (year: number) => ['datasets', 'capital', year] as const,
  reserves: (year: number) => ['datasets', 'reserves', year] as const,
  reconciliation: (year: number) => ['datasets', 'reconciliation', year] as const,
  /** The roll-forward checks between a year and the years either side of it that are loaded. */
  rollForward: (year: number) => ['datasets', 'roll-forward', year] as const,
  /** Every loaded year's reserves position, side by side. */
  reservesYears: ['datasets', 'reserves-years'] as const,
  /** The same, projected through the saved scenario chosen (null: the latest that starts from the latest year). */
  reservesYearsWith: (scenario: string | null) => ['datasets', 'reserves-years', scenario] as const,
  /** The planners' inputs (reserves position, net revenue budget) of a year. */
  planner: (year: number) => ['datasets', 'planner', year] as const,
  scenarios: ['scenarios'] as const,
  settings: (name: string) => ['settings', name] as const,
};
