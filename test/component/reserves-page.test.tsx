// The Reserves page on the sample files served by msw: Table 5 by group with the sums worked out, the
// general reserve against the net revenue budget, two charts with their sentences and figures, and the
// tie-outs that reach Table 5. Expected figures are the paper's, worked by hand.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { deleteScenario, saveScenario } from '../../src/storage/scenarios';
import { ReservesPage } from '../../src/features/reserves/reserves-page';
import { renderWithProviders } from './render-with-providers.tsx';
import { generalReserveDrawdown, savedScenario } from '../unit/helpers/saved-scenario';

const rowOf = (table: HTMLElement, label: string | RegExp): HTMLElement =>
  within(table).getByRole('rowheader', { name: label }).closest('tr')!;
const cells = (row: HTMLElement): string[] =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');

describe('ReservesPage', () => {
  it('shows each reserve under its group, with the balance at the start, added, used and the balance at the end', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2017-18'] });
    const table = await screen.findByRole('table', { name: "Table 5: reserves position, 2017/18 (£'000)" });
    const groups = within(table)
      .getAllByRole('rowheader')
      .filter((h) => h.getAttribute('scope') === 'rowgroup');
    expect(groups.map((g) => g.textContent)).toEqual([
      'Earmarked reserves',
      'Contingency reserves',
      'Capital reserves',
      'General reserve',
      'Totals as printed',
    ]);
    // 8,414 - 4,354 = 4,060.
    expect(cells(rowOf(table, 'Budget Assistance Reserve'))).toEqual(['8,414', '-', '(4,354)', '4,060', '(4,354)']);
    // Earmarked (7): 15,070 / 1,452 / (6,121) / 10,401, net (4,669).
    expect(cells(rowOf(table, 'Earmarked reserves: 7 reserves (worked out)'))).toEqual([
      '15,070',
      '1,452',
      '(6,121)',
      '10,401',
      '(4,669)',
    ]);
    expect(cells(rowOf(table, 'Total Usable Reserves'))).toEqual(['29,680', '4,330', '(9,779)', '24,231', '(5,449)']);
    expect(screen.getByText('23 checks: 23 pass.')).toBeTruthy();
  });

  it('gives the general reserve as a share of the net revenue budget', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2017-18'] });
    // 7,198 / 130,959 = 5.50%.
    const share = await screen.findByText('General reserve as a share of the budget');
    expect(share.parentElement!.textContent).toBe(
      'General reserve as a share of the budget5.5% (above the 5% line, where a justification is expected)',
    );
  });

  it('draws opening against closing balances and the movements, each with a sentence and a table', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2017-18'] });
    // The year's two charts, and the years side by side (read on its own).
    await waitFor(() => expect(screen.getAllByRole('figure')).toHaveLength(3));
    const figures = screen.getAllByRole('figure');
    expect(within(figures[0]!).getByRole('img').getAttribute('aria-label')).toContain(
      'Usable reserves fell from £29.68m to £24.23m (down £5.45m)',
    );
    expect(within(figures[1]!).getByRole('img').getAttribute('aria-label')).toContain(
      '£4.33m added to reserves and £9.78m used',
    );
    expect(within(within(figures[1]!).getByRole('table')).getAllByRole('row')).toHaveLength(1 + 10);
  });

  it('ties Table 5 to the carry-forwards, the revenue outturn and capital financing', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2017-18'] });
    const table = await screen.findByRole('table', {
      name: /^The reserves position against the revenue outturn, the carry-forwards and capital financing, 2017\/18$/,
    });
    // £1.012m both: the Appendix 2 total = the addition to the Carry Forward Revenue Reserve.
    expect(cells(rowOf(table, /^Table 5 Carry Forward Revenue Reserve added/)).slice(0, 4)).toEqual([
      '✓ Ties out',
      '1,012',
      '1,012',
      '0',
    ]);
    expect(cells(rowOf(table, /^Table 5 Capital Carry Forward Reserve added/)).slice(0, 4)).toEqual([
      '✓ Ties out',
      '2,173',
      '2,173',
      '0',
    ]);
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 7);
  });

  it('shows Appendix 2 under its categories, each row anchored for the links from the checks', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2017-18'] });
    const table = await screen.findByRole('table', { name: "Appendix 2: revenue carry forward requests (£'000)" });
    expect(rowOf(table, 'Total of all carry forwards').id).toBe('row-a2-total-of-all-carry-forwards');
  });

  it('marks the row a link points at', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2017-18#row-t5-capital-reserve'] });
    const table = await screen.findByRole('table', { name: "Table 5: reserves position, 2017/18 (£'000)" });
    const row = rowOf(table, 'Capital Reserve');
    expect(row.className).toContain('row-target');
    // Focus moves once every table of the page is in (Table 5 can be drawn while the others still load).
    await waitFor(() => expect(document.activeElement).toBe(row));
  });

  it('projects after the latest year through the saved scenario the reader chooses, and says which', async () => {
    // Three saved scenarios: two start from 2018/19 (the latest year with a reserves position), one from 2017/18.
    const scenario = (id: string, savedAt: string, startsFrom: number, drawdown: number) =>
      savedScenario(id, savedAt, startsFrom, drawdown === 0 ? [] : [generalReserveDrawdown(2019, drawdown)], 4);
    const saved = [
      scenario('Draw 1,000 in 2019/20', '2026-12-02T09:00:00.000Z', 2018, 1000),
      scenario('Nothing drawn', '2026-12-01T09:00:00.000Z', 2018, 0),
      scenario('From the paper year', '2026-12-02T10:00:00.000Z', 2017, 3000),
    ];
    for (const s of saved) await saveScenario(s);
    try {
      const user = userEvent.setup();
      renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2018-19'] });
      const choice = await screen.findByLabelText<HTMLSelectElement>(
        'Projection after 2018/19: the planned movements of',
      );
      // Only those that start from 2018/19, newest first; the latest chosen until the reader chooses.
      expect([...choice.options].map((o) => o.textContent)).toEqual([
        'Draw 1,000 in 2019/20 (saved 2 Dec 2026, 09:00, the latest)',
        'Nothing drawn (saved 1 Dec 2026, 09:00)',
      ]);
      const sentence = () =>
        screen.getByRole('img', { name: /^Reserves over the years loaded/ }).getAttribute('aria-label') ?? '';
      // The 2018/19 position closes at 20,612 (data/illustrative-2018-19-reserves.csv); 1,000 drawn in 2019/20.
      await waitFor(() => expect(sentence()).toContain('The planner carries them to £19,612k at 31 March 2023.'));
      expect(sentence()).toContain(
        'of the scenario “Draw 1,000 in 2019/20” (the latest saved that starts from that year)',
      );

      await user.selectOptions(choice, 'Nothing drawn (saved 1 Dec 2026, 09:00)');
      await waitFor(() => expect(sentence()).toContain('The planner carries them to £20,612k at 31 March 2023.'));
      expect(sentence()).toContain(
        'of the scenario “Nothing drawn” (chosen of the scenarios saved that start from that year)',
      );
      expect(choice.value).toBe('Nothing drawn');
    } finally {
      for (const s of saved) await deleteScenario(s.id);
    }
  });
});
