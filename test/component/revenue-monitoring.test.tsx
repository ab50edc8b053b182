// Revenue monitoring against the sample files served by msw (imported through the pipeline at first
// start, as in the app): the board summary, the drill-down to the ledger lines and back up by keyboard
// and breadcrumb, the status rule, and months with no actual yet.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import { renderWithProviders } from './render-with-providers.tsx';

const CONSTABULARY_P12 = 'Constabulary (as the summary at 4.1), P12 (March 2018) (illustrative)';
const TABLE_1_P12 = 'Revenue position (as Table 1), P12 (March 2018) (illustrative)';

const rowOf = (table: HTMLElement, label: string | RegExp): HTMLElement =>
  within(table).getByRole('rowheader', { name: label }).closest('tr')!;
const cells = (row: HTMLElement): string[] =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');

describe('the board summary', () => {
  it("shows the Constabulary summary at P12 with the paper's line figures, budget to date, actual and status", async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    const table = await screen.findByRole('table', { name: CONSTABULARY_P12 });
    // Organisational Support (£'000): budget 15,984 (all due by P12); actual 20,190 = the paper's 20,378 less 188 carried
    // forward; variance to date 20,190 - 15,984 = 4,206; forecast 20,378 (the paper); 20,378 - 15,984 = 4,394 = the
    // paper's printed variance; 4,394 / 15,984 = 27.49% -> 27.5%; past £250,000 and 5%: red.
    expect(cells(rowOf(table, /Organisational Support/))).toEqual([
      '15,984',
      '15,984',
      '20,190',
      '4,206',
      '20,378',
      '4,394',
      '27.5%',
      '▲ Red, adverse',
    ]);
    // Income, a credit: -2,194 - (-1,435) = (759), more income than budgeted: favourable, so green by default.
    expect(cells(rowOf(table, /Income/))).toEqual([
      '(1,435)',
      '(1,435)',
      '(2,194)',
      '(759)',
      '(2,194)',
      '(759)',
      '52.9%',
      '● Green, favourable',
    ]);
    expect(screen.getByRole('note', { name: 'Illustrative figures' })).toBeTruthy();
  });
});

describe('drill-down from the board summary to a ledger line and back', () => {
  it('opens area, cost centre and subjective by link and keyboard, shows the ledger lines, and returns focus on the way up', async () => {
    const user = userEvent.setup();
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    const summary = await screen.findByRole('table', { name: CONSTABULARY_P12 });

    await user.click(within(summary).getByRole('link', { name: 'Organisational Support' }));
    const areaHeading = await screen.findByRole('heading', {
      name: 'Organisational Support: cost centres, P12 (March 2018)',
    });
    expect(document.activeElement).toBe(areaHeading);
    const ccTable = screen.getByRole('table', {
      name: 'Organisational Support: cost centres, P12 (March 2018) (illustrative)',
    });
    // 20500 Fleet and Transport in £'000: budget 1,970, forecast 2,584, variance 614 (574 CTC contract + 40 vehicles).
    expect(cells(rowOf(ccTable, /20500 Fleet and Transport/)).slice(4, 6)).toEqual(['2,584', '614']);
    // The carry-forward requests of the area's departments are a row of their own at year-end: 188 (£'000).
    expect(cells(rowOf(ccTable, /Carry-forward requests/)).slice(4, 5)).toEqual(['188']);

    // By keyboard: focus the cost centre's link and press Enter.
    within(ccTable)
      .getByRole('link', { name: /20500 Fleet and Transport/ })
      .focus();
    await user.keyboard('{Enter}');
    const subjectives = await screen.findByRole('table', {
      name: '20500 Fleet and Transport: subjectives, P12 (March 2018) (illustrative)',
    });
    // In pounds and pence below a cost centre: 1,198,984.00 + 574,000.00 = 1,772,984.00.
    expect(cells(rowOf(subjectives, /3010 Transport contract/)).slice(0, 6)).toEqual([
      '1,198,984.00',
      '1,198,984.00',
      '1,772,984.00',
      '574,000.00',
      '1,772,984.00',
      '574,000.00',
    ]);

    await user.click(within(subjectives).getByRole('link', { name: /3010 Transport contract/ }));
    const lines = await screen.findByRole('table', {
      name: /Ledger lines behind the actual to date: 20500 \/ 3010 Transport contract \(CTC\), 13 lines in P1–P12/,
    });
    // The late journal of P6 is one of the lines, with its file and row.
    expect(within(lines).getByRole('row', { name: /JNL-P06-0412/ }).textContent).toContain('£12,400.00');
    expect(screen.getByText(/The 13 lines add to £1,772,984.00, the actual to date shown above\./)).toBeTruthy();
    // The list's own status line (the sections under the disclosures may still be saying they are loading).
    const facts = screen.getAllByRole('status').filter((s) => s.textContent?.includes('lines, adding to'));
    expect(facts.map((s) => s.textContent)).toEqual([expect.stringContaining('13 lines, adding to £1,772,984.00.')]);

    // Searched (description, supplier, reference): the journal alone, with its own exact total; the check of all
    // 13 lines against the actual stays.
    await user.type(screen.getByRole('searchbox', { name: 'Search description, supplier and reference' }), 'jnl-p06');
    await waitFor(() => expect(within(lines).getAllByRole('row')).toHaveLength(2)); // the header and one line
    expect(screen.getByText('1 line of 13 matches “jnl-p06”, adding to £12,400.00.')).toBeTruthy();
    expect(screen.getByText(/The 13 lines add to £1,772,984.00/)).toBeTruthy();
    await user.clear(screen.getByRole('searchbox', { name: 'Search description, supplier and reference' }));
    await waitFor(() => expect(within(lines).getAllByRole('row')).toHaveLength(14));

    // Sorted by amount, largest first (the header's button, from the keyboard): the column says how it is sorted.
    const amountHeader = within(lines).getByRole('columnheader', { name: /Amount £/ });
    within(amountHeader).getByRole('button').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(amountHeader.getAttribute('aria-sort')).toBe('descending'));
    // Largest first once the worker's page is in (the page shown before stays while it is read).
    await waitFor(() => {
      const amounts = within(lines)
        .getAllByRole('row')
        .slice(1)
        .map((r) => {
          const text = r.lastElementChild?.textContent ?? '';
          return (text.startsWith('(') ? -1 : 1) * Number(text.replace(/[£,()]/g, ''));
        });
      expect(amounts).toHaveLength(13);
      expect(amounts).toEqual([...amounts].sort((x, y) => y - x));
    });

    // Back up by the breadcrumb: the cost centre list, with focus on the row we came from.
    const crumbs = screen.getByRole('navigation', { name: 'Where you are in the revenue budget' });
    expect(within(crumbs).getByText('3010 Transport contract (CTC)').getAttribute('aria-current')).toBe('page');
    await user.click(within(crumbs).getByRole('link', { name: 'Organisational Support' }));
    await screen.findByRole('table', { name: 'Organisational Support: cost centres, P12 (March 2018) (illustrative)' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('20500 Fleet and Transport'));

    // And to the board summary: focus returns to the area's row.
    await user.click(
      within(screen.getByRole('navigation', { name: 'Where you are in the revenue budget' })).getByRole('link', {
        name: 'Board summary',
      }),
    );
    await screen.findByRole('table', { name: CONSTABULARY_P12 });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-node')).toBe('area:organisational-support'));
  });
});

describe('the status rule', () => {
  it('states its defaults, and a new rule changes a status (shown by icon and word as well as colour)', async () => {
    const user = userEvent.setup();
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    const table = await screen.findByRole('table', { name: TABLE_1_P12 });
    expect(
      screen.getByText(
        /is red when it is at least £250,000 and at least 5% of budget, amber when it is at least £50,000 and at least 1%/,
      ),
    ).toBeTruthy();
    // Constabulary 128,039 - 126,252 = 1,787 (1.42%): past £250,000 but not 5%; past £50,000 and 1%: amber.
    expect(cells(rowOf(table, 'Constabulary')).at(-1)).toBe('◆ Amber, adverse');

    await user.click(screen.getByText(/^Change the status rule for /));
    const form = screen.getByRole('form', { name: 'Status rule' });
    const red = within(within(form).getByRole('group', { name: 'Red' }));
    // A typo is refused with a reason, and nothing changes.
    await user.clear(red.getByLabelText('Percentage of budget (%)'));
    await user.type(red.getByLabelText('Percentage of budget (%)'), 'one');
    await user.click(within(form).getByRole('button', { name: 'Apply the rule' }));
    expect(within(form).getByRole('alert').textContent).toContain('The rule was not changed');
    // Red at 1%: the Constabulary's 1.42% now passes both red tests.
    await user.clear(red.getByLabelText('Percentage of budget (%)'));
    await user.type(red.getByLabelText('Percentage of budget (%)'), '1');
    await user.click(within(form).getByRole('button', { name: 'Apply the rule' }));
    await waitFor(() =>
      expect(cells(rowOf(screen.getByRole('table', { name: TABLE_1_P12 }), 'Constabulary')).at(-1)).toBe(
        '▲ Red, adverse',
      ),
    );
    expect(screen.getByText(/is red when it is at least £250,000 and at least 1% of budget/)).toBeTruthy();

    // Back to the defaults (the rule is kept in this browser's storage, shared by the tests of this file).
    await user.click(screen.getByText(/^Change the status rule for /));
    await user.click(screen.getByRole('button', { name: 'Restore the defaults' }));
    await waitFor(() =>
      expect(cells(rowOf(screen.getByRole('table', { name: TABLE_1_P12 }), 'Constabulary')).at(-1)).toBe(
        '◆ Amber, adverse',
      ),
    );
  });
});

describe('a month in progress', () => {
  it('at P3 shows actuals for P1-P3 only, and a later month as not closed rather than nil', async () => {
    const user = userEvent.setup();
    renderWithProviders(<RevenuePage />, {
      initialEntries: ['/revenue?year=2017-18&month=3&open=line:local-policing:10100:1001'],
    });
    const strip = await screen.findByRole('list', { name: 'Actual by period' });
    const items = within(strip)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[2]).toMatch(/^P3 £[\d,]+\.\d\d$/);
    expect(items[3]).toBe('P4 not closed');
    expect(
      await screen.findByRole('table', {
        name: /Ledger lines behind the actual to date: 10100 \/ 1001 Police officer pay, 3 lines in P1–P3/,
      }),
    ).toBeTruthy();
    // Another month by its link (the shell's month, in the address; the year kept).
    const months = screen.getAllByRole('list', { name: 'Months of 2017/18 with a monitoring return' })[0]!;
    await user.click(within(months).getByRole('link', { name: 'P12 (March 2018)' }));
    await screen.findByRole('table', { name: /1001 Police officer pay, 12 lines in P1–P12/ });
  });
});

describe('forecast history and the ledger reconciliation', () => {
  it("keeps every month's forecast, bridges two months, and lists the ledger findings with their amounts", async () => {
    const user = userEvent.setup();
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    const history = await screen.findByRole('table', {
      name: "Year-end forecast by month (illustrative): the figures (£'000)",
    });
    // P12: 132,745 - 130,961 = 1,784 over; 1,784 / 130,961 = 1.36% -> 1.4%.
    expect(cells(rowOf(history, 'P12')).slice(0, 4)).toEqual(['130,961', '132,745', '1,784', '1.4%']);
    expect(within(history).getAllByRole('row')).toHaveLength(5); // header + P3, P6, P9, P12

    // The bridge from P9 to P12 by area: its steps add from one forecast to the other.
    await user.selectOptions(screen.getByLabelText('From'), 'P9');
    const bridge = await screen.findByRole('table', {
      name: "Bridge from the P9 forecast to the P12 forecast, by area (illustrative): the figures (£'000)",
    });
    const running = within(bridge)
      .getAllByRole('row')
      .slice(1)
      .map((r) => cells(r).at(-1));
    expect(running.at(-1)).toBe('132,745');

    const p6 = screen.getByRole('table', { name: 'Ledger against the P6 return: findings (illustrative)' });
    expect(cells(rowOf(p6, '20500 Fleet and Transport'))).toEqual([
      'Amounts differ',
      '£1,314,628.53',
      '£1,302,228.53',
      '£12,400.00',
    ]);
    const p9 = screen.getByRole('table', { name: 'Ledger against the P9 return: findings (illustrative)' });
    expect(cells(rowOf(p9, '2041O'))).toEqual(['In the ledger, not in the return', '£3,250.00', 'none', '£3,250.00']);
  });
});
