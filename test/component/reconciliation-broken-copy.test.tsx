// A broken copy of a sample file at first start turns exactly the expected checks red (expected outcomes:
// the hand-worked ones of data/casting-expectations.json). Its own file: the sample is imported once per
// page load, so the broken copy must be the first thing the page sees.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ReconciliationPage } from '../../src/features/reconciliation/reconciliation-page';
import { DATA_DIR, server } from './msw-server.ts';
import { renderWithProviders } from './render-with-providers.tsx';
import { cells, group, rowOf, summary, tableNamed } from './reconciliation-finders.ts';

describe('ReconciliationPage with a broken Table 5', () => {
  it('a broken copy of Table 5 (2,137 for 2,173 added to the Capital Carry Forward Reserve) turns exactly three checks red', async () => {
    const text = readFileSync(join(DATA_DIR, 'table-5-reserves.csv'), 'utf8').replace(
      '"1,604","2,173","(1,604)"',
      '"1,604","2,137","(1,604)"',
    );
    server.use(http.get('*/data/table-5-reserves.csv', () => HttpResponse.text(text)));
    renderWithProviders(<ReconciliationPage />, { initialEntries: ['/reconciliation?year=2017-18'] });
    // Three passes become failures: 314 - 3 and 22 + 3.
    expect(await summary()).toMatchObject({
      Pass: '311',
      Failures: '25',
      'Rounding differences': '12',
      'Cannot be made (figure not shown)': '31',
    });
    expect(
      cells(
        rowOf(
          group('Capital slippage and the Capital Carry Forward Reserve'),
          /^Table 5 Capital Carry Forward Reserve added/,
        ),
      ).slice(0, 4),
    ).toEqual(['✗ Does not tie out', '2,137', '2,173', '(36)']);
    const t5 = tableNamed('Table 5: Reserves position: checks that do not pass');
    // 1,012 + 38 + 402 + 705 + 2,137 = 4,294 against 4,330; 1,604 + 2,137 - 1,604 = 2,137 against 2,173.
    expect([...t5.querySelectorAll('tbody tr')].map((r) => cells(r).slice(1, 5))).toEqual([
      ['✗ Does not cast', '4,330', '4,294', '36'],
      ['✗ Does not cast', '2,173', '2,137', '36'],
    ]);
  });
});
