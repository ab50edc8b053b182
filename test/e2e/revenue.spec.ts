// Revenue monitoring in real Chromium: the month's ledger export is loaded through the Import page, the
// figures move from the return's actuals to the ledger's, the board summary's Organisational Support
// variance is checked against the paper's, and the drill-down goes from the board summary to a ledger
// line of that export and back up by keyboard, with screenshots kept.
import { fileURLToPath } from 'node:url';
import { expectAxeClean } from './axe';
import { test, expect, pageReady } from './watched-page';
import { keepScreenshot } from './keep-screenshot';
import { paperYear } from './routes';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';

const SAMPLES = SAMPLE_FILE_LIST.length;

const LEDGER_P12 = fileURLToPath(new URL('../../data/illustrative-2017-18-ledger-p12.csv', import.meta.url));
const ARTIFACTS = new URL('./artifacts/', import.meta.url);
const CONSTABULARY_P12 = 'Constabulary (as the summary at 4.1), P12 (March 2018) (illustrative)';

test('load the P12 ledger, drill from the board summary to a ledger line and back, and match the paper', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await app.goto(paperYear('/import'));
  const list = app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept in this browser`) });
  await expect(list).toBeVisible(); // the sample, imported at first start (the fixture waited for it)

  // Start as at month-end before the month's ledger is in: take the P12 export out.
  app.once('dialog', (dialog) => void dialog.accept());
  await list.getByRole('button', { name: 'Delete illustrative-2017-18-ledger-p12.csv' }).click();
  await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES - 1} datasets, kept`) })).toBeVisible();

  await app.getByRole('link', { name: 'Revenue', exact: true }).click();
  await pageReady(app, 'Revenue');
  // Where the actual comes from is said behind "How these figures were made" (the page opens on the position).
  await app.getByText('How these figures were made').first().click();
  await expect(app.getByText(/Actual to date: from the P12 return, because no loaded ledger has P12/)).toBeVisible();

  // Load the month's ledger export, as a finance officer does.
  await app.getByRole('link', { name: 'Import', exact: true }).click();
  await app.getByLabel(/Choose a CSV file/).setInputFiles(LEDGER_P12);
  await expect(
    app.getByRole('heading', { name: 'Check how illustrative-2017-18-ledger-p12.csv will be read' }),
  ).toBeVisible();
  await app.getByRole('button', { name: 'Import illustrative-2017-18-ledger-p12.csv' }).click();
  const receipt = app.getByRole('article', { name: 'Import receipt: illustrative-2017-18-ledger-p12.csv' });
  await expect(receipt.getByRole('status')).toContainText('130 rows read = 130 accepted + 0 rejected + 0 skipped');

  await app.getByRole('link', { name: 'Revenue', exact: true }).click();
  await pageReady(app, 'Revenue');
  await app.getByText('How these figures were made').first().click();
  await expect(
    app.getByText(/Actual to date: from the ledger, summed exactly \(.*illustrative-2017-18-ledger-p12\.csv: P12\)/),
  ).toBeVisible();

  // The variance on screen against the paper's: Organisational Support 20,378 - 15,984 = 4,394 (£'000), as the
  // Constabulary summary of the 19 July 2018 paper prints it ("4,394/ 27.5%"), shown further down the same page.
  // The areas' own tables and the paper's tables sit behind their disclosures: opened.
  await app.getByText(/^The areas line by line/).click();
  await app.getByText('Show the year-end tables as printed').click();
  const summary = app.getByRole('table', { name: CONSTABULARY_P12 });
  const os = summary.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Organisational Support' }) });
  await expect(os.getByRole('cell').nth(5)).toHaveText('4,394');
  await expect(os.getByRole('cell').nth(6)).toHaveText('27.5%');
  await expect(os.getByRole('cell').nth(7)).toHaveText('▲ Red, adverse');
  const paper = app.getByRole('table', { name: 'Draft Outturn 2017/18: Constabulary summary' });
  const paperOs = paper
    .getByRole('row')
    .filter({ has: app.getByRole('rowheader', { name: 'Organisational Support' }) });
  await expect(paperOs.getByRole('cell').nth(2)).toHaveText('4,394');
  await app.getByRole('heading', { name: 'Board summary, P12 (March 2018)' }).scrollIntoViewIfNeeded();
  await keepScreenshot(app, { path: fileURLToPath(new URL('revenue-monitoring.png', ARTIFACTS)), fullPage: false });

  // Down: area, cost centre, subjective, ledger lines (links, opened from the keyboard).
  await summary.getByRole('link', { name: 'Organisational Support' }).focus();
  await app.keyboard.press('Enter');
  await expect(
    app.getByRole('heading', { name: 'Organisational Support: cost centres, P12 (March 2018)' }),
  ).toBeFocused();
  await app.getByRole('link', { name: '20500 Fleet and Transport' }).focus();
  await app.keyboard.press('Enter');
  await app.getByRole('link', { name: '3010 Transport contract (CTC)' }).focus();
  await app.keyboard.press('Enter');
  const lines = app.getByRole('table', {
    name: /Ledger lines behind the actual to date: 20500 \/ 3010 Transport contract \(CTC\), 13 lines in P1–P12/,
  });
  await expect(lines).toBeVisible();
  // The line from the export just loaded is there, with its file and row.
  const p12Line = lines.getByRole('row').filter({ hasText: 'illustrative-2017-18-ledger-p12.csv' });
  await expect(p12Line).toHaveCount(1);
  await expect(p12Line).toContainText('P12');
  await expect(p12Line).toContainText('CTC contract charge');
  await expect(app.getByText(/The 13 lines add to £1,772,984\.00, the actual to date shown above\./)).toBeVisible();
  await expectAxeClean(app);
  await lines.scrollIntoViewIfNeeded();
  await keepScreenshot(app, { path: fileURLToPath(new URL('revenue-ledger-lines.png', ARTIFACTS)), fullPage: true });

  // Searched from the keyboard (the pair's lines read by the read worker as the box is entered): the late journal
  // alone, with its own total; then every line again.
  const search = app.getByRole('searchbox', { name: 'Search description, supplier and reference' });
  await search.focus();
  await app.keyboard.type('JNL-P06');
  await expect(app.getByText('1 line of 13 matches “JNL-P06”, adding to £12,400.00.')).toBeVisible();
  await expect(lines.getByRole('row')).toHaveCount(2);
  await search.fill('');
  await expect(lines.getByRole('row')).toHaveCount(14);

  // And back up: the breadcrumb, then the browser's Back.
  const crumbs = app.getByRole('navigation', { name: 'Where you are in the revenue budget' });
  await crumbs.getByRole('link', { name: 'Board summary' }).click();
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Organisational Support' })).toBeFocused();
  await app.goBack();
  await expect(lines).toBeVisible();
  await app.goBack();
  await expect(
    app.getByRole('table', { name: '20500 Fleet and Transport: subjectives, P12 (March 2018) (illustrative)' }),
  ).toBeVisible();
});

test.describe(() => {
  // Only reads: the worker's started profile, a new page.
  test.use({ profile: 'shared' });

  test('the charts are drawn, each beside its figures and a sentence written from them', async ({ app }) => {
    // The month's charts, opened by the address naming them; the forecast history by its summary.
    await app.goto(paperYear('/revenue#monitoring-charts'));
    await pageReady(app);
    await app.getByText(/^Show how the year-end forecast moved/).click();
    const chart = app.getByRole('figure').filter({
      has: app.getByRole('img', { name: /^Budget against forecast outturn by area, P12 \(illustrative\)\./ }),
    });
    await expect(chart).toContainText(
      'Forecast outturn £1.78m (1.4%) over budget; largest adverse: Organisational Support £4.39m',
    );
    // The 12 areas counted in Table 1, budget and forecast: up to 24 bars (recharts may draw no bar for a nil budget).
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(20);
    const waterfall = app
      .getByRole('figure')
      .filter({ has: app.getByRole('img', { name: /^From budget to forecast outturn, P12/ }) });
    // Budget, 12 areas, forecast: 14 floating bars.
    await expect(waterfall.locator('.recharts-bar-rectangle')).toHaveCount(14);
    await expect(waterfall.getByRole('table')).toContainText('132,745');
    const bridge = app
      .getByRole('figure')
      .filter({ has: app.getByRole('img', { name: /^Bridge from the P3 forecast to the P12 forecast/ }) });
    await expect(bridge).toContainText('From P3 to P12 the forecast outturn rose £2.31m');
    await expectAxeClean(app);
    await keepScreenshot(app, { path: fileURLToPath(new URL('revenue-full.png', ARTIFACTS)), fullPage: true });
  });
});
