// The page the app opens at is drawn at its first drawing once its chunk is fetched (routes.tsx, preloadPageAt),
// never through the "Opening the ... page" fallback: React shows a boundary's content no sooner than 300 ms after
// its fallback, and through React.lazy alone every reload waited that long after the chunk had come (issue 16,
// point 3). A page opened later still comes through the fallback, and is drawn once fetched.
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes, preloadPageAt } from '../../src/app/routes';
import { renderWithProviders } from './render-with-providers.tsx';

vi.mock('../../src/features/reserves/reserves-page', () => ({ ReservesPage: () => <h2>The reserves page</h2> }));
vi.mock('../../src/features/capital/capital-page', () => ({ CapitalPage: () => <h2>The capital page</h2> }));

describe('the page an address opens', () => {
  it('is drawn at the first drawing once fetched, without the fallback', async () => {
    await preloadPageAt('/reserves');
    renderWithProviders(<AppRoutes />, { initialEntries: ['/reserves'] });
    // Asked at once, not awaited: the first drawing has it.
    expect(screen.getByRole('heading', { name: 'The reserves page' })).toBeTruthy();
    expect(screen.queryByText('Opening the Reserves page…')).toBeNull();
  });

  it('not fetched before, is shown through the fallback and then drawn', async () => {
    renderWithProviders(<AppRoutes />, { initialEntries: ['/capital'] });
    expect(screen.getByText('Opening the Capital page…')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'The capital page' })).toBeTruthy();
  });

  it('is nothing to fetch for an address with no page', async () => {
    await expect(preloadPageAt('/no-such-page')).resolves.toBeUndefined();
    await expect(preloadPageAt('/constructor')).resolves.toBeUndefined();
  });
});
