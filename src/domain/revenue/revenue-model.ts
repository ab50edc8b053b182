import { areaNamed, areaOfDepartment, type BoardArea, type BoardStructure, type GroupKey } from './board-structure';
import { annualBudget, budgetToDate, profileOf, type BudgetProfile, type BudgetRow } from './budget-profile';
import { fromPence, pence as asPence, type Pence } from '../core/units';
import {
  actualToDatePence,
  actualsByPeriod,
  closedPeriods,
  isPosted,
  lineKey,
  missingPeriods,
  splitLineKey,
  type LedgerActuals,
} from './ledger-actuals';
import type { Money } from '../core/money';
import { ZERO, sum } from '../core/money';
import { MONTHLY_PERIODS } from '../core/period';
import { keyOf } from '../checks/table-rows';
import { lineTypeOf } from './outturn-table';
import { variance, type LineType, type Variance } from '../checks/variance';
import { pieces, runThrough, type Steps } from '../core/steps';

/*
 * The revenue monitoring model for one month: budget, budget to date, actual to date and forecast
 * outturn, from the Table 1 total down to each cost centre and subjective, with variances worked out
 * exactly at every level.
 *
 * Where each figure comes from:
 * - Budget (revised, and original where the file gives it) and its profile: the budget file; without one,
 *   the monthly return's Budget column, profiled in even twelfths.
 * - Actual to date: the ledger, summed exactly over the closed periods, when a loaded ledger has every
 *   closed month; otherwise the return's "Actual to date", and the model says which. A month not closed
 *   has no actual (null), which is not the same as an actual of nil.
 * - Forecast outturn: the return for the month, line by line. At year-end (P12) the carry-forward
 *   requests are added to the forecast of their area, as the paper does: para 4.10's £1.012m of requests
 *   goes to the Carry Forward Revenue Reserve (Table 5), so the underspend carried forward is committed,
 *   not an underspend the board can use.
 *
 * Every sum is exact (Decimal); rounding happens only when figures are shown (rounded-tree.ts).
 *
 * Built in steps (revenueModelSteps): a big ledger's month is 20,000 lines, and the page builds it in slices between
 * which it draws and answers (api/in-steps.ts); buildRevenueModel runs the same steps straight through.
 */

export interface BudgetLineInput {
  year: number | null;
  costCentre: string;
  costCentreName: string;
  area: string;
  subjective: string;
  subjectiveName: string;
  /** 1..16 for a phased row; null for an annual figure. */
  period: number | null;
  original: Money | null;
  revised: Money | null;
  /** A budget file with one amount column ("Budget"). */
  amount: Money | null;
}

export interface ReturnLineInput {
  year: number | null;
  /** The month the return is as at (its periods up to this one are closed). */
  period: number;
  costCentre: string;
  subjective: string;
  area: string;
  budget: Money | null;
  /** Actual to date as the return states it; null where blank. */
  actual: Money | null;
  forecast: Money | null;
}

export interface CarryForwardInput {
  description: string;
  department: string;
  category: string;
  /** Pounds. */
  amount: Money;
}

export interface MonitoringInputs {
  budget: readonly BudgetLineInput[];
  returns: readonly ReturnLineInput[];
  ledger: LedgerActuals;
  carryForwards: readonly CarryForwardInput[];
}

export type NodeLevel = 'total' | 'group' | 'area' | 'cost-centre' | 'line' | 'carry-forwards' | 'request';
export type ActualSource = 'ledger' | 'return' | 'none';

export interface Figures {
  /** Revised budget for the year, pounds. */
  budget: Money;
  original: Money | null;
  ytdBudget: Money;
  /** Actual to date; null: no actual (nothing closed, or no source for it). */
  actual: Money | null;
  /** Forecast outturn for the year, carry-forward requests included at year-end; null: no forecast. */
  forecast: Money | null;
  /** Carry-forward requests included in the forecast. */
  carryForward: Money;
}

export interface MonitoringNode extends Figures {
  id: string;
  level: NodeLevel;
  /** The key used in links: group key, area key, cost centre or subjective code, request number. */
  key: string;
  code: string | null;
  label: string;
  fullLabel: string;
  lineType: LineType;
  /** Actual to date minus budget to date. */
  varianceToDate: Variance | null;
  /** Forecast outturn minus budget. */
  forecastVariance: Variance | null;
  children: MonitoringNode[];
  parentId: string | null;
  notes: string[];
}

export interface RevenueMonitor {
  month: number;
  /** Months with a return, ascending. */
  months: number[];
  year: number | null;
  closed: number[];
  actualSource: ActualSource;
  ledgerPeriods: number[];
  /** Closed monthly periods that no loaded ledger has. */
  missingLedgerPeriods: number[];
  hasReturn: boolean;
  /** How the budget to date is profiled; 'return' when there is no budget file. */
  profile: BudgetProfile | 'return';
  carryForwardsApplied: boolean;
  unplacedCarryForwards: CarryForwardInput[];
  /** Table 1's total: the groups, their areas, cost centres and lines. */
  root: MonitoringNode;
  /** Areas shown in Table 3 but counted in no Table 1 line (Transfer to Reserves). */
  belowTheLine: MonitoringNode[];
  byId: ReadonlyMap<string, MonitoringNode>;
  /** The board's layout the model was built on (its tables are read in it: monitoring-tables.ts). */
  structure: BoardStructure;
  /** The year's ledger the actuals come from (a line's actual by period is read from it: lineActualsByPeriod). */
  ledger: LedgerActuals;
}

/** The months that have a monitoring return, ascending (1..12). */
export function monitoringMonths(returns: readonly ReturnLineInput[]): number[] {
  return [...new Set(returns.map((r) => r.period).filter((p) => p >= 1 && p <= MONTHLY_PERIODS))].sort((a, b) => a - b);
}

function node(
  id: string,
  level: NodeLevel,
  key: string,
  label: string,
  extra: Partial<MonitoringNode> = {},
): MonitoringNode {
  // Every field written out, then `extra` assigned onto them: spreading two objects into a new one took most of a
  // big ledger's model (20,000 lines a month) in Node 20; Chromium's V8 spreads faster, where the gain is smaller.
  const n: MonitoringNode = {
    budget: ZERO,
    original: null,
    ytdBudget: ZERO,
    actual: null,
    forecast: null,
    carryForward: ZERO,
    id,
    level,
    key,
    code: null,
    label,
    fullLabel: label,
    lineType: 'expenditure',
    varianceToDate: null,
    forecastVariance: null,
    children: [],
    parentId: null,
    notes: [],
  };
  return Object.assign(n, extra);
}

const sumNullable = (values: readonly (Money | null)[], whenNone: Money | null): Money | null => {
  const present = values.filter((v): v is Money => v !== null);
  return present.length === 0 ? whenNone : sum(present);
};

interface LineFacts {
  key: string;
  costCentre: string;
  subjective: string;
  costCentreName: string;
  subjectiveName: string;
  area: string;
  budgetRows: BudgetRow[];
  original: Money | null;
  returnRow: ReturnLineInput | undefined;
}

/** A line's node id: its cost centre's id ("cc:" area key ":" code) with its subjective. */
const lineNodeId = (costCentreId: string, subjective: string): string => `line:${costCentreId.slice(3)}:${subjective}`;

/**
 * The cost centre and subjective codes of a line's node id (lineNodeId), where they can be told apart (none of the
 * area key and the codes holds a colon); null otherwise. For reading a line's ledger lines before its model is built
 * (the page reloaded at that line); the model's own codes are what the list reads once it is.
 */
export function codesOfLineId(id: string): { costCentre: string; subjective: string } | null {
  const parts = id.split(':');
  return parts.length === 4 && parts[0] === 'line' && parts[2] && parts[3]
    ? { costCentre: parts[2], subjective: parts[3] }
    : null;
}

/** Lines, rows or nodes between two steps: about a millisecond's work. */
const PIECE = 500;

/** Builds the model as at `month` (a closed month, 1..12). */
export function buildRevenueModel(inputs: MonitoringInputs, month: number, structure: BoardStructure): RevenueMonitor {
  return runThrough(revenueModelSteps(inputs, month, structure));
}

/** buildRevenueModel in steps: yields between pieces of its loops (core/steps.ts), returns the model. */
export function* revenueModelSteps(
  inputs: MonitoringInputs,
  month: number,
  structure: BoardStructure,
): Steps<RevenueMonitor> {
  const piece = pieces(PIECE);
  const months = monitoringMonths(inputs.returns);
  const year = pickYear(inputs);
  const inYear = (y: number | null): boolean => year === null || y === null || y === year;
  const budgetRows = inputs.budget.filter((b) => inYear(b.year));
  const returnRows = inputs.returns.filter((r) => r.period === month && inYear(r.year));
  const { ledger } = inputs;

  const closed = closedPeriods(month);
  const missing = missingPeriods(ledger, month);
  const ledgerPeriods = [...ledger.periodSource.keys()].sort((a, b) => a - b);
  const hasReturn = returnRows.length > 0;
  const actualSource: ActualSource =
    ledger.periodSource.size > 0 && missing.length === 0
      ? 'ledger'
      : returnRows.some((r) => r.actual !== null)
        ? 'return'
        : 'none';
  const hasBudgetFile = budgetRows.length > 0;

  // Everything known about each cost centre and subjective line, from whichever file names it.
  const lines = new Map<string, LineFacts>();
  const ccName = new Map<string, string>();
  const ccArea = new Map<string, string>();
  const facts = (costCentre: string, subjective: string, key: string = lineKey(costCentre, subjective)): LineFacts => {
    let f = lines.get(key);
    if (!f)
      lines.set(
        key,
        (f = {
          key,
          costCentre,
          subjective,
          costCentreName: '',
          subjectiveName: '',
          area: '',
          budgetRows: [],
          original: null,
          returnRow: undefined,
        }),
      );
    return f;
  };
  for (const b of budgetRows) {
    const f = facts(b.costCentre, b.subjective);
    const amount = b.revised ?? b.amount ?? b.original;
    if (amount) f.budgetRows.push({ amount, period: b.period });
    if (b.original) f.original = (f.original ?? ZERO).plus(b.original);
    f.subjectiveName ||= b.subjectiveName;
    f.area ||= b.area;
    if (b.costCentreName && !ccName.has(b.costCentre)) ccName.set(b.costCentre, b.costCentreName);
    if (b.area && !ccArea.has(b.costCentre)) ccArea.set(b.costCentre, b.area);
    if (piece.due()) yield;
  }
  for (const r of returnRows) {
    const f = facts(r.costCentre, r.subjective);
    f.returnRow = r;
    if (!f.area && !hasBudgetFile) f.area = r.area;
    if (r.area && !ccArea.has(r.costCentre) && !hasBudgetFile) ccArea.set(r.costCentre, r.area);
    if (piece.due()) yield;
  }
  for (const key of ledger.byLine.keys()) {
    if (piece.due()) yield;
    if (!isPosted(ledger, key, month)) continue;
    const [cc, subjective] = splitLineKey(key);
    facts(cc, subjective, key);
  }

  const profile: RevenueMonitor['profile'] = hasBudgetFile
    ? profileOf([...lines.values()].flatMap((f) => f.budgetRows))
    : 'return';

  // Areas: the board's, then any other names found, then cost centres that no file places.
  const areaNodes = new Map<string, MonitoringNode>();
  const ensureArea = (key: string, label: string, fullLabel: string, lineType: LineType): MonitoringNode => {
    let area = areaNodes.get(key);
    if (!area) areaNodes.set(key, (area = node(`area:${key}`, 'area', key, label, { fullLabel, lineType })));
    return area;
  };
  for (const a of structure.areas) ensureArea(a.key, a.label, a.fullLabel, a.lineType);
  const areaFor = (name: string): { area: MonitoringNode; group: GroupKey } => {
    const known: BoardArea | undefined = name ? areaNamed(structure, name) : undefined;
    if (known) return { area: areaNodes.get(known.key)!, group: known.group };
    if (!name)
      return { area: ensureArea('unassigned', 'No area given', 'No area given', 'expenditure'), group: 'unassigned' };
    return { area: ensureArea(`other-${keyOf(name)}`, name, name, lineTypeOf(name)), group: 'other' };
  };

  const areaGroup = new Map<string, GroupKey>();
  const ccNodes = new Map<string, MonitoringNode>();
  // The lines in order of cost centre, then subjective (localeCompare): the cost centres sorted, then each one's lines
  // as it is reached, so that the sorting is spread over the steps. One sort of a big ledger's 20,000 lines was 16 ms
  // of Chromium's comparisons at best (30-50 ms on a busy machine) in a piece that could not stop; this makes fewer
  // than half the comparisons, the most in one piece those of 500 cost centres. (Two codes that differ only as
  // canonically equivalent Unicode, which localeCompare calls equal, stay apart here.)
  const byCostCentre = new Map<string, LineFacts[]>();
  for (const f of lines.values()) {
    const held = byCostCentre.get(f.costCentre);
    if (held) held.push(f);
    else byCostCentre.set(f.costCentre, [f]);
  }
  const inOrder = function* (): Generator<LineFacts, void, void> {
    for (const costCentre of [...byCostCentre.keys()].sort((a, b) => a.localeCompare(b)))
      yield* byCostCentre.get(costCentre)!.sort((a, b) => a.subjective.localeCompare(b.subjective));
  };
  for (const f of inOrder()) {
    const { area, group } = areaFor(f.area || ccArea.get(f.costCentre) || '');
    areaGroup.set(area.key, group);
    const ccId = `cc:${area.key}:${f.costCentre}`;
    let cc = ccNodes.get(ccId);
    if (!cc) {
      const name = ccName.get(f.costCentre) ?? '';
      cc = node(ccId, 'cost-centre', f.costCentre, name ? `${f.costCentre} ${name}` : f.costCentre, {
        code: f.costCentre,
        parentId: area.id,
        lineType: area.lineType,
      });
      ccNodes.set(ccId, cc);
      area.children.push(cc);
    }
    cc.children.push(lineNode(f, cc, area.lineType));
    if (piece.due()) yield;
  }

  function lineNode(f: LineFacts, cc: MonitoringNode, areaLineType: LineType): MonitoringNode {
    const r = f.returnRow;
    const budget = hasBudgetFile ? annualBudget(f.budgetRows) : (r?.budget ?? ZERO);
    const ytdBudget = hasBudgetFile
      ? budgetToDate(f.budgetRows, month)
      : budgetToDate([{ amount: budget, period: null }], month);
    const pence = actualSource === 'ledger' ? actualToDatePence(ledger, f.key, month, missing.length === 0) : null;
    const actual =
      actualSource === 'ledger'
        ? fromPence(pence ?? asPence(0))
        : actualSource === 'return'
          ? (r?.actual ?? null)
          : null;
    const notes: string[] = [];
    if (hasReturn && !r) notes.push(`Not in the P${month} return: no forecast.`);
    if (hasBudgetFile && f.budgetRows.length === 0) notes.push('Not in the budget: budget nil.');
    const label = f.subjectiveName ? `${f.subjective} ${f.subjectiveName}` : f.subjective;
    return node(lineNodeId(cc.id, f.subjective), 'line', f.subjective, label, {
      code: f.subjective,
      parentId: cc.id,
      lineType: areaLineType === 'income' ? 'income' : lineTypeOf(f.subjectiveName),
      budget,
      original: hasBudgetFile ? f.original : null,
      ytdBudget,
      actual,
      forecast: r?.forecast ?? null,
      notes,
    });
  }

  // Carry-forward requests, at year-end only: the paper takes them out of the year's underspend.
  const carryForwardsApplied = month >= MONTHLY_PERIODS && inputs.carryForwards.length > 0;
  const unplacedCarryForwards: CarryForwardInput[] = [];
  if (carryForwardsApplied) {
    const byArea = new Map<string, CarryForwardInput[]>();
    for (const request of inputs.carryForwards) {
      const area = areaOfDepartment(structure, request.department);
      if (!area) unplacedCarryForwards.push(request);
      else byArea.set(area.key, [...(byArea.get(area.key) ?? []), request]);
    }
    for (const [key, requests] of byArea) {
      const area = areaNodes.get(key)!;
      const cf = node(`cf:${key}`, 'carry-forwards', 'carry-forwards', 'Carry-forward requests (Appendix 2)', {
        parentId: area.id,
        carryForward: sum(requests.map((q) => q.amount)),
      });
      cf.children = requests.map((q, i) =>
        node(`cf:${key}:${i + 1}`, 'request', String(i + 1), q.description, {
          parentId: cf.id,
          fullLabel: `${q.description} (${q.department}; ${q.category})`,
          forecast: q.amount,
          carryForward: q.amount,
          actual: null,
        }),
      );
      area.children.push(cf);
    }
  }

  // Groups (Table 1's lines) and the total.
  const root = node('total', 'total', 'total', 'TOTAL');
  const belowTheLine: MonitoringNode[] = [];
  for (const g of structure.groups) {
    const group = node(`group:${g.key}`, 'group', g.key, g.label, { parentId: root.id });
    const members = [...areaNodes.values()].filter(
      (a) => (structure.areas.find((s) => s.key === a.key)?.group ?? areaGroup.get(a.key)) === g.key,
    );
    for (const a of members) {
      a.parentId = group.id;
      if (structure.areas.find((s) => s.key === a.key)?.belowTheLine) belowTheLine.push(a);
      else group.children.push(a);
    }
    if (group.children.length > 0 || ['constabulary', 'opcc', 'grants'].includes(g.key)) root.children.push(group);
  }

  const byId = new Map<string, MonitoringNode>();
  const finish = (n: MonitoringNode): void => {
    byId.set(n.id, n);
    if (n.level !== 'line' && n.level !== 'request') {
      if (n.level === 'carry-forwards') {
        n.forecast = n.carryForward;
      } else {
        n.budget = sum(n.children.map((c) => c.budget));
        n.original = sumNullable(
          n.children.map((c) => c.original),
          null,
        );
        n.ytdBudget = sum(n.children.map((c) => c.ytdBudget));
        n.actual = sumNullable(
          n.children.map((c) => c.actual),
          actualSource === 'none' ? null : ZERO,
        );
        n.forecast = sumNullable(
          n.children.map((c) => c.forecast),
          hasReturn ? ZERO : null,
        );
        n.carryForward = sum(n.children.map((c) => c.carryForward));
      }
    }
    n.varianceToDate =
      n.actual === null || n.level === 'carry-forwards' || n.level === 'request'
        ? null
        : variance(n.ytdBudget, n.actual, n.lineType);
    n.forecastVariance = n.forecast === null ? null : variance(n.budget, n.forecast, n.lineType);
  };
  // Each node after its children (the order a recursion from the top would finish them in), a piece at a time.
  for (const top of [root, ...belowTheLine])
    for (const n of childrenFirst(top)) {
      finish(n);
      if (piece.due()) yield;
    }
  // A group outside the board's layout with nothing in it this month (a miscoded cost centre whose
  // postings were reversed) is left off the summary; its nodes stay reachable for the drill-down.
  root.children = root.children.filter((g) => ['constabulary', 'opcc', 'grants'].includes(g.key) || !isNil(g));

  return {
    month,
    months,
    year,
    closed,
    actualSource,
    ledgerPeriods,
    missingLedgerPeriods: missing,
    hasReturn,
    profile,
    carryForwardsApplied,
    unplacedCarryForwards,
    root,
    belowTheLine,
    byId,
    structure,
    ledger,
  };
}

/** The nodes under `top` and `top` itself, each after its children, children in their order. */
function childrenFirst(top: MonitoringNode): MonitoringNode[] {
  const out: MonitoringNode[] = [];
  const stack = [top];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    for (const c of n.children) stack.push(c);
  }
  return out.reverse();
}

function isNil(n: Figures): boolean {
  return n.budget.isZero() && (n.actual === null || n.actual.isZero()) && (n.forecast === null || n.forecast.isZero());
}

/** The financial year the returns are for (the latest, if several); else the budget's. */
function pickYear(inputs: MonitoringInputs): number | null {
  const years = [...inputs.returns.map((r) => r.year), ...inputs.budget.map((b) => b.year)].filter(
    (y): y is number => y !== null,
  );
  return years.length === 0 ? null : Math.max(...years);
}

/**
 * A line's actual by period after the model's month: pence for each closed period a ledger supplies, null for the
 * others (index 1..16; 0 unused); null for a node that is not a line. Read from the ledger when a line is opened: a
 * list for each of a big ledger's 20,000 lines in every month's model was 3 MB a month kept for one strip.
 */
export function lineActualsByPeriod(model: RevenueMonitor, n: MonitoringNode): (Pence | null)[] | null {
  const cc = n.parentId === null ? undefined : model.byId.get(n.parentId);
  if (n.level !== 'line' || !cc || cc.code === null || n.code === null) return null;
  return actualsByPeriod(model.ledger, lineKey(cc.code, n.code), model.month);
}

/** The path from the total down to a node: for the breadcrumb. */
export function pathTo(model: RevenueMonitor, id: string): MonitoringNode[] {
  const path: MonitoringNode[] = [];
  for (let n = model.byId.get(id); n; n = n.parentId ? model.byId.get(n.parentId) : undefined) path.unshift(n);
  return path;
}

/** The area nodes counted in Table 1, in the board's order (for charts and bridges). */
export function tableOneAreas(model: RevenueMonitor): MonitoringNode[] {
  return model.root.children.flatMap((g) => g.children);
}
