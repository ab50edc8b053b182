import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZERO, type Money } from '../domain/core/money';
import { keyOf } from '../domain/checks/table-rows';
import { projectMtfs, type MtfsProjection } from '../domain/reserves/mtfs-planner';
import type { ReserveGroup } from '../domain/reserves/reserves-position';
import type { PrintedTable } from '../import/printed-table';
import { yearsWithData } from '../storage/dataset-slots';
import { listDatasets } from '../storage/datasets';
import { toReservesPosition } from './planner-inputs';
import { queryKeys } from './query-keys';
import { ensureStarted } from './sample-bootstrap';
import { balanceDates } from './reserves-position';
import { yearTablesQuery } from './year-tables';

/*
 * The reserves over the years (issue 14, item 5): each loaded year's balances reserve by reserve (its opening
 * and its closing, as its own reserves position gives them), then the planner's projection from the latest
 * year's closing balances. Reserves are matched across years by name (case, spaces, punctuation, "&" and a
 * footnote mark do not count), as the roll-forward checks match them.
 */

/** One column of the side-by-side table: a balance date, actual or projected. */
export interface BalanceColumn {
  key: string;
  /** "1 April 2018", "31 March 2019", "31 March 2021 (projected)". */
  label: string;
  /** The year whose position (or projection) gives it. */
  year: number;
  kind: 'opening' | 'closing' | 'projected';
}

export interface ReserveAcrossYears {
  key: string;
  name: string;
  group: ReserveGroup | null;
  /** Pounds by column key; absent where the reserve is not in that year's position; null where not shown. */
  balances: Readonly<Record<string, Money | null>>;
}

export interface ReservesYearsModel {
  /** The loaded years that have a reserves position, oldest first. */
  years: number[];
  /** Loaded years with no reserves position (said on the page, never filled from another year). */
  withoutPosition: number[];
  columns: BalanceColumn[];
  reserves: ReserveAcrossYears[];
  /** The planner's projection after the latest year: no movements are planned by default, so balances are carried flat. */
  projection: { fromYear: number; horizonYears: number; projection: MtfsProjection } | null;
}

const PROJECTION_YEARS = 4;

const reservesYearsQuery = () =>
  queryOptions({
    queryKey: queryKeys.reservesYears,
    queryFn: async ({ client }): Promise<ReservesYearsModel> => {
      await ensureStarted();
      const loaded = yearsWithData(await listDatasets()).sort((a, b) => a - b);
      const columns: BalanceColumn[] = [];
      const byKey = new Map<string, ReserveAcrossYears & { balances: Record<string, Money | null> }>();
      const years: number[] = [];
      const withoutPosition: number[] = [];
      let latest: { year: number; table: PrintedTable } | null = null;
      for (const year of loaded) {
        const t = await client.query(yearTablesQuery(year, ['table-5-reserves.csv']));
        const table = t.tables.get('table-5-reserves.csv');
        if (!table) {
          withoutPosition.push(year);
          continue;
        }
        years.push(year);
        latest = { year, table };
        const dates = balanceDates(table, year);
        const opening: BalanceColumn = { key: `${year}-opening`, label: dates.opening, year, kind: 'opening' };
        const closing: BalanceColumn = { key: `${year}-closing`, label: dates.closing, year, kind: 'closing' };
        columns.push(opening, closing);
        const position = toReservesPosition(table, 2017, year);
        for (const r of position.reserves) {
          const key = keyOf(r.label);
          const entry = byKey.get(key) ?? { key, name: r.label, group: r.group, balances: {} };
          entry.balances[opening.key] = r.opening;
          entry.balances[closing.key] = r.closing;
          entry.name = r.label; // the latest year's spelling
          byKey.set(key, entry);
        }
      }
      let projection: ReservesYearsModel['projection'] = null;
      if (latest) {
        const position = toReservesPosition(latest.table, 2017, latest.year);
        const fromYear = latest.year;
        const result = projectMtfs(
          position,
          {
            firstYear: fromYear + 1,
            horizonYears: PROJECTION_YEARS,
            netRevenueBudget: [],
            generalReserveFloorPercent: ZERO,
            movements: [],
          },
          null,
        );
        projection = { fromYear, horizonYears: PROJECTION_YEARS, projection: result };
        for (const [i, year] of result.years.entries()) {
          const column: BalanceColumn = {
            key: `${year}-projected`,
            label: `31 March ${year + 1} (projected)`,
            year,
            kind: 'projected',
          };
          columns.push(column);
          for (const plan of result.reserves) {
            const entry = byKey.get(keyOf(plan.reserve.label));
            if (entry) entry.balances[column.key] = plan.years[i]!.closing;
          }
        }
      }
      return { years, withoutPosition, columns, reserves: [...byKey.values()], projection };
    },
    staleTime: Infinity,
  });

/** Every loaded year's reserves, side by side, then the planner's projection after the latest. */
export function useReservesYears() {
  return useQuery(reservesYearsQuery());
}
