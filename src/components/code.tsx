import type { ReactNode } from 'react';

/**
 * A cost centre, account or job code, in a face where O and 0, l and 1 differ (the browser's monospace with
 * a slashed zero: no font is fetched, so it works offline). `2041O` and `20410` must not look alike.
 */
export function Code({ children }: { children: ReactNode }) {
  return <span className="code">{children}</span>;
}
