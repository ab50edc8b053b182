import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  buildReservesPosition,
  generalReserveShare,
  type GeneralReserveShare,
  type ReservesPosition,
} from '../domain/reserves/reserves-position';
import { mappedColumn, type PrintedTable } from '../import/printed-table';
import { CLOSING_BALANCE, netRevenueBudgetOf, OPENING_BALANCE, toReserveRows } from './reserves-mappings';
import { queryKeys } from './query-keys';
import { roleLabel } from './year-datasets';
import { yearTablesQuery, type PaperTableKey, type YearTables } from './year-tables';

/*
 * The Reserves page's model for a chosen year: the year's reserves position (Table 5's shape), the general
 * reserve against the same year's net revenue budget (an outturn summary in Table 1's shape), and the revenue
 * carry-forward requests (Appendix 2's shape), each found by shape in that year's datasets only. The dates of
 * the balances come from the file's own headers ("Balance 1/4/18" -> 1 April 2018).
 */

const RESERVES_TABLES = [
  'table-5-reserves.csv',
  'table-1-revenue-outturn.csv',
  'appendix-2-revenue-carry-forwards.csv',
] as const satisfies readonly PaperTableKey[];

const MONTHS = ['January', 'February', 'March', 'April'] as const;

/**
 * The date a balance column is at, in words, from its header ("Balance 31/3/19 (£'000)" -> "31 March 2019");
 * `fallback` when the header gives no date (a two-digit year is 20yy: these are 2010s-2020s papers).
 */
export function balanceDateOf(header: string | undefined, fallback: string): string {
  const m = header ? /\b(1|31)\/0?(3|4)\/(\d{4}|\d{2})\b/.exec(header) : null;
  if (!m) return fallback;
  const [, day = '', month = '', printed = ''] = m;
  const year = printed.length === 2 ? 2000 + Number(printed) : Number(printed);
  return `${day} ${MONTHS[Number(month) - 1] ?? ''} ${year}`;
}

export interface ReservesBalanceDates {
  /** "1 April 2018" */
  opening: string;
  /** "31 March 2019" */
  closing: string;
}

export function balanceDates(table: PrintedTable, year: number): ReservesBalanceDates {
  return {
    opening: balanceDateOf(mappedColumn(table, 'opening', OPENING_BALANCE), `1 April ${year}`),
    closing: balanceDateOf(mappedColumn(table, 'closing', CLOSING_BALANCE), `31 March ${year + 1}`),
  };
}

export interface ReservesModel {
  year: number;
  /** Null when the year has no reserves position. */
  position: ReservesPosition | null;
  dates: ReservesBalanceDates;
  /** The general reserve against the same year's net revenue budget; null without an outturn summary. */
  generalReserve: GeneralReserveShare | null;
  /** The revenue carry-forward requests (Appendix 2's shape), as printed; null when the year has none. */
  carryForwards: PrintedTable | null;
  /** What the year lacks, in words, by part of the page. */
  missing: { position: string[]; budget: string[]; carryForwards: string[] };
  illustrative: boolean;
  /** The files read. */
  sources: string[];
}

/** The reserves model of a year's tables. */
function toReservesModel(t: YearTables): ReservesModel {
  const reserves = t.tables.get('table-5-reserves.csv');
  const table1 = t.tables.get('table-1-revenue-outturn.csv');
  const position = reserves ? buildReservesPosition(toReserveRows(reserves)) : null;
  const lacks = (key: PaperTableKey, role: Parameters<typeof roleLabel>[0]) =>
    t.missing.includes(key) ? [roleLabel(role)] : [];
  return {
    year: t.year,
    position,
    dates: reserves
      ? balanceDates(reserves, t.year)
      : { opening: `1 April ${t.year}`, closing: `31 March ${t.year + 1}` },
    // Without the year's outturn summary the share has no budget to divide by: the page says so, and still
    // shows the reserves.
    generalReserve: position && table1 ? generalReserveShare(position, netRevenueBudgetOf(table1)) : null,
    carryForwards: t.tables.get('appendix-2-revenue-carry-forwards.csv') ?? null,
    missing: {
      position: lacks('table-5-reserves.csv', 'reserves'),
      budget: lacks('table-1-revenue-outturn.csv', 'outturn-summary'),
      carryForwards: lacks('appendix-2-revenue-carry-forwards.csv', 'carry-forwards'),
    },
    illustrative: t.illustrative,
    sources: [...t.datasets.values()].map((d) => d.name),
  };
}

const reservesQuery = (year: number) =>
  queryOptions({
    queryKey: queryKeys.reserves(year),
    queryFn: async ({ client }) => toReservesModel(await client.query(yearTablesQuery(year, RESERVES_TABLES))),
    staleTime: Infinity,
  });

/** The reserves position of the chosen year and the general reserve's share of that year's net revenue budget. */
export function useReserves(year: number | null) {
  return useQuery({ ...reservesQuery(year ?? 0), enabled: year !== null });
}
