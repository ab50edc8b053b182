// The fixture's watch (watched-page.ts) tells the app's failures from what the browser cancels because a test left
// the page. Its page icon is fetched by the browser after the page loads; a test that goes on at once cancels it.
import type { Route } from '@playwright/test';
import { expect, pageReady, test } from './watched-page';

test.use({ profile: 'shared' });

test('the page’s icon, cancelled by the browser when the test leaves the page, does not fail the test', async ({
  app,
  requests,
}) => {
  // The icon is held unanswered, so that it is still loading when the test goes on: as on a busy machine.
  const held: Route[] = [];
  await app.route('**/favicon.svg', (route) => void held.push(route));
  await app.goto('/capital');
  await pageReady(app);
  await expect.poll(() => held.length, { timeout: 0 }).toBeGreaterThan(0);
  await app.goto('/reserves');
  await pageReady(app);
  await app.unroute('**/favicon.svg');
  expect(requests.some((r) => r.url.endsWith('/favicon.svg'))).toBe(true);
});
