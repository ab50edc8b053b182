// The Road Casualty Reserve on the Projections page: the paper's sum, every case, inputs that move the exhaustion year, charts.
// The Projections page against the sample files (msw) and an in-memory IndexedDB: see projections-harness.tsx.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rowOf, cells, renderPage, replace } from './projections-harness.tsx';

// Typing into a page this size took a second or two in jsdom (measured there); allow for a slow CI machine.
describe('ProjectionsPage: Road Casualty Reserve', () => {
  it('works the paper’s sum from Table 5’s £1,582k: 1,582 - 244 - 1,035 = 303', async () => {
    await renderPage();
    const working = screen.getByRole('table', { name: /Left at 31 March 2020 if everything goes ahead/ });
    expect(cells(rowOf(working, 'Balance at 31 March 2018 (Table 5)'))).toEqual(['1,582']);
    expect(cells(rowOf(working, 'less expenditure yet to be applied, 2018/19'))).toEqual(['(244)']);
    expect(cells(rowOf(working, 'less 24 cameras (committed, 2019/20)'))).toEqual(['(730)']);
    expect(cells(rowOf(working, 'Left at 31 March 2020, no new inflow counted'))).toEqual(['303']);
    // With two years' inflow: low 303 + 2 x 172 = 647; central 303 + 700 = 1,003; high 303 + 1,000 = 1,303.
    const added = screen.getByRole('table', { name: /The same with each inflow case added/ });
    expect(cells(rowOf(added, 'Low (£172k a year)'))).toEqual(['303', '344', '647']);
    expect(cells(rowOf(added, 'Central (£350k a year)'))).toEqual(['303', '700', '1,003']);
    expect(cells(rowOf(added, 'High (£500k a year)'))).toEqual(['303', '1,000', '1,303']);
  });

  it('gives every case with and without the earmarked items, with the year it crosses the floor and zero', async () => {
    await renderPage();
    const included = screen.getByRole('table', { name: /How long the reserve lasts, earmarked items included/ });
    const leftOut = screen.getByRole('table', { name: /How long the reserve lasts, earmarked items left out/ });
    // No inflow, with earmarked: 1,338; 303; 158; 13; (132): below 145 in 2021/22, below zero in 2022/23.
    expect(cells(rowOf(included, 'No new inflow'))).toEqual([
      '(132)',
      '(132) in 2022/23',
      '▼ 2021/22',
      '▼ 2022/23',
      '-',
    ]);
    // Without the 160 earmarked: ... 173; 28: below the floor in 2022/23, never below zero.
    expect(cells(rowOf(leftOut, 'No new inflow'))).toEqual(['28', '28 in 2022/23', '▼ 2022/23', '✓ Not crossed', '-']);
    // Low: lowest 647 (2019/20); 647 - 145 = 502 could still be spent once.
    expect(cells(rowOf(included, 'Low (£172k a year)'))).toEqual([
      '728',
      '647 in 2019/20',
      '✓ Not crossed',
      '✓ Not crossed',
      '502',
    ]);
  });

  it('moves the exhaustion year when the inflow case and an earmarked item change', async () => {
    const user = await renderPage();
    const summary = () => screen.getByRole('table', { name: /How long the reserve lasts, earmarked items included/ });
    // Low case at nil: the same as no inflow, below the floor in 2021/22.
    await replace(user, screen.getByLabelText("Low case yearly inflow (£'000)"), '0');
    expect(cells(rowOf(summary(), 'Low (£0k a year)'))[2]).toBe('▼ 2021/22');
    // Speedwatch 60 -> 200 (earmarked): 1,338 - 1,175 = 163; 163 - 145 = 18: below the floor in 2020/21, zero in 2021/22.
    await replace(user, screen.getByLabelText("Speedwatch equipment: Amount (£'000)"), '200');
    expect(cells(rowOf(summary(), 'Low (£0k a year)')).slice(2, 4)).toEqual(['▼ 2020/21', '▼ 2021/22']);
    const figure = screen.getByRole('figure', { name: /Road Casualty Reserve: balance at each year end/ });
    expect(figure.textContent).toContain(
      'In the low case the balance falls below the £145k floor in 2020/21 and below zero in 2021/22',
    );
  });

  it('says which inputs cannot be read, and links to them, instead of projecting', async () => {
    const user = await renderPage();
    // Typed key by key (the one field of these tests typed so): the page reads the field as each key lands.
    const floor = screen.getByLabelText("Floor (£'000)");
    await user.clear(floor);
    await user.type(floor, 'abc');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('link', { name: 'Floor: "abc" is not an amount' }).getAttribute('href')).toBe(
      '#rc-floor',
    );
    expect(screen.getByLabelText("Floor (£'000)").getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryAllByRole('table', { name: /How long the reserve lasts/ })).toEqual([]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save scenario' }).disabled).toBe(true);
  });

  it('adds and removes a commitment', async () => {
    const user = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Remove Speedwatch equipment' }));
    const working = screen.getByRole('table', { name: /Left at 31 March 2020/ });
    // 1,582 - 244 - 975 = 363.
    expect(cells(rowOf(working, 'Left at 31 March 2020, no new inflow counted'))).toEqual(['363']);
    await user.click(screen.getByRole('button', { name: 'Add a commitment' }));
    await replace(user, screen.getByLabelText("New item: Amount (£'000)"), '63');
    expect(
      cells(
        rowOf(
          screen.getByRole('table', { name: /Left at 31 March 2020/ }),
          'Left at 31 March 2020, no new inflow counted',
        ),
      ),
    ).toEqual(['300']);
  });

  it('draws every chart with a summary and a data table', async () => {
    await renderPage();
    const figures = screen.getAllByRole('figure');
    expect(figures.length).toBeGreaterThanOrEqual(2);
    for (const f of figures) {
      expect(within(f).getByRole('img').getAttribute('aria-label')).toMatch(/\. \S/);
      expect(within(f).getByRole('table')).toBeTruthy();
    }
  });
});
