// axe, as every end-to-end test runs it. The tests read only `violations`: axe is told so (resultTypes), and
// then builds a selector for one node of each passing, incomplete or inapplicable rule rather than for every
// node, which on the large pages (Revenue, Reconciliation, the board pack) is most of its time. Every rule
// still runs on every node, and every violation is reported with all its nodes, as before.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
}
