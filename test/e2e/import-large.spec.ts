// A large ledger (over 8 MB) is read in two halves side by side, one by the import worker and one by a worker of
// its own (src/import/split-import.ts): imported through the page, its receipt must say what the file holds, counted
// and summed here independently (decimal.js over the amounts as generated), whichever way the halves met: the second
// half taken in up to a total row at the end, or dropped and read again (a CR alone before the seam makes the count
// of the bytes before it wrong). Nothing of a dropped half may be left in storage.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import type { Page } from '@playwright/test';
import { generateLedger } from '../../bench/generate-ledger';
import { fileURLToPath } from 'node:url';
import { keepScreenshot } from './keep-screenshot';
import { expect, storedState, test, traceSplits } from './watched-page';

const ROWS = 110_000; // about 10 MB: over the 8 MB from which a file is read in two halves

const pounds = (d: Decimal): string => `£${d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',')}`;

/** Imports a file through the page, its trace asked for: whether its second half, read apart, was taken in. */
async function importFile(app: Page, path: string, name: string) {
  await app.goto('/import');
  const split = await traceSplits(app);
  await app.getByLabel(/Choose a CSV file/).setInputFiles(path);
  await app.getByRole('button', { name: `Import ${name}` }).click();
  return { receipt: app.getByRole('article', { name: `Import receipt: ${name}` }), split };
}

test('a large ledger read in two halves: its receipt counts and sums every row, and storage holds each once', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const dir = test.info().outputPath('large');
  mkdirSync(dir, { recursive: true });
  try {
    const { text, amounts } = generateLedger(ROWS, 2026);
    const sum = amounts.reduce((s, a) => s.plus(a), new Decimal(0));
    expect(sum.isPositive()).toBe(true);

    // 1. A total row at the end (no codes, the sum of every row above): the second half stops there.
    const withTotal = `${text},,,,Total,,"${sum.toFixed(2)}",,,\r\n`;
    writeFileSync(`${dir}/ledger-with-total.csv`, withTotal);
    const { receipt: first, split: firstSplit } = await importFile(
      app,
      `${dir}/ledger-with-total.csv`,
      'ledger-with-total.csv',
    );
    await expect(first.getByRole('status')).toContainText(
      `${(ROWS + 1).toLocaleString('en-GB')} rows read = ${ROWS.toLocaleString('en-GB')} accepted + 0 rejected + 1 skipped`,
      { timeout: 60_000 },
    );
    await expect(first.getByRole('status')).toContainText('Every row is accounted for');
    await expect(first.getByRole('table', { name: /Control totals: Amount/ })).toContainText(pounds(sum));
    await expect(first.getByRole('table', { name: /own total rows/ })).toContainText('Casts');
    await keepScreenshot(app, {
      path: fileURLToPath(new URL('./artifacts/import-large-receipt.png', import.meta.url)),
      fullPage: true,
    });
    expect(firstSplit.taken).toBe(1); // the second half was read apart, and taken in
    // Every chunk the dataset counts is stored, none more, and none belongs to no dataset.
    const stored = await storedState(app);
    expect(stored.datasets.find((d) => d.name === 'ledger-with-total.csv')).toMatchObject({ rowCount: ROWS });
    for (const d of stored.datasets) expect(d.chunks, d.name).toBe(d.chunkCount);
    expect(stored.orphanChunks).toBe(0);
    // Its rows' bytes are in a file of each half's (src/storage/chunk-files.ts), and no file is left that no chunk names.
    const firstId = stored.datasets.find((d) => d.name === 'ledger-with-total.csv')!.id;
    expect(stored.filed).toContain(firstId);
    expect(stored.strayFiles).toEqual([]);

    // 2. One row ended by a CR alone, early in the file: read as a line break by the reader, not by the count of
    // the bytes before the seam, so the second half is dropped, its chunks deleted, and read again.
    let seen = 0;
    const crAlone = text.replace(/\r\n/g, (m) => (++seen === 5000 ? '\r' : m));
    writeFileSync(`${dir}/ledger-cr-alone.csv`, crAlone);
    const { receipt: second, split: secondSplit } = await importFile(
      app,
      `${dir}/ledger-cr-alone.csv`,
      'ledger-cr-alone.csv',
    );
    await expect(second.getByRole('status')).toContainText(
      `${ROWS.toLocaleString('en-GB')} rows read = ${ROWS.toLocaleString('en-GB')} accepted + 0 rejected + 0 skipped`,
      { timeout: 60_000 },
    );
    await expect(second.getByRole('table', { name: /Control totals: Amount/ })).toContainText(pounds(sum));
    expect(secondSplit.taken).toBe(0); // read apart, dropped, and read again
    const again = await storedState(app);
    expect(again.datasets.find((d) => d.name === 'ledger-cr-alone.csv')).toMatchObject({ rowCount: ROWS });
    for (const d of again.datasets) expect(d.chunks, d.name).toBe(d.chunkCount);
    expect(again.orphanChunks).toBe(0);
    // The dropped half's file went with its chunks.
    expect(again.strayFiles).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
