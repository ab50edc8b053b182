// When the browser refuses to store the rows (a full quota, or storage off in a private window), the
// user is told in words, and the stored data is exactly as before the import: the same datasets with the
// same rows, the same receipts, no orphan chunks, no import left marked as running. The refusal is
// injected at each of the two places an import writes: its chunks, and its final commit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportPage } from '../../src/features/import/import-page';
import { renderWithProviders } from './render-with-providers.tsx';
import { storedState } from './stored-state.ts';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';

const store = globalThis.IDBObjectStore.prototype;
// eslint-disable-next-line @typescript-eslint/unbound-method -- restored as the method, or called with .apply(this)
const realPut = store.put;

afterEach(() => {
  store.put = realPut;
});

/** From now on, writing to `storeName` fails as a full disk does (after `allow` writes succeed). */
function refuseWrites(storeName: string, allow = 0): void {
  let allowed = allow;
  store.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === storeName && allowed-- <= 0)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return realPut.apply(this, args);
  };
}

const FULL =
  'The browser refused to store the data: its storage for this site is full. Nothing from this import was kept; delete a dataset or free space and try again.';

async function importLedger(name: string) {
  const user = userEvent.setup();
  const file = new File([readFileSync(join(import.meta.dirname, '../fixtures/ledger-windows-1252.csv'))], name);
  await user.upload(await screen.findByLabelText(/Choose a CSV file/), file);
  await user.click(await screen.findByRole('button', { name: `Import ${name}` }));
  return user;
}

describe('a storage refusal during an import', () => {
  it('while writing rows: the user is told, and the stored data is exactly as before', async () => {
    renderWithProviders(<ImportPage />);
    await screen.findByRole('table', { name: new RegExp(`${SAMPLE_FILE_LIST.length} datasets, kept in this browser`) }); // the sample, stored before the fault
    const before = await storedState();
    expect(before.datasets).toHaveLength(SAMPLE_FILE_LIST.length);

    refuseWrites('chunks');
    await importLedger('ledger.csv');
    expect((await screen.findByRole('alert')).textContent).toBe(FULL);
    store.put = realPut;
    expect(await storedState()).toEqual(before);
  });

  it('at the commit, after every row was written: the same, and no record is left without its receipt', async () => {
    renderWithProviders(<ImportPage />);
    await screen.findByRole('table', { name: new RegExp(`${SAMPLE_FILE_LIST.length} datasets, kept in this browser`) });
    const before = await storedState();

    // The dataset record is written, then its receipt is refused: the commit must be all or nothing.
    refuseWrites('receipts');
    await importLedger('ledger-2.csv');
    expect((await screen.findByRole('alert')).textContent).toBe(FULL);
    store.put = realPut;
    expect(await storedState()).toEqual(before);
  });

  it('and the next import, with room again, is kept whole', async () => {
    renderWithProviders(<ImportPage />);
    await screen.findByRole('table', { name: new RegExp(`${SAMPLE_FILE_LIST.length} datasets, kept in this browser`) });
    await importLedger('ledger-3.csv');
    await screen.findByRole('article', { name: 'Import receipt: ledger-3.csv' });
    const after = await storedState();
    expect(after.datasets.map((d) => [d.name, d.rowCount])).toContainEqual(['ledger-3.csv', 3]);
    expect([after.orphanChunks, after.running]).toEqual([0, []]);
  });
});
