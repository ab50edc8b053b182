import { queryOptions, useQuery } from '@tanstack/react-query';
import { positionOf, type FrozenPosition } from '../domain/board-pack/board-pack-monitoring';
import { describeRagRule, type RagRule } from '../domain/checks/rag';
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

/** A month's monitoring position for the pack, from the Revenue page's model of that month; null: no return. */
export function monitoringPosition(data: MonitoringData, month: number, rule: RagRule): FrozenPosition | null {
  const model = data.models.find((m) => m.month === month);
  if (!model) return null;
  return positionOf(
    { ...model, year: data.year },
    rule,
    describeRagRule(rule),
    data.illustrative,
    data.datasets.map((d) => ({
      file: d.name,
      title: `${roleLabel(roleOf(d))}${d.month ? `, P${d.month}` : ''}`,
      datasetId: d.id,
      sha256: d.sha256,
      rows: d.rowCount,
    })),
  );
}
