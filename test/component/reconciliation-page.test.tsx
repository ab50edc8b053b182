// The Reconciliation page on the sample files served by msw: every check in one place with its status in
// words, the two figures, the difference and links to the rows behind it; and with one figure of one file
// changed, exactly the checks that read it turn red. Expected outcomes are the hand-worked ones of
// data/casting-expectations.json.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReconciliationPage } from '../../src/features/reconciliation/reconciliation-page';
import { renderWithProviders } from './render-with-providers.tsx';
import { cells, group, rowOf, summary, tableNamed } from './reconciliation-finders.ts';

describe('ReconciliationPage', () => {
  it('counts every check: 290 within the tables and 89 between them', async () => {
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2017-18'] });
    // 420 hand-worked checks, less 12 Applied + Transfer (not the paper's formula) and 29 with no printed figure.
    expect(await summary()).toEqual({
      Checks: '379 on 9 tables',
      Pass: '314',
      'Rounding differences': '12',
      Failures: '22',
      'Cannot be made (figure not shown)': '31',
    });
    expect(
      screen.getByText(/^89 tie-outs: 68 tie out, 4 rounding differences, 9 do not tie out, 8 cannot be made\.$/),
    ).toBeTruthy();
    expect(
      screen.getByText(/^290 checks: 246 pass, 8 rounding differences, 13 failures, 23 cannot be made\.$/),
    ).toBeTruthy();
  });

  it('shows the tie-outs across files with their statuses, figures and differences', async () => {
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2017-18'] });
    await summary();
    // Revenue carry-forwards: £1.012m both.
    expect(
      cells(
        rowOf(
          group('Revenue carry-forwards and the Carry Forward Revenue Reserve'),
          /^Table 5 Carry Forward Revenue Reserve added/,
        ),
      ).slice(0, 4),
    ).toEqual(['✓ Ties out', '1,012', '1,012', '0']);
    // Capital slippage: £2.173m both; Appendix 3's 2,154 is 19 short, Appendix 4's requests 20.
    const capital = group('Capital slippage and the Capital Carry Forward Reserve');
    expect(cells(rowOf(capital, /^Table 5 Capital Carry Forward Reserve added/)).slice(0, 4)).toEqual([
      '✓ Ties out',
      '2,173',
      '2,173',
      '0',
    ]);
    expect(cells(rowOf(capital, /^Appendix 3 predicted carry-forward = Table 4/)).slice(0, 4)).toEqual([
      '✗ Does not tie out',
      '2,154',
      '2,173',
      '(19)',
    ]);
    expect(
      cells(rowOf(capital, /^Table 4 transfer to the Capital Carry Forward Reserve = the Appendix 4/)).slice(0, 4),
    ).toEqual(['✗ Does not tie out', '2,173', '2,153', '20']);
    expect(cells(rowOf(capital, /^Appendix 3 predicted carry-forward = the Appendix 4/)).slice(0, 4)).toEqual([
      '≈ Rounding difference',
      '2,154',
      '2,153',
      '1',
    ]);
    // Reserves that finance capital: usage = -(applied + transfer).
    expect(cells(rowOf(group('Reserves that finance capital'), /^Table 5 Capital Reserve usage/)).slice(0, 4)).toEqual([
      '✓ Ties out',
      '(1,920)',
      '(1,920)',
      '0',
    ]);
    // Capital spend = capital financing: total spend ties, applied is 166 short.
    const spend = group('Capital spend and capital financing');
    expect(cells(rowOf(spend, /total spend against outturn/)).slice(0, 4)).toEqual([
      '✓ Ties out',
      '5,702',
      '5,702',
      '0',
    ]);
    expect(cells(rowOf(spend, /^Table 4 financing applied/)).slice(0, 4)).toEqual([
      '✗ Does not tie out',
      '5,536',
      '5,702',
      '(166)',
    ]);
    // Revenue outturn's transfers: Carry Forwards (1,089) = the reserve's usage.
    expect(cells(rowOf(group('Revenue outturn and reserve movements'), /Carry Forwards line/)).slice(0, 4)).toEqual([
      '✓ Ties out',
      '(1,089)',
      '(1,089)',
      '0',
    ]);
  });

  it('links each figure to its row, on the page that shows its table', async () => {
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2017-18'] });
    await summary();
    const row = rowOf(group('Reserves that finance capital'), /^Table 5 Capital Reserve usage/);
    expect([...row.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/reserves?year=2017-18&month=12#row-t5-capital-reserve',
      '/capital?year=2017-18&month=12#row-t4f-capital-reserve',
    ]);
    const revenue = rowOf(
      group('Revenue outturn against its breakdowns'),
      /^Table 1 OPCC = Table 3 TOTAL OPCC \(outturn\)/,
    );
    expect(cells(revenue).slice(0, 4)).toEqual(['✗ Does not tie out', '1,098', '1,194', '(96)']);
    expect([...revenue.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/reconciliation?table=t1&year=2017-18&month=12#row-t1-opcc',
      '/reconciliation?table=t3&year=2017-18&month=12#row-t3-total-opcc',
    ]);
  });

  it('lists each table’s own checks that do not pass, with the rows behind them', async () => {
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2017-18'] });
    await summary();
    const t1 = tableNamed('Table 1: Revenue Outturn 2017/18: checks that do not pass');
    // 128,040 + 1,098 + 3,608 = 132,746 against 132,811 printed.
    const outturn = rowOf(t1, "TOTAL · Year-End Outturn (£'000)");
    expect(cells(outturn).slice(0, 5)).toEqual([
      'Rows above add to TOTAL',
      '✗ Does not cast',
      '132,811',
      '132,746',
      '65',
    ]);
    expect([...outturn.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/reconciliation?table=t1&year=2017-18&month=12#row-t1-constabulary',
      '/reconciliation?table=t1&year=2017-18&month=12#row-t1-opcc',
      '/reconciliation?table=t1&year=2017-18&month=12#row-t1-grants-capital-financing-and-costs-of-surplus-properties',
      '/reconciliation?table=t1&year=2017-18&month=12#row-t1-total',
    ]);
  });

  it('shows a revenue table as printed when a link asks for it, the row marked', async () => {
    renderWithProviders(<ReconciliationPage />, {
      initialEntries: ['/reconciliation?table=t1&year=2017-18#row-t1-opcc'],
    });
    await summary();
    const table = await waitFor(() => tableNamed("Table 1: Revenue Outturn 2017/18 (£'000)"));
    const row = rowOf(table, 'OPCC');
    expect(row.id).toBe('row-t1-opcc');
    expect(row.className).toContain('row-target');
    // Focused, though the checks are drawn after the data is in (DrawnLater): the row is looked for once drawn.
    await waitFor(() => expect(document.activeElement).toBe(row));
  });

  it('a link to a check in the last table cast lands on it, focused', async () => {
    // The check's own id, read from the page drawn without a link (the last row of the casting section's last table).
    const first = renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2017-18'] });
    await summary();
    const casting = await waitFor(() => {
      const rows = document.querySelectorAll('section[aria-labelledby="casting"] tr[id^="check-"]');
      expect(rows.length).toBe(290); // every check within the tables (the test above counts them)
      return rows;
    });
    const id = casting[casting.length - 1]!.id;
    first.unmount();
    renderWithProviders(<ReconciliationPage />, { initialEntries: [`/reconciliation?year=2017-18#${id}`] });
    await summary();
    await waitFor(() => expect(document.activeElement?.id).toBe(id));
    expect(document.getElementById(id)!.className).toContain('row-target');
  });

  it('says a count of one in the singular: 2018/19 has one tie-out between its tables', async () => {
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2018-19'] });
    // The sample's 2018/19 has one pair of tables a tie-out reads (capital slippage and the Capital Carry Forward
    // Reserve): the page said "1 tie-outs" before.
    expect(
      await screen.findByText(/^1 tie-out: 1 tie out, 0 rounding differences, 0 do not tie out, 0 cannot be made\.$/),
    ).toBeTruthy();
  });

  it('checks 2017/18 against the year after it, and says the year before is not loaded', async () => {
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2017-18'] });
    // The sample has 2017/18 and its illustrative 2018/19; no 2016/17.
    expect(await screen.findByText('Not loaded, so not checked against 2017/18: 2016/17.')).toBeTruthy();
    await waitFor(() => tableNamed('Roll-forward from 2017/18 to 2018/19: failures first'));
    expect(screen.queryByRole('table', { name: /^Roll-forward from 2016\/17/ })).toBeNull();
  });
});
