// The monitoring charts' adapters: report models in, numbers for drawing out (the only place money
// becomes a JavaScript number), figures as the tables beside the charts show them.
import { describe, expect, it } from 'vitest';
import { combineLedgers } from '../../../../src/domain/revenue/ledger-actuals';
import { forecastBridge, forecastHistory, inThousands } from '../../../../src/domain/revenue/forecast-history';
import { Money } from '../../../../src/domain/core/money';
import { boardTables, shownInThousands } from '../../../../src/domain/revenue/monitoring-tables';
import {
  buildRevenueModel,
  tableOneAreas,
  type MonitoringInputs,
  type ReturnLineInput,
} from '../../../../src/domain/revenue/revenue-model';
import { BOARD_2017_18 } from '../../../../src/domain/papers/board-2017-18';
import { toBudgetForecastSeries } from '../../../../src/features/revenue/to-chart-budget-forecast';
import { toForecastHistorySeries } from '../../../../src/features/revenue/to-chart-forecast-history';
import { toVarianceByAreaSeries } from '../../../../src/features/revenue/to-chart-variance-by-area';
import {
  toBridgeWaterfall,
  toBudgetForecastWaterfall,
  toWaterfall,
} from '../../../../src/features/revenue/to-chart-waterfall';

const k = (v: string) => new Money(v).times(1000);
const line = (period: number, costCentre: string, area: string, budget: string, forecast: string): ReturnLineInput => ({
  year: 2017,
  period,
  costCentre,
  subjective: '1',
  area,
  budget: k(budget),
  actual: null,
  forecast: k(forecast),
});

// The Constabulary summary's lines at year-end (£'000), as two monthly returns.
const inputs: MonitoringInputs = {
  budget: [],
  returns: [
    line(12, '1', 'Local Policing', '75259', '73712'),
    line(12, '2', 'Organisational Support', '15984', '20378'),
    line(12, '3', 'Income', '-1435', '-2194'),
    line(9, '1', 'Local Policing', '75259', '74000'),
    line(9, '2', 'Organisational Support', '15984', '19000'),
    line(9, '3', 'Income', '-1435', '-2000'),
  ],
  ledger: combineLedgers([]),
  carryForwards: [],
};
const p12 = buildRevenueModel(inputs, 12, BOARD_2017_18);
const shown = shownInThousands(p12, boardTables(p12));
const areas = tableOneAreas(p12).filter((a) => !a.budget.isZero());

describe('toBudgetForecastSeries', () => {
  it("gives budget and forecast by area in £000, in the board's order", () => {
    expect(toBudgetForecastSeries(areas, shown)).toEqual([
      { area: 'Local Policing', budget: 75259, forecast: 73712 },
      { area: 'Organisational Support', budget: 15984, forecast: 20378 },
      { area: 'Income', budget: -1435, forecast: -2194 },
    ]);
  });
});

describe('toVarianceByAreaSeries', () => {
  it('puts overspends above zero and underspends below, with their direction', () => {
    // 73,712 - 75,259 = (1,547); 20,378 - 15,984 = 4,394; -2,194 - (-1,435) = (759), more income.
    expect(toVarianceByAreaSeries(areas, shown)).toEqual([
      { area: 'Local Policing', variance: -1547, direction: 'favourable' },
      { area: 'Organisational Support', variance: 4394, direction: 'adverse' },
      { area: 'Income', variance: -759, direction: 'favourable' },
    ]);
  });
});

describe('toWaterfall', () => {
  it('floats each step from where the last ended; totals from zero when the steps are large', () => {
    const chart = toWaterfall({
      startLabel: 'Budget',
      start: new Money(100),
      steps: [
        { label: 'A', change: new Money(-60) },
        { label: 'B', change: new Money(20) },
      ],
      endLabel: 'End',
      end: new Money(60),
    });
    // 100 -> 40 -> 60: A spans 40..100 (down), B 40..60 (up).
    expect(chart.points).toEqual([
      { label: 'Budget', range: [0, 100], value: 100, kind: 'total' },
      { label: 'A', range: [40, 100], value: -60, kind: 'decrease' },
      { label: 'B', range: [40, 60], value: 20, kind: 'increase' },
      { label: 'End', range: [0, 60], value: 60, kind: 'total' },
    ]);
    expect(chart.axisFromZero).toBe(true);
  });

  it('starts the axis below the lowest running total when the steps are small against the totals, and says so', () => {
    const chart = toBudgetForecastWaterfall(p12, shown)!;
    // Budget 75,259 + 15,984 - 1,435 = 89,808; forecast 73,712 + 20,378 - 2,194 = 91,896 = 89,808 - 1,547 + 4,394 - 759.
    expect(chart.points.map((p) => [p.label, p.value])).toEqual([
      ['Budget', 89808],
      ['Local Policing', -1547],
      ['Organisational Support', 4394],
      ['Income', -759],
      ['Forecast outturn', 91896],
    ]);
    // Running totals 89,808, 88,261, 92,655, 91,896: lowest 88,261, span 4,394; floor 88,261 - 1,098.5 = 87,162.5, down to 87,000.
    expect(chart.axisFromZero).toBe(false);
    // Below 88,261 by a quarter of the span (87,000), then down to a round tick: the axis runs by 2,000
    // from 86,000 (niceTicks), and the total bars stand on it.
    expect(chart.domain[0]).toBe(86000);
    expect(chart.ticks[0]).toBe(86000);
    expect(new Set(chart.ticks.slice(1).map((t, i) => t - chart.ticks[i]!))).toEqual(new Set([2000]));
    expect(chart.points[0]!.range).toEqual([86000, 89808]);
  });
});

describe('history and bridge series', () => {
  const models = [buildRevenueModel(inputs, 9, BOARD_2017_18), p12];
  const history = forecastHistory(models, inThousands);

  it('gives the forecast by month in £000', () => {
    // P9: 74,000 + 19,000 - 2,000 = 91,000 (1,192 over 89,808); P12: 91,896 (2,088 over).
    expect(toForecastHistorySeries(history)).toEqual([
      { month: 'P9', budget: 89808, forecast: 91000, variance: 1192 },
      { month: 'P12', budget: 89808, forecast: 91896, variance: 2088 },
    ]);
  });

  it("draws the bridge from one month's forecast to the other's", () => {
    const chart = toBridgeWaterfall(forecastBridge(history, 9, 12)!);
    // LP 74,000 -> 73,712 (-288); OS 19,000 -> 20,378 (+1,378); Income -2,000 -> -2,194 (-194): 91,000 + 896 = 91,896.
    expect(chart.points.map((p) => [p.label, p.value])).toEqual([
      ['P9 forecast', 91000],
      ['Local Policing', -288],
      ['Organisational Support', 1378],
      ['Income', -194],
      ['P12 forecast', 91896],
    ]);
  });
});
