// Forecast history: each month's forecast kept; a bridge between two months adds up exactly by area.
import { beforeAll, describe, expect, it } from 'vitest';
import { combineLedgers } from '../../../../src/domain/revenue/ledger-actuals';
import {
  bridgeTotal,
  forecastBridge,
  forecastHistory,
  inThousands,
  type ForecastHistory,
} from '../../../../src/domain/revenue/forecast-history';
import { Money } from '../../../../src/domain/core/money';
import { summariseBridge, summariseHistory } from '../../../../src/domain/revenue/monitoring-summary';
import {
  buildRevenueModel,
  tableOneAreas,
  type MonitoringInputs,
  type ReturnLineInput,
  type RevenueMonitor,
} from '../../../../src/domain/revenue/revenue-model';
import { boardTables, shownInThousands } from '../../../../src/domain/revenue/monitoring-tables';
import { BOARD_2017_18 } from '../../../../src/domain/papers/board-2017-18';
import { sampleInputs } from '../../helpers/sample-year';

const m = (v: string) => new Money(v);
const line = (period: number, costCentre: string, area: string, budget: string, forecast: string): ReturnLineInput => ({
  year: 2017,
  period,
  costCentre,
  subjective: '1',
  area,
  budget: m(budget),
  actual: null,
  forecast: m(forecast),
});

// Two returns, no budget file: P3 and P6 forecasts for three areas (pounds).
const inputs: MonitoringInputs = {
  budget: [],
  returns: [
    line(3, '100', 'Local Policing', '1000000', '950000'),
    line(3, '200', 'Organisational Support', '500000', '520000'),
    line(3, '300', 'Income', '-100000', '-100000'),
    line(6, '100', 'Local Policing', '1000000', '930000'),
    line(6, '200', 'Organisational Support', '500000', '610000'),
    line(6, '300', 'Income', '-100000', '-130000'),
  ],
  ledger: combineLedgers([]),
  carryForwards: [],
};

describe('forecastHistory and forecastBridge', () => {
  const history = forecastHistory([6, 3].map((month) => buildRevenueModel(inputs, month, BOARD_2017_18)));

  it("keeps each month's forecast in month order: P3 1,370,000, P6 1,410,000 against a budget of 1,400,000", () => {
    expect(history.months).toEqual([3, 6]);
    // P3: 950,000 + 520,000 - 100,000 = 1,370,000 (30,000 under); P6: 930,000 + 610,000 - 130,000 = 1,410,000 (10,000 over).
    expect(history.totals.map((t) => [t.forecast?.toString(), t.variance?.amount.toString()])).toEqual([
      ['1370000', '-30000'],
      ['1410000', '10000'],
    ]);
  });

  it('bridges P3 to P6 by area: -20,000 + 90,000 - 30,000 = +40,000 = 1,410,000 - 1,370,000', () => {
    const bridge = forecastBridge(history, 3, 6)!;
    expect(bridge.steps.map((s) => [s.label, s.change.toString()])).toEqual([
      ['Local Policing', '-20000'],
      ['Organisational Support', '90000'],
      ['Income', '-30000'],
    ]);
    expect(bridgeTotal(bridge).toString()).toBe(bridge.end.minus(bridge.start).toString());
    expect(summariseBridge(bridge)).toBe(
      'From P3 to P6 the forecast outturn rose £0.04m; the largest movement was Organisational Support, up £0.09m.',
    );
  });

  it('bridges backwards too, and leaves out areas that did not move', () => {
    const back = forecastBridge(history, 6, 3)!;
    expect(back.steps.map((s) => s.change.toString())).toEqual(['20000', '-90000', '30000']);
    expect(forecastBridge(history, 3, 3)!.steps).toEqual([]);
    expect(forecastBridge(history, 3, 9)).toBeNull();
  });

  it('says how the forecast moved', () => {
    expect(summariseHistory(history)).toBe(
      'The year-end forecast moved from £0.03m under budget at P3 to £0.01m over budget at P6.',
    );
  });
});

describe("the illustrative year's history", () => {
  let exact: ForecastHistory;
  let shown: ForecastHistory;
  let models: RevenueMonitor[];
  beforeAll(async () => {
    const data = await sampleInputs();
    models = [3, 6, 9, 12].map((month) => buildRevenueModel(data, month, BOARD_2017_18));
    exact = forecastHistory(models);
    shown = forecastHistory(models, inThousands);
  });

  it("shows each area and the total as the month's tables show them, rounding no line to do so", () => {
    models.forEach((model, i) => {
      // The tables' rounding: the whole model, from the total down to every line.
      const tables = shownInThousands(model, boardTables(model));
      for (const a of tableOneAreas(model)) {
        const h = shown.areas.find((x) => x.key === a.key)!;
        expect([a.key, h.forecast[i]?.toString()]).toEqual([a.key, tables.get(a.id)!.forecast?.toString()]);
        expect([a.key, h.budget[i]?.toString()]).toEqual([a.key, tables.get(a.id)!.budget.toString()]);
      }
      expect(shown.totals[i]!.forecast?.toString()).toBe(tables.get('total')!.forecast?.toString());
      // Rounded down to the areas only: no cost centre or line of the month is.
      const ids = [...shownInThousands(model, [], 'area').keys()];
      expect(ids.some((id) => id.startsWith('cc:') || id.startsWith('line:'))).toBe(false);
      expect([...tables.keys()].some((id) => id.startsWith('line:'))).toBe(true);
    });
  });

  it('ends at the paper (132,745 = the Table 1 lines) and every bridge adds up, exactly and as shown in £000', () => {
    expect(shown.totals.at(-1)!.forecast!.toString()).toBe('132745');
    for (const [from, to] of [
      [3, 6],
      [6, 9],
      [9, 12],
      [3, 12],
      [12, 3],
    ] as const) {
      for (const h of [exact, shown]) {
        const b = forecastBridge(h, from, to)!;
        expect(bridgeTotal(b).toString(), `P${from} to P${to}`).toBe(b.end.minus(b.start).toString());
        expect(b.unbridged).toEqual([]);
      }
    }
  });

  it('starts with a predicted underspend at P3 and ends over budget, as the paper says was forecast (para 3.1)', () => {
    expect(exact.totals[0]!.variance!.direction).toBe('favourable');
    expect(exact.totals.at(-1)!.variance!.amount.toString()).toBe('1784000'); // 132,745,000 - 130,961,000
  });
});
