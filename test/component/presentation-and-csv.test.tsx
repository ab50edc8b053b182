// @vitest-environment jsdom
// (jsdom, not the project's happy-dom: the CSV is read through a table's tHead.rows and tBodies' rows, which happy-dom
// 21 does not have, and which every browser has.)
// Presentation mode on a real page (Reserves, in the app's shell): the switch says its state, every
// amount is hidden while it is on and back exactly when it is off. And a table of that page as CSV: exact
// figures as numbers, the unit in the header, the group of each row, no status icons or † marks.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Shell } from '../../src/app/shell';
import { MASK, PresentationProvider } from '../../src/components/presentation';
import { tableToCsv } from '../../src/components/table-csv';
import { ReservesPage } from '../../src/features/reserves/reserves-page';
import { renderWithProviders } from './render-with-providers.tsx';

function renderReserves() {
  const user = userEvent.setup({ delay: null });
  renderWithProviders(
    <PresentationProvider>
      <Shell>
        <ReservesPage />
      </Shell>
    </PresentationProvider>,
    { initialEntries: ['/reserves?year=2017-18'] },
  );
  return user;
}

/** Every number shown in a figure cell that is not a percentage: what presentation mode must hide. */
const visibleAmounts = (root: HTMLElement): string[] =>
  [...root.querySelectorAll('td.num, [data-value]')]
    .map((c) => c.textContent ?? '')
    .filter((t) => /\d/.test(t.replace(/\d+(\.\d+)?%/g, '').replace(/\d{4}\/\d{2}/g, '')));

describe('presentation mode', () => {
  it('hides every amount while it is on, keeps percentages and statuses, and puts every figure back when it is off', async () => {
    localStorage.removeItem('outturn.presentation-mode');
    const user = renderReserves();
    const table = await screen.findByRole('table', { name: "Table 5: reserves position, 2017/18 (£'000)" });
    // The page's later sections (the tie-outs, Appendix 2) arrive after Table 5: the page as a whole is "before".
    await screen.findByRole('table', { name: /^The reserves position against the revenue outturn/ });
    await screen.findByRole('table', { name: /Appendix 2: revenue carry forward requests/ });
    const main = document.getElementById('main')!;
    const before = main.textContent;
    expect(visibleAmounts(main).length).toBeGreaterThan(50);

    const toggle = screen.getByRole('button', { name: /Presentation mode/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText(/^Presentation mode: every amount is hidden on every page/)).toBeTruthy();
    await waitFor(() => expect(visibleAmounts(main)).toEqual([]));
    const budgetAssistance = within(table).getByRole('rowheader', { name: 'Budget Assistance Reserve' }).closest('tr')!;
    expect(
      within(budgetAssistance)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([MASK, '-', MASK, MASK, MASK]);
    // 7,198 / 130,959 = 5.5%: a share (an index) stays; the sentences lose their £ amounts.
    expect(main.textContent).toContain('5.5%');
    expect(main.textContent).not.toMatch(/£\s?\d/);
    expect(
      screen.getAllByRole('button', { name: /Download CSV/ }).every((b) => (b as HTMLButtonElement).disabled),
    ).toBe(true);

    await user.click(toggle);
    await waitFor(() => expect(main.textContent).toBe(before));
  });
});

describe('a page table as CSV', () => {
  it('writes the exact figures as numbers in £’000, with each row’s group and without marks', async () => {
    localStorage.removeItem('outturn.presentation-mode');
    renderReserves();
    const table = await screen.findByRole<HTMLTableElement>('table', {
      name: "Table 5: reserves position, 2017/18 (£'000)",
    });
    const { fields, rows } = tableToCsv(table);
    expect(fields).toEqual([
      'Group',
      'Reserve',
      "Balance 1 April 2017 (£'000)",
      "Added (£'000)",
      "Used (£'000)",
      "Balance 31 March 2018 (£'000)",
      "Net movement (worked out) (£'000)",
    ]);
    // Table 5, Budget Assistance Reserve: 8,414 - 4,354 = 4,060 (nil added is 0, a number).
    expect(rows).toContainEqual([
      'Earmarked reserves',
      'Budget Assistance Reserve',
      '8414',
      '0',
      '-4354',
      '4060',
      '-4354',
    ]);
    expect(rows).toContainEqual([
      'Totals as printed',
      'Total Usable Reserves',
      '29680',
      '4330',
      '-9779',
      '24231',
      '-5449',
    ]);
  });
});
