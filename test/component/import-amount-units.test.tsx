// The Import page with a reserves file whose title, not its headers, says its unit (£000), as public bodies'
// spreadsheets often do: its amount columns are read in £'000, the mapping step says why, and the user can say
// otherwise. Before, the unit came from each header alone and could not be changed: read as pounds, every figure of
// such a file was a thousand times too small. Expected totals by hand from the rows below (£'000: 1,250.40 + 1,000
// + 2,300.75 + 4,500 + 7,198 = 16,249.15).
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportPage } from '../../src/features/import/import-page';
import { renderWithProviders } from './render-with-providers.tsx';

const fileText = (title: string) =>
  [
    `${title},,,,,`,
    ',,,,,',
    'Reserve,Type,Balance b/fwd,Transfers in,Transfers out,Balance c/fwd',
    'Road Casualty Reduction & Support Reserve,Earmarked,1250.4,310.25,-402.1,1158.55',
    'Insurance Reserve,Earmarked,1000,0,-125.5,874.5',
    'Collaboration Reserve,Earmarked,2300.75,500,-1200,1600.75',
    'Capital Financing Reserve,Capital,4500,1200.3,-2500,3200.3',
    'General Reserve,General,7198,0,0,7198',
    '',
  ].join('\r\n');

const TITLE = 'Cambridgeshire OPCC - Earmarked reserves forecast 2019/20 (£000)';

/** The page at the mapping step of the file, titled `title` (each test's its own bytes: stored ones are asked about). */
async function mapped(title = TITLE) {
  const file = new File([fileText(title)], 'Reserves forecast 2019-20.csv', { type: 'text/csv' });
  renderWithProviders(<ImportPage />);
  const user = userEvent.setup();
  await user.upload(await screen.findByLabelText(/Choose a CSV file/), file);
  await screen.findByRole('heading', { name: 'Check how Reserves forecast 2019-20.csv will be read' });
  return user;
}

/** The text that describes `element` to a screen reader (its aria-describedby). */
const described = (element: HTMLElement): string | null | undefined =>
  document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;

/** The receipt's control total of the amount column labelled `label` (all rows accepted). */
async function total(label: string): Promise<string> {
  const receipt = await screen.findByRole('article', { name: 'Import receipt: Reserves forecast 2019-20.csv' });
  const table = within(receipt).getByRole('table', { name: new RegExp(`^Control totals: ${label}, `) });
  return within(table).getByRole('rowheader', { name: 'All rows accepted' }).closest('tr')!.textContent;
}

describe('ImportPage: the unit of amount columns', () => {
  it("reads a file in £'000 where its title says so, and says why", async () => {
    const user = await mapped();
    const unit = screen.getByLabelText<HTMLSelectElement>('Unit of Balance at start');
    expect(unit.value).toBe('thousands');
    expect(described(unit)).toBe(`from row 1, above the header: “${TITLE}”`);
    expect(screen.getByLabelText<HTMLSelectElement>('Unit of Balance at end').value).toBe('thousands');
    await user.click(screen.getByRole('button', { name: 'Import Reserves forecast 2019-20.csv' }));
    expect(await total('Balance at start')).toContain('£16,249,150.00');
  });

  it('takes the unit the user sets in place of what the file says', async () => {
    const user = await mapped(`${TITLE}, draft`);
    await user.selectOptions(screen.getByLabelText('Unit of Balance at start'), '£');
    const unit = await screen.findByLabelText<HTMLSelectElement>('Unit of Balance at start');
    await expect.poll(() => unit.value).toBe('pounds');
    expect(described(unit)).toBe('chosen by you');
    // The other columns still follow the file.
    expect(screen.getByLabelText<HTMLSelectElement>('Unit of Balance at end').value).toBe('thousands');
    await user.click(screen.getByRole('button', { name: 'Import Reserves forecast 2019-20.csv' }));
    expect(await total('Balance at start')).toContain('£16,249.15');
    expect(await total('Balance at end')).toContain('£14,032,100.00');
  });

  it('keeps the units the user set with a saved mapping, for the next file with the same headers', async () => {
    const user = await mapped('Earmarked reserves forecast 2019/20');
    const unit = () => screen.getByLabelText<HTMLSelectElement>('Unit of Balance at start');
    expect(unit().value).toBe('pounds');
    expect(described(unit())).toBe('no unit said in the file: read as pounds');
    await user.selectOptions(unit(), 'thousands');
    await expect.poll(() => unit().value).toBe('thousands');
    await user.click(screen.getByLabelText(/Save this mapping/));
    const name = screen.getByLabelText('Name of the saved mapping');
    await user.clear(name);
    await user.type(name, 'Reserves forecast');
    await user.click(screen.getByRole('button', { name: 'Import Reserves forecast 2019-20.csv' }));
    expect(await total('Balance at start')).toContain('£16,249,150.00');
    await user.click(screen.getByRole('button', { name: 'Import another file' }));

    // The next year's file, with the same headers: the saved mapping's unit, the others still as the file says.
    const next = new File([fileText('Earmarked reserves forecast 2020/21')], 'reserves-2020-21.csv');
    await user.upload(screen.getByLabelText(/Choose a CSV file/), next);
    expect((await screen.findByRole('note')).textContent).toContain('Your saved mapping “Reserves forecast”');
    expect(unit().value).toBe('thousands');
    expect(described(unit())).toBe('chosen by you');
    expect(screen.getByLabelText<HTMLSelectElement>('Unit of Balance at end').value).toBe('pounds');
  });
});
