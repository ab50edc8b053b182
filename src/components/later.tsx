import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { useFirstFiguresDrawn } from './first-figures';

/**
 * What a page shows below its first figures, drawn after them: mounted once the page's first figures are drawn
 * (`FirstFigures`; at once on a page that does not say) and painted, in a transition, so that React renders it a
 * few milliseconds at a time and the reader can already read, scroll and click (issue 16: no main-thread task over
 * 50 ms). Nothing is left out: everything inside is drawn, a moment later; until then it says so, as any section
 * still loading does (so nothing reads a part-drawn page as whole).
 */
export function Later({ children }: { children: ReactNode }) {
  const drawn = useFirstFiguresDrawn();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!drawn) return;
    // After the paint: a task of its own, then a transition.
    const timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    return () => clearTimeout(timer);
  }, [drawn]);
  return shown ? children : <p role="status">Loading…</p>;
}
