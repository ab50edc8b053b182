// What a page must show, checked on the load of it that layout.spec.ts makes (each page of the app is opened
// once on the shared read-only profile for all of these): drawing a page and running axe over it cost seconds
// of both cores, so a page is not opened again for each set of assertions, and each page is axed once in the
// suite. Revenue is axed in revenue.spec.ts, Reconciliation in reconciliation.spec.ts, Projections in
// projections.spec.ts; Capital, Reserves, the board pack and Workspace here.
import type { Page } from '@playwright/test';
import { expectAxeClean } from './axe';
import { expect } from './watched-page';

/** The cells (not the row header) of the row headed `label` in the table captioned `caption`. */
export async function rowCells(page: Page, caption: string | RegExp, label: string | RegExp): Promise<string[]> {
  const table = page.getByRole('table', { name: caption });
  const row = table.locator('tbody tr').filter({ has: page.locator('th[scope="row"]', { hasText: label }) });
  await expect(row).toHaveCount(1);
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

/** Everything loaded, nothing failed: no section still loading, no alert. */
async function expectLoaded(page: Page, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0); // nothing still loading
  await expect(page.getByRole('alert')).toHaveCount(0); // nothing failed to load
}

/** Capital in 2017/18: the share spent, the missing scheme detail, its chart (issue 6), and axe. */
async function capital(page: Page): Promise<void> {
  await expectLoaded(page, 'Capital');
  expect(
    (await rowCells(page, "Table 4: capital programme by category, 2017/18 (£'000)", 'Land & Buildings')).slice(-2),
  ).toEqual(['66.8%', '66.8%']);
  expect(
    (await rowCells(page, "Table 4: capital programme by category, 2017/18 (£'000)", 'IT & Communications')).slice(-2),
  ).toEqual(['62.4%', '62.4%']);
  const lb = await rowCells(page, /^Appendix 3: scheme by scheme/, 'Land & Buildings Total');
  expect(lb.slice(1, 4)).toEqual(['590', 'n/s', 'n/s']);
  await expect(page.getByText('scheme detail missing').first()).toBeVisible();
  const figure = page.getByRole('figure');
  await expect(
    figure.getByRole('img', {
      name: /^Revised budget against outturn by category, 2017\/18\. Capital outturn £5\.70m/,
    }),
  ).toBeVisible();
  // Five revised-budget bars and four outturn bars (schemes subject to a business case spent nothing).
  await expect(figure.locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')).toHaveCount(9);
  await expectAxeClean(page);
}

/** Reserves in 2017/18: Table 5's totals, the general reserve's share, its charts beside their figures, and axe. */
async function reserves(page: Page): Promise<void> {
  await expectLoaded(page, 'Reserves');
  expect(await rowCells(page, "Table 5: reserves position, 2017/18 (£'000)", 'Total Usable Reserves')).toEqual([
    '29,680',
    '4,330',
    '(9,779)',
    '24,231',
    '(5,449)',
  ]);
  await expect(page.getByText('5.5%', { exact: true })).toBeVisible();
  // The year's two charts, then the reserves over every loaded year.
  const figures = page.getByRole('figure');
  await expect(figures).toHaveCount(3);
  await expect(
    figures.nth(0).getByRole('img', { name: /Usable reserves fell from £29\.68m to £24\.23m/ }),
  ).toBeVisible();
  await expect(figures.nth(1).getByRole('img', { name: /£4\.33m added to reserves and £9\.78m used/ })).toBeVisible();
  // Thirteen reserves, two bars each.
  await expect(figures.nth(0).locator('.recharts-bar-rectangle')).toHaveCount(26);
  await expectAxeClean(page);
}

/** Checks of a page, by its path, run after its layout has been read: what they check, and the checks. */
export const PAGE_CHECKS: Readonly<Record<string, { what: string; run: (page: Page) => Promise<void> }>> = {
  '/capital': { what: 'it shows its figures and passes axe', run: capital },
  '/reserves': { what: 'it shows its figures and passes axe', run: reserves },
  '/board-pack': { what: 'it passes axe', run: expectAxeClean },
  '/workspace': { what: 'it passes axe', run: expectAxeClean },
};
