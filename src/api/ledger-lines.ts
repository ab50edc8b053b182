import { keepPreviousData, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { LedgerLinesPage, LedgerSortKey, ReadProgress } from '../worker/ledger-lines-query';
import { holdLedgerLines, readLedgerLines, warmLedgers } from '../worker/read-client';
import { queryKeys } from './query-keys';
import { ledgerSourcesOfYear } from './revenue-monitoring';
import { yearDatasetsQuery } from './year-datasets';

/*
 * The ledger lines behind a line's actual to date, a page at a time: searched, filtered by period and sorted in
 * the read worker (src/worker/read-client.ts), which answers with one page and the exact count and total of every
 * line that matches. The page never holds, sorts or adds up the whole list, so a cost centre with tens of thousands
 * of lines opens as fast as one with ten, and the page stays responsive while they are read.
 */

/** What the reader asked of the list: search, period, sort and page. */
export interface LedgerLinesView {
  search: string;
  period: number | null;
  sort: { key: LedgerSortKey; descending: boolean };
  offset: number;
  limit: number;
}

/** The list as it first opens: every closed period, in its own order (by period, then date and row), first page. */
export const FIRST_LINES_VIEW: LedgerLinesView = {
  search: '',
  period: null,
  sort: { key: 'period', descending: false },
  offset: 0,
  // A page: enough to read and print, few enough to draw at once.
  limit: 100,
};

export interface LedgerLinesAsked extends LedgerLinesView {
  year: number;
  costCentre: string;
  subjective: string;
  /** The month the actual to date is as at: the lines of its closed periods. */
  month: number;
}

/** The year's ledgers that supply its closed periods to `month`, from its datasets as the page already holds them. */
async function ledgerSources(client: QueryClient, year: number, month: number) {
  const { all } = await client.query(yearDatasetsQuery(year));
  return ledgerSourcesOfYear(year, all, month);
}

async function loadPage(
  client: QueryClient,
  asked: LedgerLinesAsked,
  onProgress?: (p: ReadProgress) => void,
): Promise<LedgerLinesPage> {
  const { year, month, ...request } = asked;
  return readLedgerLines({ ...request, sources: await ledgerSources(client, year, month) }, onProgress);
}

/**
 * Has the read worker read every line of the list's pair now, for a search or an order by text the reader is about to
 * ask for (the search itself is asked once typing rests, the order once the button is pressed): it then finds them
 * read. Returns at once.
 */
export function useHoldLedgerLines(asked: Omit<LedgerLinesAsked, keyof LedgerLinesView>): () => void {
  const client = useQueryClient();
  const { year, month, costCentre, subjective } = asked;
  return useCallback(() => {
    ledgerSources(client, year, month).then(
      (sources) => holdLedgerLines({ ...FIRST_LINES_VIEW, costCentre, subjective, sources }),
      () => undefined, // the search itself asks again, and says why it cannot
    );
  }, [client, year, month, costCentre, subjective]);
}

const ledgerLinesPageQuery = (asked: LedgerLinesAsked, onProgress?: (p: ReadProgress) => void) =>
  queryOptions({
    queryKey: queryKeys.ledgerLines(asked),
    queryFn: ({ client }) => loadPage(client, asked, onProgress),
    staleTime: Infinity,
    // While the next page, sort or search is read, the page shown stays (marked as being brought up to date).
    placeholderData: keepPreviousData,
  });

/**
 * A page of the list. A search or another order than the list's own reads every line of the pair first (once; then
 * kept): `onProgress` hears how many of the chunks that hold them have been read, for the page to say so.
 */
export function useLedgerLinesPage(asked: LedgerLinesAsked, onProgress?: (p: ReadProgress) => void) {
  return useQuery(ledgerLinesPageQuery(asked, onProgress));
}

/**
 * Asks for a line's first page of ledger lines (FIRST_LINES_VIEW) before its model is built, for a page opened at the
 * line (a link to it, a reload there): the read worker reads it beside the monitoring model, and the list, once
 * drawn, finds it asked for already (the same query) rather than asking after the model. On a reload with a million
 * rows stored the read was 250-450 ms after the model (issue 16, point 5). `line` null: nothing asked.
 */
export function usePrefetchLedgerLines(
  line: { year: number; month: number; costCentre: string; subjective: string } | null,
): void {
  const client = useQueryClient();
  const wanted = line !== null;
  const { year, month, costCentre, subjective } = line ?? { year: 0, month: 0, costCentre: '', subjective: '' };
  useEffect(() => {
    if (!wanted) return;
    client
      .query(ledgerLinesPageQuery({ ...FIRST_LINES_VIEW, year, month, costCentre, subjective }))
      .catch(() => undefined); // the list asks again, and says why it cannot
  }, [client, wanted, year, month, costCentre, subjective]);
}

/**
 * Reads the year's ledgers into the read worker ahead of a drill-down to ledger lines, once the page has drawn
 * (an effect runs after it): for a reader one step from the lines (a cost centre opened). Not before the page's own
 * figures, whose reads it would otherwise compete with, unless the lines are what the reader opened (a link to them,
 * a reload there: RevenuePage warms them as it starts).
 */
export function useWarmLedgers(year: number | null, month: number, when: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!when || year === null) return;
    ledgerSources(client, year, month).then(
      (sources) => warmLedgers(sources),
      () => undefined, // the drill-down itself reads them, and says so if it cannot
    );
  }, [client, year, month, when]);
}

export type { LedgerLineRow, LedgerSortKey, ReadProgress } from '../worker/ledger-lines-query';
export { sortsByText } from '../worker/ledger-lines-query';
