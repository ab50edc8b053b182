import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

/** Loading and error states said in words, so a failed load is never a blank screen. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p role="status">Loading…</p>;
  if (query.isError)
    return (
      <p role="alert" className="error">
        {query.error.message}
      </p>
    );
  return <>{children(query.data)}</>;
}
