import { formatSignedPercent } from '../core/percent';
import {
  percentCell,
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
  type PackStatus,
  type PackTable,
} from './board-pack';
import type { CheckResult } from '../checks/casting';
import { formatThousands, roundHalfAwayFromZero, type Money } from '../core/money';
import { isReserveTransfer } from '../checks/reserve-transfer';
import { summariseOutturn } from '../revenue/outturn-summary';
import type { OutturnLine, OutturnTable } from '../revenue/outturn-table';
import { variance, type VarianceDirection } from '../checks/variance';

/*
 * The pack's revenue pages: the paper's year-end tables (Table 1 and the Constabulary summary), each in
 * £'000 rounded so that it casts, with its totals worked out from the lines shown (where the paper's own
 * total differs, a footnote gives both), the variance worked out (outturn - budget), a chart of budget
 * against outturn and one sentence written from the same figures.
 */

const DIRECTION: Readonly<Record<VarianceDirection, PackStatus>> = {
  adverse: { icon: '▲', text: 'Adverse', level: 'neutral' },
  favourable: { icon: '▼', text: 'Favourable', level: 'neutral' },
  'on-budget': { icon: '●', text: 'On budget', level: 'neutral' },
};

const COLUMN_WORDS: Readonly<Record<string, string>> = {
  budget: 'budget',
  outturn: 'outturn',
  variance: 'variance',
  percent: 'variance %',
};

const figure = (c: CheckResult, v: Money | null): string =>
  v === null ? 'n/s' : c.kind === 'percentage' ? formatSignedPercent(v, 2) : formatThousands(v, { zero: '0' });

/** Where the paper's printed figures differ from the ones the pack shows, in words. */
function paperFootnotes(table: OutturnTable): string[] {
  const labelOf = (key: string) => table.lines.find((l) => l.key === key)?.label ?? key;
  const notes: string[] = [];
  const differing = table.checks.filter((c) => c.status === 'fail' || c.status === 'rounding');
  for (const c of differing.filter((c) => c.kind === 'total')) {
    notes.push(
      `${labelOf(c.row)}, ${COLUMN_WORDS[c.column] ?? c.column}: the paper prints ${figure(c, c.printed)}; its lines as printed add to ${figure(c, c.computed)}.`,
    );
  }
  for (const c of differing.filter((c) => c.kind === 'formula')) {
    notes.push(
      `${labelOf(c.row)}: the paper prints a variance of ${figure(c, c.printed)}; outturn − budget is ${figure(c, c.computed)}, as shown here.`,
    );
  }
  const percents = differing.filter((c) => c.kind === 'percentage');
  if (percents.length > 0) {
    notes.push(
      `Percentages are worked out from the exact figures; the paper prints others for ${percents.map((c) => `${labelOf(c.row)} (${figure(c, c.printed)}; the figures give ${figure(c, c.computed)})`).join(', ')}.`,
    );
  }
  return notes;
}

export interface RevenueTableResult {
  table: PackTable;
  /** The lines with their totals worked out from the lines shown (what the sentence is written from). */
  lines: OutturnLine[];
}

/** One budget-against-outturn table in £'000, rounded so that it casts, with worked totals and variances. */
export function revenueTable(source: OutturnTable, id: string): RevenueTableResult {
  const items = source.lines.filter((l) => l.rowType === 'item');
  const rounded = roundWithRowTotal(
    items.map((l) => ({
      budget: l.budget,
      variance: l.budget !== null && l.outturn !== null ? l.outturn.minus(l.budget) : null,
    })),
    ['budget', 'variance'],
    'outturn',
  );
  const shownOf = new Map(items.map((l, i) => [l.key, rounded.shown[i]!]));
  const figureRows: FigureRow[] = source.lines.map((l): FigureRow => {
    const shown = shownOf.get(l.key);
    return {
      key: l.key,
      rowType: l.rowType,
      exact: {
        budget: l.budget,
        outturn: l.outturn,
        variance: l.budget !== null && l.outturn !== null ? l.outturn.minus(l.budget) : null,
      },
      shown: shown
        ? { budget: shown.budget ?? null, outturn: shown.outturn ?? null, variance: shown.variance ?? null }
        : {},
    };
  });
  const worked = workTotals(figureRows, ['budget', 'outturn', 'variance']);
  const lines: OutturnLine[] = source.lines.map((l, i) => {
    const w = worked[i]!;
    const budget = w.exact.budget ?? null;
    const outturn = w.exact.outturn ?? null;
    return {
      ...l,
      budget,
      outturn,
      variance: budget !== null && outturn !== null ? variance(budget, outturn, l.lineType) : null,
    };
  });
  const table: PackTable = {
    id,
    caption: `${source.title} (£'000)`,
    columns: [
      { key: 'line', header: 'Line', kind: 'text' },
      { key: 'budget', header: 'Budget', kind: 'amount' },
      { key: 'outturn', header: 'Outturn', kind: 'amount' },
      { key: 'variance', header: 'Variance', kind: 'amount' },
      { key: 'percent', header: 'Variance %', kind: 'percent' },
      { key: 'status', header: 'Status', kind: 'status' },
    ],
    rows: lines.map((l, i) => {
      const w = worked[i]!;
      const v = l.variance;
      return {
        key: l.key,
        label: l.label,
        rowType: l.rowType,
        cells: {
          line: textCell(l.label),
          budget: roundedCell(w.exact.budget ?? null, w.shown.budget ?? null),
          outturn: roundedCell(w.exact.outturn ?? null, w.shown.outturn ?? null),
          variance: roundedCell(w.exact.variance ?? null, w.shown.variance ?? null),
          percent: percentCell(
            v?.percent ?? null,
            v === null
              ? 'n/s'
              : v.percent === null
                ? 'n/a'
                : `${roundHalfAwayFromZero(v.percent.abs(), 1).toFixed(1)}%`,
          ),
          status: isReserveTransfer(l.label)
            ? statusCell(RESERVE_TRANSFER)
            : v === null
              ? textCell('n/s')
              : statusCell(DIRECTION[v.direction]),
        },
      };
    }),
    rounding: 'controlled',
    footnotes: [],
  };
  const footnotes = [
    'Variance = outturn − budget: positive is an overspend (adverse), in brackets an underspend (favourable). Variance % is of the budget, unsigned as the paper prints it; n/a where the budget is nil.',
    ...paperFootnotes(source),
    'Subtotals and totals are the sums of the lines shown.',
    roundingFootnote(table),
  ];
  return { table: { ...table, footnotes }, lines };
}

/** The chart beside a revenue table: each line's variance (outturn − budget) from zero, as the table prints it. */
function outturnVarianceChart(id: string, title: string, result: RevenueTableResult): PackChart {
  return varianceChart({
    id,
    title,
    summary: summariseOutturn(result.lines),
    table: result.table,
    name: "Variance, outturn − budget (£'000)",
    column: 'variance',
  });
}

/** The revenue pages: Table 1, then the Constabulary summary, each with its chart and summary sentence. */
export function revenuePages(table1: OutturnTable, constabulary: OutturnTable): PackPage[] {
  const t1 = revenueTable(table1, 'revenue-table-1');
  const cs = revenueTable(constabulary, 'revenue-constabulary');
  return [
    {
      id: 'revenue',
      section: 'Revenue',
      heading: 'Revenue outturn',
      blocks: [
        { kind: 'table', table: t1.table },
        {
          kind: 'chart',
          chart: outturnVarianceChart('revenue-chart', "Variance by area: outturn against budget (£'000)", t1),
        },
      ],
    },
    {
      id: 'revenue-constabulary',
      section: 'Revenue',
      heading: 'Constabulary',
      blocks: [
        { kind: 'table', table: cs.table },
        {
          kind: 'chart',
          chart: outturnVarianceChart(
            'revenue-constabulary-chart',
            "Constabulary variance by area: outturn against budget (£'000)",
            cs,
          ),
        },
      ],
    },
  ];
}
