import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { closedPeriods, combineLedgersSteps, type LedgerSource } from '../domain/revenue/ledger-actuals';
import {
  monitoringMonths,
  revenueModelSteps,
  type MonitoringInputs,
  type ReturnLineInput,
  type RevenueMonitor,
} from '../domain/revenue/revenue-model';
import { BOARD_2017_18 } from '../domain/papers/board-2017-18';
import { reconcileLedgerToReturnsSteps, type MonthReconciliation } from '../domain/revenue/ledger-reconciliation';
import type { BoardStructure } from '../domain/revenue/board-structure';
import { loadStructure } from './board-structure';
import type { StoredChunk } from '../import/stored-chunk';
import { countingDatasets, ledgerPeriodOwners, roleOf, type DatasetRole } from '../storage/dataset-slots';
import { readChunks, type DatasetMeta } from '../storage/datasets';
import { eachLedgerSum, type LedgerSums } from '../storage/ledger-sums';
import type { LedgerLineSource } from '../worker/ledger-lines-query';
import { readLedgerSumsAside } from '../worker/read-client';
import { budgetLinesOf, carryForwardsOf, returnLinesOf, type StoredDataset } from './monitoring-rows';
import { inSteps } from './in-steps';
import { queryKeys } from './query-keys';
import { loadYearDatasets } from './year-datasets';

/*
 * The revenue monitoring of one financial year, from that year's datasets that count (never another year's):
 * the budget by cost centre, one monthly return per month (which one counts is decided by the slots,
 * storage/dataset-slots.ts), the ledger exports (each period of the year from the export that supplies it,
 * ledgerPeriodOwners) and the carry-forward requests. The query builds the model of every month with a
 * return, so the page and the board pack read the same figures. Illustrative figures are known from the
 * datasets (DatasetMeta.illustrative), never from their names.
 */

export interface MonitoringSources {
  /** The board layout the areas are read by: its file, its year, and whether an earlier year's is carried forward. */
  layout: { name: string; year: number; carried: boolean } | null;
  budget: string | null;
  returns: { period: number; name: string }[];
  ledgers: { name: string; periods: number[] }[];
  carryForwards: string | null;
}

export interface MonitoringData {
  /** The financial year (first calendar year: 2018 = 2018/19). */
  year: number;
  inputs: MonitoringInputs;
  sources: MonitoringSources;
  /** The datasets read (for a frozen pack: which rows, by id and SHA-256). */
  datasets: readonly DatasetMeta[];
  /** Some figures come from generated (illustrative) datasets, not from real exports. */
  illustrative: boolean;
  /** One model per month that has a return, ascending (of one month only, when one was asked for). */
  models: readonly RevenueMonitor[];
  /** The months with a return, ascending: those of `models`, or more where one month was asked for. */
  months: readonly number[];
  /** The roles the page needs that the year has nothing of (a budget, a monthly return). */
  missing: DatasetRole[];
  /**
   * Each month's return against the ledger (the ledger check), built with the whole year's models, in steps; null
   * where only one month was built (the page's first figures, which do not show it).
   */
  ledgerChecks: readonly MonthReconciliation[] | null;
}

/** The roles without which the monitoring has nothing to show. */
const MONITORING_ROLES: readonly DatasetRole[] = ['budget', 'monitoring-return'];

/** The board layout a year's monitoring is read by: the structure file the api layer found (board-structure.ts). */
export interface LayoutUsed {
  structure: BoardStructure;
  dataset: Pick<DatasetMeta, 'name' | 'year'>;
  carried: boolean;
}

/** The 2017/18 paper's layout, for callers that build the monitoring without stored data (the tests, the generator). */
const PAPER_LAYOUT: LayoutUsed = {
  structure: BOARD_2017_18,
  dataset: { name: 'the 19 July 2018 paper (BOARD_2017_18)', year: 2017 },
  carried: false,
};

/** How the monitoring reads what is stored: a dataset's rows, and a ledger's sums (the tests give their own). */
export interface StoredReads {
  chunks: (id: string) => Promise<readonly StoredChunk[]>;
  sums: (dataset: DatasetMeta) => Promise<LedgerSums>;
}
const STORED: StoredReads = { chunks: readChunks, sums: (d) => readLedgerSumsAside(d) };

async function stored(meta: DatasetMeta, read: StoredReads): Promise<StoredDataset> {
  return { id: meta.id, name: meta.name, plan: meta.plan, chunks: await read.chunks(meta.id) };
}

/**
 * For each period of `year`, the ledger export that supplies it (ledgerPeriodOwners over the datasets given, the
 * year's only): the period's source in the year's ledger (combineLedgers finds the same, from these sources' sums).
 */
function yearPeriodOwners(year: number, datasets: readonly DatasetMeta[]): Map<number, DatasetMeta> {
  const owners = new Map<number, DatasetMeta>();
  for (const [key, owner] of ledgerPeriodOwners(datasets)) {
    const [y, p] = key.split('/').map(Number);
    if (y === year && owner.year === year) owners.set(p!, owner);
  }
  return owners;
}

/**
 * The sources of a year's ledger: each export contributing only the periods it supplies (yearPeriodOwners). Lines
 * with no period are kept apart (never an actual of any month).
 */
async function yearLedgerSources(
  year: number,
  datasets: readonly DatasetMeta[],
  read: StoredReads,
): Promise<LedgerSource[]> {
  const owned = new Map<string, Set<number>>();
  const ledgers = new Map<string, DatasetMeta>();
  for (const [p, owner] of yearPeriodOwners(year, datasets)) {
    ledgers.set(owner.id, owner);
    const periods = owned.get(owner.id) ?? new Set<number>();
    periods.add(p);
    owned.set(owner.id, periods);
  }
  return Promise.all(
    [...ledgers.values()].map(async (d, order) => ({
      id: d.id,
      name: d.name,
      order,
      aggregates: eachLedgerSum(await read.sums(d), (period) => period === 0 || owned.get(d.id)!.has(period)),
    })),
  );
}

const ofRole = (datasets: readonly DatasetMeta[], role: DatasetRole) => datasets.filter((d) => roleOf(d) === role);

/**
 * The monitoring of `year` from the datasets given (the year's that count; any of another year, or not counting,
 * are left out here too, so years never mix whatever the caller passes). Pure but for reading the chunks.
 */
export async function monitoringOfYear(
  year: number,
  given: readonly DatasetMeta[],
  read: StoredReads = STORED,
  layout: LayoutUsed | null = PAPER_LAYOUT,
  /** Only this month's model (the page's first figures need no other); every month's when not given. */
  onlyMonth?: number,
): Promise<MonitoringData> {
  const datasets = countingDatasets(given).filter((d) => d.year === year);
  const budgetMeta = ofRole(datasets, 'budget').at(-1);
  const cfMeta = ofRole(datasets, 'carry-forwards').at(-1);
  const inYear = (r: { year: number | null }) => r.year === null || r.year === year;

  // Every dataset asked for at once: one after the other, each waited for its round trip to IndexedDB (and for the
  // page's thread, busy drawing at a reload) before the next was asked for.
  const returnMetas = ofRole(datasets, 'monitoring-return');
  const [returnsStored, ledgerSources, budgetStored, cfStored] = await Promise.all([
    Promise.all(returnMetas.map((meta) => stored(meta, read))),
    yearLedgerSources(year, datasets, read),
    budgetMeta ? stored(budgetMeta, read) : null,
    cfMeta ? stored(cfMeta, read) : null,
  ]);
  // One return per month: a return is as at its month (the dataset's), rows of another period or year left out.
  const byPeriod = new Map<number, { meta: DatasetMeta; rows: ReturnLineInput[] }>();
  returnMetas.forEach((meta, i) => {
    const rows = returnLinesOf(returnsStored[i]!).filter(inYear);
    const periods = meta.month !== null ? [meta.month] : [...new Set(rows.map((r) => r.period))];
    for (const period of periods) byPeriod.set(period, { meta, rows: rows.filter((r) => r.period === period) });
  });
  // In slices, as the months' models below: a million-row ledger has about 240,000 sums.
  // The chosen month's (the page's first figures) before the whole year's (its other months).
  const background = onlyMonth === undefined;
  const ledger = await inSteps(combineLedgersSteps(ledgerSources), { background });
  const inputs: MonitoringInputs = {
    budget: budgetStored ? budgetLinesOf(budgetStored).filter(inYear) : [],
    returns: [...byPeriod.values()].flatMap((r) => r.rows),
    ledger,
    carryForwards: cfStored ? carryForwardsOf(cfStored) : [],
  };
  const ledgerMetas = datasets.filter((d) => [...ledger.periodSource.values()].some((s) => s.id === d.id));
  const sources: MonitoringSources = {
    layout: layout && { name: layout.dataset.name, year: layout.dataset.year ?? year, carried: layout.carried },
    budget: budgetMeta?.name ?? null,
    returns: [...byPeriod.entries()].sort((a, b) => a[0] - b[0]).map(([period, r]) => ({ period, name: r.meta.name })),
    ledgers: ledgerMetas.map((m) => ({
      name: m.name,
      periods: [...ledger.periodSource.entries()]
        .filter(([, s]) => s.id === m.id)
        .map(([p]) => p)
        .sort((a, b) => a - b),
    })),
    carryForwards: cfMeta?.name ?? null,
  };
  const used = [budgetMeta, cfMeta, ...[...byPeriod.values()].map((r) => r.meta), ...ledgerMetas].filter(
    (d): d is DatasetMeta => d !== undefined,
  );
  const readFrom = [...new Map(used.map((d) => [d.id, d])).values()];
  // Without a board layout (none of this year or before is loaded) there is no board view to build: said as missing.
  // One month's model at a time, each in slices with the page's thread let go between them (in-steps.ts): a big
  // ledger's month is 20,000 lines, 60-180 ms in one task before.
  const models: RevenueMonitor[] = [];
  const structure = layout?.structure;
  const months = monitoringMonths(inputs.returns);
  if (structure)
    for (const m of months) {
      if (onlyMonth !== undefined && m !== onlyMonth) continue;
      models.push({ ...(await inSteps(revenueModelSteps(inputs, m, structure), { background })), year });
    }
  const ledgerChecks = background
    ? await inSteps(reconcileLedgerToReturnsSteps(inputs.ledger, inputs.returns), { background })
    : null;
  return {
    year,
    inputs,
    sources,
    ledgerChecks,
    datasets: readFrom,
    illustrative: readFrom.some((d) => d.illustrative),
    models,
    months: structure ? months : [],
    missing: [
      ...MONITORING_ROLES.filter((role) => ofRole(datasets, role).length === 0),
      ...(layout ? [] : (['structure'] as const)),
    ],
  };
}

async function loadMonitoring(year: number, onlyMonth?: number): Promise<MonitoringData> {
  const [data, layout] = await Promise.all([loadYearDatasets(year), loadStructure(year)]);
  return monitoringOfYear(year, data.all, STORED, layout, onlyMonth);
}

export const monitoringQuery = (year: number) =>
  queryOptions({
    queryKey: queryKeys.monitoring(year),
    queryFn: () => loadMonitoring(year),
    staleTime: Infinity,
  });

/** The monitoring of the chosen year (disabled until a year is chosen). */
export function useMonitoringData(year: number | null) {
  return useQuery({ ...monitoringQuery(year ?? 0), enabled: year !== null });
}

/**
 * The monitoring of the chosen year with the chosen month's model only: what the page's first figures need. The
 * year's other months (the forecast history, the ledger checks) are built by `useMonitoringData`, after them: a
 * year of twelve returns over a big ledger took seconds of the page's thread before the board summary was drawn
 * (issue 16). Once the whole year is built, its month is read from it rather than built again.
 */
export function useMonitoringMonth(year: number | null, month: number) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.monitoringMonth(year ?? 0, month),
    queryFn: () => {
      const whole = client.getQueryState<MonitoringData>(queryKeys.monitoring(year ?? 0));
      return whole?.data && !whole.isInvalidated ? monthOf(whole.data, month) : loadMonitoring(year ?? 0, month);
    },
    staleTime: Infinity,
    enabled: year !== null,
  });
}

/** The year's monitoring with one month's model only. */
function monthOf(whole: MonitoringData, month: number): MonitoringData {
  return { ...whole, models: whole.models.filter((m) => m.month === month) };
}

/**
 * Where the ledger lines behind a line's actual to date after `month` in `year` are: each closed period of that
 * year in the export that supplies it (ledgerPeriodOwners), with the columns the list reads. Never another year's.
 */
export function ledgerSourcesOfYear(year: number, given: readonly DatasetMeta[], month: number): LedgerLineSource[] {
  const owners = yearPeriodOwners(year, given);
  const wanted = new Map<string, { meta: DatasetMeta; periods: number[] }>();
  for (const p of closedPeriods(month)) {
    const meta = owners.get(p);
    if (meta) wanted.set(meta.id, { meta, periods: [...(wanted.get(meta.id)?.periods ?? []), p] });
  }
  return [...wanted.values()].map(({ meta, periods }) => {
    const column = (key: string): number | null => meta.plan.mapping[key] ?? null;
    return {
      datasetId: meta.id,
      name: meta.name,
      columns: {
        costCentre: column('costCentre'),
        subjective: column('subjective'),
        description: column('description'),
        supplier: column('supplier'),
        reference: column('reference'),
      },
      periods,
    };
  });
}
