import { keyOf } from '../domain/checks/table-rows';
import type { DatasetKind } from '../import/dataset-kinds';
import type { ImportPlan } from '../import/import-plan';
import type { DatasetMeta } from './datasets';

/*
 * Which datasets count. Every page reads datasets by what they hold (their role), their financial year and,
 * for monthly returns, their month: never by file name. A role, a year and a month make a slot; of the
 * datasets in a slot, the one that began to count last (DatasetMeta.countsFrom) is read, and the others stay
 * listed with their receipts, to be chosen back. A ledger's slot is each period it covers: a later export that
 * covers periods already loaded takes them over only once the user confirms (until then its countsFrom is null).
 */

/** What a dataset holds, as the pages ask for it: the kind, told apart further by the columns mapped. */
export type DatasetRole =
  | 'ledger'
  | 'budget'
  | 'budget-summary'
  | 'monitoring-return'
  | 'outturn-summary'
  | 'capital-programme'
  | 'capital-schemes'
  | 'capital-carry-forwards'
  | 'capital-financing'
  | 'reserves'
  | 'carry-forwards'
  | 'structure';

export const ROLE_LABELS: Readonly<Record<DatasetRole, string>> = {
  ledger: 'a ledger export',
  budget: 'a budget by cost centre',
  'budget-summary': 'a budget summary',
  'monitoring-return': 'a monthly monitoring return (by cost centre, with a period)',
  'outturn-summary': 'an outturn summary (budget and outturn by area)',
  'capital-programme': 'a capital programme (by category)',
  'capital-schemes': 'a capital scheme list (with job codes)',
  'capital-carry-forwards': 'capital carry-forward requests',
  'capital-financing': 'capital financing',
  reserves: 'a reserves position',
  'carry-forwards': 'revenue carry-forward requests',
  structure: 'a board layout (areas and lines)',
};

const mapped = (plan: Pick<ImportPlan, 'mapping'>, key: string): boolean =>
  plan.mapping[key] !== null && plan.mapping[key] !== undefined;

/** The role of a dataset, from its kind and the columns its import mapped (its shape, never its name). */
export function roleOf(d: { kind: DatasetKind; plan: Pick<ImportPlan, 'mapping'> }): DatasetRole {
  switch (d.kind) {
    case 'ledger':
      return 'ledger';
    case 'budget':
      return mapped(d.plan, 'costCentre') ? 'budget' : 'budget-summary';
    case 'outturn':
      return mapped(d.plan, 'costCentre') && mapped(d.plan, 'period') ? 'monitoring-return' : 'outturn-summary';
    case 'capital':
      if (!mapped(d.plan, 'jobCode')) return 'capital-programme';
      return mapped(d.plan, 'category') ? 'capital-schemes' : 'capital-carry-forwards';
    case 'capital-financing':
      return 'capital-financing';
    case 'reserves':
      return 'reserves';
    case 'carry-forwards':
      return 'carry-forwards';
    case 'structure':
      return 'structure';
  }
}

/** The periods (1-16) a ledger dataset has lines in; none for other kinds. */
export function ledgerPeriods(d: Pick<DatasetMeta, 'kind' | 'periods'>): number[] {
  return d.kind === 'ledger' ? d.periods : [];
}

/**
 * The outturn summaries a year has, each known by rows it prints (the board's layout: the group's lines as Table 1,
 * the Constabulary's areas, the OPCC's and corporate lines as Table 3), keyed as the 2017/18 paper's tables are.
 */
export const SUMMARY_TABLES: Readonly<Record<string, readonly string[]>> = {
  'table-1-revenue-outturn.csv': ['Constabulary', 'OPCC', 'Grants, Capital Financing and costs of surplus properties'],
  'constabulary-summary.csv': ['Local Policing', 'Organisational Support', 'Collaboration'],
  'table-3-opcc-corporate-costs.csv': ['Commissioner and Staff', 'Supplies and Services', 'Corporate Costs and Grants'],
};

/** Which summary table an outturn summary is, by the most of its known rows it has (at least one); null: none. */
export function summaryTableOf(labels: readonly string[]): string | null {
  const have = new Set(labels.map(keyOf));
  let best: { key: string; score: number } | null = null;
  for (const [key, known] of Object.entries(SUMMARY_TABLES)) {
    const score = known.filter((l) => have.has(keyOf(l))).length;
    if (score > 0 && (!best || score > best.score)) best = { key, score };
  }
  return best?.key ?? null;
}

/**
 * The slot a dataset fills: role, year, month. An outturn summary also by which table it is (a year has several:
 * the group's, the Constabulary's by area, the OPCC's), known by its rows; one that is none of them by its rows
 * exactly. A file of the same table replaces another (once confirmed); a different table sits beside it.
 */
function slotOf(d: Pick<DatasetMeta, 'kind' | 'plan' | 'year' | 'month' | 'labels'>): string {
  const role = roleOf(d);
  const rows =
    role === 'outturn-summary' ? (summaryTableOf(d.labels) ?? [...new Set(d.labels.map(keyOf))].sort().join('|')) : '';
  return `${role}/${d.year ?? '-'}/${d.month ?? '-'}/${rows}`;
}

const later = (a: string | null, b: string | null): boolean => a !== null && (b === null || a > b);

/**
 * The datasets that count, of those given: for each slot, the one that began to count last. Ledgers are all
 * returned that supply a period (see ledgerPeriodOwners); datasets with no year, or not counting, never are.
 */
export function countingDatasets(all: readonly DatasetMeta[]): DatasetMeta[] {
  const bySlot = new Map<string, DatasetMeta>();
  const ledgers = new Set<string>(); // the ids that count, ledgers first
  for (const owner of ledgerPeriodOwners(all).values()) ledgers.add(owner.id);
  for (const d of all) {
    if (d.year === null || d.countsFrom === null || d.kind === 'ledger') continue;
    const slot = slotOf(d);
    const held = bySlot.get(slot);
    if (!held || later(d.countsFrom, held.countsFrom)) bySlot.set(slot, d);
  }
  for (const d of bySlot.values()) ledgers.add(d.id);
  return all.filter((d) => ledgers.has(d.id));
}

/** For each year and period ("2018/6"), the ledger that supplies it: the one that began to count last. */
export function ledgerPeriodOwners(all: readonly DatasetMeta[]): Map<string, DatasetMeta> {
  const owners = new Map<string, DatasetMeta>();
  for (const d of all) {
    if (d.kind !== 'ledger' || d.year === null || d.countsFrom === null) continue;
    for (const p of ledgerPeriods(d)) {
      const key = `${d.year}/${p}`;
      const held = owners.get(key);
      if (!held || later(d.countsFrom, held.countsFrom)) owners.set(key, d);
    }
  }
  return owners;
}

/** What a new (or re-dated) dataset would take over: the counting datasets of its slot (a ledger: of its periods). */
export function displacedBy(
  d: DatasetMeta,
  all: readonly DatasetMeta[],
): { dataset: DatasetMeta; periods: number[] }[] {
  if (d.year === null) return [];
  const others = all.filter((o) => o.id !== d.id);
  if (d.kind === 'ledger') {
    const owners = ledgerPeriodOwners(others);
    const byOwner = new Map<string, { dataset: DatasetMeta; periods: number[] }>();
    for (const p of ledgerPeriods(d)) {
      const owner = owners.get(`${d.year}/${p}`);
      if (!owner) continue;
      const entry = byOwner.get(owner.id) ?? { dataset: owner, periods: [] };
      entry.periods.push(p);
      byOwner.set(owner.id, entry);
    }
    return [...byOwner.values()];
  }
  const slot = slotOf(d);
  return countingDatasets(others)
    .filter((o) => o.kind !== 'ledger' && slotOf(o) === slot)
    .map((o) => ({ dataset: o, periods: [] }));
}

/** The years that have at least one counting dataset, newest first. */
export function yearsWithData(all: readonly DatasetMeta[]): number[] {
  const years = new Set<number>();
  for (const d of countingDatasets(all)) if (d.year !== null) years.add(d.year);
  return [...years].sort((a, b) => b - a);
}
