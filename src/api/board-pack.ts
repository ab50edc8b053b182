import { queryOptions, useQuery } from '@tanstack/react-query';
import { positionOf, type FrozenPosition } from '../domain/board-pack/board-pack-monitoring';
import { describeRagRule, type RagRule } from '../domain/checks/rag';
import { closedPeriods } from '../domain/revenue/ledger-actuals';
import { roleOf } from '../storage/dataset-slots';
import { loadFrozenTables } from './board-pack-inputs';
import { queryKeys } from './query-keys';
import type { MonitoringData } from './revenue-monitoring';
import { roleLabel } from './year-datasets';

/** The rows of every table of a year the pack may be drawn from, as stored now (under 'datasets': an import refreshes it). */
const packTablesQuery = (year: number) =>
  queryOptions({ queryKey: queryKeys.packTables(year), queryFn: () => loadFrozenTables(year), staleTime: Infinity });

export function usePackTables(year: number | null) {
  return useQuery({ ...packTablesQuery(year ?? 0), enabled: year !== null });
}

/**
 * The datasets a month's figures are read from, for the pack's cover: the budget and carry-forwards, that month's
 * return (not the year's other months'), and the ledger exports that supply its closed periods (not a later
 * period's), as the Revenue page reads them for that month.
 */
function datasetsOfMonth(data: MonitoringData, month: number): MonitoringData['datasets'] {
  const closed = closedPeriods(month);
  const ledgerIds = new Set(closed.flatMap((p) => data.inputs.ledger.periodSource.get(p)?.id ?? []));
  return data.datasets.filter((d) => {
    switch (roleOf(d)) {
      case 'monitoring-return':
        return d.month === null || d.month === month;
      case 'ledger':
        return ledgerIds.has(d.id);
      default:
        return true;
    }
  });
}

/** A month's monitoring position for the pack, from the Revenue page's model of that month; null: no return. */
export function monitoringPosition(data: MonitoringData, month: number, rule: RagRule): FrozenPosition | null {
  const model = data.models.find((m) => m.month === month);
  if (!model) return null;
  return positionOf(
    { ...model, year: data.year },
    rule,
    describeRagRule(rule),
    data.illustrative,
    datasetsOfMonth(data, month).map((d) => ({
      file: d.name,
      title: `${roleLabel(roleOf(d))}${d.month ? `, P${d.month}` : ''}`,
      datasetId: d.id,
      sha256: d.sha256,
      rows: d.rowCount,
    })),
  );
}
