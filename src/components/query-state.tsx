import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { MissingData } from './missing-data';

/*
 * The three states a page's data can be in before it is drawn, said the same way on every page: loading (a
 * status, in words), failed (an alert with the reason), and, for a page that reads the chosen year, missing
 * (which kinds of file that year lacks, with a link to Import: never another year's figures).
 */

/** "Loading…", or what is loading: a status, so a screen reader hears it once. */
function Loading({ label }: { label?: string }) {
  return <p role="status">{label ?? 'Loading…'}</p>;
}

/** A failed load, in words: never a blank screen. */
function LoadError({ error }: { error: Error }) {
  return (
    <p role="alert" className="error">
      {error.message}
    </p>
  );
}

/** Loading and error states said in words, so a failed load is never a blank screen. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} />;
  return <>{children(query.data)}</>;
}

export interface PageStateProps<T> {
  query: UseQueryResult<T>;
  /** "2018/19": the chosen year, said in the missing-data message. */
  yearLabel: string;
  /** What the page (or section) shows: "the reserves position". */
  what: string;
  /**
   * The kinds of file the chosen year lacks for this page, in words ("a reserves position"), read from the
   * loaded data; an empty list (or none) draws the page.
   */
  missing?: (data: T) => readonly string[];
  /** Said while loading; default "Loading <what> for <year>…". */
  loading?: string;
  children: (data: T) => ReactNode;
}

/**
 * A page's data for the chosen year: loading, failed, missing (MissingData), or drawn. The one way pages say
 * these states, so a year without files reads the same on Revenue as on Reserves.
 */
export function PageState<T>({ query, yearLabel, what, missing, loading, children }: PageStateProps<T>) {
  if (query.isPending) return <Loading label={loading ?? `Loading ${what} for ${yearLabel}…`} />;
  if (query.isError) return <LoadError error={query.error} />;
  const lacking = missing?.(query.data) ?? [];
  if (lacking.length > 0) return <MissingData yearLabel={yearLabel} missing={lacking} what={what} />;
  return <>{children(query.data)}</>;
}
