import { checkTable, type CastingRule, type CheckResult } from '../checks/casting';
import type { Money } from '../core/money';
import { THOUSAND } from '../core/money';
import { inferTotalRules, type RowType } from '../checks/table-rows';
import { variance, type LineType, type Variance } from '../checks/variance';

/*
 * A budget-against-outturn table as the board sees it (Table 1, the Constabulary summary, Table 3):
 * printed budget and outturn per line, the variance worked out exactly from them, the printed variance
 * kept beside it, and the casting checks that say where the printed figures disagree.
 */

export interface OutturnInputRow {
  key: string;
  label: string;
  rowType: RowType;
  /** Pounds, exact; null where the paper shows nothing. */
  budget: Money | null;
  outturn: Money | null;
  printedVariance: Money | null;
  /** Percent number as printed (unsigned in the papers). */
  printedPercent: Money | null;
}

export interface OutturnLine extends OutturnInputRow {
  lineType: LineType;
  /** Outturn minus budget, worked out exactly; null when either figure is missing. */
  variance: Variance | null;
  /** Checks that fail or do not cast on this row (casting of totals, printed variance, percentage). */
  checks: CheckResult[];
}

export interface OutturnTable {
  id: string;
  title: string;
  lines: OutturnLine[];
  checks: CheckResult[];
}

const INCOME = /\bincome\b/i;

/** Income lines are recognised by name; every other line is a cost (the papers' net-cost convention). */
export function lineTypeOf(label: string): LineType {
  return INCOME.test(label) ? 'income' : 'expenditure';
}

/**
 * Builds the table and checks it: totals cast down each column (rules from the layout), printed
 * variance = outturn - budget on every row, and the printed percentage against the figures.
 * `printedUnit` is the unit of the printed figures in pounds (1000 for £'000).
 */
export function buildOutturnTable(
  id: string,
  title: string,
  rows: readonly OutturnInputRow[],
  printedUnit: Money = THOUSAND,
): OutturnTable {
  const keys = rows.map((r) => r.key);
  const rules: CastingRule[] = [
    ...inferTotalRules(id, rows, ['budget', 'outturn', 'variance']),
    {
      kind: 'formula',
      id: `${id}.variance`,
      description: 'Printed variance = outturn - budget',
      target: 'variance',
      terms: ['outturn', { ref: 'budget', sign: -1 }],
      rows: keys,
    },
    {
      kind: 'percentage',
      id: `${id}.percent`,
      description: 'Printed variance % = variance / budget',
      target: 'percent',
      numerator: 'variance',
      denominator: 'budget',
      rows: rows.filter((r) => r.printedPercent !== null).map((r) => r.key),
      absolute: true,
    },
  ];
  const checks = checkTable(
    {
      id,
      title,
      printedUnit,
      rows: rows.map((r) => ({
        key: r.key,
        label: r.label,
        values: { budget: r.budget, outturn: r.outturn, variance: r.printedVariance, percent: r.printedPercent },
      })),
    },
    rules,
  );
  const lines = rows.map((r): OutturnLine => {
    const lineType = lineTypeOf(r.label);
    return {
      ...r,
      lineType,
      variance: r.budget && r.outturn ? variance(r.budget, r.outturn, lineType) : null,
      checks: checks.filter((c) => c.row === r.key && c.status !== 'pass'),
    };
  });
  return { id, title, lines, checks };
}
