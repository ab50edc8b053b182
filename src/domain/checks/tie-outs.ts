import { classify, type CheckStatus } from './casting';
import { Money, ZERO, sum, THOUSAND } from '../core/money';
import type { RowType } from './table-rows';

/*
 * Tie-outs: checks that one file agrees with another. A table's own totals can cast while the
 * figure that another table carries for the same thing does not match it (Table 5's addition to the
 * Capital Carry Forward Reserve against Table 4's transfer to it), and only a comparison across files
 * shows that. Each tie-out names two sides, each one figure or a signed sum of figures, found by table,
 * row and column; the figures are compared by the rule the casting checks use (a pass, a rounding
 * difference within half a printed unit per figure, a failure with its amount), and a missing figure
 * makes the tie-out incomplete, never nil.
 */

/** The checks across files (ARCHITECTURE.md, "The checks"), plus the comparisons between a table and its breakdowns. */
export type TieOutGroup =
  | 'revenue-carry-forwards'
  | 'capital-carry-forwards'
  | 'reserves-funding-capital'
  | 'capital-spend-financing'
  | 'revenue-reserve-transfers'
  | 'scheme-detail'
  | 'revenue-tables'
  | 'paper-text'
  | 'roll-forward';

export const TIE_OUT_GROUPS: Readonly<Record<TieOutGroup, { title: string; rule: string }>> = {
  'revenue-carry-forwards': {
    title: 'Revenue carry-forwards and the Carry Forward Revenue Reserve',
    rule: 'The revenue carry-forward requests equal the additions to the Carry Forward Revenue Reserve.',
  },
  'capital-carry-forwards': {
    title: 'Capital slippage and the Capital Carry Forward Reserve',
    rule: 'The capital slippage carried forward equals the additions to the Capital Carry Forward Reserve, and last year’s equals the budget brought forward.',
  },
  'reserves-funding-capital': {
    title: 'Reserves that finance capital',
    rule: 'What a reserve gives to capital (applied, plus its transfer to the carry-forward reserve) equals the reserve’s usage.',
  },
  'capital-spend-financing': {
    title: 'Capital spend and capital financing',
    rule: 'The capital financing totals equal the capital programme’s: budget brought forward, programme, amendments, revised budget and spend.',
  },
  'revenue-reserve-transfers': {
    title: 'Revenue outturn and reserve movements',
    rule: 'Transfers to and from reserves in the revenue outturn equal the reserves’ movements.',
  },
  'scheme-detail': {
    title: 'Scheme detail against the programme',
    rule: 'The scheme-by-scheme report (Appendix 3) agrees with the programme by category (Table 4), and each carry-forward request (Appendix 4) with its scheme.',
  },
  'revenue-tables': {
    title: 'Revenue outturn against its breakdowns',
    rule: 'Each line of the revenue outturn equals the total of the table that breaks it down.',
  },
  'paper-text': {
    title: 'Figures stated in the text',
    rule: 'A figure the report states in words equals the table’s.',
  },
  'roll-forward': {
    title: 'Between the years: roll-forward',
    rule: 'Each reserve opens the year at last year’s closing balance; the capital budget brought forward equals last year’s slippage carried forward; the Carry Forward Revenue Reserve uses what was added to it last year.',
  },
};

export interface TieOutRow {
  key: string;
  label: string;
  rowType: RowType;
  /** Amounts in pounds (exact); percentages as percent numbers; null where not shown. */
  values: Readonly<Record<string, Money | null | undefined>>;
}

export interface TieOutTable {
  /** The file (or dataset) name, as tie-out specs refer to it. */
  id: string;
  title: string;
  /** The unit the figures were printed in, in pounds: 1000 for £'000 (default). */
  printedUnit?: Money;
  /** The value columns (amounts and percentages), as headed in the file. */
  columns: readonly string[];
  rows: readonly TieOutRow[];
}

type Sign = 1 | -1;

/** Where a figure comes from: one cell, the sum of a table's item rows in a column, or a figure stated in the text. */
export type FigureSpec =
  | { table: string; row: string; column: RegExp; sign?: Sign }
  | { table: string; rows: 'items'; column: RegExp; sign?: Sign }
  | {
      /** Where the text states it, e.g. "paragraph 6.2". */
      stated: string;
      /** The words quoted, e.g. "£410k". */
      quote: string;
      /** The figure in pounds, exact. */
      pounds: string;
      /** The unit it is stated to, in pounds: "£410k" and "£1.852m" are both to the £1,000. */
      unit?: string;
      sign?: Sign;
    };

export interface TieOutSpec {
  id: string;
  group: TieOutGroup;
  description: string;
  unit?: 'amount' | 'percent';
  /** The figure claimed (one cell, or a signed sum). */
  printed: readonly FigureSpec[];
  /** What it should equal. */
  against: readonly FigureSpec[];
  /** What a reader should know about the result (from the hand working in data/README.md). */
  note?: string;
}

/** One figure as found: where it is (for the link to its row), and its value. */
export interface Figure {
  /** The table (file) holding it, or null for a figure stated in the text. */
  table: string | null;
  /** The row key, for links; null for a stated figure. */
  row: string | null;
  /** What a reader calls it: "Capital Reserve · Actual usage (£'000)", "paragraph 6.2: £410k". */
  label: string;
  column: string;
  value: Money | null;
  sign: Sign;
}

export interface TieOutResult {
  id: string;
  group: TieOutGroup;
  description: string;
  unit: 'amount' | 'percent';
  /** Where the claimed figure is: the first figure of the printed side. */
  table: string | null;
  row: string | null;
  column: string;
  /** The printed side's value (pounds, or a percent number); null when a figure is missing. */
  printed: Money | null;
  /** The other side's value; null when a figure is missing. */
  computed: Money | null;
  /** printed - computed. */
  difference: Money | null;
  tolerance: Money;
  status: CheckStatus;
  printedFigures: Figure[];
  againstFigures: Figure[];
  /** What made it incomplete. */
  missing: string[];
  note?: string;
}

const HALF = new Money('0.5');

interface Resolved {
  figures: Figure[];
  /** Half a printed unit per figure: how far the side may be off from rounding alone. */
  slack: Money;
  missing: string[];
}

function resolve(spec: FigureSpec, tables: ReadonlyMap<string, TieOutTable>, unit: 'amount' | 'percent'): Resolved {
  const sign = spec.sign ?? 1;
  if ('stated' in spec) {
    const value = new Money(spec.pounds);
    return {
      figures: [{ table: null, row: null, label: `${spec.stated}: ${spec.quote}`, column: spec.stated, value, sign }],
      slack: new Money(spec.unit ?? 1000).times(HALF),
      missing: [],
    };
  }
  const table = tables.get(spec.table);
  if (!table) {
    return {
      figures: [{ table: spec.table, row: null, label: `${spec.table} (not loaded)`, column: '', value: null, sign }],
      slack: ZERO,
      missing: [`${spec.table} is not loaded`],
    };
  }
  const column = table.columns.find((c) => spec.column.test(c));
  const halfUnit = (table.printedUnit ?? THOUSAND).times(HALF);
  const slackOf = (v: Money | null): Money =>
    unit === 'percent' ? (v === null ? ZERO : new Money(10).pow(-v.decimalPlaces()).times(HALF)) : halfUnit;
  if (column === undefined) {
    return {
      figures: [
        {
          table: table.id,
          row: null,
          label: `${table.title}: no column matching ${spec.column.source}`,
          column: '',
          value: null,
          sign,
        },
      ],
      slack: ZERO,
      missing: [`${table.title} has no column matching ${spec.column.source}`],
    };
  }
  const rows =
    'rows' in spec ? table.rows.filter((r) => r.rowType === 'item') : table.rows.filter((r) => r.key === spec.row);
  if (rows.length === 0) {
    const what = 'rows' in spec ? 'no item rows' : `no row ${spec.row}`;
    return {
      figures: [{ table: table.id, row: null, label: `${table.title}: ${what}`, column, value: null, sign }],
      slack: ZERO,
      missing: [`${table.title} has ${what}`],
    };
  }
  const figures = rows.map((r): Figure => ({
    table: table.id,
    row: r.key,
    label: `${r.label} · ${column}`,
    column,
    value: r.values[column] ?? null,
    sign,
  }));
  return {
    figures,
    slack: sum(figures.map((f) => slackOf(f.value))),
    missing: figures.filter((f) => f.value === null).map((f) => `${table.title}: ${f.label} is not shown`),
  };
}

function side(specs: readonly FigureSpec[], tables: ReadonlyMap<string, TieOutTable>, unit: 'amount' | 'percent') {
  const parts = specs.map((s) => resolve(s, tables, unit));
  const figures = parts.flatMap((p) => p.figures);
  const missing = parts.flatMap((p) => p.missing);
  const value = missing.length === 0 ? sum(figures.map((f) => (f.value ?? ZERO).times(f.sign))) : null;
  return { figures, missing, value, slack: sum(parts.map((p) => p.slack)) };
}

/**
 * Runs one tie-out over the loaded tables. Amounts in pounds, exact; the tolerance is half a printed unit
 * for every figure on either side (each may be rounded by that much), so "1,012 against 1,013" in £'000 is
 * a rounding difference and "2,154 against 2,173" a failure of 19. Percentages printed to one decimal may
 * differ by half of that last place each. Pure; never throws.
 */
export function checkTieOut(spec: TieOutSpec, tables: ReadonlyMap<string, TieOutTable>): TieOutResult {
  const unit = spec.unit ?? 'amount';
  const printed = side(spec.printed, tables, unit);
  const against = side(spec.against, tables, unit);
  const first = printed.figures[0];
  const difference = printed.value !== null && against.value !== null ? printed.value.minus(against.value) : null;
  const tolerance = printed.slack.plus(against.slack);
  const status: CheckStatus = difference === null ? 'incomplete' : classify(difference, tolerance);
  return {
    id: spec.id,
    group: spec.group,
    description: spec.description,
    unit,
    table: first?.table ?? null,
    row: first?.row ?? null,
    column: first?.column ?? '',
    printed: printed.value,
    computed: against.value,
    difference,
    tolerance,
    status,
    printedFigures: printed.figures,
    againstFigures: against.figures,
    missing: [...printed.missing, ...against.missing],
    ...(spec.note === undefined ? {} : { note: spec.note }),
  };
}

/** Every tie-out, in the order given. */
export function checkTieOuts(specs: readonly TieOutSpec[], tables: ReadonlyMap<string, TieOutTable>): TieOutResult[] {
  return specs.map((s) => checkTieOut(s, tables));
}
