// The roll-forward checks as the Reconciliation page shows them: one table, failures first, each row with
// its status in words and symbol, both years' figures in £'000 (negatives in brackets), the difference, and
// links to the Reserves or Capital page of each year (?year=YYYY-YY). The figures are written here; the
// expected cells are their arithmetic.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/domain/core/money';
import { financialYear } from '../../src/domain/core/period';
import { checkRollForward, type ReserveBalances } from '../../src/domain/years/roll-forward';
import { RollForwardChecks } from '../../src/features/reconciliation/roll-forward-checks';
import { cells, rowOf, tableNamed } from './reconciliation-finders.ts';
import { renderWithProviders } from './render-with-providers.tsx';

const k = (thousands: number): Money => new Money(thousands).times(1000);
const reserve = (name: string, opening: number, added: number, used: number, closing: number): ReserveBalances => ({
  name,
  opening: k(opening),
  added: k(added),
  used: k(used),
  closing: k(closing),
});

const year2017 = {
  year: financialYear(2017),
  reserves: {
    reserves: [
      reserve('Budget Assistance Reserve', 8414, 0, 4354, 4060),
      reserve('ICT Development Reserve', 432, 0, 0, 432),
      reserve('Carry Forward Revenue Reserve', 1089, 1012, 1089, 1012),
      reserve('Drug Forfeiture (Operational) Reserve', 78, 38, 0, 116),
    ],
  },
  capital: {
    categories: [],
    categoryTotal: null,
    sections: [
      {
        category: 'fleet' as const,
        label: 'Fleet',
        schemes: [],
        total: { key: 'fleet-total', carryForward: k(413) },
        detailMissing: false,
      },
    ],
    grandTotal: null,
  },
  financing: { total: { key: 'total', transfer: k(2173) } },
};

const year2018 = {
  year: financialYear(2018),
  reserves: {
    reserves: [
      // 4,065 against 4,060: the planted 5.
      reserve('Budget Assistance Reserve', 4065, 0, 1000, 3065),
      // 431 against 432: (1), within rounding.
      reserve('ICT Development Reserve', 431, 0, 0, 431),
      reserve('Carry Forward Revenue Reserve', 1012, 900, 1012, 900),
      // New: 25 against nothing. Drug Forfeiture is not carried: nothing against 116.
      reserve('Police Property Act Reserve', 25, 0, 0, 25),
    ],
  },
  capital: {
    categories: [{ key: 'fleet', label: 'Fleet', category: 'fleet' as const, bfwd: k(413) }],
    categoryTotal: { key: 'total', label: 'TOTAL', bfwd: k(2173) },
    sections: [],
    grandTotal: null,
  },
};

const CAPTION = 'Roll-forward from 2017/18 to 2018/19: failures first';
const links = (row: HTMLElement) =>
  within(row)
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);

describe('RollForwardChecks', () => {
  it('lists failures first, each with its status in words and symbol, both figures and the difference', () => {
    renderWithProviders(<RollForwardChecks rollForward={checkRollForward(year2017, year2018)} />);
    // Under the page's one "Between the years" heading, each pair of years is a heading of its own.
    expect(screen.getByRole('heading', { level: 4, name: '2017/18 to 2018/19' })).toBeTruthy();
    // 4 reserves matched or not + 1 new, the Carry Forward Revenue Reserve, the capital total and Fleet.
    expect(
      screen.getByText('8 checks: 4 tie out, 1 rounding difference, 3 do not tie out, 0 cannot be made.'),
    ).toBeTruthy();
    const table = tableNamed(CAPTION);
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Check',
      'Status',
      '2017/18',
      '2018/19',
      'Difference',
      'See',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [
      tr.querySelector('th')!.textContent,
      ...cells(tr).slice(0, 4),
    ]);
    expect(rows).toEqual([
      [
        'Budget Assistance Reserve: opening balance 2018/19 = closing balance 2017/18',
        '✗ Does not tie out',
        '4,060',
        '4,065',
        '5',
      ],
      [
        'Drug Forfeiture (Operational) Reserve: not carried into 2018/19, closing balance 2017/18 against no reserve in 2018/19 Not in 2018/19’s reserves position: its closing balance is checked against nil.',
        '✗ Does not tie out',
        '116',
        'not in 2018/19',
        '(116)',
      ],
      [
        'Police Property Act Reserve: new in 2018/19, opening balance 2018/19 against no reserve in 2017/18 Not in 2017/18’s reserves position: its opening balance is checked against nil.',
        '✗ Does not tie out',
        'not in 2017/18',
        '25',
        '25',
      ],
      [
        'ICT Development Reserve: opening balance 2018/19 = closing balance 2017/18',
        '≈ Rounding difference',
        '432',
        '431',
        '(1)',
      ],
      [
        'Carry Forward Revenue Reserve: opening balance 2018/19 = closing balance 2017/18',
        '✓ Ties out',
        '1,012',
        '1,012',
        '0',
      ],
      [
        'Carry Forward Revenue Reserve: used in 2018/19 = added in 2017/18 (the revenue carry-forwards spent)',
        '✓ Ties out',
        '1,012',
        '1,012',
        '0',
      ],
      [
        'Capital programme: budget brought forward into 2018/19 = slippage carried forward from 2017/18 (the transfer to the Capital Carry Forward Reserve)',
        '✓ Ties out',
        '2,173',
        '2,173',
        '0',
      ],
      [
        'Fleet: budget brought forward into 2018/19 = slippage carried forward from 2017/18',
        '✓ Ties out',
        '413',
        '413',
        '0',
      ],
    ]);
    // The symbol is decoration; the words carry the status (never colour alone).
    for (const badge of table.querySelectorAll('.badge')) {
      expect(badge.querySelector('[aria-hidden="true"]')).not.toBeNull();
      expect(badge.textContent.replace(/^\S+\s/, '').length).toBeGreaterThan(3);
    }
  });

  it('links each row to the Reserves or Capital page of each year, at the row where there is one', () => {
    renderWithProviders(<RollForwardChecks rollForward={checkRollForward(year2017, year2018)} />);
    const table = tableNamed(CAPTION);
    expect(links(rowOf(table, /^Budget Assistance Reserve/))).toEqual([
      ['Reserves 2017/18', '/reserves?year=2017-18#row-t5-budget-assistance-reserve'],
      ['Reserves 2018/19', '/reserves?year=2018-19#row-t5-budget-assistance-reserve'],
    ]);
    expect(links(rowOf(table, /^Police Property Act Reserve/))).toEqual([
      ['Reserves 2017/18', '/reserves?year=2017-18'],
      ['Reserves 2018/19', '/reserves?year=2018-19#row-t5-police-property-act-reserve'],
    ]);
    expect(links(rowOf(table, /^Capital programme/))).toEqual([
      ['Capital 2017/18', '/capital?year=2017-18#row-t4f-total'],
      ['Capital 2018/19', '/capital?year=2018-19#row-t4p-total'],
    ]);
    expect(links(rowOf(table, /^Fleet/))).toEqual([
      ['Capital 2017/18', '/capital?year=2017-18#row-a3-fleet-total'],
      ['Capital 2018/19', '/capital?year=2018-19#row-t4p-fleet'],
    ]);
  });

  it('says which checks a year cannot give, and what is missing from a check that cannot be made', () => {
    const without = {
      year: year2018.year,
      reserves: {
        reserves: year2018.reserves.reserves.map((r) =>
          r.name === 'ICT Development Reserve' ? { ...r, opening: null } : r,
        ),
      },
    };
    renderWithProviders(<RollForwardChecks rollForward={checkRollForward(year2017, without)} />);
    expect(
      screen.getByText('2018/19 has no capital programme: the capital budget brought forward is not checked.'),
    ).toBeTruthy();
    const row = rowOf(tableNamed(CAPTION), /^ICT Development Reserve/);
    expect(row.querySelector('th')!.textContent).toContain(
      'Missing: 2018/19 ICT Development Reserve: the opening balance is not shown.',
    );
    expect(cells(row).slice(0, 4)).toEqual(['? Cannot check: figure missing', '432', 'n/s', '—']);
  });

  it('says so when no check can be made', () => {
    renderWithProviders(
      <RollForwardChecks
        rollForward={checkRollForward({ year: financialYear(2017) }, { year: financialYear(2018) })}
      />,
    );
    expect(screen.getByText('No roll-forward check can be made between 2017/18 and 2018/19.')).toBeTruthy();
    expect(document.querySelector('table')).toBeNull();
    expect(screen.getByText('2017/18 has no reserves position: the reserve balances are not checked.')).toBeTruthy();
  });
});
