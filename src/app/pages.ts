/** Every page of the app, in the navigation's order: the shell's links, and the list the end-to-end tests visit. */
export const PAGES = [
  { to: '/revenue', label: 'Revenue' },
  { to: '/capital', label: 'Capital' },
  { to: '/reserves', label: 'Reserves' },
  { to: '/reconciliation', label: 'Reconciliation' },
  { to: '/projections', label: 'Projections' },
  { to: '/board-pack', label: 'Board pack' },
  { to: '/import', label: 'Import' },
  { to: '/workspace', label: 'Workspace' },
] as const;
