// The receipt says when rows run across lines of the file (issue 15): lines joined into one record are
// visible, not only counted as one row. The file below has 4 lines and 3 records; the 2nd spans lines 2-3.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReceiptView } from '../../src/features/import/receipt-view';
import { bytesSource } from '../../src/import/byte-sources';
import { planOf } from '../../src/import/preview';
import { buildReceipt } from '../../src/import/receipt';
import { importRows, preview, scan } from '../../src/import/run-import';
import { renderWithProviders } from './render-with-providers.tsx';

describe('ReceiptView: rows across lines', () => {
  it('says how many lines the rows take, and how many rows run across line breaks', async () => {
    const text = 'Cost Centre,Subjective,Description,Amount\nC1,4000,"Fuel for\nthe fleet",1.00\nC2,4000,Oil,2.00\n';
    const source = bytesSource('notes.csv', new TextEncoder().encode(text));
    const s = await scan(source);
    if (!s.verdict.ok) throw new Error('unreadable');
    const plan = planOf(await preview(source, s.verdict.value, { kind: 'ledger' }));
    const result = await importRows(source, plan, () => undefined);
    const receipt = buildReceipt({
      id: 'r',
      datasetId: 'd',
      plan,
      sha256: s.sha256,
      result,
      startedAt: new Date(0),
      finishedAt: new Date(1),
    });
    renderWithProviders(<ReceiptView receipt={receipt} />);
    expect(screen.getByRole('status').textContent).toContain(
      'The rows take 4 lines of the file: 1 row runs across line breaks inside quotes.',
    );
  });
});
