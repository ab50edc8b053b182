import { checkTable, type CastingRule, type CheckResult } from '../checks/casting';
import { Money, ZERO, THOUSAND } from '../core/money';
import { percentOf } from '../core/percent';
import { sumOrMissing } from '../core/sum-or-missing';
import { inferTotalRules, type RowType } from '../checks/table-rows';

/*
 * The reserves position (Table 5 of the 2017/18 paper): each reserve's balance at the start of the year,
 * what was added, what was used, and the balance at the end, with subtotals by group and the general
 * reserve as a share of the net revenue budget. "Used" is the amount drawn, positive (ARCHITECTURE.md:
 * closing = opening + added - used); the paper prints it negative, in brackets, and `usage` keeps that
 * signed form for showing it as printed. Amounts are pounds, exact; missing stays missing.
 */

export type ReserveGroup = 'earmarked' | 'contingency' | 'capital' | 'general';

export const RESERVE_GROUPS: readonly { id: ReserveGroup; label: string }[] = [
  { id: 'earmarked', label: 'Earmarked reserves' },
  { id: 'contingency', label: 'Contingency reserves' },
  { id: 'capital', label: 'Capital reserves' },
  { id: 'general', label: 'General reserve' },
];

/** The group a file names ("earmarked", "Contingency Reserves" ...), or null. */
export function reserveGroupOf(text: string): ReserveGroup | null {
  const t = text.toLowerCase();
  if (t.includes('earmark')) return 'earmarked';
  if (t.includes('contingen')) return 'contingency';
  if (t.includes('capital')) return 'capital';
  if (t.includes('general')) return 'general';
  return null;
}

export interface ReserveInput {
  key: string;
  name: string;
  group: ReserveGroup | null;
  rowType: RowType;
  opening: Money | null;
  added: Money | null;
  /** Drawn from the reserve in the year: positive. */
  used: Money | null;
  closing: Money | null;
  note: string;
}

export interface ReserveLine extends ReserveInput {
  /** -used: the movement out, signed as the paper prints it. */
  usage: Money | null;
  /** added - used. */
  netMovement: Money | null;
  checks: CheckResult[];
}

/** A group's sums, worked out from its reserves (the paper prints no group subtotals). */
export interface ReserveGroupSubtotal {
  group: ReserveGroup;
  label: string;
  reserves: ReserveLine[];
  opening: Money | null;
  added: Money | null;
  used: Money | null;
  usage: Money | null;
  closing: Money | null;
  /** added - used. */
  netMovement: Money | null;
}

export interface ReservesPosition {
  /** Every reserve (item rows), in the table's order. */
  reserves: ReserveLine[];
  /** Every group that has reserves, in the order of RESERVE_GROUPS. */
  groups: ReserveGroupSubtotal[];
  /** The printed subtotal and total rows (Total Earmarked Reserves, Total Usable Reserves). */
  totals: ReserveLine[];
  /** The last printed total: all usable reserves. */
  usable: ReserveLine | null;
  checks: CheckResult[];
}

const COLUMNS = ['opening', 'added', 'used', 'closing'] as const;
const negate = (v: Money | null): Money | null => (v === null ? null : v.isZero() ? ZERO : v.negated());

/**
 * Builds the position and checks it: closing = opening + added - used on every row, and the printed
 * subtotals and totals from the layout (Table 5's Total Earmarked Reserves adds all twelve reserves above
 * it; Total Usable = that + the General Reserve).
 */
export function buildReservesPosition(rows: readonly ReserveInput[], printedUnit: Money = THOUSAND): ReservesPosition {
  const rules: CastingRule[] = [
    ...inferTotalRules('t5', rows, COLUMNS),
    {
      kind: 'formula',
      id: 't5.closing',
      description: 'Closing = opening + added - used',
      target: 'closing',
      terms: ['opening', 'added', { ref: 'used', sign: -1 }],
      rows: rows.map((r) => r.key),
    },
  ];
  const checks = checkTable(
    {
      id: 't5',
      title: 'Reserves position',
      printedUnit,
      rows: rows.map((r) => ({
        key: r.key,
        label: r.name,
        values: { opening: r.opening, added: r.added, used: r.used, closing: r.closing },
      })),
    },
    rules,
  );
  const lines = rows.map((r): ReserveLine => ({
    ...r,
    usage: negate(r.used),
    netMovement: r.added !== null && r.used !== null ? r.added.minus(r.used) : null,
    checks: checks.filter((c) => c.row === r.key && c.status !== 'pass'),
  }));
  const reserves = lines.filter((l) => l.rowType === 'item');
  const groups = RESERVE_GROUPS.flatMap(({ id, label }): ReserveGroupSubtotal[] => {
    const of = reserves.filter((r) => r.group === id);
    if (of.length === 0) return [];
    const used = sumOrMissing(of.map((r) => r.used));
    const added = sumOrMissing(of.map((r) => r.added));
    return [
      {
        group: id,
        label,
        reserves: of,
        opening: sumOrMissing(of.map((r) => r.opening)),
        added,
        used,
        usage: negate(used),
        closing: sumOrMissing(of.map((r) => r.closing)),
        netMovement: added !== null && used !== null ? added.minus(used) : null,
      },
    ];
  });
  const totals = lines.filter((l) => l.rowType !== 'item');
  return { reserves, groups, totals, usable: [...totals].reverse().find((l) => l.rowType === 'total') ?? null, checks };
}

/** The level above which the Home Office expects a general reserve to be justified, in percent. */
export const GENERAL_RESERVE_LINE = new Money(5);

export interface GeneralReserveShare {
  /** The general reserve's closing balance (pounds). */
  balance: Money | null;
  netRevenueBudget: Money | null;
  /** balance / net revenue budget x 100, exact; null if either is missing or the budget is nil. */
  percent: Money | null;
  /** Whether the share is above GENERAL_RESERVE_LINE; null when there is no share. */
  aboveLine: boolean | null;
}

/** The general reserve at the year end as a share of the year's net revenue budget (both pounds). */
export function generalReserveShare(position: ReservesPosition, netRevenueBudget: Money | null): GeneralReserveShare {
  const general = position.groups.find((g) => g.group === 'general');
  const balance = general?.closing ?? null;
  const percent = percentOf(balance, netRevenueBudget);
  return { balance, netRevenueBudget, percent, aboveLine: percent === null ? null : percent.gt(GENERAL_RESERVE_LINE) };
}
