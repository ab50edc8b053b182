// When the browser refuses to store the rows (a full quota, or storage off in a private window), the
// user is told in words, and nothing from that import is left behind: no dataset, no orphan chunks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportPage } from '../../src/features/import/import-page';
import { openOutturnDb } from '../../src/storage/db';
import { renderWithProviders } from './render-with-providers.tsx';

const store = globalThis.IDBObjectStore.prototype;
const realPut = store.put;

afterEach(() => {
  store.put = realPut;
});

describe('a storage refusal during an import', () => {
  it('is shown to the user, and nothing half-written is kept', async () => {
    renderWithProviders(<ImportPage />);
    const user = userEvent.setup();
    await screen.findByRole('table', { name: /16 datasets, kept in this browser/ }); // the sample, stored before the fault

    // From now on, storing a chunk fails as a full disk does.
    store.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'chunks') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    const file = new File([readFileSync(join(import.meta.dirname, '../fixtures/ledger-windows-1252.csv'))], 'ledger.csv');
    await user.upload(await screen.findByLabelText(/Choose a CSV file/), file);
    await user.click(await screen.findByRole('button', { name: 'Import ledger.csv' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'The browser refused to store the data: its storage for this site is full. Nothing from this import was kept; delete a dataset or free space and try again.',
    );
    store.put = realPut;
    const db = await openOutturnDb();
    const datasets = await db.getAll('datasets');
    expect(datasets.map((d) => d.name)).not.toContain('ledger.csv');
    const ids = new Set(datasets.map((d) => d.id));
    expect((await db.getAll('chunks')).filter((c) => !ids.has(c.datasetId))).toHaveLength(0);
  });
});
