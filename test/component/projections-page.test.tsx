// The Projections page against the sample files (msw) and an in-memory IndexedDB (fake-indexeddb):
// the paper's sum and every case on screen, inputs that change the exhaustion year, the MTFS plan's
// flags, scenarios saved, opened and compared, and planned movements loaded from a CSV.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProjectionsPage } from '../../src/features/projections/projections-page';
import { openOutturnDb } from '../../src/storage/db';
import { renderWithProviders } from './render-with-providers.tsx';

const rowOf = (table: HTMLElement, label: string | RegExp, nth = 0): HTMLElement => within(table).getAllByRole('rowheader', { name: label })[nth]!.closest('tr')!;
const cells = (row: HTMLElement): string[] => within(row).getAllByRole('cell').map((c) => c.textContent ?? '');

async function renderPage() {
  // delay: null types without waiting between keys (the default waits a tick per key).
  const user = userEvent.setup({ delay: null });
  renderWithProviders(<ProjectionsPage />, { initialEntries: ['/projections'] });
  await screen.findByRole('table', { name: /Left at 31 March 2020 if everything goes ahead/ });
  return user;
}

async function replace(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text) await user.type(input, text);
}

beforeEach(async () => {
  const db = await openOutturnDb();
  await db.clear('scenarios');
});

// Typing into a page this size takes a second or two in jsdom; allow for a slow CI machine.
describe('ProjectionsPage: Road Casualty Reserve', () => {
  it('works the paper’s sum from Table 5’s £1,582k: 1,582 - 244 - 1,035 = 303', async () => {
    await renderPage();
    const working = screen.getByRole('table', { name: /Left at 31 March 2020 if everything goes ahead/ });
    expect(cells(rowOf(working, 'Balance at 31 March 2018 (Table 5)'))).toEqual(['1,582']);
    expect(cells(rowOf(working, 'less expenditure yet to be applied, 2018/19'))).toEqual(['(244)']);
    expect(cells(rowOf(working, 'less 24 cameras (committed, 2019/20)'))).toEqual(['(730)']);
    expect(cells(rowOf(working, 'Left at 31 March 2020, no new inflow counted'))).toEqual(['303']);
    // With two years' inflow: low 303 + 2 x 172 = 647; central 303 + 700 = 1,003; high 303 + 1,000 = 1,303.
    const added = screen.getByRole('table', { name: /The same with each inflow case added/ });
    expect(cells(rowOf(added, 'Low (£172k a year)'))).toEqual(['303', '344', '647']);
    expect(cells(rowOf(added, 'Central (£350k a year)'))).toEqual(['303', '700', '1,003']);
    expect(cells(rowOf(added, 'High (£500k a year)'))).toEqual(['303', '1,000', '1,303']);
  });

  it('gives every case with and without the earmarked items, with the year it crosses the floor and zero', async () => {
    await renderPage();
    const included = screen.getByRole('table', { name: /How long the reserve lasts, earmarked items included/ });
    const leftOut = screen.getByRole('table', { name: /How long the reserve lasts, earmarked items left out/ });
    // No inflow, with earmarked: 1,338; 303; 158; 13; (132): below 145 in 2021/22, below zero in 2022/23.
    expect(cells(rowOf(included, 'No new inflow'))).toEqual(['(132)', '(132) in 2022/23', '▼ 2021/22', '▼ 2022/23', '-']);
    // Without the 160 earmarked: ... 173; 28: below the floor in 2022/23, never below zero.
    expect(cells(rowOf(leftOut, 'No new inflow'))).toEqual(['28', '28 in 2022/23', '▼ 2022/23', '✓ Not crossed', '-']);
    // Low: lowest 647 (2019/20); 647 - 145 = 502 could still be spent once.
    expect(cells(rowOf(included, 'Low (£172k a year)'))).toEqual(['728', '647 in 2019/20', '✓ Not crossed', '✓ Not crossed', '502']);
  });

  it('moves the exhaustion year when the inflow case and an earmarked item change', async () => {
    const user = await renderPage();
    const summary = () => screen.getByRole('table', { name: /How long the reserve lasts, earmarked items included/ });
    // Low case at nil: the same as no inflow, below the floor in 2021/22.
    await replace(user, screen.getByLabelText("Low case yearly inflow (£'000)"), '0');
    expect(cells(rowOf(summary(), 'Low (£0k a year)'))[2]).toBe('▼ 2021/22');
    // Speedwatch 60 -> 200 (earmarked): 1,338 - 1,175 = 163; 163 - 145 = 18: below the floor in 2020/21, zero in 2021/22.
    await replace(user, screen.getByLabelText("Speedwatch equipment: Amount (£'000)"), '200');
    expect(cells(rowOf(summary(), 'Low (£0k a year)')).slice(2, 4)).toEqual(['▼ 2020/21', '▼ 2021/22']);
    const figure = screen.getByRole('figure', { name: /Road Casualty Reserve: balance at each year end/ });
    expect(figure.textContent).toContain('In the low case the balance falls below the £145k floor in 2020/21 and below zero in 2021/22');
  });

  it('says which inputs cannot be read, and links to them, instead of projecting', async () => {
    const user = await renderPage();
    await replace(user, screen.getByLabelText("Floor (£'000)"), 'abc');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link', { name: 'Floor: "abc" is not an amount' }).getAttribute('href')).toBe('#rc-floor');
    expect(screen.getByLabelText("Floor (£'000)").getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryAllByRole('table', { name: /How long the reserve lasts/ })).toEqual([]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save scenario' }).disabled).toBe(true);
  });

  it('adds and removes a commitment', async () => {
    const user = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Remove Speedwatch equipment' }));
    const working = screen.getByRole('table', { name: /Left at 31 March 2020/ });
    // 1,582 - 244 - 975 = 363.
    expect(cells(rowOf(working, 'Left at 31 March 2020, no new inflow counted'))).toEqual(['363']);
    await user.click(screen.getByRole('button', { name: 'Add a commitment' }));
    await replace(user, screen.getByLabelText("New item: Amount (£'000)"), '63');
    expect(cells(rowOf(screen.getByRole('table', { name: /Left at 31 March 2020/ }), 'Left at 31 March 2020, no new inflow counted'))).toEqual(['300']);
  });

  it('draws every chart with a summary and a data table', async () => {
    await renderPage();
    const figures = screen.getAllByRole('figure');
    expect(figures.length).toBeGreaterThanOrEqual(2);
    for (const f of figures) {
      expect(within(f).getByRole('img').getAttribute('aria-label')).toMatch(/\. \S/);
      expect(within(f).getByRole('table')).toBeTruthy();
    }
  });
});

describe('ProjectionsPage: MTFS planner', () => {
  it('flags the general reserve above 5% and below the floor once drawn down', async () => {
    const user = await renderPage();
    const shares = () => screen.getByRole('table', { name: "The chart's figures: general reserve against the net revenue budget" });
    // 7,198 / 130,959 = 5.4964% -> 5.50%: above the 5% line.
    expect(cells(rowOf(shares(), '2017/18 (actual)'))).toEqual(['7,198', '130,959', '5.50%', '▲ Above 5%: justification expected']);
    // Draw 4,000 in 2019/20: 3,198 / 130,959 = 2.442% -> below the 3% floor.
    await replace(user, screen.getByLabelText("General Reserve drawdown 2019/20 (£'000)"), '4,000');
    expect(cells(rowOf(shares(), '2019/20'))).toEqual(['3,198', '130,959', '2.44%', '▼ Below the 3% floor']);
    const plan = screen.getByRole('table', { name: /Planned movements and the balances they leave/ });
    // Total usable reserves: 24,231 - 4,000 = 20,231 from 2019/20.
    expect(cells(rowOf(plan, 'Total usable reserves (balance)'))).toEqual(['24,231', '24,231', '20,231', '20,231', '20,231', '', '']);
  });

  it('says how long each reserve lasts at its 2017/18 net drawdown', async () => {
    await renderPage();
    const plan = screen.getByRole('table', { name: /Planned movements and the balances they leave/ });
    // Budget Assistance: 4,060 / 4,354 = 0.93 years; Estate Development: 2,939 / 500 = 5.9 years.
    expect(within(plan).getByRole('rowheader', { name: 'Budget Assistance Reserve' }).closest('tr')!.textContent).toContain('0.9 years (runs out during 2018/19)');
    expect(within(plan).getByRole('rowheader', { name: 'Estate Development Reserve' }).closest('tr')!.textContent).toContain('5.9 years (runs out during 2023/24)');
  });

  it('fills the Road Casualty fund’s rows from the model', async () => {
    const user = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Fill the fund’s rows' }));
    // Central case: 350 in each year; out 244, 1,035, 145, 145.
    expect(screen.getByLabelText<HTMLInputElement>("Road Casualty Reduction & Support Fund contribution 2018/19 (£'000)").value).toBe('350');
    expect(screen.getByLabelText<HTMLInputElement>("Road Casualty Reduction & Support Fund drawdown 2019/20 (£'000)").value).toBe('1,035');
  });

  it('loads planned movements from a CSV and reports the rows it could not use', async () => {
    const user = await renderPage();
    const csv = ["Reserve,Year,Contribution (£'000),Drawdown (£'000)", 'General Reserve,2019/20,,"1,500"', 'Police Horses Reserve,2019/20,5,'].join('\n');
    await user.upload(screen.getByLabelText('Load planned movements from a CSV'), new File([csv], 'plan.csv', { type: 'text/csv' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('plan.csv: 2 rows read, 1 loaded, 1 not loaded.');
    expect(alert.textContent).toContain('Line 3, Reserve: "Police Horses Reserve" is not one of the loaded reserves');
    expect(screen.getByLabelText<HTMLInputElement>("General Reserve drawdown 2019/20 (£'000)").value).toBe('1,500');
  });
});

describe('ProjectionsPage: scenarios', () => {
  it('saves a scenario, opens it again after changes, copies it and compares it', async () => {
    const user = await renderPage();
    await replace(user, screen.getByLabelText('Scenario name'), 'Low inflow 100');
    await replace(user, screen.getByLabelText("Low case yearly inflow (£'000)"), '100');
    await user.click(screen.getByRole('button', { name: 'Save scenario' }));
    const saved = await screen.findByRole('table', { name: 'Saved scenarios' });
    await within(saved).findByRole('rowheader', { name: /Low inflow 100/ });
    expect(screen.getByText('Saved “Low inflow 100”.')).toBeTruthy();

    // Change the inputs, then compare what is on screen with the saved scenario.
    await replace(user, screen.getByLabelText("Low case yearly inflow (£'000)"), '250');
    expect(document.getElementById('scenario-state')!.textContent).toBe('Changed since it was saved');
    await user.selectOptions(screen.getByLabelText('Scenario B'), 'Low inflow 100 (saved)');
    const diffs = await screen.findByRole('table', { name: /Inputs that differ \(1;/ });
    expect(cells(rowOf(diffs, 'Low case inflow: yearly amount'))).toEqual(['Road Casualty Reserve', '250', '100']);
    expect(screen.getByRole('figure', { name: /Road Casualty Reserve, Central case: A and B/ })).toBeTruthy();

    // Open the saved one: its inputs come back.
    await user.click(screen.getByRole('button', { name: 'Open Low inflow 100' }));
    expect(screen.getByLabelText<HTMLInputElement>("Low case yearly inflow (£'000)").value).toBe('100');
    expect(document.getElementById('scenario-state')!.textContent).toBe('Saved');

    // Copy it from the list, then delete the original.
    await user.click(screen.getByRole('button', { name: 'Copy Low inflow 100' }));
    await within(screen.getByRole('table', { name: 'Saved scenarios' })).findByRole('rowheader', { name: /Low inflow 100 \(copy\)/ });
    await user.click(screen.getByRole('button', { name: 'Delete Low inflow 100' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Saved scenarios' })).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByText('Deleted “Low inflow 100”.')).toBeTruthy();
  });

  it('keeps saved scenarios in IndexedDB with amounts as decimal strings', async () => {
    const user = await renderPage();
    await replace(user, screen.getByLabelText('Scenario name'), 'Stored');
    await user.click(screen.getByRole('button', { name: 'Save scenario' }));
    await screen.findByText('Saved “Stored”.');
    const db = await openOutturnDb();
    const [record] = await db.getAll('scenarios');
    expect(record?.name).toBe('Stored');
    expect((record?.roadCasualty as { openingBalance: unknown }).openingBalance).toBe('1582000');
  });

  it('lists a stored record that no longer reads as a scenario, and lets the user delete it', async () => {
    const db = await openOutturnDb();
    await db.put('scenarios', { id: 'broken', name: 'Old format', format: 0 });
    const user = await renderPage();
    const note = await screen.findByText(/Saved scenarios that can no longer be read/);
    const box = note.closest('div')!;
    expect(box.textContent).toContain('Old format: scenario.format: expected 1, found 0');
    await user.click(within(box).getByRole('button', { name: 'Delete Old format' }));
    await waitFor(() => expect(screen.queryByText(/Saved scenarios that can no longer be read/)).toBeNull());
    expect(await db.get('scenarios', 'broken')).toBeUndefined();
  });
});
