import type { ReactNode } from 'react';

/** A short list of links; a long one (a total's twenty rows) folds away behind its count. */
export function LinkList({ items, fold = 4 }: { items: readonly { key: string; node: ReactNode }[]; fold?: number }) {
  const list = (
    <ul className="figure-links">
      {items.map((i) => (
        <li key={i.key}>{i.node}</li>
      ))}
    </ul>
  );
  return items.length > fold ? (
    <details>
      <summary>{items.length} rows</summary>
      {list}
    </details>
  ) : (
    list
  );
}
