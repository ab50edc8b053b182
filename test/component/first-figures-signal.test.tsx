// The Revenue page says its first figures are drawn (firstFiguresDrawn: at a first start the sample's later year
// then starts importing) only once the board summary is on screen, not when its data has been read: the figures'
// own render is the page's heaviest, and the next year's import beside it slowed it (issue 16, point 4). Its own
// file: the page's first start is once per page load.
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as bootstrap from '../../src/api/sample-bootstrap';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import { renderWithProviders } from './render-with-providers.tsx';

vi.mock('../../src/api/sample-bootstrap', { spy: true });

describe('the Revenue page at a first start', () => {
  it('says its first figures are drawn once the board summary is on screen', async () => {
    // What the page showed when it said so: the drill-down's heading (the board summary) or nothing yet.
    const headingsWhenSaid: (string | null)[] = [];
    vi.mocked(bootstrap.firstFiguresDrawn).mockImplementation(() => {
      headingsWhenSaid.push(document.querySelector('h4.drill-heading')?.textContent ?? null);
    });
    renderWithProviders(<RevenuePage />, { initialEntries: ['/revenue?year=2017-18'] });
    await screen.findByRole('heading', { name: /^Board summary, P12 \(March 2018\)/ });
    await vi.waitFor(() => expect(headingsWhenSaid.length).toBeGreaterThan(0));
    expect(headingsWhenSaid[0]).toMatch(/^Board summary, P12 \(March 2018\)/);
  }, 60_000);
});
