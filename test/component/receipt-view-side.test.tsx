// The receipt says how many amounts the debit/credit indicator made negative (issue 15): SAP writes a credit
// unsigned with H beside it, and the import signs it; nothing is changed silently. Below, 2 of 3 H lines are
// written unsigned (counted by hand), the third already negative, and the S line is a debit.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReceiptView } from '../../src/features/import/receipt-view';
import { bytesSource } from '../../src/import/byte-sources';
import { receiptToCsv } from '../../src/import/receipt';
import { receiptOf } from '../unit/helpers/receipt-of';
import { renderWithProviders } from './render-with-providers.tsx';

const receiptOfText = (text: string) =>
  receiptOf(bytesSource('sap.csv', new TextEncoder().encode(text)), {}, { year: 2017 });

describe('ReceiptView: signs set by the debit/credit indicator', () => {
  const text = [
    'Posting Date,Cost Center,G/L Account,D/C,Amount in Local Currency',
    '20.04.2017,10100,440100,S,100.00',
    '20.04.2017,10100,440100,H,30.00',
    '21.04.2017,10100,440100,H,-5.00',
    '22.04.2017,10100,440100,H,2.50',
    '',
  ].join('\n');

  it('says on screen and in the receipt file how many rows had their sign set, by the column that set it', async () => {
    const receipt = await receiptOfText(text);
    expect(receipt.controlTotals[0]).toMatchObject({ debit: '100.00', credit: '-37.50' });
    renderWithProviders(<ReceiptView receipt={receipt} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toContain(
      '2 accepted rows had their sign set by "D/C": credits (H) written unsigned, made negative.',
    );
    expect(within(status).getByText(/4 rows read/)).toBeTruthy();
    expect(receiptToCsv(receipt)).toContain(
      'rows,"credits written unsigned, made negative by the debit/credit indicator",D/C,2',
    );
  });

  it('says none was changed when every credit is already negative', async () => {
    const receipt = await receiptOfText(text.replace(',H,30.00', ',H,-30.00').replace(',H,2.50', ',H,-2.50'));
    renderWithProviders(<ReceiptView receipt={receipt} />);
    expect(screen.getByRole('status').textContent).toContain(`No amount's sign was changed by "D/C"`);
  });
});
