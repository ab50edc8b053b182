import { createContext, useContext, useState } from 'react';

/**
 * Whether what is drawn here is in view as far as the page's disclosures go: false under a closed
 * `SectionDisclosure` (or under an open one inside a closed one). Outside any disclosure, true.
 */
export const DisclosureOpen = createContext(true);

/**
 * Whether a chart may be drawn: once its disclosure has been open, it stays drawn (closing it again keeps the
 * drawing, as a native <details> keeps its content). Under a closed disclosure nothing is drawn until it is
 * opened: recharts' layout of a chart no one can see was the longest part of a page's work after its first
 * figures (issue 16: no main-thread task over 50 ms). The chart's table and sentence do not wait on this.
 */
export function useDrawnOnceOpen(): boolean {
  const open = useContext(DisclosureOpen);
  const [wasOpen, setWasOpen] = useState(open);
  // Adjusted while rendering (React's pattern for state that follows a prop): no extra commit.
  if (open && !wasOpen) setWasOpen(true);
  return open || wasOpen;
}
