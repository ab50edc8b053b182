// A long read of ledger lines (a search, or an order by text, reads every chunk that holds the pair's lines; an order
// by amount or date reads the line index's own figures and only the page's rows) says how far it has got, in words,
// while the page already shown stays; the read itself is the real reader's, on the sample, held back here only so
// that its progress can be seen.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import * as readClient from '../../src/worker/read-client';
import { renderWithProviders } from './render-with-providers.tsx';

vi.mock('../../src/worker/read-client', { spy: true });

describe('a long read of ledger lines', () => {
  it('says how many parts of the ledger are read, keeps the lines shown, then shows the new order', async () => {
    const user = userEvent.setup();
    renderWithProviders(<RevenuePage />, {
      initialEntries: ['/revenue?year=2017-18&month=3&open=line:local-policing:10100:1001'],
    });
    const table = await screen.findByRole('table', {
      name: /Ledger lines behind the actual to date: 10100 \/ 1001 Police officer pay, 3 lines in P1–P3/,
    });
    const status = () => screen.getAllByRole('status').find((s) => /adding to/.test(s.textContent ?? ''))!;
    expect(status().textContent).not.toContain('Reading');

    // The next read reports 2 of 5 parts, then waits until the test lets it go on with the real reader.
    const real = (await vi.importActual<typeof readClient>('../../src/worker/read-client')).readLedgerLines;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    vi.mocked(readClient.readLedgerLines).mockImplementationOnce(async (request, onProgress) => {
      onProgress?.({ done: 2, total: 5 });
      await released;
      return real(request, onProgress);
    });

    await user.click(within(table).getByRole('button', { name: /^Description/ }));
    await waitFor(() => expect(status().textContent).toContain('Reading… 2 of 5 parts of the ledger read.'));
    // The lines already shown stay while the rest is read: still the three lines and their total.
    expect(status().textContent).toMatch(/^3 lines, adding to /);
    expect(within(table).getAllByRole('row')).toHaveLength(4);

    release();
    await waitFor(() => expect(status().textContent).not.toContain('Reading'));
    // Sorted by description, A to Z (the first press of a text column sorts ascending).
    const sorted = within(screen.getByRole('table', { name: /Ledger lines behind the actual to date/ }));
    expect(sorted.getByRole('columnheader', { name: /^Description/ }).getAttribute('aria-sort')).toBe('ascending');
    const column = sorted.getAllByRole('columnheader').findIndex((h) => /^Description/.test(h.textContent ?? ''));
    const descriptions = sorted
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.children[column]?.textContent ?? '');
    expect(descriptions).toHaveLength(3);
    expect(descriptions).toEqual([...descriptions].sort(new Intl.Collator('en-GB', { sensitivity: 'base' }).compare));
  });
});
