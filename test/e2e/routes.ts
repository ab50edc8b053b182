import { PAGES } from '../../src/app/pages';

/**
 * Every page of the app, for the tests that visit them all (privacy.spec.ts, recovery.spec.ts,
 * injection.spec.ts): the navigation's own list, so a new page is browsed, printed and watched like every
 * other. Each page's heading is its label in the navigation.
 */
export const ROUTES: readonly { path: string; heading: string }[] = PAGES.map((p) => ({
  path: p.to,
  heading: p.label,
}));
