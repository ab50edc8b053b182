// The Import page with an Excel workbook (issue 15: it was refused): the sheets listed and one chosen, the
// mapping as for a CSV file, and the receipt with its control totals and the workbook's hazards.
// Figures by hand from the cells in test/unit/helpers/workbooks.ts (test/fixtures/ledger.xlsx).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportPage } from '../../src/features/import/import-page';
import { renderWithProviders } from './render-with-providers.tsx';

const workbook = () =>
  new File([readFileSync(join(import.meta.dirname, '../fixtures/ledger.xlsx'))], 'ledger.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

describe('ImportPage: an Excel workbook', () => {
  it('lists its sheets, reads the first visible one, and names its hazards on the receipt', async () => {
    renderWithProviders(<ImportPage />);
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText(/Choose a CSV file/), workbook());
    await screen.findByRole('heading', { name: 'Check how ledger.xlsx will be read' });
    const sheet = screen.getByLabelText<HTMLSelectElement>('Sheet');
    expect(sheet.value).toBe('Ledger');
    expect([...sheet.options].map((o) => o.textContent)).toEqual(['Ledger', 'Summary', 'Workings (hidden)']);
    expect(screen.getByLabelText<HTMLSelectElement>('This file is').value).toBe('ledger');

    // Another sheet is previewed afresh; back to the ledger, and import it.
    await user.selectOptions(sheet, 'Summary');
    await within(await screen.findByRole('table', { name: /The first rows of the file/ })).findByText('Policing');
    await user.selectOptions(screen.getByLabelText('Sheet'), 'Ledger');
    await within(screen.getByRole('table', { name: /The first rows of the file/ })).findByText('Hidden line');
    await user.click(screen.getByRole('button', { name: 'Import ledger.xlsx' }));

    const receipt = await screen.findByRole('article', { name: 'Import receipt: ledger.xlsx' });
    expect(within(receipt).getByRole('status').textContent).toMatch(
      /6 rows read = 5 accepted \+ 0 rejected \+ 1 skipped .*Every row is accounted for/,
    );
    const totals = within(receipt).getByRole('table', { name: /Control totals: Amount/ });
    expect(within(totals).getByRole('rowheader', { name: 'All rows accepted' }).closest('tr')!.textContent).toContain(
      '£2,089.34',
    );
    const issues = within(receipt).getByRole('table', { name: /Rejections and warnings/ });
    expect(issues.textContent).toContain('Cell F3 holds 0.30000000000000004');
    expect(issues.textContent).toContain('Row 5 is hidden in Excel');
    expect(issues.textContent).toContain('hidden sheet, "Workings"');
  });
});
