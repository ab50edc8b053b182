// Import in real Chromium: a Windows-1252 ledger with notes above its header, a total row and bad rows
// goes in through the page and its worker; the receipt is read off the screen; a reload finds it kept;
// and a large import is cancelled part-way, leaving nothing behind.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { generateLedger } from '../../bench/generate-ledger';
import { test, expect } from './watched-page';
import { keepScreenshot } from './keep-screenshot';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';
import { readProfileFile } from '../../src/import/mapping-profile-file';

const SAMPLES = SAMPLE_FILE_LIST.length;

const FIXTURE = fileURLToPath(new URL('../fixtures/ledger-windows-1252.csv', import.meta.url));
const ARTIFACTS = new URL('./artifacts/', import.meta.url);

test('a Windows-1252 ledger: receipt on screen, still there after a reload', async ({ app }) => {
  await app.goto('/import');
  await expect(
    app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept in this browser`) }),
  ).toBeVisible(); // the sample, imported at first start
  await app.getByLabel(/Choose a CSV file/).setInputFiles(FIXTURE);
  await expect(app.getByRole('heading', { name: 'Check how ledger-windows-1252.csv will be read' })).toBeVisible();
  await expect(app.getByText(/windows-1252: not valid UTF-8 \(byte 89 cannot start or continue/)).toBeVisible();
  // The mapping as a file, for check-file --profile: the header on row 4, columns by their headers.
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Download this mapping' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ledger-windows-1252.outturn-mapping.json');
  const profile = readProfileFile(readFileSync(await download.path(), 'utf8'));
  expect(profile.ok && profile.value).toMatchObject({ kind: 'ledger', headerRow: 4 });
  expect(profile.ok && profile.value.hints).toContain('Cost centre=Cost Centre');
  await app.getByRole('button', { name: 'Import ledger-windows-1252.csv' }).click();

  const receipt = app.getByRole('article', { name: 'Import receipt: ledger-windows-1252.csv' });
  await expect(receipt.getByRole('status')).toContainText('8 rows read = 3 accepted + 3 rejected + 2 skipped');
  await expect(receipt.getByRole('status')).toContainText('Every row is accounted for');
  await expect(receipt.getByRole('table', { name: /Control totals: Amount/ })).toContainText('£1,089.10');
  await expect(receipt.getByRole('table', { name: /own total rows/ })).toContainText('Casts');
  const rejections = receipt.getByRole('table', { name: /Rejections and warnings: 3/ });
  await expect(rejections).toContainText('"1.234" has more than two decimal places');
  await expect(rejections).toContainText('"31/02/2017" has day 31, but February 2017 has 28 days');
  await keepScreenshot(app, { path: fileURLToPath(new URL('import-receipt.png', ARTIFACTS)), fullPage: true });

  await app.reload();
  const list = app.getByRole('table', { name: new RegExp(`^${SAMPLES + 1} datasets, kept in this browser`) });
  await expect(list).toBeVisible();
  const row = list.getByRole('row').filter({ hasText: 'ledger-windows-1252.csv' });
  await expect(row).toContainText('ledger');
  await expect(row.getByRole('cell').nth(1)).toHaveText('2017/18'); // its year, from its posting dates
  await expect(row.getByRole('cell').nth(4)).toHaveText('3'); // rows kept
  await row.getByRole('button', { name: /Show receipt/ }).click();
  await expect(
    app.getByRole('article', { name: 'Import receipt: ledger-windows-1252.csv' }).getByRole('status'),
  ).toContainText('8 rows read');
});

test('cancelling a large import stops it and keeps nothing', async ({ app }) => {
  const dir = test.info().outputPath('ledger');
  mkdirSync(dir, { recursive: true });
  const big = `${dir}/big-ledger.csv`;
  // ~90 MB, generated here, not committed, deleted at the end: long enough to be cancelled while it runs, where
  // 400,000 rows came to be read in under 2 s (3 December 2026)
  writeFileSync(big, generateLedger(1_000_000, 7).text);
  try {
    await cancelAndCheck(app, big);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function cancelAndCheck(app: Page, big: string): Promise<void> {
  await app.goto('/import');
  await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept`) })).toBeVisible();
  await app.getByLabel(/Choose a CSV file/).setInputFiles(big);
  await app.getByRole('button', { name: 'Import big-ledger.csv' }).click();
  const status = app.getByRole('status').filter({ hasText: /rows read/ });
  await expect(status).toContainText(/[1-9][\d,]* rows read/, { timeout: 30_000 });
  await app.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByRole('alert')).toHaveText('The import was cancelled; nothing was kept.');

  // Nothing half-written: the list is as before, and no stored chunk belongs to a missing dataset.
  await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept`) })).toBeVisible();
  const orphans = await app.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('outturn');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('the database did not open'));
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
      });
    const datasets = new Set((await all<{ id: string }>('datasets')).map((d) => d.id));
    const chunks = await all<{ datasetId: string }>('chunks');
    return chunks.filter((c) => !datasets.has(c.datasetId)).length;
  });
  expect(orphans).toBe(0);
}
