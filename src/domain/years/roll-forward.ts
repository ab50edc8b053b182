import { CAPITAL_CATEGORIES, type CapitalCategory } from '../capital/capital-programme';
import { classify, type CheckStatus } from '../checks/casting';
import { keyOf } from '../checks/table-rows';
import type { Figure, TieOutResult } from '../checks/tie-outs';
import { Money, ZERO, THOUSAND } from '../core/money';
import { formatFinancialYear, type FinancialYear } from '../core/period';
import { sumOrMissing } from '../core/sum-or-missing';

/*
 * Roll-forward checks between two financial years, N and N+1 (ARCHITECTURE.md, "The checks"): what one year
 * closes with, the next must open with.
 *
 *  - Every reserve's opening balance in N+1 equals its closing balance in N. Reserves are matched by name,
 *    normalised (case, spaces, punctuation, "&" for "and", a footnote mark such as "(*)"); a reserve in one
 *    year only is a finding of its own, "new in N+1" or "not carried into N+1", checked against nil: one that
 *    opens or closes at nil passes, one with a balance fails by that balance.
 *  - The capital budget brought forward in N+1 (Table 4's B/Fwd) equals the slippage carried forward from N:
 *    in total, the transfer to the Capital Carry Forward Reserve (Table 4 financing), or, when N's financing
 *    is not given, Appendix 3's predicted carry-forward [M]; by category, each Appendix 3 section's [M],
 *    wherever both years give categories.
 *  - The Carry Forward Revenue Reserve's usage in N+1 equals what was added to it in N.
 *
 * Each result is a tie-out (TieOutResult, group 'roll-forward'): `printed` is year N+1's figure, `computed`
 * year N's, `difference` N+1 - N, with the status rule of every check: nil is a pass, a difference within half
 * a printed unit per figure is a rounding difference (£1,000 for two figures printed in £'000), more is a
 * failure, and a figure not shown makes the check "cannot be made", never nil. Pure; exact; never throws on
 * data (two years that do not follow each other are a caller's bug: RangeError).
 */

/** A reserve's balances as the reserves position gives them (ReserveLine satisfies it); pounds, exact. */
export interface ReserveBalances {
  /** The row key in the year's reserves table (for links); the normalised name when absent. */
  key?: string;
  name: string;
  opening: Money | null;
  added: Money | null;
  /** Drawn from the reserve in the year: positive. */
  used: Money | null;
  closing: Money | null;
}

/** Table 4's capital payments by category (CategoryBudgetLine satisfies it). */
export interface CategoryBroughtForward {
  key: string;
  label: string;
  category: CapitalCategory | null;
  bfwd: Money | null;
}

/** One Appendix 3 section (SchemeSection satisfies it): its printed total's [M], or its schemes'. */
export interface SectionCarryForward {
  category: CapitalCategory | null;
  label: string;
  schemes: readonly { key: string; carryForward: Money | null }[];
  total: { key: string; carryForward: Money | null } | null;
  detailMissing: boolean;
}

/**
 * One year's figures, as the models give them: `reserves` is a ReservesPosition, `capital` a CapitalProgramme,
 * `financing` a CapitalFinancing (each satisfies the shape asked for). Any may be absent: the checks that need
 * it are then not made, and `unavailable` says why.
 */
export interface RollForwardYear {
  year: FinancialYear;
  /** The unit the year's figures were printed in, in pounds: £'000 (1000) by default. */
  printedUnit?: Money;
  reserves?: { reserves: readonly ReserveBalances[] } | null;
  capital?: {
    /** Table 4: B/Fwd by category (what year N+1 brings forward). */
    categories: readonly CategoryBroughtForward[];
    categoryTotal: { key: string; label: string; bfwd: Money | null } | null;
    /** Appendix 3: predicted carry-forward [M] by section (what year N carries forward). */
    sections: readonly SectionCarryForward[];
    grandTotal: { key: string; carryForward: Money | null } | null;
  } | null;
  /** Table 4 financing: its TOTAL's transfer to the Capital Carry Forward Reserve (year N's slippage). */
  financing?: { total: { key: string; transfer: Money | null } | null } | null;
}

export type RollForwardCheck = 'reserve-balance' | 'carry-forward-revenue-reserve' | 'capital-brought-forward';

/** A reserve in one year only: opened in N+1 with no line in N, or closed in N with no line in N+1. */
export type RollForwardFinding = 'new' | 'not-carried';

/**
 * One roll-forward check, in the shape of every tie-out: `printed` = year N+1's figure, `computed` = year N's,
 * `difference` = N+1 - N, `tolerance`, `status`, and the figures behind each side (table id 't5', 't4p', 'a3'
 * or 't4f' and the row key, for links).
 */
export interface RollForwardResult extends TieOutResult {
  group: 'roll-forward';
  check: RollForwardCheck;
  /** What is checked: the reserve's name, the category's label, or "Total". */
  subject: string;
  /** Year N and year N+1. */
  from: FinancialYear;
  to: FinancialYear;
  /** The page that shows the figures: the Reserves or the Capital page. */
  page: 'reserves' | 'capital';
  /** Set when a reserve is in one year only; its missing side is read as nil, and said to be. */
  finding: RollForwardFinding | null;
}

export interface RollForward {
  from: FinancialYear;
  to: FinancialYear;
  results: RollForwardResult[];
  /** Checks not made because a year lacks the model they need ("2018/19 has no reserves position"). */
  unavailable: string[];
}

export interface RollForwardOptions {
  /** The Carry Forward Revenue Reserve's name, when a year calls it something else. */
  carryForwardRevenueReserve?: string;
}

const HALF = new Money('0.5');

/**
 * A reserve's name as matched across years: case, spaces and punctuation do not count, "&" is "and", and a
 * footnote mark goes ("Road Casualty Reduction & Support Fund (*)" -> "road-casualty-reduction-and-support-fund").
 */
const reserveMatchKey = (name: string): string => keyOf(name);

const shown = (side: Side): boolean => side.figures.some((f) => f.value !== null);

/** The Carry Forward Revenue Reserve by its words, in any order: "Revenue Carry-Forwards Reserve" too, never a capital one. */
const isCarryForwardRevenue = (key: string): boolean =>
  /(^|-)carry-forwards?(-|$)/.test(key) && /(^|-)revenue(-|$)/.test(key) && !/(^|-)capital(-|$)/.test(key);

function yearKey(y: FinancialYear): string {
  return keyOf(formatFinancialYear(y));
}

interface Side {
  figures: Figure[];
  value: Money | null;
  /** Half a printed unit per printed figure on this side. */
  slack: Money;
  missing: string[];
}

const figure = (table: string, row: string | null, label: string, column: string, value: Money | null): Figure => ({
  table,
  row,
  label,
  column,
  value,
  sign: 1,
});

function printedSide(f: Figure, halfUnit: Money, missingText: string): Side {
  return {
    figures: [f],
    value: f.value,
    slack: f.value === null ? ZERO : halfUnit,
    missing: f.value === null ? [missingText] : [],
  };
}

/** A side with no line at all in its year: nil, said to be, and no rounding of its own. */
function absentSide(f: Figure): Side {
  return { figures: [f], value: ZERO, slack: ZERO, missing: [] };
}

function missingSide(f: Figure, why: string): Side {
  return { figures: [f], value: null, slack: ZERO, missing: [why] };
}

interface Base {
  id: string;
  check: RollForwardCheck;
  subject: string;
  description: string;
  page: 'reserves' | 'capital';
  finding: RollForwardFinding | null;
  note?: string;
}

function result(base: Base, from: FinancialYear, to: FinancialYear, next: Side, previous: Side): RollForwardResult {
  const difference = next.value !== null && previous.value !== null ? next.value.minus(previous.value) : null;
  const tolerance = next.slack.plus(previous.slack);
  const status: CheckStatus = difference === null ? 'incomplete' : classify(difference, tolerance);
  const first = next.figures[0];
  return {
    id: `rf.${yearKey(from)}.${base.id}`,
    group: 'roll-forward',
    check: base.check,
    subject: base.subject,
    description: base.description,
    unit: 'amount',
    table: first?.table ?? null,
    row: first?.row ?? null,
    column: first?.column ?? '',
    printed: next.value,
    computed: previous.value,
    difference,
    tolerance,
    status,
    printedFigures: next.figures,
    againstFigures: previous.figures,
    missing: [...next.missing, ...previous.missing],
    from,
    to,
    page: base.page,
    finding: base.finding,
    ...(base.note === undefined ? {} : { note: base.note }),
  };
}

/** Reserves by match key; a name repeated within a year is told apart by its order (-2, -3), as row keys are. */
function byMatchKey(reserves: readonly ReserveBalances[]): Map<string, ReserveBalances> {
  const seen = new Map<string, number>();
  const out = new Map<string, ReserveBalances>();
  for (const r of reserves) {
    const base = reserveMatchKey(r.name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base}-${n}`, r);
  }
  return out;
}

function reserveChecks(
  from: FinancialYear,
  to: FinancialYear,
  previous: readonly ReserveBalances[],
  next: readonly ReserveBalances[],
  halfN: Money,
  halfN1: Money,
): RollForwardResult[] {
  const n = formatFinancialYear(from);
  const n1 = formatFinancialYear(to);
  const before = byMatchKey(previous);
  const after = byMatchKey(next);
  const keys = [...before.keys(), ...[...after.keys()].filter((k) => !before.has(k))];
  return keys.map((key) => {
    const was = before.get(key);
    const is = after.get(key);
    const name = (is ?? was)!.name;
    const closing = (r: ReserveBalances) =>
      figure('t5', r.key ?? key, `${n} ${r.name}`, `Closing balance 31 March ${from.startYear + 1}`, r.closing);
    const opening = (r: ReserveBalances) =>
      figure('t5', r.key ?? key, `${n1} ${r.name}`, `Opening balance 1 April ${to.startYear}`, r.opening);
    const base = { id: `reserve.${key}`, check: 'reserve-balance' as const, subject: name, page: 'reserves' as const };
    if (was && is) {
      return result(
        { ...base, finding: null, description: `${name}: opening balance ${n1} = closing balance ${n}` },
        from,
        to,
        printedSide(opening(is), halfN1, `${n1} ${is.name}: the opening balance is not shown`),
        printedSide(closing(was), halfN, `${n} ${was.name}: the closing balance is not shown`),
      );
    }
    if (is) {
      return result(
        {
          ...base,
          finding: 'new',
          description: `${name}: new in ${n1}, opening balance ${n1} against no reserve in ${n}`,
          note: `Not in ${n}’s reserves position: its opening balance is checked against nil.`,
        },
        from,
        to,
        printedSide(opening(is), halfN1, `${n1} ${is.name}: the opening balance is not shown`),
        absentSide(figure('t5', null, `${name}: not in ${n}’s reserves position`, '', ZERO)),
      );
    }
    return result(
      {
        ...base,
        finding: 'not-carried',
        description: `${name}: not carried into ${n1}, closing balance ${n} against no reserve in ${n1}`,
        note: `Not in ${n1}’s reserves position: its closing balance is checked against nil.`,
      },
      from,
      to,
      absentSide(figure('t5', null, `${name}: not in ${n1}’s reserves position`, '', ZERO)),
      printedSide(closing(was!), halfN, `${n} ${was!.name}: the closing balance is not shown`),
    );
  });
}

function carryForwardRevenueCheck(
  from: FinancialYear,
  to: FinancialYear,
  previous: readonly ReserveBalances[],
  next: readonly ReserveBalances[],
  halfN: Money,
  halfN1: Money,
  name: string | undefined,
): RollForwardResult {
  const n = formatFinancialYear(from);
  const n1 = formatFinancialYear(to);
  const wanted = name === undefined ? null : reserveMatchKey(name);
  const find = (rs: readonly ReserveBalances[]) =>
    rs.find((r) =>
      wanted === null ? isCarryForwardRevenue(reserveMatchKey(r.name)) : reserveMatchKey(r.name) === wanted,
    );
  const was = find(previous);
  const is = find(next);
  const title = 'Carry Forward Revenue Reserve';
  const used = is
    ? printedSide(
        figure('t5', is.key ?? reserveMatchKey(is.name), `${n1} ${is.name}`, `Used in ${n1}`, is.used),
        halfN1,
        `${n1} ${is.name}: the usage is not shown`,
      )
    : missingSide(
        figure('t5', null, `${n1}: no ${title}`, '', null),
        `${n1}’s reserves position has no ${name ?? title}`,
      );
  const added = was
    ? printedSide(
        figure('t5', was.key ?? reserveMatchKey(was.name), `${n} ${was.name}`, `Added in ${n}`, was.added),
        halfN,
        `${n} ${was.name}: the addition is not shown`,
      )
    : missingSide(
        figure('t5', null, `${n}: no ${title}`, '', null),
        `${n}’s reserves position has no ${name ?? title}`,
      );
  return result(
    {
      id: 'carry-forward-revenue-reserve',
      check: 'carry-forward-revenue-reserve',
      subject: is?.name ?? was?.name ?? title,
      description: `${title}: used in ${n1} = added in ${n} (the revenue carry-forwards spent)`,
      page: 'reserves',
      finding: null,
    },
    from,
    to,
    used,
    added,
  );
}

type Capital = NonNullable<RollForwardYear['capital']>;

/** A section's predicted carry-forward [M]: its printed total, or its schemes' when it prints none. */
function sectionCarryForward(s: SectionCarryForward): { value: Money | null; row: string | null } {
  if (s.total) return { value: s.total.carryForward, row: s.total.key };
  if (s.detailMissing || s.schemes.length === 0) return { value: null, row: null };
  return { value: sumOrMissing(s.schemes.map((r) => r.carryForward)), row: s.schemes[0]!.key };
}

function capitalChecks(
  from: FinancialYear,
  to: FinancialYear,
  previous: Capital,
  financing: RollForwardYear['financing'],
  next: Capital,
  halfN: Money,
  halfN1: Money,
): RollForwardResult[] {
  const n = formatFinancialYear(from);
  const n1 = formatFinancialYear(to);
  const results: RollForwardResult[] = [];
  const bfwdColumn = `B/Fwd from previous years (${n1})`;

  // In total: Table 4's TOTAL B/Fwd against what N moved to the Capital Carry Forward Reserve.
  const total = next.categoryTotal;
  const bfwd = total
    ? printedSide(
        figure('t4p', total.key, `${n1} Table 4 ${total.label}`, bfwdColumn, total.bfwd),
        halfN1,
        `${n1} Table 4 ${total.label}: B/Fwd is not shown`,
      )
    : missingSide(figure('t4p', null, `${n1} Table 4: no TOTAL line`, '', null), `${n1}’s Table 4 has no TOTAL line`);
  const transfer = financing?.total;
  const slippage = transfer
    ? printedSide(
        figure(
          't4f',
          transfer.key,
          `${n} Table 4 financing TOTAL`,
          `Transfer to Capital Carry Forward Reserve (${n})`,
          transfer.transfer,
        ),
        halfN,
        `${n} Table 4 financing: the transfer to the Capital Carry Forward Reserve is not shown`,
      )
    : previous.grandTotal
      ? printedSide(
          figure(
            'a3',
            previous.grandTotal.key,
            `${n} Appendix 3 Grand Total`,
            `Predicted C/Fwd [M] (${n})`,
            previous.grandTotal.carryForward,
          ),
          halfN,
          `${n} Appendix 3 Grand Total: the predicted carry-forward [M] is not shown`,
        )
      : missingSide(
          figure('t4f', null, `${n}: no slippage total`, '', null),
          `${n} gives no slippage total (no capital financing, no Appendix 3 Grand Total)`,
        );
  results.push(
    result(
      {
        id: 'capital.total',
        check: 'capital-brought-forward',
        subject: 'Total',
        description: `Capital programme: budget brought forward into ${n1} = slippage carried forward from ${n} (${transfer ? 'the transfer to the Capital Carry Forward Reserve' : 'Appendix 3’s predicted carry-forward'})`,
        page: 'capital',
        finding: null,
      },
      from,
      to,
      bfwd,
      slippage,
    ),
  );

  // By category, where both years give categories: Table 4's B/Fwd line against Appendix 3's section [M].
  const nextByCategory = new Map<CapitalCategory, CategoryBroughtForward[]>();
  for (const line of next.categories) {
    if (line.category !== null) nextByCategory.set(line.category, [...(nextByCategory.get(line.category) ?? []), line]);
  }
  const previousByCategory = new Map<CapitalCategory, SectionCarryForward[]>();
  for (const s of previous.sections) {
    if (s.category !== null) previousByCategory.set(s.category, [...(previousByCategory.get(s.category) ?? []), s]);
  }
  if (nextByCategory.size === 0 || previousByCategory.size === 0) return results;
  for (const { id, label } of CAPITAL_CATEGORIES) {
    const lines = nextByCategory.get(id);
    const sections = previousByCategory.get(id);
    if (!lines && !sections) continue;
    const nextSide: Side = lines
      ? {
          figures: lines.map((l) => figure('t4p', l.key, `${n1} Table 4 ${l.label}`, bfwdColumn, l.bfwd)),
          value: sumOrMissing(lines.map((l) => l.bfwd)),
          slack: halfN1.times(lines.filter((l) => l.bfwd !== null).length),
          missing: lines.filter((l) => l.bfwd === null).map((l) => `${n1} Table 4 ${l.label}: B/Fwd is not shown`),
        }
      : missingSide(
          figure('t4p', null, `${n1} Table 4: no ${label} line`, '', null),
          `${n1}’s Table 4 has no ${label} line`,
        );
    const parts = (sections ?? []).map((s) => ({ s, ...sectionCarryForward(s) }));
    const previousSide: Side = sections
      ? {
          figures: parts.map((p) =>
            figure('a3', p.row, `${n} Appendix 3 ${p.s.label}`, `Predicted C/Fwd [M] (${n})`, p.value),
          ),
          value: sumOrMissing(parts.map((p) => p.value)),
          slack: halfN.times(parts.filter((p) => p.value !== null).length),
          missing: parts
            .filter((p) => p.value === null)
            .map((p) => `${n} Appendix 3 ${p.s.label}: the predicted carry-forward [M] is not shown`),
        }
      : missingSide(
          figure('a3', null, `${n} Appendix 3: no ${label} section`, '', null),
          `${n}’s Appendix 3 has no ${label} section`,
        );
    // Nothing shown on either side is no claim: there is nothing to check.
    if (!shown(nextSide) && !shown(previousSide)) continue;
    results.push(
      result(
        {
          id: `capital.${id}`,
          check: 'capital-brought-forward',
          subject: label,
          description: `${label}: budget brought forward into ${n1} = slippage carried forward from ${n}`,
          page: 'capital',
          finding: null,
        },
        from,
        to,
        nextSide,
        previousSide,
      ),
    );
  }
  return results;
}

/**
 * The roll-forward checks from year N (`from`) to year N+1 (`to`), as far as the two years' models allow:
 * reserves (each reserve, then the Carry Forward Revenue Reserve) when both give a reserves position; capital
 * (the total, then each category) when both give a capital programme. Results in that order.
 */
export function checkRollForward(
  from: RollForwardYear,
  to: RollForwardYear,
  options: RollForwardOptions = {},
): RollForward {
  if (to.year.startYear !== from.year.startYear + 1) {
    throw new RangeError(
      `roll-forward from ${formatFinancialYear(from.year)} to ${formatFinancialYear(to.year)}: the years must follow each other`,
    );
  }
  const n = formatFinancialYear(from.year);
  const n1 = formatFinancialYear(to.year);
  const halfN = (from.printedUnit ?? THOUSAND).times(HALF);
  const halfN1 = (to.printedUnit ?? THOUSAND).times(HALF);
  const results: RollForwardResult[] = [];
  const unavailable: string[] = [];

  const previousReserves = from.reserves?.reserves;
  const nextReserves = to.reserves?.reserves;
  if (previousReserves && nextReserves) {
    results.push(...reserveChecks(from.year, to.year, previousReserves, nextReserves, halfN, halfN1));
    results.push(
      carryForwardRevenueCheck(
        from.year,
        to.year,
        previousReserves,
        nextReserves,
        halfN,
        halfN1,
        options.carryForwardRevenueReserve,
      ),
    );
  } else {
    for (const [y, r] of [
      [n, previousReserves],
      [n1, nextReserves],
    ] as const)
      if (!r) unavailable.push(`${y} has no reserves position: the reserve balances are not checked`);
  }

  if (from.capital && to.capital) {
    results.push(...capitalChecks(from.year, to.year, from.capital, from.financing, to.capital, halfN, halfN1));
  } else {
    for (const [y, c] of [
      [n, from.capital],
      [n1, to.capital],
    ] as const)
      if (!c) unavailable.push(`${y} has no capital programme: the capital budget brought forward is not checked`);
  }
  return { from: from.year, to: to.year, results, unavailable };
}
