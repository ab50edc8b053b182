import { Money, ZERO, formatPounds, formatWholeThousands, roundHalfAwayFromZero, sum } from '../core/money';
import { toThousands } from '../core/units';
import { roundPreservingSum, roundTablePreservingSums } from '../core/rounding';
import type { RowType } from '../checks/table-rows';

/*
 * The board pack as data: what every printed page shows, as plain JSON (amounts as exact decimal
 * strings, never floats), so that one pack can be drawn on screen, printed, frozen in a snapshot,
 * carried in a workspace file, reopened exactly as it was and compared with another. The sections
 * (board-pack-revenue.ts, -capital, -reserves, -reconciliation, -road-casualty) build their pages from
 * the domain models; board-pack-build.ts puts them in order behind a cover and the notes.
 *
 * Amount cells carry two figures: `exact` (pounds, as the model has it) and `shown` (whole £'000 after
 * the table's rounding). A table marked `controlled` is rounded as a whole (rounding.ts: largest
 * remainder, and controlled rounding of a two-way table) so that its rows and columns cast; the exact
 * figures are printed in the notes at the end of the pack.
 */

export const PACK_FORMAT = 1;

/** How a status reads at a glance: red (act), amber (look), green (fine), neutral (information). */
export type PackLevel = 'red' | 'amber' | 'green' | 'neutral';

export interface PackStatus {
  /** A shape that reads in black and white (▲ ▼ ✓ ✗ ≈ ?). */
  icon: string;
  /** The status in words. */
  text: string;
  level: PackLevel;
}

export type PackCell =
  /** exact: pounds; shown: whole £'000 as printed in the pack; both null where the source shows no figure. */
  | { kind: 'amount'; exact: string | null; shown: string | null }
  /** A percentage (or index) as printed, with its exact percent number for comparisons. */
  | { kind: 'percent'; exact: string | null; text: string }
  | { kind: 'count'; value: number }
  | { kind: 'status'; status: PackStatus }
  | { kind: 'text'; text: string };

export type PackColumnKind = PackCell['kind'];

export interface PackColumn {
  key: string;
  header: string;
  kind: PackColumnKind;
}

export interface PackRow {
  key: string;
  label: string;
  rowType: RowType;
  /** The heading the row sits under (consecutive rows with the same group form one block). */
  group?: string;
  /** The row's name where it stands alone, without the table's headings (a chart's bar): "Reserves (Constabulary)". */
  fullLabel?: string;
  cells: Readonly<Record<string, PackCell>>;
}

/**
 * controlled: rounded as a whole so rows and columns cast; each: every figure rounded on its own (a table
 * that does not add up, such as balances by case); none: no amounts.
 */
export type PackRounding = 'controlled' | 'each' | 'none';

export interface PackTable {
  id: string;
  caption: string;
  columns: readonly PackColumn[];
  rows: readonly PackRow[];
  rounding: PackRounding;
  footnotes: readonly string[];
}

export interface PackSeries {
  key: string;
  name: string;
  /** Lines only: a dash pattern, so series differ by more than colour. */
  dash?: string;
}

export interface PackChart {
  id: string;
  /**
   * variance: one signed figure per line (outturn − budget), bars across from zero, drawn with its own data
   * table, so that a small line's variance reads beside a large one's (a budget of £126m beside one of £1m would
   * leave the small line's bar invisible).
   */
  kind: 'bars' | 'lines' | 'variance';
  /** Bars: 'columns' (upright) or 'rows' (bars across, for long labels). */
  orientation?: 'columns' | 'rows';
  title: string;
  /** One sentence a reader can take instead of the chart, written from the figures. */
  summary: string;
  /** £'000 exact decimal strings; null where not shown. */
  points: readonly { label: string; values: Readonly<Record<string, string | null>> }[];
  series: readonly PackSeries[];
  /** Lines drawn across the chart (a floor, zero): £'000 exact decimal strings. */
  references?: readonly { label: string; value: string }[];
}

export type PackBlock =
  | { kind: 'table'; table: PackTable }
  | { kind: 'chart'; chart: PackChart }
  | { kind: 'text'; text: string; tone: 'summary' | 'lede' | 'note' }
  | { kind: 'figures'; items: readonly { label: string; cell: PackCell; note?: string }[] }
  /** Blocks side by side; `widths` are relative (default equal). */
  | { kind: 'columns'; columns: readonly (readonly PackBlock[])[]; widths?: readonly number[] }
  | { kind: 'contents' }
  | { kind: 'exact'; tableIds: readonly string[] };

export interface PackPage {
  id: string;
  /** The section, printed in each page's header: "Revenue", "Capital" ... */
  section: string;
  heading: string;
  blocks: readonly PackBlock[];
}

export interface PackSource {
  file: string;
  title: string;
  datasetId: string;
  /** SHA-256 of the file's bytes as imported. */
  sha256: string;
  rows: number;
}

export interface BoardPack {
  format: typeof PACK_FORMAT;
  title: string;
  organisation: string;
  period: string;
  /** A line under the title, as the user set it (packs frozen before December 2026 have none). */
  subtitle?: string;
  /** The financial year (first calendar year: 2018 = 2018/19) and month (period 1-12) the figures are as at; packs frozen before December 2026 have none (they are 2017/18's year end). */
  year?: number;
  month?: number;
  /** ISO 8601 timestamp the figures were put together. */
  producedAt: string;
  appVersion: string;
  sources: readonly PackSource[];
  pages: readonly PackPage[];
}

// ---------------------------------------------------------------------------------------------------
// Cells

const str = (m: Money | null): string | null => (m === null ? null : m.toString());

/** An amount cell rounded on its own: whole £'000, half away from zero. */
export function amountCell(exact: Money | null): PackCell {
  return {
    kind: 'amount',
    exact: str(exact),
    shown: exact === null ? null : roundHalfAwayFromZero(toThousands(exact), 0).toString(),
  };
}

/** An amount cell whose shown figure (whole £'000) was chosen by the table's rounding. */
export function roundedCell(exact: Money | null, shownThousands: Money | null): PackCell {
  return { kind: 'amount', exact: str(exact), shown: exact === null ? null : str(shownThousands) };
}

/** A transfer to or from a reserve: a planned movement, not judged as an over- or underspend. */
export const RESERVE_TRANSFER: PackStatus = { icon: '⇄', text: 'Reserve transfer, not rated', level: 'neutral' };

export const textCell = (text: string): PackCell => ({ kind: 'text', text });
export const countCell = (value: number): PackCell => ({ kind: 'count', value });
export const statusCell = (status: PackStatus): PackCell => ({ kind: 'status', status });
export const percentCell = (exact: Money | null, text: string): PackCell => ({
  kind: 'percent',
  exact: str(exact),
  text,
});

/** A shown figure as printed: "(1,547)", "-" for nil, "n/s" where the source shows none. */
export function shownText(cell: PackCell): string {
  switch (cell.kind) {
    case 'amount':
      return cell.shown === null ? 'n/s' : formatWholeThousands(new Money(cell.shown));
    case 'percent':
    case 'text':
      return cell.text;
    case 'count':
      return cell.value.toLocaleString('en-GB');
    case 'status':
      return `${cell.status.icon} ${cell.status.text}`;
  }
}

/** An exact figure as the notes print it: pounds and pence, brackets for negatives; "n/s" where none. */
export function exactText(cell: PackCell): string {
  if (cell.kind !== 'amount') return shownText(cell);
  return cell.exact === null ? 'n/s' : formatPounds(new Money(cell.exact), { zero: '-' });
}

/**
 * The chart of a table's variances: one bar per item line from zero, each the figure the table prints (whole
 * £'000 after its rounding), so that the chart, its data table and the table above agree figure for figure.
 * `column` is the table's variance column; `of` works one out from two others where the table has none.
 */
export function varianceChart(args: {
  id: string;
  title: string;
  summary: string;
  table: PackTable;
  name: string;
  column?: string;
  of?: { from: string; less: string };
}): PackChart {
  const shown = (row: PackRow, key: string): Money | null => {
    const cell = row.cells[key];
    return cell?.kind === 'amount' && cell.shown !== null ? new Money(cell.shown) : null;
  };
  const value = (row: PackRow): string | null => {
    if (args.column) return shown(row, args.column)?.toString() ?? null;
    const from = args.of ? shown(row, args.of.from) : null;
    const less = args.of ? shown(row, args.of.less) : null;
    return from === null || less === null ? null : from.minus(less).toString();
  };
  const items = args.table.rows.filter((r) => r.rowType === 'item');
  // A line named as another under a different heading (a return's "Reserves" under the Constabulary and under the
  // OPCC) is named as it stands alone, so that no two bars, nor two rows of the chart's table, read the same: by
  // its full name where the row has one, else by its heading, else by the subtotal that closes its block (a
  // month's position lists each group's areas, then the group).
  const named = new Map<string, number>();
  for (const r of items) named.set(r.label, (named.get(r.label) ?? 0) + 1);
  const closing = new Map<PackRow, string>();
  let open: PackRow[] = [];
  for (const r of args.table.rows) {
    if (r.rowType === 'item') open.push(r);
    else {
      for (const o of open) closing.set(o, r.label);
      open = [];
    }
  }
  const labelOf = (r: PackRow): string => {
    if ((named.get(r.label) ?? 0) < 2) return r.label;
    if (r.fullLabel !== undefined && r.fullLabel !== r.label) return r.fullLabel;
    const heading = r.group ?? closing.get(r);
    return heading ? `${r.label} (${heading})` : r.label;
  };
  return {
    id: args.id,
    kind: 'variance',
    orientation: 'rows',
    title: args.title,
    summary: args.summary,
    series: [{ key: 'variance', name: args.name }],
    points: items.map((r) => ({ label: labelOf(r), values: { variance: value(r) } })),
  };
}

/** £'000 of a pounds figure as an exact decimal string (for charts). */
export const thousandsString = (pounds: Money | null): string | null =>
  pounds === null ? null : toThousands(pounds).toString();

// ---------------------------------------------------------------------------------------------------
// Rounding a table so that it casts

/** A figure that the table's rounding moved off its own rounding (half away from zero), for the footnote. */
export interface MovedFigure {
  row: string;
  column: string;
  exact: string;
  own: string;
  shown: string;
}

/** The figures of a rounded table whose shown value differs from the value's own rounding. */
export function movedFigures(table: PackTable): MovedFigure[] {
  const moved: MovedFigure[] = [];
  for (const row of table.rows) {
    for (const column of table.columns) {
      const cell = row.cells[column.key];
      if (cell?.kind !== 'amount' || cell.exact === null || cell.shown === null) continue;
      const own = roundHalfAwayFromZero(toThousands(new Money(cell.exact)), 0);
      if (!own.equals(new Money(cell.shown)))
        moved.push({
          row: row.label,
          column: column.header,
          exact: cell.exact,
          own: own.toString(),
          shown: cell.shown,
        });
    }
  }
  return moved;
}

/** The footnote every rounded table carries: how it was rounded, what moved, and where the exact figures are. */
export function roundingFootnote(table: PackTable): string {
  if (table.rounding === 'none') return '';
  if (table.rounding === 'each') {
    return "£'000, each figure rounded on its own (half away from zero): the rows of this table are not meant to add up. Exact figures: Notes.";
  }
  const moved = movedFigures(table);
  const method =
    "£'000, rounded as a whole by controlled rounding (largest remainder) so that every row and column casts";
  if (moved.length === 0) return `${method}; no figure differs from its own rounding. Exact figures: Notes.`;
  const list = moved.map(
    (m) =>
      `${m.row}, ${m.column}: ${formatPounds(new Money(m.exact))} shown ${formatWholeThousands(new Money(m.shown))} (its own rounding ${formatWholeThousands(new Money(m.own))})`,
  );
  return `${method}; ${moved.length === 1 ? 'one figure was' : `${moved.length} figures were`} moved by one unit to make it cast: ${list.join('; ')}. Exact figures: Notes.`;
}

/** The result of rounding a list of item rows: one whole-£'000 figure per item and column. */
export interface RoundedItems {
  /** shown[i][column] in whole £'000, or null where the exact figure is null. */
  shown: Readonly<Record<string, Money | null>>[];
}

const k = (pounds: Money | null): Money => (pounds === null ? ZERO : toThousands(pounds));

/**
 * Controlled rounding of item rows where one column is the sum of others across each row (closing =
 * opening + added + usage; outturn = budget + variance): the parts are rounded as a two-way table, each
 * row's total is the sum of its rounded parts, and every column still adds up to its total rounded half
 * away from zero (roundTablePreservingSums). Figures are pounds in, whole £'000 out; a null part stays
 * null (not shown) and counts as nil in the sums, so the caller marks such totals not shown.
 */
export function roundWithRowTotal(
  rows: readonly Readonly<Record<string, Money | null>>[],
  parts: readonly string[],
  total: string,
): RoundedItems {
  const result = roundTablePreservingSums(rows.map((r) => parts.map((p) => k(r[p] ?? null))));
  return {
    shown: rows.map((r, i) => {
      const out: Record<string, Money | null> = {};
      parts.forEach((p, j) => (out[p] = r[p] === null ? null : result.cells[i]![j]!));
      out[total] = parts.some((p) => r[p] === null) ? null : result.rowTotals[i]!;
      return out;
    }),
  };
}

/** Largest-remainder rounding of one column of items (pounds in, whole £'000 out), so that it casts. */
export function roundColumn(values: readonly (Money | null)[]): (Money | null)[] {
  const rounded = roundPreservingSum(values.map(k));
  return values.map((v, i) => (v === null ? null : rounded[i]!));
}

/** Sum of rounded figures (whole £'000), or null if any is not shown. */
export function sumShown(values: readonly (Money | null)[]): Money | null {
  return values.some((v) => v === null) ? null : sum(values as Money[]);
}

/**
 * Sum of exact figures (pounds), or null if any is not shown: the same sum, named for what it adds.
 * @alias
 */
export const sumExact = sumShown;

// ---------------------------------------------------------------------------------------------------
// Totals worked out from the rows the pack shows

export interface FigureRow {
  key: string;
  rowType: RowType;
  /** Pounds, exact; null where not shown. Subtotal and total rows are filled in by workTotals. */
  exact: Record<string, Money | null>;
  /** Whole £'000 as shown; null where not shown. */
  shown: Record<string, Money | null>;
}

/**
 * Fills in the subtotal and total rows from the rows above them, by the layout rule of table-rows.ts (a
 * subtotal adds the items since the previous subtotal or total; a total adds the subtotals and loose items
 * since the previous total), in `columns`: exact from exact, shown from shown, so the shown table casts.
 */
export function workTotals(rows: readonly FigureRow[], columns: readonly string[]): FigureRow[] {
  const out: FigureRow[] = [];
  let sinceSubtotal: FigureRow[] = [];
  let sinceTotal: FigureRow[] = [];
  for (const row of rows) {
    if (row.rowType === 'item') {
      out.push(row);
      sinceSubtotal.push(row);
      sinceTotal.push(row);
      continue;
    }
    const parts = row.rowType === 'subtotal' ? sinceSubtotal : sinceTotal;
    const worked: FigureRow = { key: row.key, rowType: row.rowType, exact: { ...row.exact }, shown: { ...row.shown } };
    for (const c of columns) {
      worked.exact[c] = sumExact(parts.map((p) => p.exact[c] ?? null));
      worked.shown[c] = sumShown(parts.map((p) => p.shown[c] ?? null));
    }
    out.push(worked);
    if (row.rowType === 'subtotal') {
      sinceTotal = sinceTotal.filter((r) => !sinceSubtotal.includes(r));
      sinceTotal.push(worked);
      sinceSubtotal = [];
    } else {
      sinceTotal = [];
      sinceSubtotal = [];
    }
  }
  return out;
}
