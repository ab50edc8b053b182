// The Revenue page against the sample files served by msw: figures as the paper prints them, the
// variance worked out (not copied), status in words, the notes where the paper does not cast, and a
// chart that always comes with its data table.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import { renderWithProviders } from './render-with-providers.tsx';

const rowOf = (table: HTMLElement, label: string): HTMLElement => {
  const header = within(table).getByRole('rowheader', { name: label });
  return header.closest('tr')!;
};
const cells = (row: HTMLElement): string[] =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');

describe('RevenuePage', () => {
  it('shows Table 1 in £000 with worked variances and their status in words', async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    const table = await screen.findByRole('table', { name: 'Table 1: Revenue Outturn 2017/18' });
    // Constabulary: 128,040 - 126,252 = 1,788; 1,788 / 126,252 = 1.42% -> 1.4%; an overspend is adverse.
    expect(cells(rowOf(table, 'Constabulary'))).toEqual(['126,252', '128,040', '1,788', '1.4%', '▲ Adverse']);
    // OPCC: 1,098 - 1,194 = (96); 96 / 1,194 = 8.04% -> 8.0%; an underspend is favourable.
    expect(cells(rowOf(table, 'OPCC'))).toEqual(['1,194', '1,098', '(96)', '8.0%', '▼ Favourable']);
    // Grants: 3,608 - 3,514 = +94, which the paper prints as (94): the worked figure is shown, flagged.
    const grants = cells(rowOf(table, 'Grants, Capital Financing and costs of surplus properties'));
    expect(grants[2]).toBe('†94');
  });

  it('opens on the year in one sentence and the board summary, with the method behind a disclosure', async () => {
    const { container } = renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    // The month's forecast may show first; the year's position is Table 1's once the year's tables are read.
    await waitFor(() =>
      expect(screen.getByRole('group', { name: "The year's position" }).textContent).toContain('2017/18 outturn:'),
    );
    const position = screen.getByRole('group', { name: "The year's position" });
    // Table 1's lines: outturn 128,040 + 1,098 + 3,608 = 132,746, budget 126,252 + 1,194 + 3,514 = 130,960;
    // 1,786 over (1.36%). The paper prints 1,852 (132,811 - 130,959): 66 more, 65 from the outturn and 1 from the
    // budget. The P12 return's lines add to 132,745 - 130,961 = 1,784: 2 less.
    expect(position.textContent).toContain('2017/18 outturn: £1.79m (1.4%) over a budget of £130.96m.');
    expect(position.textContent).toContain(
      'prints a total variance of £1.852m, £66k more than the £1.786m its lines add to',
    );
    expect(position.textContent).toContain('£65k above');
    expect(position.textContent).toContain('£1k below');
    expect(position.textContent).toMatch(/add to £1\.784m over budget, £2k less than the year-end table/);
    const summary = await screen.findByRole('table', { name: /^Revenue position \(as Table 1\), P12/ });
    // The sentence, then the table with status by area; the sources behind a closed disclosure.
    expect(position.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The method's disclosure (the areas' own tables sit behind another, under the board summary).
    const how = Array.from(container.querySelectorAll('details.how-made')).find(
      (d) => d.querySelector('summary')!.textContent === 'How these figures were made',
    )!;
    expect(how).toBeDefined();
    expect(how.hasAttribute('open')).toBe(false);
    expect(within(how as HTMLElement).getByRole('note', { name: 'Illustrative figures' })).toBeTruthy();
    expect(summary.compareDocumentPosition(how) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // No path of the code on the page.
    expect(container.textContent).not.toMatch(/src\/|\.ts\b/);
  });

  it('names every landmark once (axe landmark-unique): a table’s scroll box and its section are not both “Table 1”', async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    await screen.findByRole('table', { name: 'Table 1: Revenue Outturn 2017/18' });
    const names = screen.getAllByRole('region').map(
      (r) =>
        r.getAttribute('aria-label') ??
        r
          .getAttribute('aria-labelledby')
          ?.split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
    );
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('says under the table where the printed figures do not cast, with both figures', async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    const notes = await screen.findAllByRole('list', { name: 'Where the printed figures do not cast' });
    const text = notes[0]!.textContent ?? '';
    // Outturn rows add to 128,040 + 1,098 + 3,608 = 132,746 against a printed 132,811.
    expect(text).toContain(
      'TOTAL, outturn: the lines above add to TOTAL: printed 132,811, its terms give 132,746 (difference 65)',
    );
    // Budget rows add to 130,960 against 130,959: within rounding, and said so.
    expect(text).toMatch(/Rounding difference.*printed 130,959, its terms give 130,960 \(difference \(1\)\)/);
    // Grants: 94 / 3,514 = 2.675% against a printed 2.6%: the difference is negative, in brackets.
    expect(text).toContain('printed 2.6%, its terms give 2.68% (difference (0.08)%)');
    // Rows and columns by their printed names, never the checker's keys.
    expect(text).not.toMatch(/total-|grants-capital|\/ variance/);
  });

  it('shows the Constabulary summary with income as a credit and a nil budget as a dash', async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    const table = await screen.findByRole('table', { name: 'Draft Outturn 2017/18: Constabulary summary' });
    // Income: -2,194 - (-1,435) = (759): more income than budgeted, favourable.
    expect(cells(rowOf(table, 'Income'))).toEqual(['(1,435)', '(2,194)', '(759)', '52.9%', '▼ Favourable']);
    // Reserves: a nil budget has no percentage; a transfer from reserves is a planned movement, not rated.
    expect(cells(rowOf(table, 'Reserves'))).toEqual(['-', '(326)', '(326)', 'n/a', '⇄ Reserve transfer, not rated']);
  });

  it("gives every chart of the paper's tables a summary sentence and a data table", async () => {
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    const paper = await screen.findByRole('region', { name: 'The paper’s year-end tables (19 July 2018)' });
    // Table 1, the Constabulary summary and Table 3, each with its chart.
    await waitFor(() => expect(within(paper).getAllByRole('figure')).toHaveLength(3));
    const figures = within(paper).getAllByRole('figure');
    // The lines add to 128,040 + 1,098 + 3,608 = 132,746 against 126,252 + 1,194 + 3,514 = 130,960: 1,786 over
    // (the printed total's 1,852 is not the headline); 1,786 / 130,960 = 1.36%; largest adverse: Constabulary 1,788.
    expect(figures[0]!.textContent).toContain(
      'Outturn £1.79m (1.4%) over budget; largest adverse: Constabulary £1.79m',
    );
    // 4,394 over at Organisational Support is the constabulary's largest adverse variance.
    expect(figures[1]!.textContent).toContain('largest adverse: Organisational Support £4.39m');
    for (const f of figures) expect(within(f).getByRole('table')).toBeTruthy();
  });
});
