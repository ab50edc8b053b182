import {
  percentCell,
  roundColumn,
  roundWithRowTotal,
  roundedCell,
  roundingFootnote,
  textCell,
  thousandsString,
  workTotals,
  type FigureRow,
  type PackPage,
  type PackTable,
} from './board-pack';
import type { CapitalProgramme, CategoryBudgetLine } from '../capital/capital-programme';
import { summariseCapitalSpend } from '../capital/capital-summary';
import { formatThousands, roundHalfAwayFromZero, sum, type Money } from '../core/money';
import { formatPercent, percentOf } from '../core/percent';

/*
 * The pack's capital page: the programme by category (Table 4) in £'000, rounded so that it casts. The
 * revised budget is worked out as B/Fwd + original + amendments and rounded with its parts as one
 * two-way table; the outturn column is rounded on its own to its total; the variance is worked out from
 * the figures shown (outturn - revised), so every row and column casts. % spent is from the exact figures.
 */

const PARTS = ['bfwd', 'original', 'amendments'] as const;
const COLUMN_WORDS: Readonly<Record<string, string>> = {
  bfwd: 'B/Fwd',
  original: 'original programme',
  amendments: 'amendments',
  revised: 'revised budget',
  outturn: 'outturn',
  percent: '% spent',
};

const revisedOf = (l: CategoryBudgetLine): Money | null =>
  PARTS.some((p) => l[p] === null) ? null : sum(PARTS.map((p) => l[p]!));

/** `yearLabel` ("2018/19") is the year the programme is of: the caption names it, never a fixed year. */
export function capitalPage(programme: CapitalProgramme, yearLabel: string): PackPage {
  const lines = [...programme.categories, ...(programme.categoryTotal ? [programme.categoryTotal] : [])];
  const items = programme.categories;
  const parts = roundWithRowTotal(
    items.map((l) => ({ bfwd: l.bfwd, original: l.original, amendments: l.amendments })),
    PARTS,
    'revised',
  );
  const outturns = roundColumn(items.map((l) => l.outturn));
  const shownOf = new Map(
    items.map((l, i) => {
      const s = parts.shown[i]!;
      const revised = s.revised ?? null;
      const outturn = outturns[i] ?? null;
      return [l.key, { ...s, outturn, variance: revised !== null && outturn !== null ? outturn.minus(revised) : null }];
    }),
  );
  const COLUMNS = ['bfwd', 'original', 'amendments', 'revised', 'outturn', 'variance'];
  const figureRows: FigureRow[] = lines.map((l) => {
    const revised = revisedOf(l);
    return {
      key: l.key,
      rowType: l.rowType,
      exact: {
        bfwd: l.bfwd,
        original: l.original,
        amendments: l.amendments,
        revised,
        outturn: l.outturn,
        variance: revised !== null && l.outturn !== null ? l.outturn.minus(revised) : null,
      },
      shown: shownOf.get(l.key) ?? {},
    };
  });
  const worked = workTotals(figureRows, COLUMNS);
  const table: PackTable = {
    id: 'capital-categories',
    caption: `Table 4: capital programme by category, ${yearLabel} (£'000)`,
    columns: [
      { key: 'category', header: 'Category', kind: 'text' },
      { key: 'bfwd', header: 'B/Fwd', kind: 'amount' },
      { key: 'original', header: 'Original programme', kind: 'amount' },
      { key: 'amendments', header: 'Amendments', kind: 'amount' },
      { key: 'revised', header: 'Revised budget', kind: 'amount' },
      { key: 'outturn', header: 'Outturn', kind: 'amount' },
      { key: 'variance', header: 'Variance', kind: 'amount' },
      { key: 'percent', header: '% of revised spent', kind: 'percent' },
    ],
    rows: lines.map((l, i) => {
      const w = worked[i]!;
      const spent = percentOf(w.exact.outturn ?? null, w.exact.revised ?? null);
      const cell = (c: string) => roundedCell(w.exact[c] ?? null, w.shown[c] ?? null);
      return {
        key: l.key,
        label: l.label,
        rowType: l.rowType,
        cells: {
          category: textCell(l.label),
          bfwd: cell('bfwd'),
          original: cell('original'),
          amendments: cell('amendments'),
          revised: cell('revised'),
          outturn: cell('outturn'),
          variance: cell('variance'),
          percent: percentCell(spent, formatPercent(spent)),
        },
      };
    }),
    rounding: 'controlled',
    footnotes: [],
  };
  const labelOf = (key: string) => lines.find((l) => l.key === key)?.label ?? key;
  const differing = programme.categoryChecks.filter((c) => c.status === 'fail' || c.status === 'rounding');
  const paperNotes = differing.map((c) =>
    c.kind === 'percentage'
      ? `${labelOf(c.row)}: the paper prints ${roundHalfAwayFromZero(c.printed!, 1).toFixed(1)}% spent; the figures give ${formatPercent(c.computed)}.`
      : `${labelOf(c.row)}, ${COLUMN_WORDS[c.column] ?? c.column}: the paper prints ${c.printed === null ? 'n/s' : formatThousands(c.printed, { zero: '0' })}; the figures give ${c.computed === null ? 'n/s' : formatThousands(c.computed, { zero: '0' })}, as shown here.`,
  );
  const footnotes = [
    'Revised budget = B/Fwd + original programme + amendments. Variance = outturn − revised budget: in brackets, spent less than the budget (slippage).',
    ...paperNotes,
    roundingFootnote(table),
  ];
  const total = worked[worked.length - 1];
  const totalLine = programme.categoryTotal;
  const workedProgramme: CapitalProgramme =
    totalLine && total
      ? {
          ...programme,
          categoryTotal: {
            ...totalLine,
            revised: total.exact.revised ?? null,
            outturn: total.exact.outturn ?? null,
            percentSpent: percentOf(total.exact.outturn ?? null, total.exact.revised ?? null),
          },
        }
      : programme;
  return {
    id: 'capital',
    section: 'Capital',
    heading: 'Capital programme by category',
    blocks: [
      { kind: 'table', table: { ...table, footnotes } },
      {
        kind: 'chart',
        chart: {
          id: 'capital-chart',
          kind: 'bars',
          orientation: 'rows',
          title: 'Revised budget against outturn by category',
          summary: summariseCapitalSpend(workedProgramme),
          series: [
            { key: 'revised', name: 'Revised budget' },
            { key: 'outturn', name: 'Outturn' },
          ],
          points: items.map((l) => ({
            label: l.label,
            values: { revised: thousandsString(revisedOf(l)), outturn: thousandsString(l.outturn) },
          })),
        },
      },
    ],
  };
}
