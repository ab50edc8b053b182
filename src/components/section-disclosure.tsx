import { useContext, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { DisclosureOpen } from './disclosure-open';
import { Later } from './later';

/**
 * A part of a page a reader does not need at once (the month's charts, the forecast history, the ledger
 * checks, the year-end tables): its heading stays on the page, findable by a screen reader's list of headings
 * and by the contents of the page; what is under it sits behind a native disclosure (a <details>, opened by
 * Enter or Space on its summary). An address naming the heading (#forecast-history) opens it, so a link
 * from elsewhere lands on what it names, not on a closed box. What is under it is drawn just after the page's
 * first figures (Later): all of it, open or closed, so the browser's find still finds it, but not in the same task;
 * only the drawings of its charts (ChartFigure) wait until it is first opened (DisclosureOpen).
 */
export function SectionDisclosure({
  id,
  title,
  summary,
  level = 3,
  children,
}: {
  /** The heading's id: the address fragment that opens the section. */
  id: string;
  title: ReactNode;
  /** What opening it shows, in words ("Show the month's three charts"). */
  summary: ReactNode;
  /** A section's heading (3), or a part's within a section (4). */
  level?: 3 | 4;
  children: ReactNode;
}) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const { hash } = useLocation();
  const named = hash === `#${id}`;
  const [open, setOpen] = useState(named);
  const outerOpen = useContext(DisclosureOpen);
  // A link to the heading followed while the page is shown opens it too (state adjusted while rendering).
  const [wasNamed, setWasNamed] = useState(named);
  if (named !== wasNamed) {
    setWasNamed(named);
    if (named) setOpen(true);
  }
  return (
    <section aria-labelledby={id} className="section-disclosure">
      <Heading id={id}>{title}</Heading>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{summary}</summary>
        <div className="section-disclosure-body">
          <DisclosureOpen.Provider value={outerOpen && open}>
            <Later>{children}</Later>
          </DisclosureOpen.Provider>
        </div>
      </details>
    </section>
  );
}
