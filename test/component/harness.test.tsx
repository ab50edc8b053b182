// Proves the component-test harness: msw serves the sample CSVs from data/, unknown requests fail,
// and renderWithProviders gives a working router and a fresh react-query client.
import { useQuery } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { server } from './msw-server.ts';
import { renderWithProviders } from './render-with-providers.tsx';

const BASE = 'http://localhost/';

describe('component test harness', () => {
  it('serves a sample data file from data/ at /data/<file>', async () => {
    const response = await fetch(new URL('/data/table-1-revenue-outturn.csv', BASE));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Constabulary');
  });

  it('answers 404 for a data file that does not exist', async () => {
    const response = await fetch(new URL('/data/no-such-file.csv', BASE));
    expect(response.status).toBe(404);
  });

  it('fails a request that no handler answers', async () => {
    await expect(fetch(new URL('/not-data/x', BASE))).rejects.toThrow();
  });

  it('lets a test override a handler for itself', async () => {
    server.use(http.get('*/data/:file', () => HttpResponse.text('overridden')));
    const response = await fetch(new URL('/data/anything.csv', BASE));
    expect(await response.text()).toBe('overridden');
  });

  it('renders inside a router and a fresh QueryClient', async () => {
    function Probe() {
      const location = useLocation();
      const query = useQuery({
        queryKey: ['probe'],
        queryFn: async () => (await fetch(new URL('/data/no-such-file.csv', BASE))).status,
      });
      return (
        <p>
          {location.pathname} {query.data ?? 'loading'}
        </p>
      );
    }
    const { queryClient } = renderWithProviders(<Probe />, { initialEntries: ['/revenue'] });
    expect(await screen.findByText('/revenue 404')).toBeTruthy();
    expect(queryClient.getDefaultOptions().queries?.retry).toBe(false);
  });
});
