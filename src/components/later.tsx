import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * What a page shows below its first figures, drawn after them: mounted once the page has painted, in a
 * transition, so that React renders it a few milliseconds at a time and the reader can already read, scroll and
 * click (issue 16: no main-thread task over 50 ms). Nothing is left out: everything inside is drawn, a moment later;
 * until then it says so, as any section still loading does (so nothing reads a part-drawn page as whole).
 */
export function Later({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    // After the paint: a task of its own, then a transition.
    const timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? children : <p role="status">Loading…</p>;
}
