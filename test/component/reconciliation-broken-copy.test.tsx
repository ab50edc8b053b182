// A broken copy of a sample file at first start turns exactly the expected checks red. Its own file:
// the sample is imported once per page load, so the broken copy must be the first thing the page sees.
// The Reconciliation page on the sample files served by msw: every check in one place with its status in
// words, the two figures, the difference and links to the rows behind it; and with one figure of one file
// changed, exactly the checks that read it turn red. Expected outcomes are the hand-worked ones of
// data/casting-expectations.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configure, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ReconciliationPage } from '../../src/features/reconciliation/reconciliation-page';
import { DATA_DIR, server } from './msw-server.ts';
import { renderWithProviders } from './render-with-providers.tsx';

// This page holds hundreds of rows: role queries over all of it are slow in jsdom, so tables are found by
// their caption and rows by their row header, which is what a reader (and a screen reader) goes by too.
const matches = (text: string, label: string | RegExp): boolean => (typeof label === 'string' ? text === label : label.test(text));
const tableNamed = (caption: string | RegExp): HTMLElement => {
  const found = [...document.querySelectorAll('table')].filter((t) => matches(t.querySelector('caption')?.textContent ?? '', caption));
  expect(found, `one table captioned ${String(caption)}`).toHaveLength(1);
  return found[0]!;
};
const rowOf = (table: HTMLElement, label: string | RegExp): HTMLElement => {
  const found = [...table.querySelectorAll('tbody th[scope="row"]')].filter((th) => matches(th.textContent ?? '', label));
  expect(found, `one row headed ${String(label)}`).toHaveLength(1);
  return found[0]!.closest('tr')!;
};
const cells = (row: Element): string[] => [...row.querySelectorAll('td')].map((c) => c.textContent ?? '');
const summary = async (): Promise<Record<string, string>> => {
  const section = await waitFor(() => {
    const s = document.querySelector('section[aria-label="All checks"]');
    expect(s).not.toBeNull();
    return s!;
  });
  return Object.fromEntries([...section.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')!.textContent!, d.querySelector('dd')!.textContent!]));
};
const group = (title: string): HTMLElement => tableNamed(`${title}: every check`);

// These pages load several files and render hundreds of rows: on a busy 2-core machine that can take
// seconds, so the waits are generous. They guard against hanging, and time nothing.
configure({ asyncUtilTimeout: 5_000 });

describe('ReconciliationPage with a broken Table 5', () => {
  it('a broken copy of Table 5 (2,137 for 2,173 added to the Capital Carry Forward Reserve) turns exactly three checks red', async () => {
    const text = readFileSync(join(DATA_DIR, 'table-5-reserves.csv'), 'utf8').replace('"1,604","2,173","(1,604)"', '"1,604","2,137","(1,604)"');
    server.use(http.get('*/data/table-5-reserves.csv', () => HttpResponse.text(text)));
    renderWithProviders(<ReconciliationPage />);
    // Three passes become failures: 314 - 3 and 22 + 3.
    expect(await summary()).toMatchObject({ Pass: '311', Failures: '25', 'Rounding differences': '12', 'Cannot be made (figure not shown)': '31' });
    expect(cells(rowOf(group('Capital slippage and the Capital Carry Forward Reserve'), /^Table 5 Capital Carry Forward Reserve added/)).slice(0, 4)).toEqual([
      '✗ Does not tie out',
      '2,137',
      '2,173',
      '(36)',
    ]);
    const t5 = tableNamed('Table 5: Reserves position: checks that do not pass');
    // 1,012 + 38 + 402 + 705 + 2,137 = 4,294 against 4,330; 1,604 + 2,137 - 1,604 = 2,137 against 2,173.
    expect([...t5.querySelectorAll('tbody tr')].map((r) => cells(r).slice(1, 5))).toEqual([
      ['✗ Does not cast', '4,330', '4,294', '36'],
      ['✗ Does not cast', '2,173', '2,137', '36'],
    ]);
  });
});
