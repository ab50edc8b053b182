/**
 * Every page of the app, for the tests that visit them all (privacy.spec.ts, recovery.spec.ts). When the
 * board pack (issue 8) lands, add { path: '/board-pack', heading: '...' } here: it is then browsed, printed
 * and watched like every other page, with nothing else to change.
 */
export const ROUTES: readonly { path: string; heading: string }[] = [
  { path: '/revenue', heading: 'Revenue' },
  { path: '/capital', heading: 'Capital' },
  { path: '/reserves', heading: 'Reserves' },
  { path: '/reconciliation', heading: 'Reconciliation' },
  { path: '/projections', heading: 'Projections' },
  { path: '/import', heading: 'Import' },
];
