import type { Page, PageScreenshotOptions } from '@playwright/test';

/**
 * A screenshot kept for a person to look at (test-results and test/e2e/artifacts): asserts nothing, so CI, where
 * nobody opens it, skips it (a full-page capture of a long page takes seconds of both cores). Set
 * E2E_SCREENSHOTS=1 to keep them in CI too; a failing test's own screenshot is Playwright's, kept either way.
 */
export async function keepScreenshot(page: Page, options: PageScreenshotOptions & { path: string }): Promise<void> {
  if (process.env.CI && !process.env.E2E_SCREENSHOTS) return;
  await page.screenshot(options);
}
