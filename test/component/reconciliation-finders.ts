// Finders for the Reconciliation page's tests.
import { waitFor } from '@testing-library/react';
import { expect } from 'vitest';

// This page holds hundreds of rows: role queries over all of it were slow in jsdom (measured there), so tables are found by
// their caption and rows by their row header, which is what a reader (and a screen reader) goes by too.
const matches = (text: string, label: string | RegExp): boolean =>
  typeof label === 'string' ? text === label : label.test(text);
export const tableNamed = (caption: string | RegExp): HTMLElement => {
  const found = [...document.querySelectorAll('table')].filter((t) =>
    matches(t.querySelector('caption')?.textContent ?? '', caption),
  );
  expect(found, `one table captioned ${String(caption)}`).toHaveLength(1);
  return found[0]!;
};
export const rowOf = (table: HTMLElement, label: string | RegExp): HTMLElement => {
  const found = [...table.querySelectorAll('tbody th[scope="row"]')].filter((th) =>
    matches(th.textContent ?? '', label),
  );
  expect(found, `one row headed ${String(label)}`).toHaveLength(1);
  return found[0]!.closest('tr')!;
};
export const cells = (row: Element): string[] => [...row.querySelectorAll('td')].map((c) => c.textContent ?? '');
export const summary = async (): Promise<Record<string, string>> => {
  const section = await waitFor(() => {
    const s = document.querySelector('section[aria-label="All checks"]');
    expect(s).not.toBeNull();
    return s!;
  });
  return Object.fromEntries(
    [...section.querySelectorAll('dl > div')].map((d) => [
      d.querySelector('dt')!.textContent,
      d.querySelector('dd')!.textContent,
    ]),
  );
};
export const group = (title: string): HTMLElement => tableNamed(`${title}: every check`);
