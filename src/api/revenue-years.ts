import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { tableOneAreas } from '../domain/revenue/revenue-model';
import { revenueYearsTable, type YearArea, type YearAreas } from '../domain/revenue/revenue-years';
import { yearsWithData } from '../storage/dataset-slots';
import { listDatasets } from '../storage/datasets';
import { REVENUE_TABLE_KEYS, toOutturnRows } from './outturn-tables';
import { queryKeys } from './query-keys';
import { monitoringQuery } from './revenue-monitoring';
import { ensureStarted } from './sample-bootstrap';
import { yearDatasetsQuery } from './year-datasets';
import { yearTablesQuery } from './year-tables';

/*
 * Budget and outturn by area over every year loaded. Each year from its year-end outturn summary (the Constabulary
 * summary by area and the OPCC's, or else the group summary) when it has one, else from its P12 monitoring return
 * (the revenue model at P12: forecast outturn by area); the year says which. Built from the year tables and the
 * monitoring of each year, which stay cached on their own.
 */

/** How an area named in two tables is told apart (as the board's layout's full labels do). */
const QUALIFIER: Readonly<Record<(typeof REVENUE_TABLE_KEYS)[number], string>> = {
  'table-1-revenue-outturn.csv': 'group',
  'constabulary-summary.csv': 'Constabulary',
  'table-3-opcc-corporate-costs.csv': 'corporate',
};

async function yearAreas(client: QueryClient, year: number): Promise<YearAreas> {
  const tables = await client.query(yearTablesQuery(year, REVENUE_TABLE_KEYS));
  const byArea = (['constabulary-summary.csv', 'table-3-opcc-corporate-costs.csv'] as const).filter((k) =>
    tables.tables.has(k),
  );
  const keys =
    byArea.length > 0
      ? byArea
      : tables.tables.has('table-1-revenue-outturn.csv')
        ? (['table-1-revenue-outturn.csv'] as const)
        : [];
  if (keys.length > 0) {
    const found = keys.flatMap((k) =>
      toOutturnRows(tables.tables.get(k)!)
        .filter((r) => r.rowType === 'item')
        .map((r) => ({ key: k, label: r.label, budget: r.budget, outturn: r.outturn })),
    );
    // A name in both tables ("Reserves") is two areas: each is named with its table, as the board's layout names them.
    const count = new Map<string, number>();
    for (const a of found) count.set(a.label.toLowerCase(), (count.get(a.label.toLowerCase()) ?? 0) + 1);
    const areas: YearArea[] = found.map(({ key, label, budget, outturn }) => ({
      label: (count.get(label.toLowerCase()) ?? 0) > 1 ? `${label} (${QUALIFIER[key]})` : label,
      budget,
      outturn,
    }));
    const datasets = keys.map((k) => tables.datasets.get(k)!);
    return {
      year,
      source: 'outturn-summary',
      datasets: datasets.map((d) => d.name),
      illustrative: datasets.some((d) => d.illustrative),
      areas,
    };
  }
  const data = await client.query(yearDatasetsQuery(year));
  if (!data.of('monitoring-return').some((d) => d.month === 12))
    return { year, source: 'none', datasets: [], illustrative: false, areas: [] };
  const monitoring = await client.query(monitoringQuery(year));
  const p12 = monitoring.models.find((m) => m.month === 12);
  if (!p12) return { year, source: 'none', datasets: [], illustrative: false, areas: [] };
  return {
    year,
    source: 'p12-return',
    datasets: monitoring.sources.returns.filter((r) => r.period === 12).map((r) => r.name),
    illustrative: monitoring.illustrative,
    areas: [...tableOneAreas(p12), ...p12.belowTheLine].map((a) => ({
      label: a.fullLabel,
      budget: a.budget,
      outturn: a.forecast,
    })),
  };
}

const revenueYearsQuery = (client: QueryClient) =>
  queryOptions({
    queryKey: queryKeys.revenueYears,
    queryFn: async () => {
      await ensureStarted();
      const years = yearsWithData(await listDatasets());
      return revenueYearsTable(await Promise.all(years.map((y) => yearAreas(client, y))));
    },
    staleTime: Infinity,
  });

/** Budget and outturn by area, every year loaded side by side. */
export function useRevenueYears() {
  return useQuery(revenueYearsQuery(useQueryClient()));
}
