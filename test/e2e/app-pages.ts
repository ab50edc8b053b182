// Every page of the app, with what shows that it has drawn its figures (for tests that visit them all).
import type { Locator, Page } from '@playwright/test';

export const APP_PAGES: readonly { path: string; ready: (page: Page) => Locator }[] = [
  { path: '/revenue', ready: (p) => p.getByRole('table', { name: /^Revenue position \(as Table 1\), P12/ }) },
  {
    path: '/capital',
    ready: (p) => p.getByRole('table', { name: "Table 4: capital programme by category, 2017/18 (£'000)" }),
  },
  { path: '/reserves', ready: (p) => p.getByRole('table', { name: "Table 5: reserves position, 2017/18 (£'000)" }) },
  { path: '/reconciliation', ready: (p) => p.getByRole('heading', { name: 'Between the tables' }) },
  {
    path: '/projections',
    ready: (p) => p.getByRole('table', { name: /Left at 31 March 2020 if everything goes ahead/ }),
  },
  { path: '/board-pack', ready: (p) => p.getByRole('region', { name: /^Page 1 of/ }) },
  { path: '/import', ready: (p) => p.getByRole('table', { name: /datasets, kept in this browser/ }) },
  { path: '/workspace', ready: (p) => p.getByText(/This browser holds \d+ datasets/) },
];
