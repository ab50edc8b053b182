// The Revenue page opened at a line (a link to it, a reload there) asks for the line's first page of ledger lines
// beside the month's model, not once the model is built and the list drawn (issue 16, point 5: with a million rows
// stored that read came 250-450 ms after the model), and the list, once drawn, finds that page rather than asking
// again. Its own file: the spies count calls from the page's start.
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RevenuePage } from '../../src/features/revenue/revenue-page';
import * as model from '../../src/domain/revenue/revenue-model';
import * as reads from '../../src/worker/read-client';
import { renderWithProviders } from './render-with-providers.tsx';

vi.mock('../../src/worker/read-client', { spy: true });
vi.mock('../../src/domain/revenue/revenue-model', { spy: true });

describe('the Revenue page opened at a line', () => {
  it("asks for the line's first page before the month's model is built, and only once", async () => {
    renderWithProviders(<RevenuePage />, {
      initialEntries: ['/revenue?year=2017-18&month=3&open=line:local-policing:10100:1001'],
    });
    // The list as the sample has it: P1-P3 of 10100 / 1001 (data/README.md), three lines.
    expect(
      await screen.findByRole('table', {
        name: /Ledger lines behind the actual to date: 10100 \/ 1001 Police officer pay, 3 lines in P1–P3/,
      }),
    ).toBeTruthy();
    const asked = vi.mocked(reads.readLedgerLines).mock;
    expect(asked.calls.map(([r]) => [r.costCentre, r.subjective, r.offset, r.limit, r.search, r.period])).toEqual([
      ['10100', '1001', 0, 100, '', null],
    ]);
    const built = vi.mocked(model.revenueModelSteps).mock;
    expect(built.calls.length).toBeGreaterThan(0);
    expect(asked.invocationCallOrder[0]).toBeLessThan(built.invocationCallOrder[0]!);
  });

  it('reads the codes of a line id as the model makes them, and none where they cannot be told apart', () => {
    expect(model.codesOfLineId('line:local-policing:10100:1001')).toEqual({ costCentre: '10100', subjective: '1001' });
    expect(model.codesOfLineId('line:unassigned:2041O:4010')).toEqual({ costCentre: '2041O', subjective: '4010' });
    expect(model.codesOfLineId('cc:local-policing:10100')).toBeNull();
    expect(model.codesOfLineId('line:local-policing:10:100:1001')).toBeNull();
  });
});
