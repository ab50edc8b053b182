import {
  percentCell,
  roundColumn,
  roundWithRowTotal,
  roundedCell,
  roundingFootnote,
  statusCell,
  RESERVE_TRANSFER,
  textCell,
  varianceChart,
  workTotals,
  type FigureRow,
  type PackChart,
  type PackPage,
  type PackSource,
  type PackStatus,
  type PackTable,
} from './board-pack';
import { Money, formatWholeThousands, roundHalfAwayFromZero } from '../core/money';
import { toThousands } from '../core/units';
import { formatFinancialYear, formatPeriodLabel, financialYear } from '../core/period';
import type { RowType } from '../checks/table-rows';
import { ragOf, type Rag, type RagRule } from '../checks/rag';
import { variance, type LineType } from '../checks/variance';
import { isReserveTransfer } from '../checks/reserve-transfer';
import { summariseForecast } from '../revenue/monitoring-summary';
import { tableOneAreas, type MonitoringNode, type RevenueMonitor } from '../revenue/revenue-model';

/*
 * A month's pack: the in-year monitoring position by area as at a month (budget, budget to date, actual to
 * date, forecast outturn, variance and status), from the revenue model the Revenue page shows. What the pack
 * is drawn from is frozen as figures (exact decimal strings), with the status worked out under the rule in
 * force, so that a frozen month's pack can be drawn again from its inputs without the ledger behind it.
 */

export interface FrozenPositionRow {
  key: string;
  label: string;
  /**
   * The area's name where it must stand alone, as the board structure gives it ("Reserves (Constabulary)" for a
   * "Reserves" under the Constabulary): a chart's bar has no heading above it. Absent in packs frozen before it
   * was kept.
   */
  fullLabel?: string;
  /** item: an area; subtotal: a group (Constabulary, OPCC ...); total: the whole. */
  rowType: RowType;
  lineType: LineType;
  /** Pounds, exact decimal strings; null where the model has no figure. */
  budget: string;
  ytdBudget: string;
  actual: string | null;
  forecast: string | null;
  /** The status of the forecast variance under the rule in force when frozen; null: no forecast. */
  rag: Rag | null;
}

export interface FrozenPosition {
  year: number;
  month: number;
  /** Where the actual to date comes from: the ledger, the return, or none. */
  actualSource: 'ledger' | 'return' | 'none';
  /** The rule the status was worked out under, in words. */
  rule: string;
  /** The sentence the Revenue page writes under its chart, from the same figures. */
  summary: string;
  illustrative: boolean;
  rows: readonly FrozenPositionRow[];
  /** The datasets the position was worked out from (budget, return, ledgers), by id and SHA-256, for the cover. */
  sources: readonly PackSource[];
}

const str = (m: Money | null): string | null => (m === null ? null : m.toString());

function row(n: MonitoringNode, rowType: RowType, rule: RagRule): FrozenPositionRow {
  return {
    key: n.id,
    label: n.label,
    fullLabel: n.fullLabel,
    rowType,
    lineType: n.lineType,
    budget: n.budget.toString(),
    ytdBudget: n.ytdBudget.toString(),
    actual: str(n.actual),
    forecast: str(n.forecast),
    rag: ragOf(n.forecastVariance, rule),
  };
}

/** The position of a month's model by area, each group's areas then the group, then the total. */
export function positionOf(
  model: RevenueMonitor & { year: number },
  rule: RagRule,
  ruleWords: string,
  illustrative: boolean,
  sources: readonly PackSource[],
): FrozenPosition {
  const rows: FrozenPositionRow[] = [];
  const areas = new Set(tableOneAreas(model).map((a) => a.id));
  for (const group of model.root.children) {
    for (const area of group.children) if (areas.has(area.id)) rows.push(row(area, 'item', rule));
    rows.push(row(group, 'subtotal', rule));
  }
  rows.push({ ...row(model.root, 'total', rule), label: 'TOTAL' });
  return {
    year: model.year,
    month: model.month,
    actualSource: model.actualSource,
    rule: ruleWords,
    summary: summariseForecast(model),
    illustrative,
    rows,
    sources,
  };
}

/** "2018/19" and "P6 (September 2018)". */
export const packYearLabel = (year: number): string => formatFinancialYear(financialYear(year));
export const packMonthLabel = (year: number, month: number): string => formatPeriodLabel(financialYear(year), month);

/** The pack's title and period, from its year and month and what it shows: never typed by hand. */
export function packHeading(
  year: number,
  month: number,
  kind: 'year-end' | 'month',
): { title: string; period: string } {
  const y = packYearLabel(year);
  return kind === 'year-end'
    ? { title: `Revenue and capital outturn ${y}`, period: 'provisional outturn (year end, period 12)' }
    : { title: `Revenue monitoring ${y}`, period: `${packMonthLabel(year, month)}: in-year monitoring` };
}

const RAG_STATUS: Readonly<Record<Rag, PackStatus>> = {
  red: { icon: '▲', text: 'Red', level: 'red' },
  amber: { icon: '◆', text: 'Amber', level: 'amber' },
  green: { icon: '●', text: 'Green', level: 'green' },
};

const money = (s: string | null): Money | null => (s === null ? null : new Money(s));

/** The position table: £'000, rounded as a whole so that it casts, groups and the total worked from the areas. */
export function positionTable(position: FrozenPosition): PackTable {
  const items = position.rows.filter((r) => r.rowType === 'item');
  const exactOf = (r: FrozenPositionRow) => {
    const budget = new Money(r.budget);
    const forecast = money(r.forecast);
    return {
      budget,
      ytdBudget: new Money(r.ytdBudget),
      actual: money(r.actual),
      forecast,
      variance: forecast === null ? null : forecast.minus(budget),
    };
  };
  const rounded = roundWithRowTotal(
    items.map((r) => {
      const e = exactOf(r);
      return { budget: e.budget, variance: e.variance };
    }),
    ['budget', 'variance'],
    'forecast',
  );
  const ytd = roundColumn(items.map((r) => new Money(r.ytdBudget)));
  const actual = roundColumn(items.map((r) => money(r.actual)));
  const shownOf = new Map(
    items.map((r, i) => [r.key, { ...rounded.shown[i]!, ytdBudget: ytd[i] ?? null, actual: actual[i] ?? null }]),
  );
  const columns = ['budget', 'ytdBudget', 'actual', 'forecast', 'variance'];
  const figureRows: FigureRow[] = position.rows.map((r) => ({
    key: r.key,
    rowType: r.rowType,
    exact: exactOf(r),
    shown: shownOf.get(r.key) ?? {},
  }));
  const worked = workTotals(figureRows, columns);
  const table: PackTable = {
    id: 'revenue-position',
    caption: `Revenue position by area, ${packMonthLabel(position.year, position.month)}${position.illustrative ? ' (illustrative)' : ''} (£'000)`,
    columns: [
      { key: 'line', header: 'Area', kind: 'text' },
      { key: 'budget', header: 'Budget', kind: 'amount' },
      { key: 'ytdBudget', header: 'Budget to date', kind: 'amount' },
      { key: 'actual', header: 'Actual to date', kind: 'amount' },
      { key: 'forecast', header: 'Forecast outturn', kind: 'amount' },
      { key: 'variance', header: 'Variance', kind: 'amount' },
      { key: 'percent', header: 'Variance %', kind: 'percent' },
      { key: 'status', header: 'Status', kind: 'status' },
    ],
    rows: position.rows.map((r, i) => {
      const w = worked[i]!;
      const budget = w.exact.budget ?? null;
      const forecast = w.exact.forecast ?? null;
      const v = budget !== null && forecast !== null ? variance(budget, forecast, r.lineType) : null;
      const cell = (c: string) => roundedCell(w.exact[c] ?? null, w.shown[c] ?? null);
      return {
        key: r.key,
        label: r.label,
        ...(r.fullLabel === undefined ? {} : { fullLabel: r.fullLabel }),
        rowType: r.rowType,
        cells: {
          line: textCell(r.label),
          budget: cell('budget'),
          ytdBudget: cell('ytdBudget'),
          actual: cell('actual'),
          forecast: cell('forecast'),
          variance: cell('variance'),
          percent: percentCell(
            v?.percent ?? null,
            v === null
              ? 'n/s'
              : v.percent === null
                ? 'n/a'
                : `${roundHalfAwayFromZero(v.percent.abs(), 1).toFixed(1)}%`,
          ),
          status: isReserveTransfer(r.label)
            ? statusCell(RESERVE_TRANSFER)
            : r.rag === null || v === null
              ? textCell('n/s')
              : statusCell({
                  ...RAG_STATUS[r.rag],
                  text: `${RAG_STATUS[r.rag].text}, ${v.direction === 'on-budget' ? 'on budget' : v.direction}`,
                }),
        },
      };
    }),
    rounding: 'controlled',
    footnotes: [],
  };
  const actualWords =
    position.actualSource === 'ledger'
      ? 'Actual to date: the ledger, summed exactly over the closed periods.'
      : position.actualSource === 'return'
        ? "Actual to date: the month's monitoring return (no ledger loaded has every closed period)."
        : 'No actual to date: no ledger or return gives one.';
  return {
    ...table,
    footnotes: [
      'Variance = forecast outturn − budget: positive is an overspend (adverse), in brackets an underspend (favourable). Variance % is of the budget, unsigned.',
      actualWords,
      `Status: ${position.rule}`,
      'Group and total rows are the sums of the areas shown.',
      ...headlineNote(position, worked.at(-1)?.shown.variance ?? null),
      roundingFootnote(table),
    ],
  };
}

/** The month's variance charts, from the position table's printed figures: forecast, and to date. */
/**
 * Where the areas shown add to another variance than the year's position (the sentence above the table, worked
 * from every line of the return, year-position.ts): one sentence with both figures and why. None when they agree
 * to the £'000 printed.
 */
function headlineNote(position: FrozenPosition, shownTotal: Money | null): string[] {
  const root = position.rows.find((r) => r.rowType === 'total');
  if (!root || root.forecast === null) return [];
  const headline = roundHalfAwayFromZero(toThousands(new Money(root.forecast).minus(new Money(root.budget))), 0);
  if (shownTotal !== null && shownTotal.equals(headline)) return [];
  const k = (v: Money) => formatWholeThousands(v, { zero: '0' });
  const areas =
    shownTotal === null
      ? 'the areas shown do not add to a total (an area has no forecast)'
      : `the areas shown add to ${k(shownTotal)}, ${k(shownTotal.minus(headline).abs())} ${shownTotal.greaterThan(headline) ? 'more' : 'less'}`;
  return [
    `The position in the sentence above, a variance of ${k(headline)}, is the whole return's; ${areas}, because the return has lines outside the board's areas. The headline is the return's.`,
  ];
}

function charts(position: FrozenPosition, table: PackTable): PackChart[] {
  const when = packMonthLabel(position.year, position.month);
  return [
    varianceChart({
      id: 'revenue-position-chart',
      title: `Forecast variance by area, ${when} (£'000)`,
      summary: position.summary,
      table,
      name: "Forecast outturn − budget (£'000)",
      column: 'variance',
    }),
    varianceChart({
      id: 'revenue-position-to-date-chart',
      title: `Variance to date by area, ${when} (£'000)`,
      summary: `Actual to date less budget to date for each area as at ${when}, as the table on the previous page prints them (in brackets: below the budget to date).`,
      table,
      name: "Actual to date − budget to date (£'000)",
      of: { from: 'actual', less: 'ytdBudget' },
    }),
  ];
}

/** The month's pages: the position table with its sentence, then its charts. */
export function monitoringPages(position: FrozenPosition): PackPage[] {
  const when = packMonthLabel(position.year, position.month);
  const table = positionTable(position);
  const [forecast, toDate] = charts(position, table);
  return [
    {
      id: 'revenue-position',
      section: 'Revenue',
      heading: `Revenue monitoring, ${when}`,
      blocks: [
        { kind: 'text', tone: 'summary', text: position.summary },
        ...(position.illustrative
          ? [
              {
                kind: 'text' as const,
                tone: 'note' as const,
                text: 'Illustrative figures: some of the datasets behind this page are generated, not a real export.',
              },
            ]
          : []),
        { kind: 'table', table },
      ],
    },
    // Each variance chart on a page of its own, full width beside its data table (two side by side do not fit).
    {
      id: 'revenue-position-charts',
      section: 'Revenue',
      heading: `Revenue monitoring by area, ${when}: forecast variance`,
      blocks: [{ kind: 'chart', chart: forecast! }],
    },
    {
      id: 'revenue-position-to-date-chart',
      section: 'Revenue',
      heading: `Revenue monitoring by area, ${when}: variance to date`,
      blocks: [{ kind: 'chart', chart: toDate! }],
    },
  ];
}
