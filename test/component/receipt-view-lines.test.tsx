// The receipt says when rows run across lines of the file (issue 15): lines joined into one record are
// visible, not only counted as one row. The file below has 4 lines and 3 records; the 2nd spans lines 2-3.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReceiptView } from '../../src/features/import/receipt-view';
import { bytesSource } from '../../src/import/byte-sources';
import { receiptOf } from '../unit/helpers/receipt-of';
import { renderWithProviders } from './render-with-providers.tsx';

describe('ReceiptView: rows across lines', () => {
  it('says how many lines the rows take, and how many rows run across line breaks', async () => {
    const text = 'Cost Centre,Subjective,Description,Amount\nC1,4000,"Fuel for\nthe fleet",1.00\nC2,4000,Oil,2.00\n';
    const receipt = await receiptOf(bytesSource('notes.csv', new TextEncoder().encode(text)), { kind: 'ledger' });
    renderWithProviders(<ReceiptView receipt={receipt} />);
    expect(screen.getByRole('status').textContent).toContain(
      'The rows take 4 lines of the file: 1 row runs across line breaks inside quotes.',
    );
  });
});
