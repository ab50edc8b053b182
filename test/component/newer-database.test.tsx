// A browser whose Outturn database was written by a newer version of the app (a higher IndexedDB version):
// this version must not touch it, and every page says so in words instead of failing blank. Its own file:
// the database is created before the app's first start.
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportPage } from '../../src/features/import/import-page';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import { renderWithProviders } from './render-with-providers.tsx';

beforeAll(async () => {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('outturn', 7);
    request.onupgradeneeded = () => request.result.createObjectStore('something-new');
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('the database did not open'));
  });
});

const MESSAGE =
  /^The data kept in this browser was saved by a newer version of Outturn \(its database is past version 4, the newest this version reads\)\. Nothing was read or changed\./;

describe('a database from a newer version of Outturn', () => {
  it('is left alone, and the Revenue page says why it shows nothing', async () => {
    renderWithProviders(<RevenuePage />);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]!.textContent).toMatch(MESSAGE);
  });

  it('and so does the Import page', async () => {
    renderWithProviders(<ImportPage />);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.some((a) => MESSAGE.test(a.textContent ?? ''))).toBe(true);
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('outturn');
      r.onsuccess = () => resolve(r.result);
    });
    expect([db.version, [...db.objectStoreNames]]).toEqual([7, ['something-new']]); // untouched
    db.close();
  });
});
