// The Projections page in real Chromium (built app): the paper's Road Casualty sum on screen, an
// inflow case and an earmarked item changed and the exhaustion year seen to move, the scenario saved
// to IndexedDB and found again after a reload, a CSV export and the charts drawn (axe: app.spec.ts). Every test
// fails on console errors, failed requests and requests to other origins (the fixture of app.spec.ts).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, pageReady } from './watched-page';
import { paperYear } from './routes';

// The tests that only read share one started profile per worker; those that save a scenario have their own.
test.use({ profile: 'shared' });

const ARTIFACTS = new URL('./artifacts/', import.meta.url);

async function openProjections(page: Page): Promise<void> {
  await page.goto(paperYear('/projections'));
  await expect(page.getByRole('heading', { level: 2, name: 'Projections' })).toBeVisible();
  await pageReady(page);
  await expect(page.getByRole('table', { name: /Left at 31 March 2020 if everything goes ahead/ })).toBeVisible();
}

/** The cells (not the row header) of the n-th body row of `table` whose header reads `label`. */
function rowCells(table: Locator, label: string, nth = 0): Locator {
  return table
    .locator('tbody tr')
    .filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) })
    .nth(nth)
    .getByRole('cell');
}

const summaryTable = (page: Page, earmarked: 'included' | 'left out' = 'included') =>
  page.getByRole('table', { name: new RegExp(`How long the reserve lasts, earmarked items ${earmarked}`) });

test('shows the paper’s sum: 1,582 - 244 - 1,035 = 303, then each inflow case added', async ({ app }) => {
  await openProjections(app);
  const working = app.getByRole('table', { name: /Left at 31 March 2020 if everything goes ahead/ });
  await expect(rowCells(working, 'Left at 31 March 2020, no new inflow counted')).toHaveText(['303']);
  const added = app.getByRole('table', { name: /The same with each inflow case added/ });
  // 303 + 2 x 172 = 647; 303 + 2 x 350 = 1,003; 303 + 2 x 500 = 1,303.
  await expect(rowCells(added, 'Low (£172k a year)')).toHaveText(['303', '344', '647']);
  await expect(rowCells(added, 'Central (£350k a year)')).toHaveText(['303', '700', '1,003']);
  await expect(rowCells(added, 'High (£500k a year)')).toHaveText(['303', '1,000', '1,303']);
  await app.screenshot({ path: fileURLToPath(new URL('projections.png', ARTIFACTS)), fullPage: true });
});

test.describe(() => {
  // These save scenarios: a fresh profile each.
  test.use({ profile: 'fresh' });

  test('changing the inflow case and an earmarked item moves the exhaustion year; the scenario survives a reload', async ({
    app,
  }) => {
    await openProjections(app);
    // Default low case (172 a year): never below the £145k floor or zero by 2022/23.
    await expect(rowCells(summaryTable(app), 'Low (£172k a year)').nth(2)).toHaveText('✓ Not crossed');

    // The low case at nil is the paper's no-inflow case: 1,338; 303; 158; 13 (below 145 in 2021/22); (132).
    const lowInflow = app.getByLabel("Low case yearly inflow (£'000)");
    await lowInflow.fill('0');
    const lowNil = rowCells(summaryTable(app), 'Low (£0k a year)');
    await expect(lowNil.nth(2)).toHaveText('▼ 2021/22');
    await expect(lowNil.nth(3)).toHaveText('▼ 2022/23');

    // Speedwatch equipment (earmarked) 60 -> 200: 1,338 - 1,175 = 163 in 2019/20; 163 - 145 = 18 in 2020/21
    // (below the floor); 18 - 145 = (127) in 2021/22 (below zero).
    await app.getByLabel("Speedwatch equipment: Amount (£'000)").fill('200');
    await expect(lowNil.nth(2)).toHaveText('▼ 2020/21');
    await expect(lowNil.nth(3)).toHaveText('▼ 2021/22');
    const figure = app.getByRole('figure', { name: 'Road Casualty Reserve: balance at each year end, by case' });
    await expect(figure).toContainText(
      'In the low case the balance falls below the £145k floor in 2020/21 and below zero in 2021/22',
    );
    // Without the earmarked items the Speedwatch change makes no difference: still 2022/23 for the floor.
    await expect(rowCells(summaryTable(app, 'left out'), 'Low (£0k a year)').nth(2)).toHaveText('▼ 2022/23');

    const name = 'E2E low nil, Speedwatch 200';
    await app.getByLabel('Scenario name').fill(name);
    await app.getByRole('button', { name: 'Save scenario' }).click();
    await expect(app.getByText(`Saved “${name}”.`)).toBeVisible();

    await app.reload();
    await expect(app.getByRole('heading', { level: 2, name: 'Projections' })).toBeVisible();
    const saved = app.getByRole('table', { name: 'Saved scenarios' });
    await expect(saved.getByRole('rowheader', { name })).toBeVisible();
    // After a reload the page shows the paper's case again until the scenario is opened.
    await expect(app.getByLabel("Low case yearly inflow (£'000)")).toHaveValue('172');
    await saved.getByRole('button', { name: `Open ${name}` }).click();
    await expect(app.getByLabel("Low case yearly inflow (£'000)")).toHaveValue('0');
    await expect(app.getByLabel("Speedwatch equipment: Amount (£'000)")).toHaveValue('200');
    await expect(rowCells(summaryTable(app), 'Low (£0k a year)').nth(2)).toHaveText('▼ 2020/21');
    await app.screenshot({ path: fileURLToPath(new URL('projections-scenario.png', ARTIFACTS)), fullPage: true });
  });

  test('compares the inputs on screen with a saved scenario, table and charts together', async ({ app }) => {
    await openProjections(app);
    await app.getByLabel('Scenario name').fill('Base');
    await app.getByRole('button', { name: 'Save scenario' }).click();
    await expect(app.getByText('Saved “Base”.')).toBeVisible();
    await app.getByLabel("Central case yearly inflow (£'000)").fill('250');
    await app.getByLabel('Scenario B').selectOption({ label: 'Base (saved)' });
    const diffs = app.getByRole('table', { name: /Inputs that differ \(1;/ });
    await expect(rowCells(diffs, 'Central case inflow: yearly amount')).toHaveText([
      'Road Casualty Reserve',
      '250',
      '350',
    ]);
    const chart = app.getByRole('figure', { name: 'Road Casualty Reserve, Central case: A and B' });
    await expect(chart.locator('.recharts-line')).toHaveCount(2);
    // Central at 250: 1,582 + 250 - 244 = 1,588 in 2018/19; at 350, 1,688.
    await expect(rowCells(chart.getByRole('table'), '2018/19')).toHaveText(['1,588', '1,688']);
    await chart.scrollIntoViewIfNeeded();
    await app.screenshot({ path: fileURLToPath(new URL('projections-compare.png', ARTIFACTS)), fullPage: true });
  });
});

test('exports the scenario and its projection as CSV, exact in pounds', async ({ app }) => {
  await openProjections(app);
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Export scenario and projection (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('paper-case-bcb-4-april-2019.csv');
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  expect(text.split('\n')[0]).toBe('Section,Item,Case,Year,Measure,Value');
  expect(text).toContain(
    'Road Casualty Reserve projection,Balance,"No new inflow, with earmarked items",2019/20,closing (£),303000',
  );
  expect(text).toContain(
    'Road Casualty Reserve projection,First year below zero,"No new inflow, with earmarked items",,year,2022/23',
  );
});

test('draws the Road Casualty chart with a line per case and the floor, beside its table', async ({ app }) => {
  await openProjections(app);
  const figure = app.getByRole('figure', { name: 'Road Casualty Reserve: balance at each year end, by case' });
  await expect(figure.locator('.recharts-line')).toHaveCount(4);
  await expect(figure.locator('.recharts-reference-line')).toHaveCount(2);
  await expect(figure.locator('.chart-canvas')).toHaveAttribute(
    'aria-label',
    /With no new inflow the balance falls below the £145k floor in 2021\/22 and below zero in 2022\/23/,
  );
  await expect(rowCells(figure.getByRole('table'), '2019/20')).toHaveText(['303', '647', '1,003', '1,303']);
});

test('the MTFS planner flags the general reserve and shows a drawdown’s effect', async ({ app }) => {
  await openProjections(app);
  const shares = app.getByRole('table', {
    name: "The chart's figures: general reserve against the net revenue budget",
  });
  // 7,198 / 130,959 = 5.4964% -> 5.50%.
  await expect(rowCells(shares, '2017/18 (actual)')).toHaveText([
    '7,198',
    '130,959',
    '5.50%',
    '▲ Above 5%: justification expected',
  ]);
  await app.getByLabel("General Reserve drawdown 2019/20 (£'000)").fill('4000');
  // 3,198 / 130,959 = 2.44%: below the 3% floor.
  await expect(rowCells(shares, '2019/20')).toHaveText(['3,198', '130,959', '2.44%', '▼ Below the 3% floor']);
});
