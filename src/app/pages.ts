import type { DatasetRole } from '../storage/dataset-slots';

/**
 * Every page of the app, in the navigation's order: the shell's links, and the list the end-to-end tests visit.
 * `shows`: the roles of the datasets the page reads, so that with no year chosen it opens on the latest year
 * that has them (null: a page of every year's data, opened on the latest year with any).
 */
export const PAGES: readonly {
  to: string;
  label: string;
  shows: readonly DatasetRole[] | null;
  /**
   * The page says when its first figures are drawn (firstFiguresDrawn): at a first start opened on it, the
   * sample's other years wait until then, so that their import does not take the cores the drawing needs.
   */
  saysWhenDrawn?: true;
}[] = [
  // A ledger alone draws nothing on Revenue (it is read against a budget or a return): not counted here.
  { to: '/revenue', label: 'Revenue', shows: ['budget', 'monitoring-return', 'outturn-summary'], saysWhenDrawn: true },
  {
    to: '/capital',
    label: 'Capital',
    shows: ['capital-programme', 'capital-schemes', 'capital-carry-forwards', 'capital-financing'],
  },
  { to: '/reserves', label: 'Reserves', shows: ['reserves', 'carry-forwards'] },
  { to: '/reconciliation', label: 'Reconciliation', shows: null },
  { to: '/projections', label: 'Projections', shows: ['reserves'] },
  { to: '/board-pack', label: 'Board pack', shows: ['outturn-summary', 'monitoring-return'] },
  { to: '/import', label: 'Import', shows: null },
  { to: '/workspace', label: 'Workspace', shows: null },
];

/** The page at an address (its first segment), or undefined. */
export const pageAt = (pathname: string) => PAGES.find((p) => pathname === p.to || pathname.startsWith(`${p.to}/`));
