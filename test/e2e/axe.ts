// axe, as every end-to-end test runs it. The tests read only `violations`: axe is told so (resultTypes), and
// then builds a selector for one node of each passing, incomplete or inapplicable rule rather than for every
// node, which on the large pages (Revenue, Reconciliation, the board pack) is most of its time. Every rule
// still runs on every node, and every violation is reported with all its nodes, as before.
// Run as `axe.run` in the page (legacy mode), not as a partial run per frame finished on a blank page: the partial
// results carry every node axe looked at, serialised out of the page and back in, which cost more than the rules
// themselves. On the Reconciliation page with every disclosure open (7,930 elements): 28.8 and 31.5 s, against 9.3
// and 13.3 s in legacy mode, with the same violations (none; an image without alt text and an empty button added
// to the page were both reported). The app has no frames, which is all that legacy mode gives up.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './watched-page';

function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}

/**
 * Every violation axe finds, of any impact (a moderate one, such as two landmarks of the same name, is still a
 * fault a screen reader's user meets), with every closed disclosure opened while axe runs: what sits behind one
 * is part of the page as soon as a reader opens it. The disclosures are closed again after, so the page is left
 * as it was found.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(() =>
    document.querySelectorAll('details:not([open])').forEach((d) => {
      d.setAttribute('data-axe-opened', '');
      (d as HTMLDetailsElement).open = true;
    }),
  );
  try {
    const { violations } = await axe(page).analyze();
    return violations.map(
      (v) => `${v.id} (${v.impact ?? 'impact not given'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  } finally {
    await page.evaluate(() =>
      document.querySelectorAll('details[data-axe-opened]').forEach((d) => {
        d.removeAttribute('data-axe-opened');
        (d as HTMLDetailsElement).open = false;
      }),
    );
  }
}

/** Axe clean: no violation of any impact, every disclosure open. */
export async function expectAxeClean(page: Page): Promise<void> {
  expect(await axeViolations(page), 'axe violations (any impact), every disclosure open').toEqual([]);
}
