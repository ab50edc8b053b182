// The receipt of a Debit/Credit ledger (issue 15: it had no control-totals table): its debits, credits and
// net from the Debit and Credit columns, by period and overall, and its total row checked column by column.
// The figures are added by hand from test/fixtures/ledger-debit-credit.csv.
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../src/cli/node-source';
import { bytesSource } from '../../src/import/byte-sources';
import { ReceiptView } from '../../src/features/import/receipt-view';
import { receiptOf } from '../unit/helpers/receipt-of';
import { renderWithProviders } from './render-with-providers.tsx';

const fixture = (name: string) => fileSource(join(import.meta.dirname, '../fixtures', name));

describe('ReceiptView: a Debit/Credit ledger', () => {
  it('shows its control totals by period and overall, and checks its total row by column', async () => {
    renderWithProviders(<ReceiptView receipt={await receiptOf(fixture('ledger-debit-credit.csv'))} />);
    const totals = screen.getByRole('table', {
      name: 'Control totals: debits from "Debit", credits from "Credit" (£, exact)',
    });
    const row = (name: string) =>
      [...within(totals).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')].map(
        (c) => c.textContent,
      );
    // P1: 1,234.56 debit, 234.56 credit; P2: 89.10 + 100.00 debit, 40.00 credit.
    expect(row('P1')).toEqual(['£1,234.56', '(£234.56)', '£1,000.00']);
    expect(row('P2')).toEqual(['£189.10', '(£40.00)', '£149.10']);
    expect(row('All rows accepted')).toEqual(['£1,423.66', '(£274.56)', '£1,149.10']);
    const checks = screen.getByRole('table', { name: "The file's own total rows against the rows above them" });
    expect(
      within(checks)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([expect.stringContaining('Debit£1,423.66£1,423.66'), expect.stringContaining('Credit£274.56£274.56')]);
  });
});

describe('ReceiptView: a ledger of one period', () => {
  it('names the period in its control totals, not only the overall row', async () => {
    // One month's export (P6, September 2018): 120.00 + 30.45 debits, 20.10 credit, net 130.35 (by hand).
    const csv = [
      'Cost Centre,Account,Period,Posting Date,Amount',
      '20500,3010,6,03/09/2018,120.00',
      '20500,3010,6,10/09/2018,-20.10',
      '10100,4100,6,28/09/2018,30.45',
    ].join('\n');
    const receipt = await receiptOf(bytesSource('sept.csv', new TextEncoder().encode(csv)));
    renderWithProviders(<ReceiptView receipt={receipt} />);
    const totals = screen.getByRole('table', { name: /^Control totals: / });
    const headers = within(totals)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['P6', 'All rows accepted']);
    const p6 = [...within(totals).getByRole('rowheader', { name: 'P6' }).closest('tr')!.querySelectorAll('td')];
    expect(p6.map((c) => c.textContent)).toEqual(['£150.45', '(£20.10)', '£130.35']);
  });
});
