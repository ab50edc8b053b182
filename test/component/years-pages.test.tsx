// Capital, Reserves, Reconciliation and Projections read the chosen year (issue 14): a 2018/19 reserves
// position named unlike the sample's ("reserves-position-march-2019.csv", headers "Balance 1/4/18") imported on
// top of the 2017/18 sample, and a 2019/20 capital programme with no reserves position. Expected figures are
// the files' own, or worked by hand in the comments; nothing here comes from the code's output.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureStarted } from '../../src/api/sample-bootstrap';
import { chooseDataset, listDatasets } from '../../src/storage/datasets';
import { CapitalPage } from '../../src/features/capital/capital-page';
import { ProjectionsPage } from '../../src/features/projections/projections-page';
import { ReconciliationPage } from '../../src/features/reconciliation/reconciliation-page';
import { ReservesPage } from '../../src/features/reserves/reserves-page';
import { importYearFile } from './import-year-file.ts';
import { cells, rowOf, tableNamed } from './reconciliation-finders.ts';
import { renderWithProviders } from './render-with-providers.tsx';

// Openings are 2017/18's closings (Table 5, Balance 31/3/18) except one planted difference: the ICT Development
// Reserve opens at 423 where 2017/18 closed it at 432. Totals by hand: openings 17,033 - 9 = 17,024 earmarked,
// + 7,198 general = 24,222; added 800 + 20 + 350 + 100 + 1,500 = 2,770; used 1,012 + 30 + 1,500 + 300 + 100 +
// 400 + 62 + 285 + 2,173 = 5,862; closing 24,222 + 2,770 - 5,862 = 21,130.
const RESERVES_2018_19 = `Group,Reserve,Row type,Balance 1/4/18 (£'000),Added to Reserve (£'000),Actual usage (£'000),Balance 31/3/19 (£'000)
earmarked,Carry Forward Revenue Reserve,item,"1,012",800,"(1,012)",800
earmarked,Drug Forfeiture (Operational) Reserve,item,116,20,(30),106
earmarked,Budget Assistance Reserve,item,"4,060",-,"(1,500)","2,560"
earmarked,Road Casualty Reduction & Support Fund,item,"1,582",350,(300),"1,632"
earmarked,Collaboration & Commissioning Reserve,item,260,-,-,260
earmarked,ICT Development Reserve,item,423,-,(100),323
earmarked,Estate Development Reserve,item,"2,939",-,(400),"2,539"
contingency,Insurance Reserve,item,862,-,(62),800
contingency,Ill-Health Retirement Reserve,item,398,-,-,398
capital,Capital Reserve,item,"1,285",-,(285),"1,000"
capital,Capital Receipts Reserve,item,"1,914",100,-,"2,014"
capital,Capital Carry Forward Reserve,item,"2,173","1,500","(2,173)","1,500"
,Total Earmarked Reserves,subtotal,"17,024","2,770","(5,862)","13,932"
general,General Reserve,item,"7,198",-,-,"7,198"
,Total Usable Reserves,total,"24,222","2,770","(5,862)","21,130"
`;

// A 2019/20 capital programme in Table 4's shape, and nothing else for 2019/20 (no reserves position).
// 300 + 1,000 + 200 = 1,500; 100 + 900 = 1,000; revised 2,500 = 1,500 + 1,000 + 0.
const CAPITAL_2019_20 = `Capital Payments,Row type,B/Fwd from previous years (£'000),Original 2019/20 Capital Programme (£'000),Previously Authorised Programme Amendments (£'000),Revised 2019/20 Capital Budget (£'000),Outturn 2019/20 (£'000),%
Land & Buildings,item,300,700,,"1,000",800,80.0%
Fleet,item,"1,200",300,,"1,500",900,60.0%
TOTAL,total,"1,500","1,000",,"2,500","1,700",68.0%
`;

const headers = (table: HTMLElement): string[] =>
  [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');

beforeAll(async () => {
  await ensureStarted();
  const reserves = await importYearFile('reserves-position-march-2019.csv', RESERVES_2018_19);
  // The year is read from the headers (Balance 1/4/18, Balance 31/3/19).
  expect(reserves.meta.year).toBe(2018);
  // Where another 2018/19 reserves position counts already (an illustrative sample year), the import waits for
  // the user, who chooses this one, as on the Import page.
  if (reserves.displaced.length > 0) await chooseDataset(reserves.meta.id);
  const stored = (await listDatasets()).find((d) => d.id === reserves.meta.id)!;
  expect(stored.countsFrom).not.toBeNull();
  const capital = await importYearFile('capital-plan.csv', CAPITAL_2019_20);
  expect(capital.meta.year).toBe(2019);
}, 240_000);

describe('the pages by year', { timeout: 120_000 }, () => {
  it('shows the 2018/19 reserves file under 2018/19, with its own figures and dates', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2018-19'] });
    const table = await screen.findByRole('table', { name: "Table 5: reserves position, 2018/19 (£'000)" });
    expect(headers(table)).toEqual([
      'Reserve',
      'Balance 1 April 2018',
      'Added',
      'Used',
      'Balance 31 March 2019',
      'Net movement (worked out)',
    ]);
    // 423 - 100 = 323.
    expect(cells(rowOf(table, 'ICT Development Reserve'))).toEqual(['423', '-', '(100)', '323', '(100)']);
    // Net movement 2,770 - 5,862 = (3,092).
    expect(cells(rowOf(table, 'Total Usable Reserves'))).toEqual(['24,222', '2,770', '(5,862)', '21,130', '(3,092)']);
    expect(screen.getByText(/Read from: reserves-position-march-2019\.csv/)).toBeTruthy();
  });

  it('never shows the 2018/19 file under 2017/18, which keeps the paper’s Table 5', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2017-18'] });
    const table = await screen.findByRole('table', { name: "Table 5: reserves position, 2017/18 (£'000)" });
    expect(headers(table)[1]).toBe('Balance 1 April 2017');
    expect(cells(rowOf(table, 'ICT Development Reserve'))).toEqual(['432', '-', '-', '432', '-']);
    expect(cells(rowOf(table, 'Total Usable Reserves'))).toEqual(['29,680', '4,330', '(9,779)', '24,231', '(5,449)']);
    expect(screen.queryByText(/reserves-position-march-2019/)).toBeNull();
  });

  it('shows every loaded year’s balances side by side, then the planner’s projection', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2018-19'] });
    const table = await screen.findByRole('table', { name: /^Reserves over the years loaded \(2017\/18, 2018\/19\)/ });
    expect(headers(table)).toEqual([
      'Reserve',
      '1 April 2017',
      '31 March 2018',
      '1 April 2018',
      '31 March 2019',
      '31 March 2020 (projected)',
      '31 March 2021 (projected)',
      '31 March 2022 (projected)',
      '31 March 2023 (projected)',
    ]);
    // Each year's own figures, and no planned movements: the projection carries 2018/19's closing flat.
    expect(cells(rowOf(table, 'ICT Development Reserve'))).toEqual([
      '432',
      '432',
      '423',
      '323',
      '323',
      '323',
      '323',
      '323',
    ]);
    // 2019/20 is loaded (a capital programme) but has no reserves position: said, never filled in.
    expect(screen.getByText(/Loaded without a reserves position .*: 2019\/20\./)).toBeTruthy();
  });

  it('says what a year without a reserves position lacks, on Reserves and on Projections', async () => {
    const reserves = renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2019-20'] });
    expect(
      await screen.findByText('Nothing to show for 2019/20 yet: the reserves position needs a reserves position.'),
    ).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Table 5: reserves position/ })).toBeNull();
    reserves.unmount();
    renderWithProviders(<ProjectionsPage />, { initialEntries: ['/projections?year=2019-20'] });
    const missing = await screen.findByText(/^Nothing to show for 2019\/20 yet: the projections/);
    expect(missing.textContent).toContain('needs a reserves position');
    const box = missing.closest('.missing-data') as HTMLElement;
    expect(
      within(box)
        .getByRole('link', { name: /Import it on the Import page/ })
        .getAttribute('href'),
    ).toBe('/import?year=2019-20');
  });

  it('shows 2019/20’s capital programme and names what the year lacks', async () => {
    renderWithProviders(<CapitalPage />, { initialEntries: ['/capital?year=2019-20'] });
    const table = await screen.findByRole('table', { name: "Table 4: capital programme by category, 2019/20 (£'000)" });
    expect(cells(rowOf(table, 'TOTAL')).slice(0, 5)).toEqual(['1,500', '1,000', '-', '2,500', '1,700']);
    expect(
      screen.getByText(
        'Not loaded for 2019/20 yet: the rest of the Capital page needs a capital scheme list (with job codes), capital financing and capital carry-forward requests.',
      ),
    ).toBeTruthy();
  });

  it('finds the planted roll-forward difference between 2017/18 and 2018/19, with both figures and links', async () => {
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2018-19'] });
    await waitFor(() => tableNamed('Roll-forward from 2017/18 to 2018/19: failures first'));
    const table = tableNamed('Roll-forward from 2017/18 to 2018/19: failures first');
    // 12 reserves and the General Reserve matched by name (the 2017/18 "(*)" mark aside): the planted one alone
    // fails, and it comes first (failures first).
    const reserveRows = [...table.querySelectorAll('tbody tr')].filter((tr) =>
      / = closing balance 2017\/18$/.test(tr.querySelector('th')!.textContent),
    );
    expect(reserveRows).toHaveLength(13);
    const failing = reserveRows.filter((tr) => cells(tr)[0] === '✗ Does not tie out');
    expect(failing).toHaveLength(1);
    const first = table.querySelector('tbody tr')!;
    expect(first).toBe(failing[0]);
    expect([first.querySelector('th')!.textContent, ...cells(first).slice(0, 4)]).toEqual([
      'ICT Development Reserve: opening balance 2018/19 = closing balance 2017/18',
      '✗ Does not tie out',
      '432',
      '423',
      // 423 - 432.
      '(9)',
    ]);
    expect([...first.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/reserves?year=2017-18#row-t5-ict-development-reserve',
      '/reserves?year=2018-19#row-t5-ict-development-reserve',
    ]);
    // The Carry Forward Revenue Reserve: used in 2018/19 1,012 = added in 2017/18 1,012.
    expect(cells(rowOf(table, /^Carry Forward Revenue Reserve: used in 2018\/19/)).slice(0, 4)).toEqual([
      '✓ Ties out',
      '1,012',
      '1,012',
      '0',
    ]);
    // Road Casualty: 1,582 closing 2017/18 = 1,582 opening 2018/19.
    expect(cells(rowOf(table, /^Road Casualty Reduction & Support Fund.*: opening balance/)).slice(0, 4)).toEqual([
      '✓ Ties out',
      '1,582',
      '1,582',
      '0',
    ]);
    // 2019/20 is loaded without a reserves position: said, not checked.
    expect(screen.getByText('2019/20 has no reserves position: the reserve balances are not checked.')).toBeTruthy();
    // The 2018/19 table is cast like any year's: the paper's rule, titled by the year (the year's checks are drawn
    // after the roll-forward's, from a deferred value).
    expect(await screen.findByRole('heading', { level: 4, name: 'Reserves position 2018/19' })).toBeTruthy();
  });

  it('names on Reconciliation what 2019/20 lacks, each kind once, and casts what it has', async () => {
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2019-20'] });
    expect(
      await screen.findByText(
        /^Not loaded for 2019\/20, so not checked: an outturn summary \(budget and outturn by area\); capital financing; a reserves position; revenue carry-forward requests; a capital scheme list \(with job codes\); capital carry-forward requests\./,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: 'Capital programme (payments) 2019/20' })).toBeTruthy();
  });

  it('opens the projections at the chosen year’s closing balance, and says where each default comes from', async () => {
    renderWithProviders(<ProjectionsPage />, { initialEntries: ['/projections?year=2018-19'] });
    const opening = await screen.findByLabelText(/^Opening balance at 31 March 2019/);
    expect((opening as HTMLInputElement).value).toBe('1,632');
    expect(
      screen.getByText(
        'Opening balance: the 2018/19 reserves position’s closing balance of the Road Casualty fund, £1,632k.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Commitments: none yet: add them.')).toBeTruthy();
    expect(screen.getByText(/\(the 2018\/19 reserves position, Balance 31\/3\/19\)/)).toBeTruthy();
  });

  it('keeps the April 2019 paper’s defaults for 2017/18', async () => {
    renderWithProviders(<ProjectionsPage />, { initialEntries: ['/projections?year=2017-18'] });
    const opening = await screen.findByLabelText(/^Opening balance at 31 March 2018/);
    expect((opening as HTMLInputElement).value).toBe('1,582');
    expect(
      screen.getByText('Opening balance: Table 5’s closing 2017/18 balance of the Road Casualty fund, £1,582k.'),
    ).toBeTruthy();
    expect(screen.getByText('Commitments: the paper of 4 April 2019 (default for 2017/18 only).')).toBeTruthy();
  });
});
