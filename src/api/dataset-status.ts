import {
  countingDatasets,
  ledgerPeriodOwners,
  ledgerPeriods,
  roleOf,
  ROLE_LABELS,
  displacedBy,
  type DatasetRole,
} from '../storage/dataset-slots';
import type { DatasetMeta } from '../storage/datasets';
import type { ColumnMapping } from '../import/column-mapping';
import type { DatasetKind } from '../import/dataset-kinds';

/*
 * What the Import page says of each stored dataset: what it holds (its role), the year and month or periods it
 * is for, and whether it counts, or which other dataset counts in its place. Computed from the list as stored,
 * by the same rules the pages read by (storage/dataset-slots.ts).
 */

export interface Holder {
  id: string;
  name: string;
  /** A ledger's periods the holder supplies in this one's place; empty for other kinds. */
  periods: number[];
}

export type CountState =
  /** Counts for everything it holds. */
  | { state: 'counts' }
  /** A ledger that counts for some of its periods; others supply the rest. */
  | { state: 'partly'; counting: number[]; instead: Holder[] }
  /** Kept and listed, read by no page: another counts in its place (or none, when that one was deleted). */
  | { state: 'kept'; instead: Holder[] }
  /** No financial year: kept, read by no page until the user sets one. */
  | { state: 'no-year' };

export interface DatasetStatus {
  role: DatasetRole;
  /** "a reserves position" */
  roleLabel: string;
  /** A ledger's periods (1-16); empty for other kinds. */
  periods: number[];
  count: CountState;
}

/** What a dataset holds: its role, in words, and a ledger's periods. */
export function describeDataset(d: DatasetMeta): Omit<DatasetStatus, 'count'> {
  const role = roleOf(d);
  return { role, roleLabel: ROLE_LABELS[role], periods: ledgerPeriods(d) };
}

export function datasetStatuses(all: readonly DatasetMeta[]): Map<string, DatasetStatus> {
  const counting = new Set(countingDatasets(all).map((d) => d.id));
  const owners = ledgerPeriodOwners(all);
  const out = new Map<string, DatasetStatus>();
  for (const d of all) {
    const described = describeDataset(d);
    out.set(d.id, { ...described, count: countOf(d, all, counting, owners, described.periods) });
  }
  return out;
}

function countOf(
  d: DatasetMeta,
  all: readonly DatasetMeta[],
  counting: ReadonlySet<string>,
  owners: ReadonlyMap<string, DatasetMeta>,
  periods: readonly number[],
): CountState {
  if (d.year === null) return { state: 'no-year' };
  if (d.kind === 'ledger') {
    const mine: number[] = [];
    const instead = new Map<string, Holder>();
    for (const p of periods) {
      const owner = owners.get(`${d.year}/${p}`);
      if (owner?.id === d.id) {
        mine.push(p);
        continue;
      }
      if (!owner) continue;
      const h = instead.get(owner.id) ?? { id: owner.id, name: owner.name, periods: [] };
      h.periods.push(p);
      instead.set(owner.id, h);
    }
    if (mine.length === periods.length && periods.length > 0) return { state: 'counts' };
    if (mine.length > 0) return { state: 'partly', counting: mine, instead: [...instead.values()] };
    return { state: 'kept', instead: [...instead.values()] };
  }
  if (counting.has(d.id)) return { state: 'counts' };
  return {
    state: 'kept',
    instead: displacedBy(d, all).map(({ dataset, periods: p }) => ({ id: dataset.id, name: dataset.name, periods: p })),
  };
}

/**
 * For each year with data, whether its counting figures are generated (the illustrative sample years): 'all'
 * when every dataset that counts is illustrative, 'some' when a few are, 'none' for real exports only.
 */
export function illustrativeByYear(all: readonly DatasetMeta[]): Map<number, 'all' | 'some' | 'none'> {
  const tally = new Map<number, { yes: number; no: number }>();
  for (const d of countingDatasets(all)) {
    if (d.year === null) continue;
    const t = tally.get(d.year) ?? { yes: 0, no: 0 };
    if (d.illustrative) t.yes++;
    else t.no++;
    tally.set(d.year, t);
  }
  const out = new Map<number, 'all' | 'some' | 'none'>();
  for (const [year, t] of tally) out.set(year, t.no === 0 ? 'all' : t.yes === 0 ? 'none' : 'some');
  return out;
}

/** Whether a file of this kind and mapping is a monthly return (so it is as at a month): by its shape. */
export function isMonthlyReturn(kind: DatasetKind, mapping: ColumnMapping): boolean {
  return roleOf({ kind, plan: { mapping } }) === 'monitoring-return';
}
