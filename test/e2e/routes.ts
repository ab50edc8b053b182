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

/**
 * A page's address in the sample paper's year. The app opens on the latest year with data (the illustrative
 * 2018/19); the tests that check the 19 July 2018 paper's figures ask for 2017/18 in the address, as a reader's
 * bookmark would.
 */
export function paperYear(path: string): string {
  const [beforeHash = '', hash] = path.split('#');
  const joined = beforeHash.includes('?') ? `${beforeHash}&year=2017-18` : `${beforeHash}?year=2017-18`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}
