// The capital, reserves and reconciliation pages in real Chromium, on the built app and the 2017/18
// sample: the reconciliation page shows the statuses worked out by hand (data/casting-expectations.json),
// nothing is edited, a link to "the rows behind" a check lands on the row and passes axe, and screenshots
// are kept. As in app.spec.ts, every test fails on console errors, page errors,
// failed requests and any request to another origin.
import { fileURLToPath } from 'node:url';
import { axe } from './axe';
import type { Locator, Page } from '@playwright/test';
import { test, expect, pageReady } from './watched-page';
import { keepScreenshot } from './keep-screenshot';
import { paperYear } from './routes';

// Every test here only reads: one started profile per worker, a new page for each test. (Each page's axe
// check and screenshot is app.spec.ts's.)
test.use({ profile: 'shared' });

const ARTIFACTS = new URL('./artifacts/issue-6/', import.meta.url);

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const { violations } = await axe(page).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  expect(serious, 'axe violations of impact serious or critical').toEqual([]);
}

const navigation = (page: Page): Locator => page.getByRole('navigation', { name: 'Main' });

/** The cells (not the row header) of the row headed `label` in the table captioned `caption`. */
async function rowCells(page: Page, caption: string | RegExp, label: string | RegExp): Promise<string[]> {
  const table = page.getByRole('table', { name: caption });
  const row = table.locator('tbody tr').filter({ has: page.locator('th[scope="row"]', { hasText: label }) });
  await expect(row).toHaveCount(1);
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

test('the reconciliation page shows every check with the statuses worked out by hand', async ({ app }) => {
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
});

test('a link to the rows behind a check lands on the row, marked and focused', async ({ app }) => {
  await app.goto(paperYear('/reconciliation'));
  await pageReady(app);
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
  await expectNoSeriousAxeViolations(app);
  await keepScreenshot(app, { path: fileURLToPath(new URL('reconciliation-table-1.png', ARTIFACTS)) });
});

test('the capital page shows the share spent, the missing scheme detail and draws its chart', async ({ app }) => {
  await app.goto(paperYear('/capital'));
  await pageReady(app);
  expect(
    (await rowCells(app, "Table 4: capital programme by category, 2017/18 (£'000)", 'Land & Buildings')).slice(-2),
  ).toEqual(['66.8%', '66.8%']);
  expect(
    (await rowCells(app, "Table 4: capital programme by category, 2017/18 (£'000)", 'IT & Communications')).slice(-2),
  ).toEqual(['62.4%', '62.4%']);
  const lb = await rowCells(app, /^Appendix 3: scheme by scheme/, 'Land & Buildings Total');
  expect(lb.slice(1, 4)).toEqual(['590', 'n/s', 'n/s']);
  await expect(app.getByText('scheme detail missing').first()).toBeVisible();
  const figure = app.getByRole('figure');
  await expect(
    figure.getByRole('img', {
      name: /^Revised budget against outturn by category, 2017\/18\. Capital outturn £5\.70m/,
    }),
  ).toBeVisible();
  // Five revised-budget bars and four outturn bars (schemes subject to a business case spent nothing).
  await expect(figure.locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')).toHaveCount(9);
});

test('the reserves page draws balances and movements beside their figures', async ({ app }) => {
  await app.goto(paperYear('/reserves'));
  await pageReady(app);
  expect(await rowCells(app, "Table 5: reserves position, 2017/18 (£'000)", 'Total Usable Reserves')).toEqual([
    '29,680',
    '4,330',
    '(9,779)',
    '24,231',
    '(5,449)',
  ]);
  await expect(app.getByText('5.5%', { exact: true })).toBeVisible();
  // The year's two charts, then the reserves over every loaded year.
  const figures = app.getByRole('figure');
  await expect(figures).toHaveCount(3);
  await expect(
    figures.nth(0).getByRole('img', { name: /Usable reserves fell from £29\.68m to £24\.23m/ }),
  ).toBeVisible();
  await expect(figures.nth(1).getByRole('img', { name: /£4\.33m added to reserves and £9\.78m used/ })).toBeVisible();
  // Thirteen reserves, two bars each.
  await expect(figures.nth(0).locator('.recharts-bar-rectangle')).toHaveCount(26);
});
