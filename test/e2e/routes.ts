/**
 * Every page of the app, for the tests that visit them all (privacy.spec.ts, recovery.spec.ts). A new page
 * joins by being added here: it is then browsed, printed and watched like every other page.
 */
export const ROUTES: readonly { path: string; heading: string }[] = [
  { path: '/revenue', heading: 'Revenue' },
  { path: '/capital', heading: 'Capital' },
  { path: '/reserves', heading: 'Reserves' },
  { path: '/reconciliation', heading: 'Reconciliation' },
  { path: '/projections', heading: 'Projections' },
  { path: '/board-pack', heading: 'Board pack' },
  { path: '/import', heading: 'Import' },
  { path: '/workspace', heading: 'Workspace' },
];
