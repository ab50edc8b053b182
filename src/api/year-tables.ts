import { queryOptions } from '@tanstack/react-query';
import type { PAPER_2017_18 } from '../domain/papers/paper-2017-18';
import type { PrintedTable } from '../import/printed-table';
import { roleOf, SUMMARY_TABLES, summaryTableOf, type DatasetRole } from '../storage/dataset-slots';
import type { DatasetMeta } from '../storage/datasets';
import { queryKeys } from './query-keys';
import { loadPrintedTable, loadYearDatasets, roleLabel } from './year-datasets';

/*
 * The printed tables of a year (an outturn summary, a capital programme, a reserves position ...), found by
 * shape: the role of the dataset (its kind and mapped columns) and, where a year has several tables of one role,
 * the rows it is known by. Each table found is named by the key of the paper's table it stands for (the 2017/18
 * paper's checks and tie-outs are keyed so), whatever its file is called.
 */

export type PaperTableKey = keyof typeof PAPER_2017_18;

/** How each of the paper's tables is recognised in any year: its role and, where a year has several, rows it has. */
export const TABLE_SHAPES: Readonly<Record<PaperTableKey, { role: DatasetRole; labels: readonly string[] }>> = {
  'table-1-revenue-outturn.csv': { role: 'outturn-summary', labels: SUMMARY_TABLES['table-1-revenue-outturn.csv']! },
  'constabulary-summary.csv': { role: 'outturn-summary', labels: SUMMARY_TABLES['constabulary-summary.csv']! },
  'table-3-opcc-corporate-costs.csv': {
    role: 'outturn-summary',
    labels: SUMMARY_TABLES['table-3-opcc-corporate-costs.csv']!,
  },
  'table-4-capital-programme.csv': { role: 'capital-programme', labels: [] },
  'table-4-capital-financing.csv': { role: 'capital-financing', labels: [] },
  'table-5-reserves.csv': { role: 'reserves', labels: [] },
  'appendix-2-revenue-carry-forwards.csv': { role: 'carry-forwards', labels: [] },
  'appendix-3-capital-schemes.csv': { role: 'capital-schemes', labels: [] },
  'appendix-4-capital-carry-forwards.csv': { role: 'capital-carry-forwards', labels: [] },
};

/** Each outturn summary a year may have, named apart: a year has three (the group's, the Constabulary's, the OPCC's). */
export const SUMMARY_NAMES: Partial<Record<PaperTableKey, string>> = {
  'table-1-revenue-outturn.csv': 'the group summary (as Table 1)',
  'constabulary-summary.csv': 'the Constabulary summary by area',
  'table-3-opcc-corporate-costs.csv': 'the OPCC and corporate costs summary (as Table 3)',
};

/**
 * What a year lacks, in words, each once: by kind of file, but the outturn summaries by which one where the year
 * has one of them (else "an outturn summary" would be said missing beside the one loaded).
 */
export function missingNames(keys: readonly PaperTableKey[]): string[] {
  const summaries = Object.keys(SUMMARY_NAMES) as PaperTableKey[];
  const noneLoaded = summaries.every((k) => keys.includes(k));
  const names = keys.map((key) =>
    !noneLoaded && SUMMARY_NAMES[key] ? SUMMARY_NAMES[key] : roleLabel(TABLE_SHAPES[key].role),
  );
  return [...new Set(names)];
}

/** The group's revenue outturn by area (Table 1): where an outturn summary of the user's own areas stands. */
const REVENUE_OUTTURN: PaperTableKey = 'table-1-revenue-outturn.csv';

/** The dataset of a year that stands for one of the paper's tables, or null. */
export function findTable(datasets: readonly DatasetMeta[], key: PaperTableKey): DatasetMeta | null {
  const shape = TABLE_SHAPES[key];
  const candidates = datasets.filter((d) => roleOf(d) === shape.role);
  if (shape.labels.length === 0) return candidates.at(-1) ?? null;
  // The summary tables are told apart as the slots tell them apart (summaryTableOf); the latest that counts wins.
  const known = candidates.filter((d) => summaryTableOf(d.labels) === key).at(-1);
  if (known || key !== REVENUE_OUTTURN) return known ?? null;
  // A summary with none of the paper's known rows (a force's own areas: "Police Officer Pay", "Non-Pay") is the
  // year's revenue outturn, Table 1's place: without this it was shown nowhere, and the general reserve had no budget.
  return candidates.filter((d) => summaryTableOf(d.labels) === null).at(-1) ?? null;
}

export interface YearTables {
  year: number;
  /** The tables found, by the paper's key. */
  tables: ReadonlyMap<PaperTableKey, PrintedTable>;
  /** The dataset each was read from (its receipt, its name for the sources line). */
  datasets: ReadonlyMap<PaperTableKey, DatasetMeta>;
  /** The tables asked for that the year has no dataset for. */
  missing: PaperTableKey[];
  /** Any table read is generated (illustrative). */
  illustrative: boolean;
}

async function loadYearTables(year: number, keys: readonly PaperTableKey[]): Promise<YearTables> {
  const data = await loadYearDatasets(year);
  const tables = new Map<PaperTableKey, PrintedTable>();
  const datasets = new Map<PaperTableKey, DatasetMeta>();
  const missing: PaperTableKey[] = [];
  for (const key of keys) {
    const d = findTable(data.all, key);
    if (!d) {
      missing.push(key);
      continue;
    }
    datasets.set(key, d);
    tables.set(key, await loadPrintedTable(d, key));
  }
  return { year, tables, datasets, missing, illustrative: [...datasets.values()].some((d) => d.illustrative) };
}

export const yearTablesQuery = (year: number, keys: readonly PaperTableKey[]) =>
  queryOptions({
    queryKey: [...queryKeys.year(year), 'tables', ...keys],
    queryFn: () => loadYearTables(year, keys),
    staleTime: Infinity,
  });
