import {
  PACK_FORMAT,
  countCell,
  textCell,
  type BoardPack,
  type PackBlock,
  type PackPage,
  type PackSource,
  type PackTable,
} from './board-pack';
import { capitalPage } from './board-pack-capital';
import { reconciliationPages } from './board-pack-reconciliation';
import { reservesPages } from './board-pack-reserves';
import { revenuePages } from './board-pack-revenue';
import { monitoringPages, packMonthLabel, packYearLabel, type FrozenPosition } from './board-pack-monitoring';
import { roadCasualtyPage } from './board-pack-road-casualty';
import type { CapitalProgramme } from '../capital/capital-programme';
import type { OutturnTable } from '../revenue/outturn-table';
import type { Reconciliation } from '../checks/reconciliation';
import type { GeneralReserveShare, ReservesPosition } from '../reserves/reserves-position';
import { projectRoadCasualtyReserve, type RoadCasualtyInput } from '../reserves/road-casualty-reserve';

/*
 * The whole pack, in the order the board reads it: a cover (title, period, date, contents, how to read
 * it, the files behind it), revenue, capital, reserves, the reconciliation, the Road Casualty Reserve
 * projection, and the notes with every rounded table's exact figures. Pure: the same content and meta
 * give the same pack, which is what lets a frozen snapshot be checked against its inputs.
 */

/** A year-end pack: the year's outturn tables, capital, reserves, the reconciliation and the projection. */
export interface YearEndContent {
  kind?: 'year-end';
  table1: OutturnTable;
  constabulary: OutturnTable;
  capital: CapitalProgramme;
  reserves: ReservesPosition;
  generalReserve: GeneralReserveShare;
  reconciliation: Reconciliation;
  roadCasualty: { input: RoadCasualtyInput; source: string };
}

/**
 * A month's pack: the in-year monitoring position by area as at the month, then the year's capital programme and
 * reserves where that year has them loaded (null: the pack says plainly that they are not loaded for the year, and
 * never shows another year's). `yearLabel` names the year in those sentences ("2018/19").
 */
export interface MonthContent {
  kind: 'month';
  position: FrozenPosition;
  yearLabel?: string;
  capital?: CapitalProgramme | null;
  reserves?: { position: ReservesPosition; generalReserve: GeneralReserveShare } | null;
}

/** A section whose table the year has not loaded: said in one sentence, with what to import. */
function notLoadedPage(id: string, section: string, heading: string, text: string): PackPage {
  return { id, section, heading, blocks: [{ kind: 'text', tone: 'lede', text }] };
}

/**
 * A month's pack shows the year's capital and reserves tables as the files give them: whole-year figures (capital
 * to 31 March, reserves at 1 April and 31 March), since Outturn holds neither by month. Said above the first table,
 * so that a board member never reads them as the position at the month. At P12 the month is the year end: nothing
 * to say.
 */
function wholeYearNote(page: PackPage, section: 'capital' | 'reserves', content: MonthContent): PackPage {
  const { year, month } = content.position;
  if (month >= 12) return page;
  const y = packYearLabel(year);
  const asAt = packMonthLabel(year, month);
  const text =
    section === 'capital'
      ? `The capital programme for ${y} as loaded: the whole year's budget and outturn to 31 March ${year + 1}, not the position at ${asAt}. Outturn keeps capital by year, not by month.`
      : `Reserves for ${y} as loaded: balances at 1 April ${year} and 31 March ${year + 1} and the year's movements between them, not the position at ${asAt}. Outturn keeps reserves by year, not by month.`;
  return { ...page, blocks: [{ kind: 'text', tone: 'lede', text }, ...page.blocks] };
}

function monthPages(content: MonthContent): PackPage[] {
  const pages = monitoringPages(content.position);
  // A month's content from before capital and reserves were added to it (a frozen pack) has neither field.
  if (content.capital === undefined && content.reserves === undefined) return pages;
  const year = content.yearLabel ?? '';
  const reserves = content.reserves ? reservesPages(content.reserves.position, content.reserves.generalReserve) : [];
  return [
    ...pages,
    content.capital
      ? wholeYearNote(capitalPage(content.capital, year), 'capital', content)
      : notLoadedPage(
          'capital',
          'Capital',
          'Capital programme',
          `No capital programme is loaded for ${year}, so this pack shows none (never another year's). Import the year's capital programme on the Import page to add it.`,
        ),
    ...(content.reserves
      ? reserves.map((page, i) => (i === 0 ? wholeYearNote(page, 'reserves', content) : page))
      : [
          notLoadedPage(
            'reserves',
            'Reserves',
            'Reserves',
            `No reserves position is loaded for ${year}, so this pack shows none (never another year's). Import the year's reserves on the Import page to add it.`,
          ),
        ]),
  ];
}

export type PackContent = YearEndContent | MonthContent;

export interface PackMeta {
  title: string;
  organisation: string;
  period: string;
  /** A line under the title (the meeting, the draft), as the user sets it; never the year or period. */
  subtitle?: string;
  /** The financial year (first calendar year) and month (period) the figures are as at. */
  year?: number;
  month?: number;
  producedAt: string;
  appVersion: string;
  sources: readonly PackSource[];
}

/** How many table rows one notes page holds whole (a caption and a header count as four rows, a group heading as one). */
const NOTES_ROWS_PER_PAGE = 36;

const CONVENTIONS = [
  "Figures are in £'000: brackets for negatives, - for nil, n/s where the source shows no figure.",
  'Each table of figures is rounded as a whole (controlled rounding, largest remainder), so that every row and column casts; each figure is within £1k of its exact value, and where one was moved from its own rounding its footnote says so. The exact figures, to the penny, are in the notes at the end.',
  'Totals are worked out from the lines shown; where the paper prints a different total, a footnote gives both. Variance = outturn − budget.',
  'Status is a shape and a word, so it reads in black and white: ✓ passes or not crossed; ≈ a rounding difference; ✗ fails; ? cannot be checked (a figure is missing); ▲ adverse or above a line; ▼ favourable, or the year a line is crossed.',
];

function coverPage(meta: PackMeta): PackPage {
  const sources: PackTable = {
    id: 'cover-sources',
    caption: 'The files behind these figures (as imported into Outturn)',
    columns: [
      { key: 'title', header: 'Table', kind: 'text' },
      { key: 'file', header: 'File', kind: 'text' },
      { key: 'rows', header: 'Rows', kind: 'count' },
      { key: 'sha256', header: 'SHA-256 of the file (first 16)', kind: 'text' },
    ],
    rows: meta.sources.map((s) => ({
      key: s.file,
      label: s.title,
      rowType: 'item',
      cells: {
        title: textCell(s.title),
        file: textCell(s.file),
        rows: countCell(s.rows),
        sha256: textCell(s.sha256.slice(0, 16)),
      },
    })),
    rounding: 'none',
    footnotes: [],
  };
  return {
    id: 'cover',
    section: 'Cover',
    heading: meta.title,
    blocks: [
      { kind: 'contents' },
      ...CONVENTIONS.map((text): PackBlock => ({ kind: 'text', tone: 'note', text })),
      { kind: 'table', table: sources },
    ],
  };
}

/** The tables whose figures were rounded, in page order: their exact figures go in the notes. */
function roundedTables(pages: readonly PackPage[]): PackTable[] {
  const found: PackTable[] = [];
  const walk = (blocks: readonly PackBlock[]) => {
    for (const b of blocks) {
      if (b.kind === 'table' && b.table.rounding !== 'none') found.push(b.table);
      if (b.kind === 'columns') b.columns.forEach(walk);
    }
  };
  pages.forEach((p) => walk(p.blocks));
  return found;
}

/** Notes pages: the exact figures of every rounded table, as many tables to a page as fit whole. */
function notesPages(pages: readonly PackPage[]): PackPage[] {
  const tables = roundedTables(pages);
  const groups: PackTable[][] = [];
  let used = NOTES_ROWS_PER_PAGE;
  for (const t of tables) {
    const headings = new Set(t.rows.map((r) => r.group).filter((g) => g !== undefined && g !== '')).size;
    const size = t.rows.length + headings + 4;
    if (used + size > NOTES_ROWS_PER_PAGE) {
      groups.push([]);
      used = 0;
    }
    groups[groups.length - 1]!.push(t);
    used += size;
  }
  return groups.map((g, i) => ({
    id: `notes-${i + 1}`,
    section: 'Notes',
    heading: `Notes: exact figures${groups.length > 1 ? ` (${i + 1} of ${groups.length})` : ''}`,
    blocks: [
      ...(i === 0
        ? [
            {
              kind: 'text' as const,
              tone: 'lede' as const,
              text: 'Every rounded table again, with each figure exact to the penny, as held by Outturn. Totals are exact sums of the lines above them.',
            },
          ]
        : []),
      { kind: 'exact' as const, tableIds: g.map((t) => t.id) },
    ],
  }));
}

/** Builds the board pack. Pure and deterministic: `meta.producedAt` is the only clock it reads. */
export function buildBoardPack(content: PackContent, meta: PackMeta): BoardPack {
  // A year-end pack frozen before packs had a year is the paper's, 2017/18's (PackMeta.year).
  const body: PackPage[] =
    content.kind === 'month' ? monthPages(content) : yearEndPages(content, packYearLabel(meta.year ?? 2017));
  return {
    format: PACK_FORMAT,
    title: meta.title,
    organisation: meta.organisation,
    period: meta.period,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    ...(meta.year !== undefined ? { year: meta.year } : {}),
    ...(meta.month !== undefined ? { month: meta.month } : {}),
    producedAt: meta.producedAt,
    appVersion: meta.appVersion,
    sources: meta.sources,
    pages: [coverPage(meta), ...body, ...notesPages(body)],
  };
}

function yearEndPages(content: YearEndContent, yearLabel: string): PackPage[] {
  return [
    ...revenuePages(content.table1, content.constabulary),
    capitalPage(content.capital, yearLabel),
    ...reservesPages(content.reserves, content.generalReserve),
    ...reconciliationPages(content.reconciliation),
    roadCasualtyPage(
      content.roadCasualty.input,
      projectRoadCasualtyReserve(content.roadCasualty.input),
      content.roadCasualty.source,
    ),
  ];
}

/** Every table of a pack by id (the notes and the comparison look tables up by id). */
export function packTables(pack: BoardPack): Map<string, PackTable> {
  const tables = new Map<string, PackTable>();
  const walk = (blocks: readonly PackBlock[]) => {
    for (const b of blocks) {
      if (b.kind === 'table') tables.set(b.table.id, b.table);
      if (b.kind === 'columns') b.columns.forEach(walk);
    }
  };
  pack.pages.forEach((p) => walk(p.blocks));
  return tables;
}
