import { queryOptions, useQuery } from '@tanstack/react-query';
import { combineLedgers, closedPeriods, type LedgerActuals } from '../domain/revenue/ledger-actuals';
import type { MonitoringInputs, ReturnLineInput } from '../domain/revenue/revenue-model';
import { listDatasets, readChunks, type DatasetMeta } from '../storage/datasets';
import {
  budgetLinesOf,
  carryForwardsOf,
  isCostCentreBudget,
  isMonitoringReturn,
  ledgerLinesOf,
  ledgerSourceOf,
  returnLinesOf,
  type LedgerLine,
  type StoredDataset,
} from './monitoring-rows';
import { ensureStarted } from './sample-bootstrap';

/*
 * The revenue monitoring inputs from what is loaded: the latest cost-centre budget, every monthly return
 * (a month loaded twice: the later wins), every ledger export (each period from the latest that has it)
 * and the latest carry-forward requests. Illustrative datasets (the generated sample, named
 * "illustrative-...") are flagged so that the page can say so wherever their figures appear.
 */

export interface MonitoringSources {
  budget: string | null;
  returns: { period: number; name: string }[];
  ledgers: { name: string; periods: number[] }[];
  carryForwards: string | null;
}

export interface MonitoringData {
  inputs: MonitoringInputs;
  sources: MonitoringSources;
  /** Some figures come from generated (illustrative) files, not from real exports. */
  illustrative: boolean;
}

const ILLUSTRATIVE = /^illustrative-/i;

async function stored(meta: DatasetMeta): Promise<StoredDataset> {
  return { id: meta.id, name: meta.name, plan: meta.plan, chunks: await readChunks(meta.id) };
}

function ledgerOf(datasets: readonly DatasetMeta[]): LedgerActuals {
  return combineLedgers(datasets.filter((d) => d.kind === 'ledger').map((d, order) => ledgerSourceOf(d, order)));
}

async function loadMonitoring(): Promise<MonitoringData> {
  await ensureStarted();
  const all = await listDatasets(); // in import order
  const budgetMeta = all.filter((d) => isCostCentreBudget(d.plan)).at(-1);
  const returnMetas = all.filter((d) => isMonitoringReturn(d.plan));
  const ledgerMetas = all.filter((d) => d.kind === 'ledger');
  const cfMeta = all.filter((d) => d.kind === 'carry-forwards').at(-1);

  // A month's return loaded again replaces the earlier one.
  const byPeriod = new Map<number, { name: string; rows: ReturnLineInput[] }>();
  for (const meta of returnMetas) {
    const rows = returnLinesOf(await stored(meta));
    for (const period of new Set(rows.map((r) => r.period)))
      byPeriod.set(period, { name: meta.name, rows: rows.filter((r) => r.period === period) });
  }
  const ledger = ledgerOf(all);
  const inputs: MonitoringInputs = {
    budget: budgetMeta ? budgetLinesOf(await stored(budgetMeta)) : [],
    returns: [...byPeriod.values()].flatMap((r) => r.rows),
    ledger,
    carryForwards: cfMeta ? carryForwardsOf(await stored(cfMeta)) : [],
  };
  const sources: MonitoringSources = {
    budget: budgetMeta?.name ?? null,
    returns: [...byPeriod.entries()].sort((a, b) => a[0] - b[0]).map(([period, r]) => ({ period, name: r.name })),
    ledgers: ledgerMetas.map((m) => ({
      name: m.name,
      periods: [...ledger.periodSource.entries()]
        .filter(([, s]) => s.id === m.id)
        .map(([p]) => p)
        .sort((a, b) => a - b),
    })),
    carryForwards: cfMeta?.name ?? null,
  };
  const names = [sources.budget, ...sources.returns.map((r) => r.name), ...sources.ledgers.map((l) => l.name)].filter(
    (n): n is string => n !== null,
  );
  return { inputs, sources, illustrative: names.some((n) => ILLUSTRATIVE.test(n)) };
}

const monitoringQuery = queryOptions({
  queryKey: ['datasets', 'monitoring'],
  queryFn: loadMonitoring,
  staleTime: Infinity,
});

export function useMonitoringData() {
  return useQuery(monitoringQuery);
}

/**
 * The ledger lines behind a line's actual to date after `month`: each closed period read from the export
 * that supplies it (the latest that has it), in period and date order.
 */
async function loadLedgerLines(costCentre: string, subjective: string, month: number): Promise<LedgerLine[]> {
  await ensureStarted();
  const all = await listDatasets();
  const ledger = ledgerOf(all);
  const wanted = new Map<string, Set<number>>();
  for (const p of closedPeriods(month)) {
    const source = ledger.periodSource.get(p);
    if (!source) continue;
    if (!wanted.has(source.id)) wanted.set(source.id, new Set());
    wanted.get(source.id)!.add(p);
  }
  const lines: LedgerLine[] = [];
  for (const [id, periods] of wanted) {
    const meta = all.find((d) => d.id === id);
    if (meta) lines.push(...ledgerLinesOf(await stored(meta), costCentre, subjective, periods));
  }
  const ymd = (d: string): string => d.split('/').reverse().join('');
  return lines.sort(
    (a, b) => a.period - b.period || ymd(a.postingDate).localeCompare(ymd(b.postingDate)) || a.row - b.row,
  );
}

const ledgerLinesQuery = (costCentre: string, subjective: string, month: number) =>
  queryOptions({
    queryKey: ['datasets', 'ledger-lines', costCentre, subjective, month],
    queryFn: () => loadLedgerLines(costCentre, subjective, month),
    staleTime: Infinity,
  });

export function useLedgerLines(costCentre: string, subjective: string, month: number) {
  return useQuery(ledgerLinesQuery(costCentre, subjective, month));
}

export type { LedgerLine } from './monitoring-rows';
