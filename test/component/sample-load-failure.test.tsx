// When the sample cannot be fetched at first start, the page says so in words (never a blank screen),
// and nothing half-loaded is shown. Its own file: the first start happens once per page load.
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import { server } from './msw-server.ts';
import { renderWithProviders } from './render-with-providers.tsx';

describe('first start without the sample', () => {
  it('says which file could not be loaded, instead of showing nothing', async () => {
    server.use(http.get('*/data/table-1-revenue-outturn.csv', () => new HttpResponse(null, { status: 500 })));
    renderWithProviders(<RevenuePage />);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]!.textContent).toContain('table-1-revenue-outturn.csv could not be loaded (HTTP 500)');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
