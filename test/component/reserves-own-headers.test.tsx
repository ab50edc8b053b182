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

const headers = (table: HTMLElement): string[] =>
  [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');

beforeAll(async () => {
  await ensureStarted();
  const reply = await importYearFile('Reserves forecast 2020-21.csv', RESERVES_2020_21);
  // The year from the title; every reserve accepted, the total row kept out (and checked) as the import does.
  expect(reply.meta.year).toBe(2020);
  expect(reply.receipt.rows).toMatchObject({ accepted: 5, rejected: 0, skipped: 1 });
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

  it('opens the projections at its closing balance of the Road Casualty reserve', async () => {
    renderWithProviders(<ProjectionsPage />, { initialEntries: ['/projections?year=2020-21'] });
    const opening = await screen.findByLabelText(/^Opening balance at 31 March 2021/);
    expect((opening as HTMLInputElement).value).toBe('1,158');
    expect(screen.getByText(/\(the 2020\/21 reserves position, Balance c\/fwd\)/)).toBeTruthy();
    expect(screen.queryByText(/no closing balance column/)).toBeNull();
  });
});
