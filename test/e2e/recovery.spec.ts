// Recovery in real Chromium (its IndexedDB, its structured clone of typed arrays): a dataset saved in the
// older layout (dates as text, no layout number), a damaged dataset record and one from a newer version of
// Outturn are put in the browser's database, and the page reloaded. The old dataset is brought forward,
// the other two are set aside and said to be, every page opens as usual (the board pack prints without the notice,
// which is the screen's), and deleting them clears the notice.
import { fileURLToPath } from 'node:url';
import { pdfInfo, pdfPageText } from './pdf-tools';
import { ROUTES, paperYear } from './routes';
import { expect, test } from './watched-page';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';

/** The sample's datasets, stored at first start. */
const SAMPLES = SAMPLE_FILE_LIST.length;

const FIXTURE = fileURLToPath(new URL('../fixtures/ledger-windows-1252.csv', import.meta.url));

test('an older layout is brought forward, unreadable records set aside with a message, and every page still opens', async ({
  app,
}) => {
  await app.goto('/import');
  await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES} datasets, kept`) })).toBeVisible();
  await app.getByLabel(/Choose a CSV file/).setInputFiles(FIXTURE);
  await app.getByRole('button', { name: 'Import ledger-windows-1252.csv' }).click();
  await expect(app.getByRole('article', { name: 'Import receipt: ledger-windows-1252.csv' })).toBeVisible();

  // What an older and a newer version, and a damaged disk, would have left.
  await app.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('outturn');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('the database did not open'));
    });
    const tx = db.transaction(['datasets', 'chunks', 'ledgerSums'], 'readwrite');
    const datasets = tx.objectStore('datasets');
    const all = <T>(r: IDBRequest) => new Promise<T>((resolve) => (r.onsuccess = () => resolve(r.result as T)));
    type Sums = {
      costCentres: string[];
      subjectives: string[];
      costCentre: Uint32Array;
      subjective: Uint32Array;
      period: Uint8Array;
      pence: Float64Array;
    };
    const ledger = (
      await all<{ id: string; name: string; schema?: number; periods?: number[]; aggregates?: unknown[] }[]>(
        datasets.getAll(),
      )
    ).find((d) => d.name === 'ledger-windows-1252.csv')!;
    // A record from before layouts were numbered (its chunks as this version packs them: layout 1's text dates
    // are brought forward in test/component/stored-data-recovery.test.tsx, where the chunks can be built), its
    // ledger's sums in it, one list each, as before layout 5; no store of sums then.
    const s = await all<Sums>(tx.objectStore('ledgerSums').get(ledger.id));
    tx.objectStore('ledgerSums').delete(ledger.id);
    delete ledger.schema;
    delete ledger.periods;
    ledger.aggregates = Array.from(s.period, (period, i) => [
      s.costCentres[s.costCentre[i]!],
      s.subjectives[s.subjective[i]!],
      period,
      s.pence[i],
    ]);
    datasets.put(ledger);
    datasets.put({ id: 'damaged-1', name: 'damaged.csv', kind: 'ledger', rowCount: 'many' });
    datasets.put({ schema: 99, id: 'newer-1', name: 'from-the-future.csv' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });

  await app.reload();
  await expect(
    app.getByRole('status').filter({ hasText: '2 stored datasets cannot be read and were set aside' }),
  ).toBeVisible();
  const setAside = app.getByRole('table', { name: '2 set aside' });
  await expect(setAside.getByRole('row').filter({ hasText: 'damaged.csv' })).toContainText(
    'It cannot be read: it is damaged',
  );
  await expect(setAside.getByRole('row').filter({ hasText: 'from-the-future.csv' })).toContainText(
    'it was saved by a newer version of Outturn (data layout 99',
  );
  await expect(app.getByRole('table', { name: new RegExp(`^${SAMPLES + 1} datasets, kept`) })).toBeVisible();
  const migrated = await app.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('outturn');
      r.onsuccess = () => resolve(r.result);
    });
    const get = <T>(r: IDBRequest) => new Promise<T>((resolve) => (r.onsuccess = () => resolve(r.result as T)));
    const tx = db.transaction(['datasets', 'chunks', 'ledgerSums']);
    const ledger = (
      await get<{ id: string; name: string; schema?: number; periods?: number[]; aggregates?: unknown }[]>(
        tx.objectStore('datasets').getAll(),
      )
    ).find((d) => d.name === 'ledger-windows-1252.csv')!;
    const chunks = await get<{ packed?: unknown; rowCount: number }[]>(
      tx.objectStore('chunks').index('byDataset').getAll(ledger.id),
    );
    const sums = await get<{ pence: Float64Array } | undefined>(tx.objectStore('ledgerSums').get(ledger.id));
    db.close();
    return {
      schema: ledger.schema,
      periods: ledger.periods,
      sumsInRecord: 'aggregates' in ledger,
      packed: chunks.map((c) => Object.prototype.toString.call(c.packed)),
      rows: chunks.reduce((n, c) => n + c.rowCount, 0),
      // The fixture's three lines: £1,234.56, (£234.56) and £89.10, each its own cost centre, subjective and period.
      sums: sums && [Object.prototype.toString.call(sums.pence), [...sums.pence]],
    };
  });
  expect(migrated).toEqual({
    schema: 6,
    periods: [1, 2, 3],
    sumsInRecord: false,
    packed: ['[object Uint8Array]'],
    rows: 3,
    sums: ['[object Float64Array]', [123_456, -23_456, 8_910]],
  });

  for (const route of ROUTES) {
    await app.goto(paperYear(route.path));
    await expect(app.getByRole('heading', { level: 2, name: route.heading })).toBeVisible();
    await expect(app.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    await expect(app.getByRole('alert')).toHaveCount(0);
    if (route.path !== '/board-pack') continue;
    // The notice is on the screen above the pack, and not in the printed pack: its pages are the pack's own, the
    // first its cover (a notice printed on a page of its own came first, and every page after was one out).
    await expect(app.getByText('2 stored datasets cannot be read and were set aside')).toBeVisible();
    const sheets = Number(
      /^Page 1 of (\d+)/.exec(
        (await app.getByRole('region', { name: /^Page 1 of/ }).getAttribute('aria-label')) ?? '',
      )?.[1],
    );
    await app.emulateMedia({ media: 'print' });
    const pdf = test.info().outputPath('pack-with-a-notice.pdf');
    await app.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await app.emulateMedia({ media: 'screen' });
    expect(pdfInfo(pdf).pages).toBe(sheets);
    expect(pdfPageText(pdf, 1)).toContain('Revenue and capital outturn 2017/18');
    expect(pdfPageText(pdf, 1)).not.toContain('cannot be read');
  }

  app.on('dialog', (d) => void d.accept());
  await app.goto('/import');
  for (const name of ['damaged.csv', 'from-the-future.csv'])
    await app
      .getByRole('table', { name: /set aside$/ })
      .getByRole('button', { name: `Delete ${name}` })
      .click();
  await expect(app.getByRole('heading', { name: 'Stored data that cannot be read' })).toHaveCount(0);
  await expect(app.getByText(/cannot be read and (was|were) set aside/)).toHaveCount(0);
});
