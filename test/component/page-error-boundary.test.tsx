// One page failing leaves the rest of the app usable: the Revenue page is made to throw while rendering
// (as a bug or unreadable data would make it), and the app shows what failed in words, keeps the
// navigation, and opens every other page as usual.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../../src/app/routes';
import { renderWithProviders } from './render-with-providers.tsx';

vi.mock('../../src/features/revenue/revenue-page', () => ({
  RevenuePage: () => {
    throw new Error('injected fault: the Revenue page failed to render');
  },
}));

describe('a page that fails', () => {
  it('is replaced by a message, and the navigation and the other pages still work', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error; expected here
    renderWithProviders(<AppRoutes />, { initialEntries: ['/revenue'] });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'The Revenue page could not be shown' })).toBeTruthy();
    expect(alert.textContent).toContain(
      'It stopped with this problem: injected fault: the Revenue page failed to render',
    );
    expect(alert.textContent).toContain(
      'The other pages still work: choose one from the navigation above. Your stored data is unchanged.',
    );

    const user = userEvent.setup();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Reserves' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Reserves' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /could not be shown/ })).toBeNull();

    // Back to the failed page: the message again (not a blank screen), with a way to try again.
    await user.click(within(nav).getByRole('link', { name: 'Revenue' }));
    expect(await screen.findByRole('heading', { name: 'The Revenue page could not be shown' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'The Revenue page could not be shown' })).toBeTruthy();
  });
});
