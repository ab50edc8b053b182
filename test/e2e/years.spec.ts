// Issue 14 in real Chromium: a finance team's own 2018/19 (test/e2e/fixtures/own-2018-19: a Debit/Credit ledger
// in Windows-1252 with a title line and a total row, a budget, a P6 return, a reserves position and a capital
// programme, named and laid out unlike the sample) goes in through the Import page on top of the sample. Each file
// says its year; each takes over from the sample's illustrative 2018/19 only when the user says so. Then every
// page shows 2018/19 from these files; 2017/18 still shows the paper; with every 2017/18 file deleted, 2018/19 is
// still whole; and the P6 pack prints 2018/19 on every page. Expected figures are the fixtures' own (their README
// works them out), never read back from the app.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { pdfInfo, pdfPageText } from './pdf-tools';
import { test, expect, pageReady } from './watched-page';
import { keepScreenshot } from './keep-screenshot';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/own-2018-19/${name}`, import.meta.url));
const ARTIFACTS = new URL('./artifacts/issue-14/', import.meta.url);
const shot = (name: string): string => fileURLToPath(new URL(name, ARTIFACTS));

const OWN = [
  'gl-transactions-h1-2018-19.csv',
  'budget-2018-19-final.csv',
  'monitoring-return-sept-2018.csv',
  'reserves-position-march-2019.csv',
  'capital-programme-2018-19.csv',
] as const;

/** Imports one of the team's files: its year read from it, and (the sample's 2018/19 counting) chosen to count. */
async function importOwn(page: Page, name: string): Promise<void> {
  await page.getByLabel(/Choose a CSV file/).setInputFiles(fixture(name));
  await expect(page.getByRole('heading', { name: `Check how ${name} will be read` })).toBeVisible();
  await expect(page.getByText(/^It will be imported into 2018\/19/)).toBeVisible();
  await page.getByRole('button', { name: `Import ${name}` }).click();
  await expect(page.getByRole('article', { name: `Import receipt: ${name}` })).toBeVisible();
  // The sample's illustrative 2018/19 fills the same slot: nothing is replaced until the user says so.
  const question = page.getByRole('region', { name: 'Which file counts?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Use this file' }).click();
  await expect(page.getByText(`${name} now counts`)).toBeVisible();
  await page.getByRole('button', { name: 'Import another file' }).click();
}

async function open(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await pageReady(page, heading);
}

/** What a page shows of 2018/19 from the team's files. */
async function expect2018(page: Page): Promise<void> {
  await open(page, '/reserves?year=2018-19', 'Reserves');
  const reserves = page.getByRole('table', { name: "Table 5: reserves position, 2018/19 (£'000)" });
  await expect(reserves).toContainText('20,881'); // closing total
  await expect(reserves).toContainText('24,231'); // opening total = 2017/18's closing

  await open(page, '/capital?year=2018-19', 'Capital');
  const capital = page.getByRole('table', { name: "Table 4: capital programme by category, 2018/19 (£'000)" });
  await expect(capital).toContainText('6,373');
  await expect(capital).toContainText('5,200');

  await open(page, '/projections?year=2018-19', 'Projections');
  await expect(
    page.getByText(/2018\/19 reserves position’s closing balance of the Road Casualty fund, £1,682k/).first(),
  ).toBeVisible();

  await open(page, '/revenue?year=2018-19&month=6', 'Revenue');
  await expect(page.getByRole('heading', { name: /^Monitoring 2018\/19/ })).toBeVisible();
  // The areas' own tables sit behind a disclosure under the board summary: opened as a reader would.
  await page.locator('details.board-areas > summary').click();
  const summary = page.getByRole('table', { name: /^Constabulary \(as the summary at 4\.1\), P6/ });
  const localPolicing = summary
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /Local Policing/ }) });
  await expect(localPolicing).toContainText('76,000'); // budget: LP100 + LP200
  await expect(localPolicing).toContainText('37,600'); // actual to date from the team's ledger, P1-P6
  await expect(localPolicing).toContainText('75,900'); // the P6 return's forecast
}

test('a team’s own 2018/19 through the page: every page reads it, 2017/18 is untouched, and it stands alone', async ({
  app,
}) => {
  test.setTimeout(240_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  await app.goto('/import?year=2018-19');
  await expect(app.getByRole('table', { name: /datasets, kept in this browser/ })).toBeVisible();

  // The ledger's year is read from its title line and its posting dates, shown before the import.
  await app.getByLabel(/Choose a CSV file/).setInputFiles(fixture(OWN[0]));
  const year = app.getByRole('group', { name: 'Financial year' });
  await expect(year).toContainText('The title above the header names 2018/19');
  await expect(year).toContainText('Every posting date read (9) falls in 2018/19');
  await keepScreenshot(app, { path: shot('year-evidence.png'), fullPage: true });
  await app.getByRole('button', { name: 'Cancel' }).click();
  for (const name of OWN) await importOwn(app, name);
  await keepScreenshot(app, { path: shot('datasets-by-year.png'), fullPage: true });

  await expect2018(app);
  await keepScreenshot(app, { path: shot('revenue-2018-19-p6.png'), fullPage: true });

  // The roll-forward: the team's reserves open at 2017/18's closings, so every reserve passes.
  await open(app, '/reconciliation?year=2018-19', 'Reconciliation');
  const between = app.getByRole('table', { name: /^Roll-forward from 2017\/18 to 2018\/19/ });
  await expect(between.getByRole('row').filter({ hasText: 'ICT Development Reserve' })).toContainText('Ties out');

  // The shell's year switch: 2017/18 is the paper's, unchanged.
  await app.getByLabel('Financial year', { exact: true }).selectOption({ label: '2017/18' });
  await expect(app).toHaveURL(/year=2017-18/);
  await pageReady(app, 'Reconciliation');
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Revenue', exact: true }).click();
  await pageReady(app, 'Revenue');
  await app.getByText('Show the year-end tables as printed').click();
  await expect(app.getByRole('table', { name: 'Table 1: Revenue Outturn 2017/18' })).toContainText('126,252');
  await app.goBack();
  await expect(app).toHaveURL(/\/reconciliation\?year=2017-18/);

  // Every 2017/18 file deleted: 2018/19 still whole.
  await app.goto('/import?year=2018-19');
  const list = app.getByRole('table', { name: /datasets, kept in this browser/ });
  await expect(list).toBeVisible();
  app.on('dialog', (dialog) => void dialog.accept());
  const rows2017 = list.getByRole('row').filter({ has: app.getByRole('cell', { name: '2017/18', exact: true }) });
  for (let left = await rows2017.count(); left > 0; left--) {
    await rows2017
      .first()
      .getByRole('button', { name: /^Delete / })
      .click();
    await expect(rows2017).toHaveCount(left - 1);
  }
  await expect(app.getByLabel('Financial year', { exact: true }).locator('option')).toHaveText(['2018/19']);
  await expect2018(app);

  // The P6 pack, printed: 2018/19 and the team's figures on every page.
  await open(app, '/board-pack?year=2018-19&month=6', 'Board pack');
  await expect(app.getByRole('region', { name: /^Page 1 of/ })).toBeVisible();
  await app.emulateMedia({ media: 'print' });
  const pdf = shot('pack-2018-19-p6.pdf');
  await app.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const { pages } = pdfInfo(pdf);
  expect(pages).toBeGreaterThan(1);
  for (let p = 1; p <= pages; p++) {
    const text = pdfPageText(pdf, p);
    expect(text, `page ${p}`).toContain('2018/19');
    expect(text, `page ${p}`).not.toContain('2017/18');
  }
  expect(pdfPageText(pdf, 2) + pdfPageText(pdf, 3)).toContain('76,000');
});
