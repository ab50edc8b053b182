// The Projections page in real Chromium (built app): the paper's Road Casualty sum on screen, an
// inflow case and an earmarked item changed and the exhaustion year seen to move, the scenario saved
// to IndexedDB and found again after a reload, a CSV export and the charts drawn, and axe (the planner at 1024 px). Every test
// fails on console errors, failed requests and requests to other origins (the fixture of app.spec.ts).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, pageReady } from './watched-page';
import { keepScreenshot } from './keep-screenshot';
import { paperYear } from './routes';
import { expectAxeClean } from './axe';

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

// The page as it opens, read once at 1024 px for what the four parts below check (drawing Projections costs
// seconds of both cores): the paper's sum, the CSV export, the Road Casualty chart and its labels.
test('shows the paper’s sum: 1,582 - 244 - 1,035 = 303, then each inflow case added; exports it as CSV; draws the Road Casualty chart, its labels clear', async ({
  app,
}) => {
  await app.setViewportSize({ width: 1024, height: 900 });
  await openProjections(app);
  const working = app.getByRole('table', { name: /Left at 31 March 2020 if everything goes ahead/ });
  await expect(rowCells(working, 'Left at 31 March 2020, no new inflow counted')).toHaveText(['303']);
  const added = app.getByRole('table', { name: /The same with each inflow case added/ });
  // 303 + 2 x 172 = 647; 303 + 2 x 350 = 1,003; 303 + 2 x 500 = 1,303.
  await expect(rowCells(added, 'Low (£172k a year)')).toHaveText(['303', '344', '647']);
  await expect(rowCells(added, 'Central (£350k a year)')).toHaveText(['303', '700', '1,003']);
  await expect(rowCells(added, 'High (£500k a year)')).toHaveText(['303', '1,000', '1,303']);
  await keepScreenshot(app, { path: fileURLToPath(new URL('projections.png', ARTIFACTS)), fullPage: true });

  // Exports the scenario and its projection as CSV, exact in pounds.
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

  // Draws the Road Casualty chart with a line per case and the floor, beside its table.
  const figure = app.getByRole('figure', { name: 'Road Casualty Reserve: balance at each year end, by case' });
  await expect(figure.locator('.recharts-line')).toHaveCount(4);
  await expect(figure.locator('.recharts-reference-line')).toHaveCount(2);
  await expect(figure.locator('.chart-canvas')).toHaveAttribute(
    'aria-label',
    /With no new inflow the balance falls below the £145k floor in 2021\/22 and below zero in 2022\/23/,
  );
  await expect(rowCells(figure.getByRole('table'), '2019/20')).toHaveText(['303', '647', '1,003', '1,303']);

  // The Road Casualty chart writes “Floor £145k” and “Zero” clear of the lines and of each other (at 1024 px).
  await figure.scrollIntoViewIfNeeded();
  await expectLabelsClear(figure, ['Floor £145k', 'Zero']);
  // Round, evenly spaced ticks in steps of 500: the no-inflow case ends at (132), and the high case at 2,368
  // (1,582 + 500 - 244 = 1,838; + 500 - 1,035 = 1,303; + 500 - 145 = 1,658; 2,013; 2,368).
  await expect(figure.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText([
    '(500)',
    '0',
    '500',
    '1,000',
    '1,500',
    '2,000',
    '2,500',
  ]);
  await expect(figure).toContainText('ending at (£132k)');
  await keepScreenshot(app, { path: fileURLToPath(new URL('projections-rc-1024.png', ARTIFACTS)), fullPage: true });
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
    await keepScreenshot(app, { path: fileURLToPath(new URL('projections-scenario.png', ARTIFACTS)), fullPage: true });
  });

  test('a scenario saved from 2018/19 is the Reserves page’s projection after the loaded years', async ({ app }) => {
    await app.goto('/projections?year=2018-19');
    await expect(app.getByRole('heading', { level: 2, name: 'Projections' })).toBeVisible();
    await pageReady(app);
    await app.getByLabel("General Reserve drawdown 2019/20 (£'000)").fill('1,000');
    await app.getByLabel('Scenario name').fill('Draw 1m in 2019/20');
    await app.getByRole('button', { name: 'Save scenario' }).click();
    await expect(app.getByText('Saved “Draw 1m in 2019/20”.')).toBeVisible();

    await app.goto('/reserves?year=2018-19');
    await pageReady(app);
    const table = app.getByRole('table', { name: /^Reserves over the years loaded/ });
    // The illustrative 2018/19 position closes the General Reserve at 7,198; 7,198 - 1,000 = 6,198 at 31 March 2020.
    await expect(rowCells(table, 'General Reserve')).toHaveText([
      '7,198',
      '7,198',
      '7,198',
      '7,198',
      '6,198',
      '6,198',
      '6,198',
      '6,198',
    ]);
    await expect(app.getByRole('figure').filter({ hasText: 'Reserves over the years loaded' }).first()).toContainText(
      'From the closing balances of 2018/19, through the 1 planned movement of the scenario “Draw 1m in 2019/20”',
    );
  });

  test('compares the inputs on screen with a saved scenario, table and charts together', async ({ app }) => {
    await openProjections(app);
    await app.getByLabel('Scenario name').fill('Base');
    await app.getByRole('button', { name: 'Save scenario' }).click();
    await expect(app.getByText('Saved “Base”.')).toBeVisible();
    await app.getByLabel("Central case yearly inflow (£'000)").fill('250');
    await app.getByLabel('Scenario B').selectOption({ label: 'Base (saved)' });
    const diffs = app.getByRole('table', { name: /Inputs that differ \(1;/ });
    // Every case side by side, each with the floor and zero drawn; the crossing years in a table.
    for (const name of ['no new inflow', 'Low case', 'Central case', 'High case']) {
      const figure = app.getByRole('figure', { name: `Road Casualty Reserve, ${name}: A and B` });
      await expect(figure.locator('.recharts-line')).toHaveCount(2);
      await expect(figure.locator('.recharts-reference-line')).toHaveCount(2);
    }
    const crossings = app.getByRole('table', { name: /When each case falls below its floor and runs out/ });
    // No new inflow, the same in A and B: below the £145k floor in 2021/22, below nil in 2022/23.
    await expect(rowCells(crossings, 'Road Casualty Reserve: no new inflow')).toHaveText([
      '▼ 2021/22',
      '▼ 2022/23',
      '▼ 2021/22',
      '▼ 2022/23',
    ]);
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
    await keepScreenshot(app, { path: fileURLToPath(new URL('projections-compare.png', ARTIFACTS)), fullPage: true });
  });
});

/** The boxes of the reference-line labels (written in the margin) and of the plot area of one chart. */
async function chartBoxes(figure: Locator) {
  const labels = await figure.locator('.recharts-reference-line text').evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { text: n.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  const plot = await figure.locator('.recharts-cartesian-grid').evaluate((n) => {
    const r = n.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
  return { labels, plot };
}

/** No two labels overlap, and each horizontal line's label sits right of the plot (off every line of data). */
async function expectLabelsClear(figure: Locator, horizontal: readonly string[]) {
  const { labels, plot } = await chartBoxes(figure);
  for (const text of horizontal) {
    const label = labels.find((l) => l.text === text);
    expect(label, `a label "${text}"`).toBeDefined();
    expect(label!.left, `"${text}" right of the plot`).toBeGreaterThanOrEqual(plot.right);
  }
  for (const [i, a] of labels.entries())
    for (const b of labels.slice(i + 1)) {
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `"${a.text}" and "${b.text}" do not overlap`).toBe(true);
    }
}

// One load of the planner (drawing Projections costs seconds of both cores) for both.
test('the MTFS planner flags the general reserve and shows a drawdown’s effect; £2m a year across ten years in one action, the run-out year in the row, in words and on the charts', async ({
  app,
}) => {
  await app.setViewportSize({ width: 1400, height: 900 });
  await openProjections(app);
  // The planner flags the general reserve and shows a drawdown's effect.
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

  // £2m a year across ten years in one action (it writes over the 2019/20 drawdown above too).
  await app.getByLabel('Years from 2018/19').selectOption({ label: '10 years' });
  await app.getByLabel('Reserve', { exact: true }).selectOption({ label: 'General Reserve' });
  await app.getByLabel('Line', { exact: true }).selectOption({ label: 'Drawdown' });
  await app.getByLabel("Each year (£'000)").fill('2,000');
  await app.getByLabel('From', { exact: true }).selectOption({ label: '2018/19' });
  await app.getByLabel('To', { exact: true }).selectOption({ label: '2027/28' });
  await app.getByRole('button', { name: 'Fill the years' }).click();
  await expect(app.getByLabel("General Reserve drawdown 2027/28 (£'000)")).toHaveValue('2,000');

  // 7,198 less 2,000 a year: 5,198; 3,198; 1,198; (802) at 31 March 2022: runs out in 2021/22.
  const plan = app.getByRole('table', { name: /Planned movements and the balances they leave/ });
  const general = plan.getByRole('rowheader', { name: /^General Reserve/ });
  await expect(general).toContainText('Runs out in 2021/22');
  await expect(general).not.toContainText(/not drawn down/i);
  await expect(app.getByText(/General Reserve in 2021\/22, with \(£802k\) at 31 March 2022/)).toBeVisible();
  const share = app.getByRole('figure', { name: 'General reserve as a share of the net revenue budget' });
  await expect(share).toContainText('It runs out in 2021/22: (£802k) at 31 March 2022.');
  // The share line stops before 2021/22: four points (2017/18 to 2020/21), not eleven running on below nil.
  await expect(share.locator('.recharts-line-dot')).toHaveCount(4);
  await expect(share.getByText('Runs out 2021/22')).toBeVisible();
  await expectLabelsClear(share, ['5% line', 'Floor 3%']);
  const balance = app.getByRole('figure', { name: 'General Reserve: balance at 31 March' });
  await expect(balance.locator('.recharts-line')).toHaveCount(1);
  await expect(rowCells(balance.getByRole('table'), '2021/22')).toHaveText(['(802)']);
  await share.scrollIntoViewIfNeeded();
  await keepScreenshot(app, { path: fileURLToPath(new URL('projections-mtfs-1400.png', ARTIFACTS)), fullPage: true });

  // At 1024 px the ten-year grid scrolls sideways; the names stay in view.
  await app.setViewportSize({ width: 1024, height: 900 });
  const region = app.getByRole('region', { name: /Planned movements and the balances they leave/ });
  await region.evaluate((n) => (n.scrollLeft = n.scrollWidth));
  await expect.poll(() => region.evaluate((n) => n.scrollLeft)).toBeGreaterThan(0);
  const box = (await region.boundingBox())!;
  const name = (await general.boundingBox())!;
  expect(name.x).toBeGreaterThanOrEqual(box.x - 1);
  expect(name.x + name.width).toBeLessThanOrEqual(box.x + box.width);
  // The line names beside them too.
  const line = (await plan.getByRole('cell', { name: 'Balance at 31 March' }).first().boundingBox())!;
  expect(line.x).toBeGreaterThanOrEqual(name.x + name.width - 1);
  expect(line.x + line.width).toBeLessThanOrEqual(box.x + box.width);
  await region.scrollIntoViewIfNeeded();
  await keepScreenshot(app, { path: fileURLToPath(new URL('projections-mtfs-1024.png', ARTIFACTS)), fullPage: true });
  await expectAxeClean(app);
});
