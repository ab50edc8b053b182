// Smoke test of the built app in real Chromium: the shell and its navigation, Table 1 of the
// 19 July 2018 paper on the Revenue page, and a screenshot (axe, page by page: page-checks.ts). Every test also
// fails on console errors, uncaught page errors, failed or 4xx/5xx requests, and any request to
// an origin other than the app's: the app must work offline, so it may fetch nothing from elsewhere.
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, pageReady } from './watched-page';
import { keepScreenshot } from './keep-screenshot';
import { paperYear } from './routes';

// Every test here only reads: one started profile per worker, a new page for each test.
test.use({ profile: 'shared' });

const AREAS = ['Revenue', 'Capital', 'Reserves', 'Reconciliation', 'Projections'] as const;
const ARTIFACTS = new URL('./artifacts/', import.meta.url);

function mainNavigation(page: Page): Locator {
  return page.getByRole('navigation').filter({ has: page.getByRole('link', { name: 'Revenue', exact: true }) });
}

/**
 * The cell of `table` in the body row whose label cell reads exactly `rowLabel`, in the column
 * whose header (last header row) matches `column` and is not a variance column.
 */
async function cellAt(table: Locator, rowLabel: string, column: RegExp): Promise<Locator> {
  const headers = await table.locator('thead tr').last().locator('th, td').allInnerTexts();
  const index = headers.findIndex((header) => column.test(header) && !/variance/i.test(header));
  expect(index, `a column header matching ${column} among ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
  const label = table
    .page()
    .locator('th, td')
    .filter({ hasText: new RegExp(`^\\s*${rowLabel}\\s*$`) });
  const row = table.locator('tbody tr').filter({ has: label });
  await expect(row, `exactly one row labelled "${rowLabel}"`).toHaveCount(1);
  return row.locator('th, td').nth(index);
}

// One load of the app's front page for the three: drawing Revenue costs seconds of both cores.
test('opens on the Outturn heading; the navigation links every area, and the keyboard reaches each', async ({
  app,
}) => {
  await app.goto(paperYear('/'));
  await expect(app.getByRole('heading', { level: 1, name: 'Outturn' })).toBeVisible();

  // The navigation links every area.
  const nav = mainNavigation(app);
  await expect(nav).toBeVisible();
  for (const area of AREAS) {
    await expect.soft(nav.getByRole('link', { name: area, exact: true })).toBeVisible();
  }

  // The keyboard reaches every page from the navigation.
  await expect(app.getByRole('heading', { level: 2, name: 'Revenue' })).toBeVisible();
  for (const area of AREAS.slice(1)) {
    const link = mainNavigation(app).getByRole('link', { name: area, exact: true });
    await link.focus();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { level: 2, name: area })).toBeVisible();
    await expect(link).toHaveAttribute('aria-current', 'page');
  }
});

/** Revenue's year-end tables, behind their disclosure: opened by the address naming them. */
async function openYearEndTables(page: Page): Promise<void> {
  await page.goto(paperYear('/revenue#paper-tables'));
  await pageReady(page, 'Revenue');
}

// One load of the year-end tables for both.
test('Revenue shows Table 1 of the 2017/18 outturn, with the figures of the paper, and its chart beside its data table', async ({
  app,
}) => {
  await openYearEndTables(app);
  const table = app.getByRole('table', { name: 'Table 1: Revenue Outturn 2017/18' });
  await expect(table).toBeVisible();

  await expect(await cellAt(table, 'Constabulary', /budget/i)).toContainText('126,252');
  await expect(await cellAt(table, 'Constabulary', /outturn/i)).toContainText('128,040');

  await keepScreenshot(app, { path: fileURLToPath(new URL('revenue.png', ARTIFACTS)), fullPage: true });

  // The chart is drawn in the browser, beside its data table. The paper's own chart (the monitoring charts above it are illustrative).
  const figure = app
    .getByRole('figure')
    .filter({ has: app.getByRole('img', { name: /^Budget against outturn by area, 2017\/18\. Outturn £1\.79m/ }) });
  await expect(
    figure.getByRole('img', { name: /^Budget against outturn by area, 2017\/18\. Outturn £1\.79m/ }),
  ).toBeVisible();
  // recharts draws one bar per area and series: Table 1 has three areas, so six bars.
  await expect(figure.locator('.recharts-bar-rectangle')).toHaveCount(6);
  await expect(figure.getByRole('table')).toContainText('126,252');
});

// Capital and Reserves are read, axed and kept as screenshots on layout.spec.ts's load of them (page-checks.ts).
