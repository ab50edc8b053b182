// The Projections page answers "how long does it last?" first: a sentence for each model above the scenario bar,
// worked from the inputs as they stand. Figures: the paper's case (BCB 4 April 2019) from Table 5's £1,582k and
// Table 1's net revenue budget of £130,959k, worked by hand in road-casualty-reserve.test.ts and
// projections-in-short.test.ts.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage, replace } from './projections-harness.tsx';

describe('ProjectionsPage: the answers first', () => {
  it('says how long each reserve lasts before any input, and says it again when an input changes', async () => {
    const user = await renderPage();
    const answers = screen.getByRole('region', { name: 'How long the reserves last, on these inputs' });
    // Before the scenario bar and both models in the page's order.
    const scenario = screen.getByRole('heading', { name: 'Scenario' });
    expect(answers.compareDocumentPosition(scenario) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const items = within(answers).getAllByRole('listitem');
    expect(items[0]!.textContent).toContain(
      'with no new inflow it falls below the floor in 2021/22 and below zero in 2022/23; in the low, central and high cases it stays at or above the floor to 2022/23.',
    );
    expect(items[1]!.textContent).toMatch(/^MTFS plan, 2018\/19 to 2021\/22: all 13 reserves last to 2021\/22;/);
    expect(within(items[0]!).getByRole('link', { name: 'The model' }).getAttribute('href')).toBe('#rc-heading');
    expect(within(items[1]!).getByRole('link', { name: 'The plan' }).getAttribute('href')).toBe('#mtfs-heading');

    // Low case at nil: the same as no inflow, 1,338; 303; 158; 13: below the £145k floor in 2021/22.
    await replace(user, screen.getByLabelText("Low case yearly inflow (£'000)"), '0');
    expect(items[0]!.textContent).toContain(
      'with no new inflow it falls below the floor in 2021/22 and below zero in 2022/23; in the low case it falls below the floor in 2021/22 and below zero in 2022/23; in the central and high cases it stays at or above the floor to 2022/23.',
    );
  });
});
