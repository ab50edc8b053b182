// A large ledger (over 8 MB) is read in two halves side by side, one by the import worker and one by a worker of
// its own (src/import/split-import.ts): imported through the page, its receipt must say what the file holds, counted
// and summed here independently (decimal.js over the amounts as generated), whichever way the halves met: the second
// half taken in up to a total row at the end, or dropped and read again (a CR alone before the seam makes the count
// of the bytes before it wrong). Nothing of a dropped half may be left in storage.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import type { Page } from '@playwright/test';
import { generateLedger } from '../../bench/generate-ledger';
import { test, expect } from './watched-page';

const ROWS = 110_000; // about 10 MB: over the 8 MB from which a file is read in two halves

const pounds = (d: Decimal): string => `£${d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',')}`;

/** Each stored chunk of the dataset, and the dataset's own record, read from IndexedDB. */
async function storedOf(app: Page, name: string) {
  return app.evaluate(async (fileName) => {
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
    const dataset = (await all<{ id: string; name: string; chunkCount: number; rowCount: number }>('datasets')).find(
      (d) => d.name === fileName,
    )!;
    const chunks = (await all<{ datasetId: string; index: number; rowCount: number }>('chunks')).filter(
      (c) => c.datasetId === dataset.id,
    );
    return {
      chunkCount: dataset.chunkCount,
      rowCount: dataset.rowCount,
      indexes: chunks.map((c) => c.index),
      rows: chunks.reduce((n, c) => n + c.rowCount, 0),
    };
  }, name);
}

/** Imports a file through the page; `split` gets whether its second half, read apart, was taken in (the trace). */
async function importFile(app: Page, path: string, name: string, split: { taken?: number }) {
  app.on('console', (m) => {
    const t = m.text();
    if (t.startsWith('outturn:timings ')) split.taken = (JSON.parse(t.slice(16)) as { splitTaken?: number }).splitTaken;
  });
  await app.goto('/import');
  await app.evaluate(() => localStorage.setItem('outturn-trace', '1'));
  await app.getByLabel(/Choose a CSV file/).setInputFiles(path);
  await app.getByRole('button', { name: `Import ${name}` }).click();
  return app.getByRole('article', { name: `Import receipt: ${name}` });
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
    const firstSplit: { taken?: number } = {};
    const first = await importFile(app, `${dir}/ledger-with-total.csv`, 'ledger-with-total.csv', firstSplit);
    await expect(first.getByRole('status')).toContainText(
      `${(ROWS + 1).toLocaleString('en-GB')} rows read = ${ROWS.toLocaleString('en-GB')} accepted + 0 rejected + 1 skipped`,
      { timeout: 60_000 },
    );
    await expect(first.getByRole('status')).toContainText('Every row is accounted for');
    await expect(first.getByRole('table', { name: /Control totals: amount/ })).toContainText(pounds(sum));
    await expect(first.getByRole('table', { name: /own total rows/ })).toContainText('Casts');
    expect(firstSplit.taken).toBe(1); // the second half was read apart, and taken in
    const stored = await storedOf(app, 'ledger-with-total.csv');
    expect(stored.rowCount).toBe(ROWS);
    expect(stored.rows).toBe(ROWS);
    expect([...stored.indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: stored.chunkCount }, (_, i) => i));

    // 2. One row ended by a CR alone, early in the file: read as a line break by the reader, not by the count of
    // the bytes before the seam, so the second half is dropped, its chunks deleted, and read again.
    let seen = 0;
    const crAlone = text.replace(/\r\n/g, (m) => (++seen === 5000 ? '\r' : m));
    writeFileSync(`${dir}/ledger-cr-alone.csv`, crAlone);
    const secondSplit: { taken?: number } = {};
    const second = await importFile(app, `${dir}/ledger-cr-alone.csv`, 'ledger-cr-alone.csv', secondSplit);
    await expect(second.getByRole('status')).toContainText(
      `${ROWS.toLocaleString('en-GB')} rows read = ${ROWS.toLocaleString('en-GB')} accepted + 0 rejected + 0 skipped`,
      { timeout: 60_000 },
    );
    await expect(second.getByRole('table', { name: /Control totals: amount/ })).toContainText(pounds(sum));
    expect(secondSplit.taken).toBe(0); // read apart, dropped, and read again
    const again = await storedOf(app, 'ledger-cr-alone.csv');
    expect(again.rows).toBe(ROWS);
    expect([...again.indexes].sort((a, b) => a - b)).toEqual(Array.from({ length: again.chunkCount }, (_, i) => i));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
