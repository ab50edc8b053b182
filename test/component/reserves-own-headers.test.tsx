// A reserves file of the finance team's own, its headers unlike the paper's ("Balance b/fwd", "Transfers out",
// "Reserve Type") and its unit said once, in the title (£000): Reserves and Projections read its columns by what
// the import mapped them to. Before, both pages looked for the paper's headings ("Balance 1/4/18", "Actual usage"):
// every figure showed as n/s (not shown), the groups as "Group not named", and Projections said the table had no
// closing balance column. Figures are the file's own (£'000, whole thousands, so no rounding is involved); totals by
// hand: openings 1,250 + 1,000 + 2,300 + 4,500 + 7,198 = 16,248; added 310 + 500 + 1,200 = 2,010; used 402 + 125
// + 1,200 + 2,500 = 4,227; closings 16,248 + 2,010 - 4,227 = 14,031; net movement 2,010 - 4,227 = (2,217).
import 'fake-indexeddb/auto';
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureStarted } from '../../src/api/sample-bootstrap';
import { ProjectionsPage } from '../../src/features/projections/projections-page';
import { ReconciliationPage } from '../../src/features/reconciliation/reconciliation-page';
import { ReservesPage } from '../../src/features/reserves/reserves-page';
import { importYearFile } from './import-year-file.ts';
import { cells, rowOf } from './reconciliation-finders.ts';
import { renderWithProviders } from './render-with-providers.tsx';

const RESERVES_2020_21 = `Cambridgeshire OPCC: earmarked reserves forecast 2020/21 (£000),,,,,
,,,,,
Reserve Name,Reserve Type,Balance b/fwd,Transfers in,Transfers out,Balance c/fwd
Road Casualty Reduction & Support Reserve,Earmarked,"1,250",310,(402),"1,158"
Insurance Reserve,Contingency,"1,000",0,(125),875
Collaboration Reserve,Earmarked,"2,300",500,"(1,200)","1,600"
Capital Financing Reserve,Capital,"4,500","1,200","(2,500)","3,200"
General Reserve,General,"7,198",0,0,"7,198"
Total,,"16,248","2,010","(4,227)","14,031"
`;

// The year's revenue outturn by the force's own lines, none of them the paper's (Constabulary, OPCC ...): it
// stands for the year's revenue outturn, whose total budget the general reserve is weighed against. Budget 70,500
// + 35,200 + 20,100 - 5,000 = 120,800; the general reserve 7,198 / 120,800 = 5.96%, 6.0% to one place.
const OUTTURN_2020_21 = `Revenue outturn summary 2020/21 (£000),,,
,,,
Service Area,Annual Budget,Projected Outturn,Variance
Police Officer Pay,"70,500","70,950",450
Police Staff Pay,"35,200","34,900",(300)
Non-Pay,"20,100","20,600",500
Income,"(5,000)","(5,400)",(400)
Total,"120,800","121,050",250
`;

const headers = (table: HTMLElement): string[] =>
  [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');

beforeAll(async () => {
  await ensureStarted();
  const reply = await importYearFile('Reserves forecast 2020-21.csv', RESERVES_2020_21);
  // The year from the title; every reserve accepted, the total row kept out (and checked) as the import does.
  expect(reply.meta.year).toBe(2020);
  expect(reply.receipt.rows).toMatchObject({ accepted: 5, rejected: 0, skipped: 1 });
  const outturn = await importYearFile('outturn-summary-2020-21.csv', OUTTURN_2020_21);
  expect(outturn.meta.year).toBe(2020);
}, 240_000);

describe('a reserves file with its own headers', { timeout: 120_000 }, () => {
  it('shows its figures and groups on the Reserves page', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2020-21'] });
    const table = await screen.findByRole('table', { name: "Table 5: reserves position, 2020/21 (£'000)" });
    expect(headers(table)).toEqual([
      'Reserve',
      'Balance 1 April 2020',
      'Added',
      'Used',
      'Balance 31 March 2021',
      'Net movement (worked out)',
    ]);
    // 1,250 + 310 - 402 = 1,158; its net movement 310 - 402 = (92).
    expect(cells(rowOf(table, 'Road Casualty Reduction & Support Reserve'))).toEqual([
      '1,250',
      '310',
      '(402)',
      '1,158',
      '(92)',
    ]);
    expect(cells(rowOf(table, 'Capital Financing Reserve'))).toEqual(['4,500', '1,200', '(2,500)', '3,200', '(1,300)']);
    expect(cells(rowOf(table, 'Total'))).toEqual(['16,248', '2,010', '(4,227)', '14,031', '(2,217)']);
    expect(table.textContent).not.toContain('n/s');
    expect(table.textContent).not.toContain('Group not named');
  });

  it("weighs the general reserve against the year's own outturn summary", async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2020-21'] });
    await screen.findByRole('table', { name: "Table 5: reserves position, 2020/21 (£'000)" });
    const text = document.body.textContent ?? '';
    expect(text).toContain('Net revenue budget 2020/21');
    expect(text).toContain('120,800');
    expect(text).toContain('6.0% (above the 5% line');
    expect(text).not.toContain('needs an outturn summary');
  });

  it('casts each reserve on Reconciliation, and names only the summaries the year lacks', async () => {
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2020-21'] });
    const lacks = await screen.findByText(/^Not loaded for 2020\/21, so not checked:/);
    // The year's outturn summary is loaded: the other two summaries are named, not "an outturn summary".
    expect(lacks.textContent).toContain(
      'the Constabulary summary by area; the OPCC and corporate costs summary (as Table 3);',
    );
    expect(lacks.textContent).not.toContain('an outturn summary');
    // Every reserve's closing = opening + added + usage is checked from the file's own columns (5 rows).
    const text = document.body.textContent ?? '';
    expect(text).not.toContain('Not checked (column not in the file): Closing balance');
    expect(text).toMatch(/Reserves position 2020\/21\s*\d+ checks: \d+ pass, 0 rounding differences, 0 failures/);
  });

  it('opens the projections at its closing balance of the Road Casualty reserve', async () => {
    renderWithProviders(<ProjectionsPage />, { initialEntries: ['/projections?year=2020-21'] });
    const opening = await screen.findByLabelText(/^Opening balance at 31 March 2021/);
    expect((opening as HTMLInputElement).value).toBe('1,158');
    expect(screen.getByText(/\(the 2020\/21 reserves position, Balance c\/fwd\)/)).toBeTruthy();
    expect(screen.queryByText(/no closing balance column/)).toBeNull();
  });
});
