import type { BoardStructure } from './board-structure';
import { Money, ZERO, sum, THOUSAND } from '../core/money';
import type { Figures, MonitoringNode, NodeLevel, RevenueMonitor } from './revenue-model';
import { roundTree, type TreeValues } from '../core/rounded-tree';
import type { RowType } from '../checks/table-rows';
import { variance } from '../checks/variance';

/*
 * The board's three summary tables (Table 1, the Constabulary summary, Table 3) read off the model, and
 * the figures as shown: rounded so that every table casts (rounded-tree.ts), with the shown variance the
 * difference of the shown figures, so that Variance = Forecast - Budget holds on screen too.
 */

export interface BoardRow {
  id: string;
  rowType: RowType;
  node: MonitoringNode;
  /** For a subtotal or total: the node ids it adds. */
  parts: string[];
  /** The node a click opens; null for a row that opens nothing (a sum of rows shown above it). */
  opens: string | null;
}

export interface BoardTable {
  id: string;
  title: string;
  rows: BoardRow[];
}

/** Subtotals and totals that are not nodes of the model (Total Expenditure, TOTAL OPCC): exact sums. */
function sumNode(id: string, label: string, parts: readonly MonitoringNode[]): MonitoringNode {
  const nullable = (pick: (n: MonitoringNode) => Money | null): Money | null => {
    const present = parts.map(pick).filter((v): v is Money => v !== null);
    return present.length === 0 ? null : sum(present);
  };
  const figures: Figures = {
    budget: sum(parts.map((p) => p.budget)),
    original: nullable((p) => p.original),
    ytdBudget: sum(parts.map((p) => p.ytdBudget)),
    actual: nullable((p) => p.actual),
    forecast: nullable((p) => p.forecast),
    carryForward: sum(parts.map((p) => p.carryForward)),
  };
  return {
    ...figures,
    id,
    level: 'total',
    key: id,
    code: null,
    label,
    fullLabel: label,
    lineType: 'expenditure',
    varianceToDate: figures.actual === null ? null : variance(figures.ytdBudget, figures.actual, 'expenditure'),
    forecastVariance: figures.forecast === null ? null : variance(figures.budget, figures.forecast, 'expenditure'),
    children: [],
    parentId: null,
    notes: [],
  };
}

/** The three tables the board reads, as the paper lays them out, for the model's month. */
export function boardTables(model: RevenueMonitor, structure: BoardStructure = model.structure): BoardTable[] {
  return structure.tables.map((spec) => {
    const rows: BoardRow[] = [];
    for (const r of spec.rows) {
      if (r.kind === 'group' || r.kind === 'area') {
        const node = model.byId.get(`${r.kind}:${r.key}`);
        // A group is shown when the total counts it (one outside the layout with nothing in it is not).
        const counted = r.kind === 'area' || (node !== undefined && model.root.children.includes(node));
        if (node && node.parentId !== null && counted)
          rows.push({ id: node.id, rowType: 'item', node, parts: [], opens: node.id });
        continue;
      }
      const parts = [...(r.groups ?? []).map((g) => `group:${g}`), ...r.areas.map((a) => `area:${a}`)]
        .map((id) => model.byId.get(id))
        .filter((n): n is MonitoringNode => n !== undefined && n.parentId !== null);
      const id = `sum:${spec.id}:${r.key}`;
      const isRoot = r.groups !== undefined && r.areas.length === 0;
      rows.push({
        id,
        rowType: r.rowType,
        node: isRoot ? model.root : sumNode(id, r.label, parts),
        parts: parts.map((p) => p.id),
        opens: null,
      });
    }
    return { id: spec.id, title: spec.title, rows };
  });
}

export interface ShownFigures {
  budget: Money;
  original: Money | null;
  ytdBudget: Money;
  actual: Money | null;
  forecast: Money | null;
  carryForward: Money;
  /** Shown actual - shown budget to date. */
  varianceToDate: Money | null;
  /** Shown forecast - shown budget. */
  forecastVariance: Money | null;
}

const COLUMNS = ['budget', 'original', 'ytdBudget', 'actual', 'forecast', 'carryForward'] as const;

/** A node's figures and, unless it is at `lowest`, its children's: rounding goes no further down than asked. */
const toTree = (n: MonitoringNode, lowest: NodeLevel | null): TreeValues => ({
  id: n.id,
  values: COLUMNS.map((c) => n[c]),
  children: n.level === lowest ? [] : n.children.map((c) => toTree(c, lowest)),
});

function shownOf(values: readonly (Money | null)[]): ShownFigures {
  const [budget, original, ytdBudget, actual, forecast, carryForward] = values;
  return {
    budget: budget ?? ZERO,
    original: original ?? null,
    ytdBudget: ytdBudget ?? ZERO,
    actual: actual ?? null,
    forecast: forecast ?? null,
    carryForward: carryForward ?? ZERO,
    varianceToDate: actual === null || actual === undefined ? null : actual.minus(ytdBudget ?? ZERO),
    forecastVariance: forecast === null || forecast === undefined ? null : forecast.minus(budget ?? ZERO),
  };
}

/**
 * Every node as shown in whole `unit`s (1000: £'000; 0.01: pence), casting from `roots` down, plus the
 * board tables' subtotal rows as the sums of their shown parts. Values are in units (a £'000 figure of
 * 4,394 is 4394).
 */
export function shownFigures(
  roots: readonly MonitoringNode[],
  unit: Money,
  tables: readonly BoardTable[] = [],
  lowest: NodeLevel | null = null,
): Map<string, ShownFigures> {
  const raw = roundTree(
    roots.map((r) => toTree(r, lowest)),
    unit,
  );
  const shown = new Map<string, ShownFigures>();
  for (const [id, values] of raw) shown.set(id, shownOf(values));
  for (const t of tables) {
    for (const row of t.rows) {
      if (row.node.id === 'total') {
        shown.set(row.id, shown.get('total')!);
        continue;
      }
      if (row.parts.length === 0) continue;
      const parts = row.parts.map((p) => raw.get(p)).filter((v): v is (Money | null)[] => v !== undefined);
      const values = COLUMNS.map((_, c) => {
        const present = parts.map((p) => p[c] ?? null).filter((v): v is Money => v !== null);
        return present.length === 0 ? null : sum(present);
      });
      shown.set(row.id, shownOf(values));
    }
  }
  return shown;
}

export const PENNY = new Money('0.01');

/**
 * The model in £'000, every table casting (Table 1 total down to cost centres; Table 3's rows too). `lowest`: the
 * level rounded down to, where only the levels above it are read (the forecast history reads areas and the total:
 * rounding is from the total down, so theirs are the same figures, without rounding every line of every month).
 */
export function shownInThousands(
  model: RevenueMonitor,
  tables: readonly BoardTable[],
  lowest: NodeLevel | null = null,
): Map<string, ShownFigures> {
  return shownFigures([model.root, ...model.belowTheLine], THOUSAND, tables, lowest);
}
