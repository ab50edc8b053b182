// The reconciliation page in real Chromium, on the built app and the 2017/18
// sample (the capital and reserves pages' figures and charts: page-checks.ts): the reconciliation page shows the statuses worked out by hand (data/casting-expectations.json),
// nothing is edited, a link to "the rows behind" a check lands on the row and passes axe, and screenshots
// are kept. As in app.spec.ts, every test fails on console errors, page errors,
// failed requests and any request to another origin.
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, pageReady } from './watched-page';
import { keepScreenshot } from './keep-screenshot';
import { paperYear } from './routes';
import { expectAxeClean } from './axe';
import { rowCells } from './page-checks';

// Every test here only reads: one started profile per worker, a new page for each test. (Capital's and Reserves'
// figures, charts and axe are checked on layout.spec.ts's load of them: page-checks.ts.)
test.use({ profile: 'shared' });

const ARTIFACTS = new URL('./artifacts/issue-6/', import.meta.url);

const navigation = (page: Page): Locator => page.getByRole('navigation', { name: 'Main' });

test('the reconciliation page shows every check with the statuses worked out by hand; a link to the rows behind a check lands on the row, marked and focused', async ({
  app,
}) => {
  // A bound, not a wait: drawing every check and then axe over the page with every disclosure open passed the
  // config's two minutes at load 12 (the whole suite at load 11-12, 2 workers); 52 s on an idle machine.
  test.setTimeout(240_000);
  await app.goto(paperYear('/'));
  await navigation(app).getByRole('link', { name: 'Reconciliation', exact: true }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'Reconciliation' })).toBeVisible();
  await pageReady(app);
  await expect(app.getByRole('status')).toHaveCount(0);
  await expect(app.getByRole('alert')).toHaveCount(0);

  const summary = app.getByRole('region', { name: 'All checks' });
  await expect(summary).toContainText('379 on 9 tables');
  for (const [term, value] of [
    ['Pass', '314'],
    ['Rounding differences', '12'],
    ['Failures', '22'],
    ['Cannot be made (figure not shown)', '31'],
  ] as const) {
    await expect(
      summary
        .locator('div')
        .filter({ has: app.locator('dt', { hasText: new RegExp(`^${term.replace(/[()]/g, '\\$&')}$`) }) })
        .locator('dd'),
    ).toHaveText(value);
  }
  await expect(
    app.getByText('89 tie-outs: 68 tie out, 4 rounding differences, 9 do not tie out, 8 cannot be made.'),
  ).toBeVisible();

  // The tie-outs across files: £1.012m and £2.173m tie out; capital spend ties in total, applied is 166 short.
  expect(
    (
      await rowCells(
        app,
        /^Revenue carry-forwards and the Carry Forward Revenue Reserve: every check$/,
        /^Table 5 Carry Forward Revenue Reserve added/,
      )
    ).slice(0, 4),
  ).toEqual(['✓ Ties out', '1,012', '1,012', '0']);
  const slippage = /^Capital slippage and the Capital Carry Forward Reserve: every check$/;
  expect((await rowCells(app, slippage, /^Table 5 Capital Carry Forward Reserve added/)).slice(0, 4)).toEqual([
    '✓ Ties out',
    '2,173',
    '2,173',
    '0',
  ]);
  expect((await rowCells(app, slippage, /^Appendix 3 predicted carry-forward = Table 4/)).slice(0, 4)).toEqual([
    '✗ Does not tie out',
    '2,154',
    '2,173',
    '(19)',
  ]);
  expect(
    (await rowCells(app, /^Capital spend and capital financing: every check$/, /^Table 4 financing applied/)).slice(
      0,
      4,
    ),
  ).toEqual(['✗ Does not tie out', '5,536', '5,702', '(166)']);
  expect(
    (await rowCells(app, /^Reserves that finance capital: every check$/, /^Table 5 Capital Reserve usage/)).slice(0, 4),
  ).toEqual(['✓ Ties out', '(1,920)', '(1,920)', '0']);

  // Nothing on the page is an input: the checks are read, not edited (the shell's year and month are the only choices).
  await expect(app.locator('main').locator('input, textarea, select, [contenteditable="true"]')).toHaveCount(0);
  await keepScreenshot(app, { path: fileURLToPath(new URL('reconciliation.png', ARTIFACTS)), fullPage: true });

  // A link to the rows behind a check lands on the row, marked and focused (from this load of the page: drawing
  // every check costs seconds of both cores).
  const row = app
    .getByRole('table', { name: /^Reserves that finance capital: every check$/ })
    .locator('tbody tr')
    .filter({ hasText: 'Table 5 Capital Reserve usage' });
  await row.getByRole('link', { name: /Table 4 financing: Capital Reserve/ }).click();
  await expect(app).toHaveURL(/\/capital\?year=2017-18&month=\d+#row-t4f-capital-reserve$/);
  const target = app.locator('#row-t4f-capital-reserve');
  await expect(target).toHaveClass(/row-target/);
  await expect(target).toBeFocused();
  await expect(target.locator('td').nth(4)).toHaveText('1,376'); // Total spend
  await expect(target).toBeInViewport();

  // A revenue table opens as printed on the reconciliation page, the row marked.
  await app.goto(paperYear('/reconciliation?table=t1#row-t1-opcc'));
  await expect(app.getByRole('heading', { name: 'Table 1: Revenue Outturn 2017/18, as printed' })).toBeVisible();
  await expect(app.locator('#row-t1-opcc')).toHaveClass(/row-target/);
  await expect(app.locator('#row-t1-opcc')).toBeFocused();
  await expectAxeClean(app);
  await keepScreenshot(app, { path: fileURLToPath(new URL('reconciliation-table-1.png', ARTIFACTS)) });

  // A link to a check of the last table cast lands on it, marked and focused (looked for once the checks are drawn).
  const lastCheck = app.locator('section[aria-labelledby="casting"] tr[id^="check-"]').last();
  const checkId = (await lastCheck.getAttribute('id')) ?? '';
  expect(checkId).toMatch(/^check-/);
  await app.goto(paperYear(`/reconciliation#${checkId}`));
  await expect(app.locator(`#${checkId}`)).toHaveClass(/row-target/);
  await expect(app.locator(`#${checkId}`)).toBeFocused();
});

// The capital and reserves pages' figures and charts (issue 6) are checked on layout.spec.ts's load of them
// (page-checks.ts).
