import type { BoardPack, PackSource } from '../domain/board-pack/board-pack';
import { buildBoardPack, type MonthContent, type PackContent } from '../domain/board-pack/board-pack-build';
import {
  packHeading,
  packMonthLabel,
  packYearLabel,
  type FrozenPosition,
} from '../domain/board-pack/board-pack-monitoring';
import { buildCapitalProgramme } from '../domain/capital/capital-programme';
import { buildOutturnTable } from '../domain/revenue/outturn-table';
import { PAPER_2017_18 } from '../domain/papers/paper-2017-18';
import { PAPER_2017_18_TIE_OUTS } from '../domain/papers/paper-2017-18-tie-outs';
import {
  PAPER_FIRST_YEAR,
  TABLE_5_CLOSING_2017_18,
  paperRoadCasualtyInput,
} from '../domain/papers/paper-2019-road-casualty';
import {
  frozenTableKey,
  type FrozenTable,
  type PackInputs,
  type PackSettings,
} from '../domain/board-pack/pack-snapshot';
import { reconcile } from '../domain/checks/reconciliation';
import { buildReservesPosition, generalReserveShare } from '../domain/reserves/reserves-position';
import { findRoadCasualtyReserve, type RoadCasualtyInput } from '../domain/reserves/road-casualty-reserve';
import { scenarioFromJson, scenarioToJson, type Scenario } from '../domain/scenarios/scenario';
import { printedTableFromRows, type PrintedTable } from '../import/printed-table';
import { toCategoryRows, toSchemeRows } from './capital-mappings';
import { revenueTableTitle, toOutturnRows } from './outturn-tables';
import { toReservesPosition } from './planner-inputs';
import { toCheckableTables } from './reconciliation';
import { netRevenueBudgetOf, toReserveRows } from './reserves-mappings';
import { loadTableSource, loadYearDatasets, mappedColumns } from './year-datasets';
import { findTable, type PaperTableKey } from './year-tables';

/*
 * What the board pack is drawn from, and the drawing. A pack is of a year and a month (the shell's choice):
 * at year end (P12, with the year's outturn tables loaded) the paper's tables of that year, found by shape and
 * rows; for any other month (or a year without its year-end tables) the in-year monitoring position from the
 * revenue model. The title and period are derived from the year and month, the organisation is its setting, and
 * only a subtitle is free text. Everything after loading is pure, so a frozen snapshot's inputs give its pack
 * again, with the same mappings the pages use; snapshots frozen before years (tables named by file, a typed
 * title and period) are drawn as they were.
 */

const PAPER_CASE = 'the paper’s case (BCB 4 April 2019), opening at Table 5’s balance';

/** The tables a year-end pack is drawn from: the paper's, whose checks make the reconciliation. */
export const PACK_TABLES = Object.keys(PAPER_2017_18) as PaperTableKey[];

/** The year's tables a month's pack shows beside its monitoring: capital and reserves (Table 1 for the general reserve's share). */
const MONTH_TABLES: readonly PaperTableKey[] = [
  'table-1-revenue-outturn.csv',
  'table-4-capital-programme.csv',
  'appendix-3-capital-schemes.csv',
  'table-5-reserves.csv',
];

/** The tables a year-end pack cannot be drawn without. */
const YEAR_END_NEEDS: readonly PaperTableKey[] = [
  'table-1-revenue-outturn.csv',
  'constabulary-summary.csv',
  'table-4-capital-programme.csv',
  'appendix-3-capital-schemes.csv',
  'table-5-reserves.csv',
];

/** The rows of every table of the pack that `year` has, as stored now, named by the paper's key and their dataset. */
export async function loadFrozenTables(year: number): Promise<FrozenTable[]> {
  const data = await loadYearDatasets(year);
  const tables: FrozenTable[] = [];
  for (const key of PACK_TABLES) {
    const dataset = findTable(data.all, key);
    if (!dataset) continue;
    const source = await loadTableSource(dataset);
    tables.push({
      key,
      file: dataset.name,
      datasetId: dataset.id,
      sha256: dataset.sha256,
      headers: source.headers,
      rows: source.rows,
      ...mappedColumns(dataset),
    });
  }
  return tables;
}

/** The titles of the tables a year-end pack needs that are not among `tables` (none: it can be drawn). */
export function yearEndMissing(tables: readonly FrozenTable[]): string[] {
  return YEAR_END_NEEDS.filter((key) => !tables.some((t) => frozenTableKey(t) === key)).map((key) =>
    PAPER_2017_18[key].title.replace(/ \d{4}\/\d{2}$/, ''),
  );
}

/**
 * Whether a year and month make a year-end pack: P12, with every table a year-end pack is drawn from loaded. At P12
 * with one missing (a year whose outturn summary is in but not its constabulary summary, say) the pack is P12's
 * monitoring, as for any other month, and the page says what the year-end pack still needs: a board then has a pack
 * to print rather than an error. A pack frozen at year end had every one of them, so it is still drawn so.
 */
export function isYearEndPack(month: number, tables: readonly FrozenTable[]): boolean {
  return month === 12 && yearEndMissing(tables).length === 0;
}

/** What the user sets for the pack: a subtitle and the Road Casualty inputs. The rest comes from the data. */
export interface PackPreferences {
  subtitle: string;
  roadCasualtyScenarioId: string | null;
}

/**
 * The inputs of a pack of `year` and `month`: the year's tables, the monitoring position when it is a month's
 * pack (null when that month has no return: the pack cannot be drawn, and says so), the settings derived from
 * the year, the month and the organisation, and the scenario the preferences name (if it is still saved).
 */
export function packInputs(args: {
  year: number;
  month: number;
  tables: readonly FrozenTable[];
  position: FrozenPosition | null;
  organisation: string;
  preferences: PackPreferences;
  scenarios: readonly Scenario[];
}): PackInputs {
  const { year, month, tables, preferences } = args;
  const yearEnd = isYearEndPack(month, tables);
  const scenario =
    preferences.roadCasualtyScenarioId === null
      ? undefined
      : args.scenarios.find((s) => s.id === preferences.roadCasualtyScenarioId);
  const settings: PackSettings = {
    ...packHeading(year, month, yearEnd ? 'year-end' : 'month'),
    organisation: args.organisation,
    ...(preferences.subtitle.trim() ? { subtitle: preferences.subtitle.trim() } : {}),
    roadCasualtyScenarioId: preferences.roadCasualtyScenarioId,
  };
  return {
    // A month's pack is drawn from the position, and the year's capital and reserves tables where it has them.
    tables: yearEnd ? tables : tables.filter((t) => MONTH_TABLES.includes(frozenTableKey(t) as PaperTableKey)),
    settings,
    roadCasualty: scenario ? { source: 'scenario', scenario: scenarioToJson(scenario) } : { source: 'paper' },
    year,
    month,
    ...(!yearEnd && args.position ? { position: args.position, yearSections: true } : {}),
  };
}

function printed(tables: readonly FrozenTable[], key: PaperTableKey, year: number): PrintedTable {
  const t = tables.find((x) => frozenTableKey(x) === key);
  if (!t)
    throw new Error(
      `The year-end pack for ${packYearLabel(year)} needs ${PAPER_2017_18[key].title.replace(/ \d{4}\/\d{2}$/, '')} of ${packYearLabel(year)}, and none is loaded. Import it on the Import page, or choose a month to print that month's monitoring.`,
    );
  return frozenPrinted(key, t);
}

/** A frozen table read as printed, with the mapping it was frozen with (where it was). */
function frozenPrinted(key: PaperTableKey, t: FrozenTable): PrintedTable {
  return printedTableFromRows(key, t.headers, t.rows, {
    ...(t.amounts ? { amounts: t.amounts } : {}),
    ...(t.mapped ? { mapped: t.mapped } : {}),
  });
}

/** The paper's Road Casualty case, opening at the loaded Table 5's closing balance of the fund (as the Projections page does). */
function paperCase(table5: PrintedTable): RoadCasualtyInput {
  const position = toReservesPosition(table5);
  const fund = findRoadCasualtyReserve(position.reserves);
  const input = paperRoadCasualtyInput(fund?.closing ?? TABLE_5_CLOSING_2017_18);
  const firstYear = position.actualYear + 1;
  return firstYear === PAPER_FIRST_YEAR ? input : { ...input, firstYear };
}

/** The year and month of a pack's inputs: snapshots frozen before years are 2017/18 at year end. */
const yearOf = (inputs: PackInputs): number => inputs.year ?? 2017;
const monthOf = (inputs: PackInputs): number => inputs.month ?? 12;

/**
 * A month's capital programme and reserves, from the year's tables frozen with it (null: not loaded for the year). A
 * month's pack frozen before these were added (no `yearSections`) is drawn as it was: with neither section.
 */
function monthTables(inputs: PackInputs, year: number): Omit<MonthContent, 'kind' | 'position'> {
  const { tables } = inputs;
  const find = (key: PaperTableKey) => {
    const t = tables.find((x) => frozenTableKey(x) === key);
    return t ? frozenPrinted(key, t) : null;
  };
  if (inputs.yearSections !== true) return {};
  const programme = find('table-4-capital-programme.csv');
  const schemes = find('appendix-3-capital-schemes.csv');
  const table5 = find('table-5-reserves.csv');
  const table1 = find('table-1-revenue-outturn.csv');
  const reserves = table5 ? buildReservesPosition(toReserveRows(table5)) : null;
  return {
    yearLabel: packYearLabel(year),
    capital: programme ? buildCapitalProgramme(toCategoryRows(programme), schemes ? toSchemeRows(schemes) : []) : null,
    reserves: reserves
      ? {
          position: reserves,
          generalReserve: generalReserveShare(reserves, table1 ? netRevenueBudgetOf(table1) : null),
        }
      : null,
  };
}

/** The domain models the pack is drawn from. Throws (with a message for the page) if what it needs is missing. */
function packContent(inputs: PackInputs): PackContent {
  const year = yearOf(inputs);
  const month = monthOf(inputs);
  if (inputs.year !== undefined && !isYearEndPack(month, inputs.tables)) {
    if (!inputs.position)
      throw new Error(
        `The pack for ${packYearLabel(year)}, ${packMonthLabel(year, month)} shows that month's monitoring position, and no monthly monitoring return of ${packMonthLabel(year, month)} is loaded for ${packYearLabel(year)}. Choose a month with a return, or import it on the Import page.`,
      );
    return { kind: 'month', position: inputs.position, ...monthTables(inputs, year) };
  }
  for (const key of YEAR_END_NEEDS) printed(inputs.tables, key, year);
  const t = (key: PaperTableKey) => printed(inputs.tables, key, year);
  const table1 = t('table-1-revenue-outturn.csv');
  const reservesTable = t('table-5-reserves.csv');
  const reserves = buildReservesPosition(toReserveRows(reservesTable));
  let roadCasualty: { input: RoadCasualtyInput; source: string } = {
    input: paperCase(reservesTable),
    source: PAPER_CASE,
  };
  if (inputs.roadCasualty.source === 'scenario') {
    const read = scenarioFromJson(inputs.roadCasualty.scenario);
    if (read.ok)
      roadCasualty = { input: read.value.inputs.roadCasualty, source: `the saved scenario “${read.value.name}”` };
  }
  const all = PACK_TABLES.filter((key) => inputs.tables.some((x) => frozenTableKey(x) === key)).map(t);
  return {
    table1: buildOutturnTable(
      'table-1-revenue-outturn',
      revenueTableTitle(year, 'table-1-revenue-outturn.csv'),
      toOutturnRows(table1),
    ),
    constabulary: buildOutturnTable(
      'constabulary-summary',
      revenueTableTitle(year, 'constabulary-summary.csv'),
      toOutturnRows(t('constabulary-summary.csv')),
    ),
    capital: buildCapitalProgramme(
      toCategoryRows(t('table-4-capital-programme.csv')),
      toSchemeRows(t('appendix-3-capital-schemes.csv')),
    ),
    reserves,
    generalReserve: generalReserveShare(reserves, netRevenueBudgetOf(table1)),
    reconciliation: reconcile(toCheckableTables(all), PAPER_2017_18, PAPER_2017_18_TIE_OUTS),
    roadCasualty,
  };
}

/** Where each table came from, for the cover: the table, the file as imported, the dataset's SHA-256. */
function packSources(tables: readonly FrozenTable[]): PackSource[] {
  return tables.map((t) => ({
    file: t.file,
    title: PAPER_2017_18[frozenTableKey(t) as PaperTableKey]?.title ?? t.file,
    datasetId: t.datasetId,
    sha256: t.sha256,
    rows: t.rows.length,
  }));
}

/** The pack drawn from its inputs. Pure: the same inputs and stamp give the same pack. */
export function buildPackFromInputs(inputs: PackInputs, stamp: { producedAt: string; appVersion: string }): BoardPack {
  const content = packContent(inputs);
  const { organisation, subtitle } = inputs.settings;
  // Title and period follow from the year, month and kind of pack; an older snapshot keeps its own.
  const heading =
    inputs.year === undefined
      ? { title: inputs.settings.title, period: inputs.settings.period }
      : packHeading(yearOf(inputs), monthOf(inputs), content.kind === 'month' ? 'month' : 'year-end');
  return buildBoardPack(content, {
    ...heading,
    organisation,
    ...(subtitle ? { subtitle } : {}),
    ...(inputs.year !== undefined ? { year: yearOf(inputs), month: monthOf(inputs) } : {}),
    ...stamp,
    sources: content.kind === 'month' ? content.position.sources : packSources(inputs.tables),
  });
}
