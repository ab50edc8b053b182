// A search of the ledger lines, or an order by text, reads every line of the pair: it is asked for as the reader
// enters the search box or comes to a text column's sort button, not once typing rests or the button is pressed
// (issue 16, point 5: a pair of 13,540 lines of a million-row ledger took 170 ms to read when the search was made).
// Its own file: the spies count calls from the page's start.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import * as reads from '../../src/worker/read-client';
import { renderWithProviders } from './render-with-providers.tsx';

vi.mock('../../src/worker/read-client', { spy: true });

/** The Revenue page opened at 10100 / 1001's lines of P1-P3 (the sample's three payroll lines). */
async function openedAtPayLines() {
  const user = userEvent.setup();
  renderWithProviders(<RevenuePage />, {
    initialEntries: ['/revenue?year=2017-18&month=3&open=line:local-policing:10100:1001'],
  });
  const lines = await screen.findByRole('table', {
    name: /Ledger lines behind the actual to date: 10100 \/ 1001 Police officer pay, 3 lines in P1–P3/,
  });
  return { user, lines };
}

describe('the ledger lines read ahead', () => {
  beforeEach(() => vi.clearAllMocks());

  it("reads the pair's lines as the search box is entered, before the search is asked", async () => {
    const { user } = await openedAtPayLines();
    const box = screen.getByRole('searchbox', { name: 'Search description, supplier and reference' });
    expect(reads.holdLedgerLines).not.toHaveBeenCalled();

    await user.click(box);
    await waitFor(() => expect(reads.holdLedgerLines).toHaveBeenCalledTimes(1));
    const [held] = vi.mocked(reads.holdLedgerLines).mock.calls[0]!;
    expect([held.costCentre, held.subjective]).toEqual(['10100', '1001']);
    // The sources the search will read: the sample's 2017/18 ledger of P1-P11, its periods P1-P3.
    expect(held.sources.map((s) => [s.name, s.periods])).toEqual([
      ['illustrative-2017-18-ledger-p01-p11.csv', [1, 2, 3]],
    ]);

    // The search, once typing rests: P2's payroll line alone (data/illustrative-2017-18-ledger-p01-p11.csv, row 200).
    await user.type(box, 'pay-1718-p02');
    expect(await screen.findByText('1 line of 3 matches “pay-1718-p02”, adding to £1,314,442.90.')).toBeTruthy();
    const searches = vi.mocked(reads.readLedgerLines).mock;
    const asked = searches.calls.findIndex(([r]) => r.search === 'pay-1718-p02');
    expect(asked).toBeGreaterThanOrEqual(0);
    expect(vi.mocked(reads.holdLedgerLines).mock.invocationCallOrder[0]).toBeLessThan(
      searches.invocationCallOrder[asked]!,
    );
    expect(searches.calls[asked]![0].sources).toEqual(held.sources);
  });

  it('reads them as the pointer or the focus comes to a text sort, and not for the orders the index gives', async () => {
    const { user, lines } = await openedAtPayLines();
    const button = (name: RegExp) => within(lines).getByRole('button', { name });
    await user.hover(button(/^Amount £/));
    button(/^Posting date/).focus();
    expect(reads.holdLedgerLines).not.toHaveBeenCalled();

    await user.hover(button(/^Supplier/));
    await waitFor(() => expect(reads.holdLedgerLines).toHaveBeenCalledTimes(1));
    button(/^Reference/).focus();
    await waitFor(() => expect(reads.holdLedgerLines).toHaveBeenCalledTimes(2));
    const [held] = vi.mocked(reads.holdLedgerLines).mock.calls[1]!;
    expect([held.costCentre, held.subjective]).toEqual(['10100', '1001']);

    // Sorted by reference, from the keyboard: the three payroll lines, P3's first the other way.
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    const reference = within(lines).getByRole('columnheader', { name: /Reference/ });
    await waitFor(() => expect(reference.getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() =>
      expect(
        within(lines)
          .getAllByRole('row')
          .map((r) => r.textContent?.match(/PAY-1718-P0\d/)?.[0]),
      ).toEqual([undefined, 'PAY-1718-P03', 'PAY-1718-P02', 'PAY-1718-P01']),
    );
  });
});
