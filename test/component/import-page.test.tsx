// The Import page in happy-dom (the pipeline runs on the page where there is no Worker; fake-indexeddb
// stands in for IndexedDB): the mapping step shows what was detected and lets the user change it,
// the receipt accounts for every row, and a saved mapping is applied to the next file with the same headers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportPage } from '../../src/features/import/import-page';
import { listDatasets, readLedgerSums } from '../../src/storage/datasets';
import { ledgerSumRows } from '../../src/storage/ledger-sums';
import { renderWithProviders } from './render-with-providers.tsx';

const fixture = (name: string, as = name): File =>
  new File([readFileSync(join(import.meta.dirname, '../fixtures', name))], as, { type: 'text/csv' });

async function upload(file: File) {
  const user = userEvent.setup();
  const input = await screen.findByLabelText(/Choose a CSV file/);
  await user.upload(input, file);
  return user;
}

describe('ImportPage', () => {
  it('shows the detected layout and the first rows, and lets the user change the kind and any column', async () => {
    renderWithProviders(<ImportPage />);
    const user = await upload(fixture('ledger-windows-1252.csv'));
    await screen.findByRole('heading', { name: 'Check how ledger-windows-1252.csv will be read' });
    expect(screen.getByText(/windows-1252: not valid UTF-8/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('This file is').value).toBe('ledger');
    expect(screen.getByLabelText<HTMLSelectElement>('Column names are on row').value).toBe('3'); // row 4
    const preview = screen.getByRole('table', { name: /The first rows of the file/ });
    expect(within(preview).getByRole('rowheader', { name: '1 (above the header)' })).toBeTruthy();
    expect(within(preview).getByRole('rowheader', { name: '4 (header)' })).toBeTruthy();

    // Unmap the cost centre: the import is blocked, and the page says why.
    await user.selectOptions(screen.getByLabelText('Cost centre (required)'), '(not in this file)');
    expect((await screen.findByRole('alert')).textContent).toContain('Map a column to "Cost centre"');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import ledger-windows-1252.csv' }).disabled).toBe(
      true,
    );
    await user.selectOptions(screen.getByLabelText('Cost centre (required)'), 'Cost Centre');
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import ledger-windows-1252.csv' }).disabled).toBe(
        false,
      ),
    );

    // Another kind maps afresh.
    await user.selectOptions(screen.getByLabelText('This file is'), 'reserves');
    await screen.findByLabelText('Reserve (required)');
  });

  it('imports, and the receipt accounts for every row with its reasons', async () => {
    renderWithProviders(<ImportPage />);
    const user = await upload(fixture('ledger-windows-1252.csv'));
    await user.click(await screen.findByRole('button', { name: 'Import ledger-windows-1252.csv' }));
    const receipt = await screen.findByRole('article', { name: 'Import receipt: ledger-windows-1252.csv' });
    expect(within(receipt).getByRole('status').textContent).toMatch(
      /8 rows read = 3 accepted \+ 3 rejected \+ 2 skipped .*Every row is accounted for/,
    );
    const rejections = within(receipt).getByRole('table', { name: /Rejections and warnings: 3/ });
    expect(
      within(rejections)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['8', '9', '10']);
    const totals = within(receipt).getByRole('table', { name: /Control totals: Amount/ });
    expect(within(totals).getByRole('rowheader', { name: 'All rows accepted' }).closest('tr')!.textContent).toContain(
      '£1,089.10',
    );
    // The ledger's sums kept beside its record packed (typed arrays: cheap to read back on the page's thread), exact:
    // 01234/4100 £1,234.56 in P1 and (£234.56) in P2, 00456/5200 £89.10 in P3; the record keeps their periods only.
    const meta = (await listDatasets()).find((d) => d.name === 'ledger-windows-1252.csv')!;
    expect(meta.periods).toEqual([1, 2, 3]);
    expect('aggregates' in meta).toBe(false);
    const sums = await readLedgerSums(meta);
    expect(Object.prototype.toString.call(sums.pence)).toBe('[object Float64Array]');
    expect(ledgerSumRows(sums)).toEqual([
      ['01234', '4100', 1, 123_456],
      ['01234', '4100', 2, -23_456],
      ['00456', '5200', 3, 8_910],
    ]);
  });

  it('saves a mapping as a profile and applies it to the next file with the same headers', async () => {
    renderWithProviders(<ImportPage />);
    const user = await upload(fixture('carry-forwards-utf8.tsv'));
    await screen.findByRole('heading', { name: /Check how carry-forwards-utf8.tsv/ });
    // Map "Category" away from its default, and save that as a profile.
    await user.selectOptions(screen.getByLabelText('Category'), '(not in this file)');
    await user.click(screen.getByLabelText(/Save this mapping/));
    const name = screen.getByLabelText('Name of the saved mapping');
    await user.clear(name);
    await user.type(name, 'Carry-forward return');
    // The file names no year (no year column, dates, title or dated headings): asked, and the import waits.
    const importButton = () =>
      screen.getByRole<HTMLButtonElement>('button', { name: 'Import carry-forwards-utf8.tsv' });
    expect(importButton().disabled).toBe(true);
    expect(importButton().getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(importButton().getAttribute('aria-describedby')!)!.textContent).toContain(
      'The file does not say which financial year it is for',
    );
    // The years offered: those loaded (the sample's 2017/18), two either side.
    await screen.findByRole('option', { name: '2017/18 · data loaded' });
    await user.selectOptions(screen.getByLabelText('Financial year of this file'), '2017/18 · data loaded');
    await waitFor(() => expect(importButton().disabled).toBe(false));
    expect(screen.getByText(/It will be imported into 2017\/18, as you set it/)).toBeTruthy();
    await user.click(importButton());
    await screen.findByRole('article', { name: /Import receipt/ });
    await user.click(screen.getByRole('button', { name: 'Import another file' }));

    // Same headers, different bytes (a new name and an extra row): the profile is applied.
    const text =
      readFileSync(join(import.meta.dirname, '../fixtures/carry-forwards-utf8.tsv'), 'utf8') +
      'Victims services Grant\tPCC\tgrant\t103000\n';
    await upload(new File([text], 'carry-forwards-june.tsv'));
    expect((await screen.findByRole('note')).textContent).toContain('Your saved mapping “Carry-forward return”');
    expect(screen.getByLabelText<HTMLSelectElement>('Category').value).toBe('');
  });

  it('asks before importing the same bytes twice', async () => {
    renderWithProviders(<ImportPage />);
    const user = await upload(fixture('budget-utf8-bom-semicolon.csv'));
    await user.click(await screen.findByRole('button', { name: 'Import budget-utf8-bom-semicolon.csv' }));
    await screen.findByRole('article', { name: /Import receipt/ });
    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    await upload(fixture('budget-utf8-bom-semicolon.csv', 'budget-copy.csv'));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('were imported as budget-utf8-bom-semicolon.csv');
    await user.click(within(dialog).getByRole('button', { name: 'Do not import' }));
    await screen.findByLabelText(/Choose a CSV file/);
  });

  it('refuses a file too big to hold with a message, before reading a byte of it', async () => {
    renderWithProviders(<ImportPage />);
    const huge = new File(['not read'], 'ledger-2017-2025.csv', { type: 'text/csv' });
    Object.defineProperty(huge, 'size', { value: 3 * 1024 ** 3 });
    huge.slice = () => {
      throw new Error('a byte of the file was read');
    };
    await upload(huge);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'ledger-2017-2025.csv is 3.0 GB (3,221,225,472 bytes); Outturn takes files of up to 1 GB (1,073,741,824 bytes), so nothing was read. Split the export by period and import each part.',
    );
  });

  it('refuses an empty file with a message, before any work', async () => {
    renderWithProviders(<ImportPage />);
    await upload(new File([], 'empty.csv'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'empty.csv is empty (0 bytes): there is nothing to import.',
    );
  });
});
