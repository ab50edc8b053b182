import type { BrowserContext, Page } from '@playwright/test';

/**
 * Records the main thread's long tasks (over 50 ms) from a page's first moment (buffered) into
 * `window.longTasks`, for every page of a context or for one page: the benches read them back by start time.
 */
export async function watchLongTasks(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}
