import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { formatFinancialYear, formatPeriodLabel, financialYear } from '../domain/core/period';
import { countingDatasets, roleOf, yearsWithData, type DatasetRole } from '../storage/dataset-slots';
import { listDatasets } from '../storage/datasets';
import { queryKeys } from './query-keys';
import { ensureFirstYearStarted } from './sample-bootstrap';

/*
 * The financial year and month the reader chose, once, for every page: kept in the address (?year=2018-19&month=6)
 * so that a view can be bookmarked or sent, Back goes back, and a reload lands on the same figures. With none
 * chosen, the latest year that has what the page shows (Capital: a capital table; Reserves: a reserves
 * position), as at its latest monthly return (P12 when it has none): a file of another year imported alone
 * never opens a page on a year it has nothing for.
 * At a first start the sample's newest year is imported first and the list is read as soon as it is in (read again
 * when the rest is): until then a page that asks for another year, or has nothing in the newest, waits.
 */

export interface YearsLoaded {
  /** Years with at least one dataset that counts, newest first. */
  years: number[];
  /** For each year, the months (periods 1-12) with a monthly return that counts, ascending. */
  months: ReadonlyMap<number, number[]>;
  /** For each year, the roles of its datasets that count (what the year has). */
  roles: ReadonlyMap<number, ReadonlySet<DatasetRole>>;
  /** False while a first start is still importing the sample's other years: the list will grow. */
  complete: boolean;
}

/**
 * What the page shown reads, by role: null for a page that shows any year's data (Import, Reconciliation).
 * Given by the shell around every page, so that the shell's choice and the page's are the same.
 */
export const PageShows = createContext<readonly DatasetRole[] | null>(null);

const NO_YEARS: number[] = [];

/** The years (newest first) that have any of `shows`; every year with data when `shows` is null. */
function yearsShowing(loaded: YearsLoaded, shows: readonly DatasetRole[] | null): number[] {
  if (shows === null) return loaded.years;
  return loaded.years.filter((y) => shows.some((r) => loaded.roles.get(y)?.has(r)));
}

async function loadYears(client: QueryClient): Promise<YearsLoaded> {
  const { rest } = await ensureFirstYearStarted();
  if (rest)
    void rest.then(
      () => client.invalidateQueries({ queryKey: yearsQuery.queryKey }),
      () => undefined, // the pages of those years show why, from their own queries
    );
  const all = await listDatasets();
  const counting = countingDatasets(all);
  const months = new Map<number, number[]>();
  const roles = new Map<number, Set<DatasetRole>>();
  for (const d of counting) {
    if (d.year !== null) roles.set(d.year, (roles.get(d.year) ?? new Set()).add(roleOf(d)));
    if (d.year === null || d.month === null || roleOf(d) !== 'monitoring-return') continue;
    const list = months.get(d.year) ?? [];
    if (!list.includes(d.month)) list.push(d.month);
    months.set(
      d.year,
      list.sort((a, b) => a - b),
    );
  }
  return { years: yearsWithData(all), months, roles, complete: rest === null };
}

const yearsQuery = queryOptions({
  queryKey: [...queryKeys.datasets, 'years'],
  queryFn: ({ client }) => loadYears(client),
  staleTime: Infinity,
});

export function useYearsLoaded() {
  return useQuery(yearsQuery);
}

/** "2018-19" in an address; "2018/19" on screen. */
export const yearParam = (year: number): string => formatFinancialYear(financialYear(year)).replace('/', '-');
export const yearLabel = (year: number): string => formatFinancialYear(financialYear(year));
export const monthLabel = (year: number, month: number): string => formatPeriodLabel(financialYear(year), month);

/** A year in an address ("2018-19" or "2018/19"), or null. */
function parseYearParam(text: string | null): number | null {
  const m = text ? /^(\d{4})[-/](\d{2})$/.exec(text) : null;
  if (!m) return null;
  const start = Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) ? start : null;
}

export interface YearChoice {
  /** The chosen year (first calendar year), or null while loading or when nothing is loaded. */
  year: number | null;
  /** The chosen month, period 1-12. */
  month: number;
  /** Whether the address asked for a year that has no data (the page says so, and shows nothing of another year). */
  askedYearMissing: boolean;
  loaded: YearsLoaded | undefined;
  /** Why the years could not be read (the sample could not be fetched, the database is a newer version's). */
  error: Error | null;
  /** The search part of an address that keeps this choice ("?year=2018-19&month=6"), for links between pages. */
  search: string;
  /**
   * The same for the navigation: the year and month only when the reader chose them (they are in the address);
   * otherwise nothing, so that each page opens on its own latest year with data.
   */
  navSearch: string;
  /** The years that have what the page shows, newest first (every year with data on a page that shows any). */
  pageYears: number[];
  setYear: (year: number) => void;
  setMonth: (month: number) => void;
}

export function useYearChoice(): YearChoice {
  const shows = useContext(PageShows);
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: read, error } = useYearsLoaded();
  const asked = parseYearParam(params.get('year'));
  // A list still growing (a first start part-way) decides nothing it does not hold yet: neither an asked year
  // (it may be on its way, so not "missing"), nor a page's latest year when it has none of the page's data so far.
  const readYears = useMemo(() => (read ? yearsShowing(read, shows) : []), [read, shows]);
  const decided =
    read !== undefined && (read.complete || (asked !== null ? read.years.includes(asked) : readYears.length > 0));
  const loaded = decided ? read : undefined;
  const pageYears = decided ? readYears : NO_YEARS;
  const year = asked ?? pageYears[0] ?? loaded?.years[0] ?? null;
  const months = (year !== null ? loaded?.months.get(year) : undefined) ?? [];
  const askedMonth = Number(params.get('month'));
  const month = askedMonth >= 1 && askedMonth <= 12 ? askedMonth : (months.at(-1) ?? 12);
  const askedYearMissing = asked !== null && loaded !== undefined && !loaded.years.includes(asked);

  const search = useMemo(() => {
    const next = new URLSearchParams();
    if (year !== null) next.set('year', yearParam(year));
    next.set('month', String(month));
    return `?${next.toString()}`;
  }, [year, month]);
  const navSearch = asked !== null ? search : '';

  const go = useCallback(
    (change: { year?: number; month?: number }) => {
      const next = new URLSearchParams(params);
      if (change.year !== undefined) {
        next.set('year', yearParam(change.year));
        // A new year opens at its own latest return, not at the month read in the other year.
        const own = loaded?.months.get(change.year) ?? [];
        next.set('month', String(own.at(-1) ?? 12));
        next.delete('open');
      }
      if (change.month !== undefined) {
        if (year !== null && !next.has('year')) next.set('year', yearParam(year));
        next.set('month', String(change.month));
      }
      void navigate({ pathname: location.pathname, search: `?${next.toString()}` });
    },
    [params, navigate, location.pathname, loaded, year],
  );

  return {
    year,
    month,
    askedYearMissing,
    loaded,
    error,
    search,
    navSearch,
    pageYears,
    setYear: useCallback((y: number) => go({ year: y }), [go]),
    setMonth: useCallback((m: number) => go({ month: m }), [go]),
  };
}
