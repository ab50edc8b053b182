// Shared by the Projections page's component tests (one file per section, so that they run side by side):
// the page rendered against the sample files (msw) and an in-memory IndexedDB (fake-indexeddb), and finders
// for its tables. Importing it clears saved scenarios before each test.
import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach } from 'vitest';
import { ProjectionsPage } from '../../src/features/projections/projections-page';
import { openOutturnDb } from '../../src/storage/db';
import { renderWithProviders } from './render-with-providers.tsx';

export const rowOf = (table: HTMLElement, label: string | RegExp, nth = 0): HTMLElement =>
  within(table).getAllByRole('rowheader', { name: label })[nth]!.closest('tr')!;
export const cells = (row: HTMLElement): string[] =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');

export async function renderPage() {
  // delay: null types without waiting between keys (the default waits a tick per key).
  const user = userEvent.setup({ delay: null });
  renderWithProviders(<ProjectionsPage />, { initialEntries: ['/projections?year=2017-18'] });
  await screen.findByRole('table', { name: /Left at 31 March 2020 if everything goes ahead/ });
  return user;
}

/**
 * The field's text replaced, as a user who selects it and pastes: each typed key would draw the whole page again
 * (a second, as measured in jsdom) and only one test is about typing (projections-road-casualty.test.tsx's unreadable floor, typed key by key).
 */
export async function replace(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text) await user.paste(text);
}

beforeEach(async () => {
  const db = await openOutturnDb();
  await db.clear('scenarios');
});
