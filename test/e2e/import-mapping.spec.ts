// The mapping step's refusal on screen (issue 15): a payments listing with no column for a unit cannot be
// imported until one is mapped. The page must say which columns it found and what to do, and the keyboard
// alone must take the user from the refusal to the choice that settles it and on to Import.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './watched-page';
import { keepScreenshot } from './keep-screenshot';

test.use({ profile: 'shared' });

const ARTIFACTS = new URL('./artifacts/', import.meta.url);

test('a file whose mapping is incomplete: the refusal names the columns found and the fix, by keyboard', async ({
  app,
}) => {
  const dir = test.info().outputPath('files');
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/payments.csv`;
  writeFileSync(
    file,
    ['Clearing Date,Cost Element,Vendor ID,Vendor Name,Amount', '20/04/2017,440100,V100,Fuel Co,100.00', ''].join('\n'),
  );
  await app.goto('/import');
  await app.getByLabel(/Choose a CSV file/).setInputFiles(file);
  await expect(app.getByRole('heading', { name: 'Check how payments.csv will be read' })).toBeVisible();
  const alert = app.getByRole('alert');
  await expect(alert).toContainText('Map a column to "Cost centre"');
  await keepScreenshot(app, {
    path: fileURLToPath(new URL('import-mapping-refused-page.png', ARTIFACTS)),
  });
  const box = await app.getByRole('region', { name: 'Check how payments.csv will be read' }).boundingBox();
  await keepScreenshot(app, {
    path: fileURLToPath(new URL('import-mapping-refused.png', ARTIFACTS)),
    fullPage: true,
    clip: box ?? undefined,
  });
  // Which columns were found, each with what it is read as, and what to do.
  await expect(alert).toContainText(
    'The file has 5 columns: “Clearing Date” as Posting date, “Cost Element” as Subjective, “Vendor ID” not used, “Vendor Name” as Supplier, “Amount” as Amount. In the table of columns above, choose the one that gives “Cost centre”.',
  );
  const importButton = app.getByRole('button', { name: 'Import payments.csv' });
  await expect(importButton).toBeDisabled();
  await expect(importButton).toHaveAccessibleDescription(/payments\.csv cannot be imported yet/);
  const costCentre = app.getByLabel('Cost centre (required)');
  await expect(costCentre).toHaveAccessibleDescription('Needed: choose a column');
  // By keyboard: from the refusal to the choice, the choice made by typing, and on to Import.
  await app.getByRole('button', { name: 'Choose the Cost centre column' }).focus();
  await app.keyboard.press('Enter');
  await expect(costCentre).toBeFocused();
  await app.keyboard.type('Vendor ID');
  await expect(costCentre).toHaveValue('2');
  await expect(app.getByRole('alert')).toHaveCount(0);
  await expect(importButton).toBeEnabled();
  for (let i = 0; i < 40 && !(await importButton.evaluate((b) => b === document.activeElement)); i++)
    await app.keyboard.press('Tab');
  await expect(importButton).toBeFocused();
});
