// axe, as every end-to-end test runs it. The tests read only `violations`: axe is told so (resultTypes), and
// then builds a selector for one node of each passing, incomplete or inapplicable rule rather than for every
// node, which on the large pages (Revenue, Reconciliation, the board pack) is most of its time. Every rule
// still runs on every node, and every violation is reported with all its nodes, as before.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './watched-page';

function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
}

/**
 * Every violation axe finds, of any impact (a moderate one, such as two landmarks of the same name, is still a
 * fault a screen reader's user meets), with every closed disclosure opened while axe runs: what sits behind one
 * is part of the page as soon as a reader opens it. The disclosures are closed again after, so the page is left
 * as it was found.
 */
async function axeViolations(page: Page): Promise<string[]> {
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
