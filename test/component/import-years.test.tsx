// The Import page and years (issue 14): the year a file gives, with its evidence, before the import; a file
// that would take over what another supplies asks, and the list says which counts; a dataset's year changed
// afterwards. On top of the 2017/18 sample (msw serves it; fake-indexeddb keeps it), imported in-thread.
// Expected values come from the files: ledger-windows-1252.csv is titled "Periods 1 to 3, 2017/18" and its
// accepted rows are P1, P2 and P3; budget-utf8-bom-semicolon.csv has a Year column of 2017/18 on both rows;
// the sample holds illustrative-2017-18-ledger-p01-p11.csv (P1-P11) and illustrative-2017-18-budget.csv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportPage } from '../../src/features/import/import-page';
import { deleteDataset, listDatasets } from '../../src/storage/datasets';
import { renderWithProviders } from './render-with-providers.tsx';

const fixture = (name: string, as = name): File =>
  new File([readFileSync(join(import.meta.dirname, '../fixtures', name))], as, { type: 'text/csv' });

async function upload(file: File) {
  const user = userEvent.setup();
  // The sample is stored first (at first start): what a new file would take over is judged against it.
  await screen.findByRole('table', { name: /datasets, kept in this browser/ });
  const input = await screen.findByLabelText(/Choose a CSV file/);
  await user.upload(input, file);
  return user;
}

/** The "Counts?" cell of a dataset's row in the list. */
async function countsOf(name: string): Promise<string> {
  const list = await screen.findByRole('table', { name: /datasets, kept in this browser/ });
  const row = within(list).getByRole('rowheader', { name }).closest('tr')!;
  const headers = within(list)
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
  return row.querySelectorAll('th, td')[headers.indexOf('Counts?')]!.textContent ?? '';
}

function rowOf(name: string): HTMLElement {
  const list = screen.getByRole('table', { name: /datasets, kept in this browser/ });
  return within(list).getByRole('rowheader', { name }).closest('tr')!;
}

describe('Import page: years', () => {
  it('shows the year the file gives, with its evidence, and the month select only for a monthly return', async () => {
    renderWithProviders(<ImportPage />);
    await upload(fixture('budget-utf8-bom-semicolon.csv'));
    const year = await screen.findByRole('group', { name: 'Financial year' });
    expect(within(year).getByText('The "Year" column says 2017/18 on every row read (2).')).toBeTruthy();
    expect(within(year).getByLabelText<HTMLSelectElement>('Financial year of this file').value).toBe('2017');
    expect(within(year).queryByLabelText('As at month')).toBeNull(); // a budget is for the whole year
    expect(within(year).getByText(/It will be imported into 2017\/18, as the file says/)).toBeTruthy();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Import budget-utf8-bom-semicolon.csv' }).disabled,
    ).toBe(false);

    // Set it to no year: the question is asked and the import waits.
    const user = userEvent.setup();
    await user.selectOptions(within(year).getByLabelText('Financial year of this file'), '(choose the year)');
    await waitFor(() =>
      expect(
        screen.getByRole<HTMLButtonElement>('button', { name: 'Import budget-utf8-bom-semicolon.csv' }).disabled,
      ).toBe(true),
    );
    expect(screen.getByText('Which financial year is this file for?')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('asks, never guesses, when the file names two years, and imports into the year the user chooses', async () => {
    // The title says 2018/19, the Year column 2017/18 on both rows: contradictory, so the year is open.
    const text = [
      'Revised budget 2018/19',
      'Year,Cost centre,Subjective,Original budget,Revised budget',
      '2017/18,10100,1001,100.00,110.00',
      '2017/18,10200,1002,50.00,55.00',
      '',
    ].join('\n');
    renderWithProviders(<ImportPage />);
    const user = await upload(new File([text], 'budget-two-years.csv', { type: 'text/csv' }));
    const year = await screen.findByRole('group', { name: 'Financial year' });
    expect(within(year).getByText('The "Year" column says 2017/18 on every row read (2).')).toBeTruthy();
    expect(within(year).getByText(/The title above the header names 2018\/19: "Revised budget 2018\/19"/)).toBeTruthy();
    const importButton = screen.getByRole<HTMLButtonElement>('button', { name: 'Import budget-two-years.csv' });
    expect(importButton.disabled).toBe(true);
    const question = document.getElementById(importButton.getAttribute('aria-describedby')!)!;
    expect(question.textContent).toMatch(/Which financial year is this file for\?.*The file says different years/);
    expect(question.textContent).toContain('2017/18');
    expect(question.textContent).toContain('2018/19');
    expect(within(year).getByLabelText<HTMLSelectElement>('Financial year of this file').value).toBe('');

    // Offered: the years loaded (the sample's 2017/18 and its illustrative 2018/19) and two either side.
    await within(year).findByRole('option', { name: '2019/20' });
    expect(
      within(year)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '(choose the year)',
      '2020/21',
      '2019/20',
      '2018/19 · data loaded',
      '2017/18 · data loaded',
      '2016/17',
      '2015/16',
    ]);
    await user.selectOptions(within(year).getByLabelText('Financial year of this file'), '2019/20');
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import budget-two-years.csv' }).disabled).toBe(
        false,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Import budget-two-years.csv' }));
    await screen.findByRole('article', { name: 'Import receipt: budget-two-years.csv' });
    expect(screen.queryByRole('region', { name: 'Which file counts?' })).toBeNull(); // no 2019/20 budget before it
    await waitFor(() =>
      expect(within(rowOf('budget-two-years.csv')).getByRole('cell', { name: '2019/20' })).toBeTruthy(),
    );
    expect(await countsOf('budget-two-years.csv')).toBe('Counts');
    // Left as found: the tests below start from the sample's 2017/18 alone.
    const stored = (await listDatasets()).find((d) => d.name === 'budget-two-years.csv')!;
    await deleteDataset(stored.id);
  });

  it('offers the month of a monthly return, and the month set is the one stored', async () => {
    // The sample's own P6 return (data/illustrative-2017-18-p06-outturn.csv: Year 2017/18, Period 6 on every row),
    // imported again under another name and set to P7 by the user.
    const bytes = readFileSync(join(import.meta.dirname, '../../data/illustrative-2017-18-p06-outturn.csv'));
    renderWithProviders(<ImportPage />);
    const user = await upload(new File([bytes], 'return-resubmitted.csv', { type: 'text/csv' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Import again' }));
    const year = await screen.findByRole('group', { name: 'Financial year and month' });
    expect(within(year).getByText(/^The "Year" column says 2017\/18 on every row read \(\d+\)\.$/)).toBeTruthy();
    expect(within(year).getByText('The period column says P6 on every row read: the return is as at P6.')).toBeTruthy();
    const month = within(year).getByLabelText<HTMLSelectElement>('As at month');
    expect(month.value).toBe('6');
    expect(month.selectedOptions[0]!.textContent).toBe('P6 (September 2017) (as the file says)');
    await user.selectOptions(month, 'P7 (October 2017)');
    expect(
      (await within(year).findByText(/It will be imported into 2017\/18, as at P7 \(October 2017\), as you set it/))
        .textContent,
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import return-resubmitted.csv' }));
    await screen.findByRole('article', { name: 'Import receipt: return-resubmitted.csv' });
    expect(screen.queryByRole('region', { name: 'Which file counts?' })).toBeNull(); // no P7 return was loaded
    await waitFor(() =>
      expect(within(rowOf('return-resubmitted.csv')).getByRole('cell', { name: 'P7 (October 2017)' })).toBeTruthy(),
    );
    expect(await countsOf('return-resubmitted.csv')).toBe('Counts');
  });

  it('asks before a second ledger takes over periods another supplies; "Use this file" makes it count', async () => {
    renderWithProviders(<ImportPage />);
    const user = await upload(fixture('ledger-windows-1252.csv'));
    const year = await screen.findByRole('group', { name: 'Financial year' });
    expect(within(year).getByText(/The title above the header names 2017\/18/)).toBeTruthy();
    expect(within(year).getByText(/Every posting date read \(\d+\) falls in 2017\/18/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import ledger-windows-1252.csv' }));

    const question = await screen.findByRole('region', { name: 'Which file counts?' });
    expect(question.textContent).toContain(
      'This file covers 2017/18 P1–P3, which illustrative-2017-18-ledger-p01-p11.csv supplies now. Use this file for them?',
    );
    // Until answered, the new ledger is kept and counts for nothing.
    await waitFor(async () =>
      expect(await countsOf('ledger-windows-1252.csv')).toBe(
        'Kept, not counting: illustrative-2017-18-ledger-p01-p11.csv counts for 2017/18 P1–P3. Use this one (ledger-windows-1252.csv)',
      ),
    );
    expect(await countsOf('illustrative-2017-18-ledger-p01-p11.csv')).toBe('Counts');

    await user.click(within(question).getByRole('button', { name: 'Use this file' }));
    expect((await within(question).findByRole('status')).textContent).toContain(
      'ledger-windows-1252.csv now counts for 2017/18 P1–P3',
    );
    await waitFor(async () => expect(await countsOf('ledger-windows-1252.csv')).toBe('Counts'));
    // The other is kept: it still supplies the periods this file does not cover, P4-P11.
    expect(await countsOf('illustrative-2017-18-ledger-p01-p11.csv')).toBe(
      'Counts for P4–P11; ledger-windows-1252.csv counts for 2017/18 P1–P3. Use this one (illustrative-2017-18-ledger-p01-p11.csv)',
    );

    // Chosen back from the list, the same way.
    await user.click(
      within(rowOf('illustrative-2017-18-ledger-p01-p11.csv')).getByRole('button', { name: /Use this one/ }),
    );
    await waitFor(async () => expect(await countsOf('illustrative-2017-18-ledger-p01-p11.csv')).toBe('Counts'));
    expect(await countsOf('ledger-windows-1252.csv')).toMatch(
      /^Kept, not counting: illustrative-2017-18-ledger-p01-p11.csv counts for 2017\/18 P1–P3/,
    );
  });

  it('keeps the budget that counts when asked, and a year changed afterwards is said to count or not', async () => {
    renderWithProviders(<ImportPage />);
    const user = await upload(fixture('budget-utf8-bom-semicolon.csv', 'budget-2017-18-revised.csv'));
    await user.click(await screen.findByRole('button', { name: 'Import budget-2017-18-revised.csv' }));
    const question = await screen.findByRole('region', { name: 'Which file counts?' });
    expect(question.textContent).toContain(
      'The 2017/18 budget by cost centre now comes from illustrative-2017-18-budget.csv. Use this file for it instead?',
    );
    await user.click(within(question).getByRole('button', { name: 'Keep illustrative-2017-18-budget.csv' }));
    expect((await within(question).findByRole('status')).textContent).toContain(
      'illustrative-2017-18-budget.csv still counts',
    );
    await waitFor(async () =>
      expect(await countsOf('budget-2017-18-revised.csv')).toMatch(
        /^Kept, not counting: illustrative-2017-18-budget.csv counts for 2017\/18\./,
      ),
    );
    expect(within(rowOf('budget-2017-18-revised.csv')).getByRole('cell', { name: '2017/18' })).toBeTruthy();

    // Moved to 2019/20, where no budget counts: it counts there, listed under 2019/20.
    await user.click(within(rowOf('budget-2017-18-revised.csv')).getByRole('button', { name: /Change year/ }));
    const form = screen.getByRole('form', { name: 'Change the year of budget-2017-18-revised.csv' });
    expect(within(form).getByText('The "Year" column says 2017/18 on every row read (2).')).toBeTruthy();
    const yearField = within(form).getByLabelText('Financial year');
    expect(document.activeElement).toBe(yearField); // the keyboard is taken to the year
    await user.clear(yearField);
    await user.type(yearField, '2018-2019x');
    await user.click(within(form).getByRole('button', { name: /Save the year/ }));
    expect(within(form).getByRole('alert').textContent).toBe(
      '“2018-2019x” is not a financial year: write it as 2018/19.',
    );
    await user.clear(yearField);
    await user.type(yearField, '2019/20');
    await user.click(within(form).getByRole('button', { name: /Save the year/ }));
    expect((await screen.findByText(/budget-2017-18-revised.csv is now 2019\/20\./)).textContent).toContain(
      'It counts for it.',
    );
    await waitFor(async () => expect(await countsOf('budget-2017-18-revised.csv')).toBe('Counts'));
    const list = screen.getByRole('table', { name: /datasets, kept in this browser/ });
    const groups = within(list)
      .getAllByRole('rowheader')
      .filter((h) => h.getAttribute('scope') === 'rowgroup')
      .map((h) => h.textContent);
    expect(groups).toEqual(['2019/20', '2018/19', '2017/18']); // newest first
    expect(within(rowOf('budget-2017-18-revised.csv')).getByRole('cell', { name: '2019/20' })).toBeTruthy();

    // Back to 2017/18, where the sample's budget counts: kept, not counting, and said so, with the way to choose it.
    await user.click(within(rowOf('budget-2017-18-revised.csv')).getByRole('button', { name: /Change year/ }));
    const again = screen.getByRole('form', { name: 'Change the year of budget-2017-18-revised.csv' });
    await user.clear(within(again).getByLabelText('Financial year'));
    await user.type(within(again).getByLabelText('Financial year'), '2017/18');
    await user.click(within(again).getByRole('button', { name: /Save the year/ }));
    const said = await screen.findByText(/budget-2017-18-revised.csv is now 2017\/18\./);
    expect(said.textContent).toContain(
      'illustrative-2017-18-budget.csv already counts for it, so budget-2017-18-revised.csv is kept, not counting.',
    );
    await user.click(within(said).getByRole('button', { name: /Use this one/ }));
    await waitFor(async () => expect(await countsOf('budget-2017-18-revised.csv')).toBe('Counts'));
    expect(await countsOf('illustrative-2017-18-budget.csv')).toMatch(
      /^Kept, not counting: budget-2017-18-revised.csv counts for 2017\/18\./,
    );
  });
});
