// The Revenue page by year and month (the shell's choice, in the address), against the sample (2017/18) served
// by msw: the month chosen, a month without a return, a year with nothing, and the years loaded side by side.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import { renderWithProviders } from './render-with-providers.tsx';

describe('the month chosen', () => {
  it('shows the month in the address, titled with its year and month', async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18&month=6'] });
    expect(
      await screen.findByRole('heading', { name: /^Monitoring 2017\/18: budget, actual to date and forecast outturn/ }),
    ).toBeTruthy();
    expect(
      await screen.findByRole('table', { name: 'Revenue position (as Table 1), P6 (September 2017) (illustrative)' }),
    ).toBeTruthy();
  });

  it('a month with no return says so, and links to the months that have one, keeping the year', async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18&month=5'] });
    expect(
      await screen.findByText('No monthly monitoring return for P5 (August 2017) is loaded for 2017/18.'),
    ).toBeTruthy();
    const months = screen.getByRole('list', { name: 'Months of 2017/18 with a monitoring return' });
    const links = within(months).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([
      'P3 (June 2017)',
      'P6 (September 2017)',
      'P9 (December 2017)',
      'P12 (March 2018)',
    ]);
    expect(links[1]!.getAttribute('href')).toBe('/revenue?year=2017-18&month=6');
    expect(screen.queryByRole('table', { name: /Revenue position \(as Table 1\)/ })).toBeNull();
  });
});

describe("cost centres the board's layout does not place", () => {
  it('are listed on the page, never dropped', async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18&month=9'] });
    // 2041O is posted in the illustrative ledger (P9) and in no budget or area: no area given.
    const note = await screen.findByRole('note', { name: "Cost centres not in the board's layout" });
    expect(
      within(note)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('2041O (no area given)');
  });
});

describe('a year with nothing loaded', () => {
  it('says which kinds of file are missing and links to Import, showing no other year', async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2019-20&month=6'] });
    await screen.findByText(/Nothing to show for 2019\/20 yet: the revenue monitoring/);
    await screen.findByText(/Nothing to show for 2019\/20 yet: the year-end outturn tables/);
    const text = screen
      .getAllByRole('status')
      .map((m) => m.textContent)
      .join(' ');
    expect(text).toContain(
      'Nothing to show for 2019/20 yet: the revenue monitoring needs a budget by cost centre and a monthly monitoring return (by cost centre, with a period).',
    );
    expect(text).toContain('Nothing to show for 2019/20 yet: the year-end outturn tables needs an outturn summary');
    // The link to Import keeps the year chosen (the shell's choice travels with every link).
    expect(screen.getAllByRole('link', { name: /on the Import page/ })[0]!.getAttribute('href')).toMatch(
      /^\/import\?year=2019-20/,
    );
    expect(screen.getByRole('heading', { name: /^Monitoring 2019\/20:/ })).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Table 1: Revenue Outturn 2017\/18/ })).toBeNull();
    expect(screen.queryByRole('table', { name: /Revenue position \(as Table 1\)/ })).toBeNull();
  });
});

describe('years loaded side by side', () => {
  it('shows budget and outturn by area for each year, saying where each comes from, with its data table', async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18&month=12'] });
    const table = await screen.findByRole('table', {
      name: "Budget and outturn by area, years loaded: the figures (£'000)",
    });
    const sources = screen.getByRole('list', { name: "Where each year's figures come from" });
    expect(sources.textContent).toMatch(
      /^2017\/18: from its year-end outturn summary \(constabulary-summary\.csv; table-3-opcc-corporate-costs\.csv\)\./,
    );
    // The Constabulary summary's Income line: budget (1,435), outturn (2,194), negatives in brackets.
    const income = within(table).getByRole('rowheader', { name: 'Income' }).closest('tr')!;
    expect(
      within(income)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 2), // 2017/18's two columns come first; 2018/19 (the illustrative year) follows
    ).toEqual(['(1,435)', '(2,194)']);
    expect(sources.textContent).toMatch(/2018\/19: from its year-end outturn summary/);
    // "Reserves" is in both tables: two areas, each named with its table. The Constabulary's: nil budget, (326).
    const reserves = within(table).getByRole('rowheader', { name: 'Reserves (Constabulary)' }).closest('tr')!;
    expect(
      within(reserves)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 2),
    ).toEqual(['-', '(326)']);
    expect(within(table).getByRole('rowheader', { name: 'Reserves (corporate)' })).toBeTruthy();
  });
});
