import { createContext, useContext, type ReactNode } from 'react';

/**
 * Whether the page's first figures are drawn, for what the page draws after them (`Later`): a page that says
 * (`drawn`) keeps everything under its disclosures, and the queries they make, off the cores until its first
 * figures are on screen. Outside such a page, nothing waits (true).
 */
const Drawn = createContext(true);

export function FirstFigures({ drawn, children }: { drawn: boolean; children: ReactNode }) {
  return <Drawn.Provider value={drawn}>{children}</Drawn.Provider>;
}

export const useFirstFiguresDrawn = (): boolean => useContext(Drawn);
