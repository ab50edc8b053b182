// The MTFS planner on the Projections page: the plan's flags, how long each reserve lasts, planned movements from a CSV.
// The Projections page against the sample files (msw) and an in-memory IndexedDB: see projections-harness.tsx.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { rowOf, cells, renderPage, replace } from './projections-harness.tsx';

describe('ProjectionsPage: MTFS planner', () => {
  it('flags the general reserve above 5% and below the floor once drawn down', async () => {
    const user = await renderPage();
    const shares = () =>
      screen.getByRole('table', { name: "The chart's figures: general reserve against the net revenue budget" });
    // 7,198 / 130,959 = 5.4964% -> 5.50%: above the 5% line.
    expect(cells(rowOf(shares(), '2017/18 (actual)'))).toEqual([
      '7,198',
      '130,959',
      '5.50%',
      '▲ Above 5%: justification expected',
    ]);
    // Draw 4,000 in 2019/20: 3,198 / 130,959 = 2.442% -> below the 3% floor.
    await replace(user, screen.getByLabelText("General Reserve drawdown 2019/20 (£'000)"), '4,000');
    expect(cells(rowOf(shares(), '2019/20'))).toEqual(['3,198', '130,959', '2.44%', '▼ Below the 3% floor']);
    const plan = screen.getByRole('table', { name: /Planned movements and the balances they leave/ });
    // Total usable reserves: 24,231 - 4,000 = 20,231 from 2019/20.
    // The first cell is the (blank) line column that stays in view beside the names.
    expect(cells(rowOf(plan, 'Total usable reserves (balance)'))).toEqual([
      '',
      '24,231',
      '24,231',
      '20,231',
      '20,231',
      '20,231',
    ]);
  });

  it('says how long each reserve lasts at its 2017/18 net drawdown, only where it was drawn down', async () => {
    await renderPage();
    const plan = screen.getByRole('table', { name: /Planned movements and the balances they leave/ });
    const name = (reserve: string) => within(plan).getByRole('rowheader', { name: new RegExp(`^${reserve}`) });
    // Budget Assistance: 4,060 / 4,354 = 0.93 years; Estate Development: 2,939 / 500 = 5.9 years.
    expect(name('Budget Assistance Reserve').textContent).toContain('If 2017/18’s net drawdown went on: 0.9 years');
    expect(name('Estate Development Reserve').textContent).toContain('If 2017/18’s net drawdown went on: 5.9 years');
    // The general reserve grew in 2017/18: nothing is said of a rate, so nothing contradicts the plan.
    expect(name('General Reserve').textContent).not.toMatch(/drawdown|not drawn/i);
  });

  it('fills a drawdown across years in one action, and says in the row and in words when the reserve runs out', async () => {
    const user = await renderPage();
    await user.selectOptions(screen.getByLabelText('Reserve'), 'General Reserve');
    await user.selectOptions(screen.getByLabelText('Line'), 'Drawdown');
    await user.click(screen.getByLabelText("Each year (£'000)"));
    await user.paste('2,000');
    await user.selectOptions(screen.getByLabelText('From'), '2018/19');
    await user.selectOptions(screen.getByLabelText('To'), '2021/22');
    await user.click(screen.getByRole('button', { name: 'Fill the years' }));
    for (const y of ['2018/19', '2019/20', '2020/21', '2021/22'])
      expect(screen.getByLabelText<HTMLInputElement>(`General Reserve drawdown ${y} (£'000)`).value).toBe('2,000');
    // The contribution line is left alone.
    expect(screen.getByLabelText<HTMLInputElement>("General Reserve contribution 2018/19 (£'000)").value).toBe('');
    // 7,198 - 2,000 a year: 5,198; 3,198; 1,198; (802) at 31 March 2022: runs out in 2021/22.
    const plan = screen.getByRole('table', { name: /Planned movements and the balances they leave/ });
    const general = within(plan).getByRole('rowheader', { name: /^General Reserve/ });
    expect(general.textContent).toContain('Runs out in 2021/22');
    expect(within(plan).getByRole('rowheader', { name: /^Insurance Reserve/ }).textContent).toContain(
      'Lasts to 2021/22',
    );
    expect(
      screen.getByText(
        /On this plan one reserve runs out: General Reserve in 2021\/22, with \(£802k\) at 31 March 2022\./,
      ),
    ).toBeTruthy();
    // The name cell stays in view when the grid scrolls sideways (position: sticky, projections.css).
    expect(general.classList.contains('sticky-name')).toBe(true);
  });

  it('fills the Road Casualty fund’s rows from the model', async () => {
    const user = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Fill the fund’s rows' }));
    // Central case: 350 in each year; out 244, 1,035, 145, 145.
    expect(
      screen.getByLabelText<HTMLInputElement>("Road Casualty Reduction & Support Fund contribution 2018/19 (£'000)")
        .value,
    ).toBe('350');
    expect(
      screen.getByLabelText<HTMLInputElement>("Road Casualty Reduction & Support Fund drawdown 2019/20 (£'000)").value,
    ).toBe('1,035');
  });

  it('loads planned movements from a CSV and reports the rows it could not use', async () => {
    const user = await renderPage();
    const csv = [
      "Reserve,Year,Contribution (£'000),Drawdown (£'000)",
      'General Reserve,2019/20,,"1,500"',
      'Police Horses Reserve,2019/20,5,',
    ].join('\n');
    await user.upload(
      screen.getByLabelText('Load planned movements from a CSV'),
      new File([csv], 'plan.csv', { type: 'text/csv' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('plan.csv: 2 rows read, 1 loaded, 1 not loaded.');
    expect(alert.textContent).toContain('Line 3, Reserve: "Police Horses Reserve" is not one of the loaded reserves');
    expect(screen.getByLabelText<HTMLInputElement>("General Reserve drawdown 2019/20 (£'000)").value).toBe('1,500');
  });
});
