import type { BoardPack, PackSource } from '../domain/board-pack/board-pack';
import { buildBoardPack, type PackContent } from '../domain/board-pack/board-pack-build';
import { buildCapitalProgramme } from '../domain/capital/capital-programme';
import { buildOutturnTable } from '../domain/revenue/outturn-table';
import { PAPER_2017_18 } from '../domain/papers/paper-2017-18';
import { PAPER_2017_18_TIE_OUTS } from '../domain/papers/paper-2017-18-tie-outs';
import {
  PAPER_FIRST_YEAR,
  TABLE_5_CLOSING_2017_18,
  paperRoadCasualtyInput,
} from '../domain/papers/paper-2019-road-casualty';
import type { FrozenTable, PackInputs, PackSettings } from '../domain/board-pack/pack-snapshot';
import { reconcile } from '../domain/checks/reconciliation';
import { buildReservesPosition, generalReserveShare } from '../domain/reserves/reserves-position';
import type { RoadCasualtyInput } from '../domain/reserves/road-casualty-reserve';
import { scenarioFromJson, scenarioToJson, type Scenario } from '../domain/scenarios/scenario';
import { keyOf } from '../domain/checks/table-rows';
import { printedTableFromRows, type PrintedTable } from '../import/printed-table';
import { toCategoryRows, toSchemeRows } from './capital-mappings';
import { toOutturnRows } from './outturn-tables';
import { toReservesPosition } from './planner-inputs';
import { toCheckableTables } from './reconciliation';
import { netRevenueBudgetOf, toReserveRows } from './reserves-mappings';
import { SAMPLE_FILES, type SampleFile } from './sample-files';
import { loadTableSource } from './sample-tables';

/*
 * What the board pack is drawn from, and the drawing: the rows of every table as stored (the same rows
 * the pages read), the pack's settings and the Road Casualty inputs. Everything after loading is pure, so
 * a frozen snapshot's inputs give its pack again, with the same mappings the pages use.
 */

/** The titles the Revenue page gives the two year-end tables. */
const REVENUE_TITLES = {
  table1: 'Table 1: Revenue Outturn 2017/18',
  constabulary: 'Draft Outturn 2017/18: Constabulary summary',
} as const;

const PAPER_CASE = 'the paper’s case (BCB 4 April 2019), opening at Table 5’s balance';
const ROAD_CASUALTY_KEY = keyOf('Road Casualty Reduction & Support Fund');

/** The tables the pack is drawn from: the paper's, whose checks make the reconciliation (not any other data loaded). */
export const PACK_FILES = Object.keys(PAPER_2017_18) as SampleFile[];

/** The rows of every table of the pack as stored now (the latest dataset of each file name). */
export async function loadFrozenTables(): Promise<FrozenTable[]> {
  const sources = await Promise.all(PACK_FILES.map((file) => loadTableSource(file)));
  return sources.map((s, i) => ({
    file: PACK_FILES[i]!,
    datasetId: s.dataset.id,
    sha256: s.dataset.sha256,
    headers: s.headers,
    rows: s.rows,
  }));
}

/** The inputs of a pack: the tables, the settings, and the scenario the settings name (if it is still saved). */
export function packInputs(
  tables: readonly FrozenTable[],
  settings: PackSettings,
  scenarios: readonly Scenario[],
): PackInputs {
  const scenario =
    settings.roadCasualtyScenarioId === null
      ? undefined
      : scenarios.find((s) => s.id === settings.roadCasualtyScenarioId);
  return {
    tables,
    settings,
    roadCasualty: scenario ? { source: 'scenario', scenario: scenarioToJson(scenario) } : { source: 'paper' },
  };
}

function printed(tables: readonly FrozenTable[], file: SampleFile): PrintedTable {
  const t = tables.find((x) => x.file === file);
  if (!t)
    throw new Error(
      `The pack needs ${file}, and it is not loaded. Import it on the Import page (or reload the sample there).`,
    );
  return printedTableFromRows(file, t.headers, t.rows);
}

/** The paper's Road Casualty case, opening at the loaded Table 5's closing balance of the fund (as the Projections page does). */
function paperCase(table5: PrintedTable): RoadCasualtyInput {
  const position = toReservesPosition(table5);
  const fund = position.reserves.find((r) => r.key === ROAD_CASUALTY_KEY);
  const input = paperRoadCasualtyInput(fund?.closing ?? TABLE_5_CLOSING_2017_18);
  const firstYear = position.actualYear + 1;
  return firstYear === PAPER_FIRST_YEAR ? input : { ...input, firstYear };
}

/** The domain models the pack is drawn from. Throws (with a message for the page) if a table is missing. */
function packContent(inputs: PackInputs): PackContent {
  const t = (file: SampleFile) => printed(inputs.tables, file);
  const table1 = t(SAMPLE_FILES.table1);
  const reservesTable = t(SAMPLE_FILES.reserves);
  const reserves = buildReservesPosition(toReserveRows(reservesTable));
  let roadCasualty: PackContent['roadCasualty'] = { input: paperCase(reservesTable), source: PAPER_CASE };
  if (inputs.roadCasualty.source === 'scenario') {
    const read = scenarioFromJson(inputs.roadCasualty.scenario);
    if (read.ok)
      roadCasualty = { input: read.value.inputs.roadCasualty, source: `the saved scenario “${read.value.name}”` };
  }
  const all = PACK_FILES.filter((file) => inputs.tables.some((x) => x.file === file)).map(t);
  return {
    table1: buildOutturnTable('table-1-revenue-outturn', REVENUE_TITLES.table1, toOutturnRows(table1)),
    constabulary: buildOutturnTable(
      'constabulary-summary',
      REVENUE_TITLES.constabulary,
      toOutturnRows(t(SAMPLE_FILES.constabulary)),
    ),
    capital: buildCapitalProgramme(
      toCategoryRows(t(SAMPLE_FILES.capitalProgramme)),
      toSchemeRows(t(SAMPLE_FILES.capitalSchemes)),
    ),
    reserves,
    generalReserve: generalReserveShare(reserves, netRevenueBudgetOf(table1)),
    reconciliation: reconcile(toCheckableTables(all), PAPER_2017_18, PAPER_2017_18_TIE_OUTS),
    roadCasualty,
  };
}

/** Where each table came from, for the cover. */
function packSources(tables: readonly FrozenTable[]): PackSource[] {
  return tables.map((t) => ({
    file: t.file,
    title: PAPER_2017_18[t.file as keyof typeof PAPER_2017_18]?.title ?? t.file,
    datasetId: t.datasetId,
    sha256: t.sha256,
    rows: t.rows.length,
  }));
}

/** The pack drawn from its inputs. Pure: the same inputs and stamp give the same pack. */
export function buildPackFromInputs(inputs: PackInputs, stamp: { producedAt: string; appVersion: string }): BoardPack {
  const { title, organisation, period } = inputs.settings;
  return buildBoardPack(packContent(inputs), {
    title,
    organisation,
    period,
    ...stamp,
    sources: packSources(inputs.tables),
  });
}
