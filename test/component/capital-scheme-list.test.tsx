// A capital report of the finance team's own, scheme by scheme, with no programme by category (a finance
// system's capital monitoring report is so): the Capital page shows its schemes. Before, the scheme table was
// drawn only beside a programme by category, so the page showed nothing of the file but what the year lacked;
// and "Spend to date" was not taken for Actual. Figures are the file's own (£'000, whole thousands); totals by
// hand: B/Fwd 200 + 100 = 300; original 1,000 + 300 + 400 + 600 = 2,300; revised 1,250 + 300 + 480 + 600 = 2,630;
// spend 800 + 120 + 300 + 100 = 1,320; carry forward 150 + 50 + 80 + 100 = 380.
import 'fake-indexeddb/auto';
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureStarted } from '../../src/api/sample-bootstrap';
import { CapitalPage } from '../../src/features/capital/capital-page';
import { importYearFile } from './import-year-file.ts';
import { cells, rowOf } from './reconciliation-finders.ts';
import { renderWithProviders } from './render-with-providers.tsx';

const CAPITAL_2021_22 = `Capital Programme Monitoring 2021/22 (£000),,,,,,,,,,
,,,,,,,,,,
Category,Scheme,Project Code,Brought forward,Original budget,Virements,Revised budget,Spend to date,Committed,Forecast outturn,Carry forward
Fleet,Vehicle replacement,CP1001,200,"1,000",50,"1,250",800,100,"1,100",150
Fleet,Marked vehicle fit-out,CP1002,0,300,0,300,120,30,250,50
IT & Communications,Body-worn video refresh,CP2001,100,400,-20,480,300,50,400,80
IT & Communications,Network upgrade,CP2002,0,600,0,600,100,200,500,100
Total,,,300,"2,300",30,"2,630","1,320",380,"2,250",380
`;

beforeAll(async () => {
  await ensureStarted();
  const reply = await importYearFile('capital-monitoring-2021-22.csv', CAPITAL_2021_22);
  expect(reply.meta.year).toBe(2021);
  expect(reply.receipt.rows).toMatchObject({ accepted: 4, rejected: 0, skipped: 1 });
  expect(reply.receipt.mapping.find((m) => m.column === 'actual')?.header).toBe('Spend to date');
}, 240_000);

describe('a capital report scheme by scheme', { timeout: 120_000 }, () => {
  it('shows its schemes, sections and total on the Capital page', async () => {
    renderWithProviders(<CapitalPage />, { initialEntries: ['/capital?year=2021-22'] });
    const table = await screen.findByRole('table', { name: /^Appendix 3: scheme by scheme capital report/ });
    // Job code, B/Fwd, original, amendments, revised, actual, commitments (then J, worked in the paper, not in the
    // file), expected outturn.
    expect(cells(rowOf(table, 'Vehicle replacement')).slice(0, 9)).toEqual([
      'CP1001',
      '200',
      '1,000',
      '50',
      '1,250',
      '800',
      '100',
      'n/s',
      '1,100',
    ]);
    expect(cells(rowOf(table, 'Body-worn video refresh')).slice(3, 6)).toEqual(['(20)', '480', '300']);
    // The carry-forwards by scheme, and what they add to against the file's total.
    expect(document.body.textContent).toContain('The schemes shown carry forward 380; the Grand Total predicts 380');
    // The programme by category is not in the file: said, and not made up.
    expect(screen.getByText(/needs a capital programme \(by category\)/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /by category/i })).toBeNull();
  });
});
