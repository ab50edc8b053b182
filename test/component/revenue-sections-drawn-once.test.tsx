// The Revenue page's sections under the board summary are drawn again only when their own inputs change (issue 16:
// no long main-thread task). At the end of a first start the list of years is read again; the page re-renders
// with it, and every section used to be drawn again with it, in one synchronous task of 1.6 to 2.7 s in Chromium.
// Here the list is read again by hand once the forecast history is drawn: the page re-renders (it labels the year
// again), the forecast history's summary is not worked out again.
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../src/api/query-keys';
import * as yearChoice from '../../src/api/year-choice';
import * as summaries from '../../src/domain/revenue/monitoring-summary';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import { renderWithProviders } from './render-with-providers.tsx';

vi.mock('../../src/domain/revenue/monitoring-summary', { spy: true });
vi.mock('../../src/api/year-choice', { spy: true });

describe('the Revenue page re-rendered with the same figures', () => {
  it('does not draw the forecast history again', async () => {
    const { queryClient } = renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    // Counted once the history is on the page (its table committed) and nothing is being read: React may render a
    // section drawn in a transition more than once before it commits it (seen: twice, 50 ms apart, when a query of
    // another section settled between), and a count taken between those renders is not the drawing's.
    await screen.findByRole('table', { name: /Forecast outturn by area and month/ });
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const history = vi.mocked(summaries.summariseHistory).mock.calls.length;
    const labels = vi.mocked(yearChoice.yearLabel).mock.calls.length;

    await act(() => queryClient.invalidateQueries({ queryKey: [...queryKeys.datasets, 'years'] }));
    // The page did re-render (it labelled the year again) ...
    await waitFor(() => expect(vi.mocked(yearChoice.yearLabel).mock.calls.length).toBeGreaterThan(labels));
    // ... and the forecast history, whose models did not change, was not drawn again.
    expect(vi.mocked(summaries.summariseHistory).mock.calls.length).toBe(history);
  });
});
