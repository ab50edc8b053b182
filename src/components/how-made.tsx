import type { ReactNode } from 'react';

/**
 * Method, sources and notes on the figures, behind a disclosure a finance officer opens and a board member
 * can pass: the page opens on the figures themselves.
 */
export function HowMade({ children, title = 'How these figures were made' }: { children: ReactNode; title?: string }) {
  return (
    <details className="how-made">
      <summary>{title}</summary>
      <div className="how-made-body">{children}</div>
    </details>
  );
}
