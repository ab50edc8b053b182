// The chart adapters of the capital and reserves pages: the figures as numbers for drawing only, in £'000,
// in the table's order, leaving out (never zeroing) what the source does not show.
import { describe, expect, it } from 'vitest';
import { toCategoryRows, toSchemeRows } from '../../../src/api/capital-mappings';
import { toReserveRows } from '../../../src/api/reserves-mappings';
import { buildCapitalProgramme, type CategoryBudgetLine } from '../../../src/domain/capital/capital-programme';
import { Money } from '../../../src/domain/core/money';
import { buildReservesPosition } from '../../../src/domain/reserves/reserves-position';
import { toCapitalCategorySeries } from '../../../src/features/capital/to-chart-capital-categories';
import { toReserveBalanceSeries } from '../../../src/features/reserves/to-chart-reserve-balances';
import { toReserveMovementSeries } from '../../../src/features/reserves/to-chart-reserve-movements';
import { sampleTable } from '../helpers/sample-tables';

describe('toCapitalCategorySeries', () => {
  const programme = buildCapitalProgramme(
    toCategoryRows(sampleTable('table-4-capital-programme.csv')),
    toSchemeRows(sampleTable('appendix-3-capital-schemes.csv')),
  );

  it('gives revised budget and outturn by category in £000 (Table 4)', () => {
    expect(toCapitalCategorySeries(programme.categories)).toEqual([
      { category: 'Land & Buildings', revised: 2440, outturn: 1629 },
      { category: 'IT & Communications', revised: 1565, outturn: 977 },
      { category: 'Fleet', revised: 2267, outturn: 1854 },
      { category: 'Collaboration', revised: 1585, outturn: 1242 },
      { category: 'Schemes approved subject to further business case', revised: 3594, outturn: 0 },
    ]);
  });

  it('leaves out a category whose outturn is not shown, rather than drawing it as nil', () => {
    const line = { ...programme.categories[0]!, outturn: null } satisfies CategoryBudgetLine;
    expect(toCapitalCategorySeries([line])).toEqual([]);
  });
});

describe('reserve chart adapters', () => {
  const position = buildReservesPosition(toReserveRows(sampleTable('table-5-reserves.csv')));

  it('balances: opening against closing for all 13 reserves (Table 5)', () => {
    const series = toReserveBalanceSeries(position.reserves);
    expect(series).toHaveLength(13);
    expect(series[2]).toEqual({ reserve: 'Budget Assistance Reserve', opening: 8414, closing: 4060 });
    expect(series[12]).toEqual({ reserve: 'General Reserve', opening: 7198, closing: 7198 });
  });

  it('movements: the 10 reserves that moved, used drawn below zero', () => {
    // ICT Development, Ill-Health Retirement and the General Reserve neither gained nor lost.
    const series = toReserveMovementSeries(position.reserves);
    expect(series.map((p) => p.reserve)).not.toContain('ICT Development Reserve');
    expect(series).toHaveLength(10);
    expect(series.find((p) => p.reserve === 'Capital Carry Forward Reserve')).toEqual({
      reserve: 'Capital Carry Forward Reserve',
      added: 2173,
      used: -1604,
    });
  });

  it('rounds a figure in pounds to whole £000 for drawing', () => {
    const [line] = buildReservesPosition([
      {
        key: 'r',
        name: 'R',
        group: 'earmarked',
        rowType: 'item',
        opening: new Money('1499.99'),
        added: new Money('0'),
        used: new Money('0'),
        closing: new Money('1500.5'),
        note: '',
      },
    ]).reserves;
    expect(toReserveBalanceSeries([line!])).toEqual([{ reserve: 'R', opening: 1, closing: 2 }]);
  });
});
