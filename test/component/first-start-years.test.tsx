// A first start imports the sample's newest year (2018/19) first, and the list of years is read as soon as that
// year is in, then again when the rest is (issue 16, point 4). While the list holds 2018/19 alone, an address
// asking for 2017/18 must not be told that 2017/18 has no data (its files are on their way), and a page opened on
// the latest year says the other years are still being imported. Once the whole sample is in, both years are
// listed and each shell shows the year it was asked for. The sample's years are the files' own (data/README.md:
// the paper's tables and the first illustrative series are 2017/18, the second illustrative year 2018/19).
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { queryKeys } from '../../src/api/query-keys';
import type { YearsLoaded } from '../../src/api/year-choice';
import { Shell } from '../../src/app/shell';
import { PresentationProvider } from '../../src/components/presentation';
import { renderWithProviders } from './render-with-providers.tsx';

function renderShell(entry: string) {
  const { container, queryClient } = renderWithProviders(
    <PresentationProvider>
      <Shell>
        <Routes>
          <Route path="*" element={<p>The page</p>} />
        </Routes>
      </Shell>
    </PresentationProvider>,
    { initialEntries: [entry] },
  );
  return {
    view: within(container),
    years: () => queryClient.getQueryData<YearsLoaded>([...queryKeys.datasets, 'years']),
  };
}

const IMPORTING = 'The sample’s other years are still being imported.';

describe('a first start, the years read part-way', () => {
  it('never calls an asked year missing while its files are on their way; the list is whole at the end', async () => {
    const asked = renderShell('/revenue?year=2017-18');
    const latest = renderShell('/revenue');

    // Part-way: the list read holds the newest year only, and the page on the latest year says more is coming.
    await waitFor(() => expect(asked.years()?.complete).toBe(false));
    expect(asked.years()?.years).toEqual([2018]);
    expect((await latest.view.findByText(IMPORTING)).getAttribute('role')).toBe('status');
    expect(latest.view.getByLabelText<HTMLSelectElement>('Financial year').value).toBe('2018');
    // The asked year is not called missing, in the header or in a note: the shell waits for it.
    expect(asked.view.queryByText(/Nothing is loaded for 2017\/18/)).toBeNull();
    expect(asked.view.queryByText(/no data/)).toBeNull();

    // The whole sample in: both years listed, each shell on its year, nothing said to be missing or coming.
    await waitFor(() => expect(asked.years()?.complete).toBe(true), { timeout: 60_000 });
    const select = await asked.view.findByLabelText<HTMLSelectElement>('Financial year');
    await waitFor(() => expect([...select.options].map((o) => o.textContent)).toEqual(['2018/19', '2017/18']));
    expect(select.value).toBe('2017');
    expect(asked.view.getByRole('banner').textContent).toContain('2017/18, as at P12 (March 2018)');
    expect(asked.view.queryByText(/no data|Nothing is loaded/)).toBeNull();
    await waitFor(() => expect(latest.view.queryByText(IMPORTING)).toBeNull());
    expect(latest.view.getByLabelText<HTMLSelectElement>('Financial year').value).toBe('2018');
  });
});
