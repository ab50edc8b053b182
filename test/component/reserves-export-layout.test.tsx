// A reserves position exported without the sample's "Row type" column (issue 14, item 7: tables by shape): its
// total rows are the ones the import recognised and skipped, so the Reserves page reads them as totals, never
// as reserves. The file's own figures; sums by hand in the comments.
import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureStarted } from '../../src/api/sample-bootstrap';
import { ReservesPage } from '../../src/features/reserves/reserves-page';
import { importYearFile } from './import-year-file.ts';
import { cells, rowOf } from './reconciliation-finders.ts';
import { renderWithProviders } from './render-with-providers.tsx';

// 500 + 100 - 200 = 400; 7,000 + 0 - 0 = 7,000; totals 7,500 / 100 / (200) / 7,400.
const EXPORT_2016_17 = `Group,Reserve,Balance 1/4/16 (£'000),Added to Reserve (£'000),Actual usage (£'000),Balance 31/3/17 (£'000)
earmarked,Insurance Reserve,500,100,(200),400
general,General Reserve,"7,000",-,-,"7,000"
,Total Usable Reserves,"7,500",100,(200),"7,400"
`;

beforeAll(async () => {
  await ensureStarted();
  const reply = await importYearFile('RESERVES EXPORT.csv', EXPORT_2016_17);
  expect(reply.meta.year).toBe(2016);
  // The import recognises the total row by its words and its sums (a subtotal of the rows above it) and skips it.
  expect(reply.meta.skippedRows.map((r) => [r.row, r.type])).toEqual([[4, 'subtotal']]);
}, 240_000);

describe('a reserves export without a Row type column', { timeout: 120_000 }, () => {
  it('reads its total row as the printed total, not as a reserve', async () => {
    renderWithProviders(<ReservesPage />, { initialEntries: ['/reserves?year=2016-17'] });
    const table = await screen.findByRole('table', { name: "Table 5: reserves position, 2016/17 (£'000)" });
    const groups = within(table)
      .getAllByRole('rowheader')
      .filter((h) => h.getAttribute('scope') === 'rowgroup')
      .map((g) => g.textContent);
    expect(groups).toEqual(['Earmarked reserves', 'General reserve', 'Totals as printed']);
    expect(cells(rowOf(table, 'Total Usable Reserves'))).toEqual(['7,500', '100', '(200)', '7,400', '(100)']);
    expect(cells(rowOf(table, 'Insurance Reserve'))).toEqual(['500', '100', '(200)', '400', '(100)']);
    // 2016/17 has no outturn summary: the share of the budget says what it needs, and the reserves still show.
    expect(
      screen.getByText(
        /^Nothing to show for 2016\/17 yet: the general reserve’s share of the net revenue budget needs an outturn summary \(budget and outturn by area\)\./,
      ),
    ).toBeTruthy();
  });
});
