import { describe, expect, it } from 'vitest';
import { Money } from '../../../../src/domain/core/money';
import { buildOutturnTable } from '../../../../src/domain/revenue/outturn-table';
import { toBudgetOutturnSeries } from '../../../../src/features/revenue/to-chart-budget-outturn';

const k = (v: string | null) => (v === null ? null : new Money(v).times(1000));
const row = (key: string, rowType: 'item' | 'total', budget: string | null, outturn: string | null) => ({
  key,
  label: key,
  rowType,
  budget: k(budget),
  outturn: k(outturn),
  printedVariance: null,
  printedPercent: null,
});

describe('toBudgetOutturnSeries', () => {
  it('draws item lines in £000, leaving out totals and lines with a missing figure', () => {
    const t = buildOutturnTable('t', 't', [
      row('Local Policing', 'item', '75259', '73712'),
      row('Income', 'item', '-1435', '-2194'),
      row('Unknown', 'item', null, '5'),
      row('TOTAL', 'total', '73824', '71518'),
    ]);
    expect(toBudgetOutturnSeries(t.lines)).toEqual([
      { area: 'Local Policing', budget: 75259, outturn: 73712 },
      { area: 'Income', budget: -1435, outturn: -2194 },
    ]);
  });
});
