import { formatMillions, formatThousands, roundHalfAwayFromZero, sum, type Money } from '../core/money';
import { keyOf } from '../checks/table-rows';
import type { OutturnTable } from '../revenue/outturn-table';
import type { RevenueMonitor } from '../revenue/revenue-model';

/*
 * The year's position in one sentence, worked out once and said the same way on the Revenue page, under its
 * charts and in the board pack. A year-end outturn table (Table 1) gives it as what its lines add to, never
 * the printed total: where the printed total differs, one more sentence says by how much and why (which of
 * its printed totals is off its lines, and by how much). A month without a year-end table gives it from the
 * month's monitoring: the forecast outturn against the budget.
 *
 * Pounds in £m to two decimals and differences in £'000, both half away from zero (the presentation rule).
 */

export interface YearPosition {
  /** Outturn (or forecast) minus budget, in pounds, exact: positive is over budget. */
  variance: Money;
  budget: Money;
  outturn: Money;
  /** "2017/18 outturn: £1.79m (1.4%) over a budget of £130.96m." */
  sentence: string;
  /** Where the printed total differs from what the lines add to: by how much and why. Null when it agrees. */
  printedNote: string | null;
}

const k = (pounds: Money): string => `£${formatThousands(pounds.abs(), { zero: '0' })}k`;
const m = (pounds: Money): string => formatMillions(pounds.abs());
const m3 = (pounds: Money): string => formatMillions(pounds.abs(), 3);
// Brackets only for a negative, as in the tables: a figure never sits in brackets as an aside.
const signed = (pounds: Money): string => formatMillions(pounds, 3, { negative: 'brackets' });

/** "£1.79m (1.4%) over a budget of £130.96m", or "on budget". */
function position(budget: Money, outturn: Money): string {
  const v = outturn.minus(budget);
  if (roundHalfAwayFromZero(v, 0).isZero()) return `on its budget of ${m(budget)}`;
  const pct = budget.isZero()
    ? ''
    : ` (${roundHalfAwayFromZero(v.times(100).dividedBy(budget.abs()).abs(), 1).toFixed(1)}%)`;
  return `${m(v)}${pct} ${v.isPositive() ? 'over' : 'under'} a budget of ${m(budget)}`;
}

/** Says how far a printed total is from its lines' sum, in words ("£65k above the lines' £132.746m"). */
function apart(what: string, printed: Money, lines: Money): string | null {
  const d = printed.minus(lines);
  if (roundHalfAwayFromZero(d, 0).isZero()) return null;
  return `its printed total ${what} of ${signed(printed)} is ${k(d)} ${d.isPositive() ? 'above' : 'below'} the lines' ${m3(lines)}`;
}

/**
 * The position from a year-end outturn table: its item lines' budget and outturn, added exactly. `source`
 * names the table in the note ("the paper's Table 1"). Null when the table has no items with both figures.
 */
export function positionFromOutturn(table: OutturnTable, yearLabel: string, source: string): YearPosition | null {
  const items = table.lines.filter((l) => l.rowType === 'item' && l.budget !== null && l.outturn !== null);
  if (items.length === 0) return null;
  const budget = sum(items.map((l) => l.budget!));
  const outturn = sum(items.map((l) => l.outturn!));
  const variance = outturn.minus(budget);
  const sentence = `${yearLabel} outturn: ${position(budget, outturn)}.`;
  const total = [...table.lines].reverse().find((l) => l.rowType === 'total');
  let printedNote: string | null = null;
  if (total && total.budget !== null && total.outturn !== null) {
    const printedVariance = total.printedVariance ?? total.outturn.minus(total.budget);
    const d = printedVariance.minus(variance);
    if (!roundHalfAwayFromZero(d, 0).isZero()) {
      const reasons = [apart('outturn', total.outturn, outturn), apart('budget', total.budget, budget)].filter(
        (r): r is string => r !== null,
      );
      const why =
        reasons.length > 0
          ? `: ${reasons.join(' and ')}`
          : `: its printed variance does not equal its printed outturn less its printed budget`;
      printedNote =
        `${source} prints a total variance of ${signed(printedVariance)}, ` +
        `${k(d)} ${d.isPositive() ? 'more' : 'less'} than the ${signed(variance)} its lines add to${why}. ` +
        `The figure above is the sum of the lines.`;
    }
  }
  return { variance, budget, outturn, sentence, printedNote };
}

/** The position from a month's monitoring: the forecast outturn of every line against the year's budget. */
export function positionFromMonitoring(model: RevenueMonitor, yearLabel: string, when: string): YearPosition | null {
  const { budget, forecast } = model.root;
  if (budget === null || forecast === null) return null;
  const sentence = `${yearLabel} forecast outturn at ${when}: ${position(budget, forecast)}.`;
  return { variance: forecast.minus(budget), budget, outturn: forecast, sentence, printedNote: null };
}

/**
 * Where the month's monitoring adds to another figure than the year-end table (the headline): one sentence
 * with the difference and the lines whose figures differ. Null when they agree to the £'000.
 */
export function monitoringAgainstYearEnd(
  model: RevenueMonitor,
  headline: YearPosition,
  table: OutturnTable,
  when: string,
): string | null {
  const own = positionFromMonitoring(model, '', when);
  if (!own) return null;
  const d = own.variance.minus(headline.variance);
  if (roundHalfAwayFromZero(d.dividedBy(1000), 0).isZero()) return null;
  const differing: string[] = [];
  for (const group of model.root.children) {
    const line = table.lines.find((l) => l.rowType === 'item' && keyOf(l.label) === keyOf(group.label));
    if (!line) continue;
    for (const [what, mine, theirs] of [
      ['budget', group.budget, line.budget],
      ['outturn', group.forecast, line.outturn],
    ] as const) {
      if (mine === null || theirs === null) continue;
      if (!roundHalfAwayFromZero(mine.minus(theirs).dividedBy(1000), 0).isZero())
        differing.push(
          `${group.label} ${what} ${formatThousands(mine, { zero: '0' })} against ${formatThousands(theirs, { zero: '0' })}`,
        );
    }
  }
  const why =
    differing.length > 0
      ? `: the return's detailed lines add to different area figures (${differing.join('; ')}, £'000)`
      : '';
  return `The ${when} monitoring return's lines, below, add to ${m3(own.variance)} ${own.variance.isNegative() ? 'under' : 'over'} budget, ${k(d)} ${d.isPositive() ? 'more' : 'less'} than the year-end table${why}.`;
}
