import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ZERO, type Money } from '../domain/core/money';
import { keyOf } from '../domain/checks/table-rows';
import { formatFinancialYear } from '../domain/core/period';
import { projectMtfs, type MtfsInput, type MtfsProjection } from '../domain/reserves/mtfs-planner';
import { startsFromOf, type Scenario } from '../domain/scenarios/scenario';
import type { ReserveGroup } from '../domain/reserves/reserves-position';
import type { PrintedTable } from '../import/printed-table';
import { yearsWithData } from '../storage/dataset-slots';
import { listDatasets } from '../storage/datasets';
import { listScenarios } from '../storage/scenarios';
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
  /**
   * The planner's projection after the latest year, from its closing balances: through the planned movements
   * of the scenario chosen for it (the most recently saved scenario that starts from that year), or carried
   * flat when there is none. `basis` says which, in words.
   */
  projection: {
    fromYear: number;
    horizonYears: number;
    projection: MtfsProjection;
    /** The scenario whose planned movements are applied; null when none starts from `fromYear`. */
    scenario: SavedScenarioName | null;
    /** Every saved scenario that starts from `fromYear`, newest first: the reader's choice (the first by default). */
    choices: SavedScenarioName[];
    basis: string;
  } | null;
}

export interface SavedScenarioName {
  id: string;
  name: string;
  savedAt: string;
}

const PROJECTION_YEARS = 4;

/**
 * The scenario the projection after the latest year applies: the one the reader chose (`chosenId`) if it starts
 * from that year's closing balances, else the most recently saved one that does (`scenarios` newest first, as
 * storage lists them); null if none does.
 */
export function scenarioFor(
  scenarios: readonly Scenario[],
  fromYear: number,
  chosenId: string | null = null,
): Scenario | null {
  const from = scenarios.filter((s) => startsFromOf(s) === fromYear);
  return from.find((s) => s.id === chosenId) ?? from[0] ?? null;
}

/** The planner's input for the projection: the scenario's planned movements and years, or none for four years. */
export function projectionInput(fromYear: number, scenario: Scenario | null): MtfsInput {
  const plan = scenario?.inputs.mtfs;
  return {
    firstYear: fromYear + 1,
    horizonYears: plan?.horizonYears ?? PROJECTION_YEARS,
    // The share of the budget is the Projections page's; this projection is of balances only.
    netRevenueBudget: [],
    generalReserveFloorPercent: ZERO,
    movements: plan?.movements ?? [],
  };
}

/**
 * Which balances the projection starts from and what it applies, in words: the scenario by name, and whether it
 * is the latest saved that starts from that year (the default) or one the reader chose of several.
 */
export function projectionBasis(fromYear: number, scenario: Scenario | null, chosen = false): string {
  const from = `From the closing balances of ${formatFinancialYear({ startYear: fromYear })}`;
  if (!scenario)
    return `${from}, with no movements planned (no saved scenario starts from ${formatFinancialYear({ startYear: fromYear })}: plan them on the Projections page and save the scenario).`;
  const moves = scenario.inputs.mtfs.movements.length;
  const which = chosen ? 'chosen of the scenarios saved' : 'the latest saved';
  return `${from}, through the ${moves} planned movement${moves === 1 ? '' : 's'} of the scenario “${scenario.name}” (${which} that start${chosen ? '' : 's'} from that year).`;
}

const nameOf = (s: Scenario): SavedScenarioName => ({ id: s.id, name: s.name, savedAt: s.savedAt });

const reservesYearsQuery = (chosenId: string | null) =>
  queryOptions({
    queryKey: queryKeys.reservesYearsWith(chosenId),
    queryFn: async ({ client }): Promise<ReservesYearsModel> => {
      await ensureStarted();
      const saved = (await listScenarios()).scenarios;
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
        const choices = saved.filter((s) => startsFromOf(s) === fromYear);
        const scenario = scenarioFor(saved, fromYear, chosenId);
        const input = projectionInput(fromYear, scenario);
        const result = projectMtfs(position, input, null);
        projection = {
          fromYear,
          horizonYears: input.horizonYears,
          projection: result,
          scenario: scenario ? nameOf(scenario) : null,
          choices: choices.map(nameOf),
          basis: projectionBasis(fromYear, scenario, scenario !== null && scenario.id !== choices[0]?.id),
        };
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

/**
 * Every loaded year's reserves, side by side, then the planner's projection after the latest, through the saved
 * scenario chosen (`chosenId`; null: the latest saved that starts from that year). The previous choice's model
 * stays shown while the next is built.
 */
export function useReservesYears(chosenId: string | null = null) {
  return useQuery({ ...reservesYearsQuery(chosenId), placeholderData: keepPreviousData });
}
