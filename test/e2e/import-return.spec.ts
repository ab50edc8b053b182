// An MHCLG revenue outturn (RO) return (issue 15): one row per authority, a column per service, in £ thousand.
// By keyboard alone, the user finds a police body's row, has it read as lines, imports, and the receipt says what
// was converted; its control total is summed here from the file's cells with decimal.js, apart from the app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Decimal from 'decimal.js';
import Papa from 'papaparse';
import { test, expect } from './watched-page';
import { expectAxeClean } from './axe';
import { keepScreenshot } from './keep-screenshot';

const ARTIFACTS = new URL('./artifacts/', import.meta.url);
const FILE = fileURLToPath(new URL('../fixtures/public/hand-made/ro-2017-18-police-layout.csv', import.meta.url));
const NAME = 'ro-2017-18-police-layout.csv';
const POLICE = 'Bedfordshire Police and Crime Commissioner';

/** The chosen row's service figures (the total service expenditure column and ".." aside), in pounds. */
function expectedTotal(): string {
  const rows = Papa.parse<Record<string, string>>(readFileSync(FILE, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const row = rows.find((r) => r.LA_name === POLICE)!;
  const sum = Object.entries(row)
    .filter(([h, v]) => h.startsWith('RS_') && h !== 'RS_totsx_net_exp' && v !== '..')
    .reduce((t, [, v]) => t.plus(new Decimal(v)), new Decimal(0))
    .times(1000);
  const [whole, pence] = sum.toFixed(2).split('.');
  return `£${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pence!}`;
}

test('an RO return: a police body row found and read as outturn lines, by keyboard, with the receipt', async ({
  app,
}) => {
  await app.goto('/import');
  await app.getByLabel(/Choose a CSV file/).setInputFiles(FILE);
  await expect(app.getByRole('heading', { name: `Check how ${NAME} will be read` })).toBeVisible();
  // Nothing chosen yet: the import waits, and the organisation setting's row is preselected, said so.
  await expect(app.getByRole('alert')).toContainText("Choose your authority's row");
  await expect(app.getByText(/^Preselected: Cambridgeshire Police and Crime Commissioner matches/)).toBeVisible();
  const importButton = app.getByRole('button', { name: `Import ${NAME}` });
  await expect(importButton).toBeDisabled();
  await expectAxeClean(app);

  // By keyboard: search, move to the other police body in the list, use its row.
  const search = app.getByLabel('Find your authority (name or code)');
  await search.focus();
  await app.keyboard.type('police');
  await expect(app.getByLabel(/^Authority: 2 of 6 rows/)).toBeVisible();
  await app.keyboard.press('Tab');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Tab');
  const use = app.getByRole('button', { name: `Use this row: ${POLICE}` });
  await expect(use).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status').filter({ hasText: `Reading row 6: ${POLICE} (E23000025)` })).toBeVisible();
  await expect(app.getByText('The "year_ending" column says 2017/18 on every row read (1).')).toBeVisible();
  await expect(importButton).toBeEnabled();
  await app.evaluate(() => window.scrollTo(0, 0)); // a full-page clip is in the page's coordinates
  const box = await app.getByRole('region', { name: `Check how ${NAME} will be read` }).boundingBox();
  await keepScreenshot(app, {
    path: fileURLToPath(new URL('import-return-mapping.png', ARTIFACTS)),
    fullPage: true,
    clip: box ?? undefined,
  });
  for (let i = 0; i < 40 && !(await importButton.evaluate((b) => b === document.activeElement)); i++)
    await app.keyboard.press('Tab');
  await app.keyboard.press('Enter');

  const receipt = app.getByRole('article', { name: `Import receipt: ${NAME}` });
  await expect(receipt).toContainText(
    `Converted from an MHCLG revenue outturn (RO) return: row 6, ${POLICE} (E23000025). Its 13 service columns became 13 lines`,
  );
  await expect(receipt).toContainText("Skipped, not your authority's figures: 5 rows of other authorities");
  await expect(receipt.getByRole('status')).toContainText('18 rows read = 11 accepted + 0 rejected + 7 skipped');
  const total = receipt.getByRole('row', { name: /All rows accepted/ });
  await expect(total).toContainText(expectedTotal());
  await expect(receipt.getByRole('row', { name: /RS_totsx_net_exp/ })).toContainText('Casts');
  await app.evaluate(() => window.scrollTo(0, 0));
  await keepScreenshot(app, {
    path: fileURLToPath(new URL('import-return-receipt.png', ARTIFACTS)),
    fullPage: true,
    clip: (await receipt.boundingBox()) ?? undefined,
  });
});
