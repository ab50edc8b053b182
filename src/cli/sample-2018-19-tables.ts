// The ILLUSTRATIVE 2018/19 reserves and capital programme, in the printed-table shapes of the 2017/18
// paper's Table 5 and Table 4, rolled forward from the paper's figures read from data/: every reserve opens
// at its Table 5 closing balance (but one, planted on purpose: PLANTED_OPENING), and each capital category
// brings forward the carry-forward requests of Appendix 4. The movements in the year are made up.
import { Money, ZERO, THOUSAND, HUNDRED, formatWholeThousands, sum } from '../domain/core/money';
import { findColumn, readPrintedTable, type PrintedTable } from '../import/printed-table';
import { csv } from './generate-sample-year';

/** The planted roll-forward difference: this reserve opens 2018/19 this many £'000 above its 2017/18 closing. */
export const PLANTED_OPENING = { reserve: 'ICT Development Reserve', thousands: 5 } as const;

const CFRR = 'Carry Forward Revenue Reserve';
const CAPITAL_CARRY_FORWARD = 'Capital Carry Forward Reserve';

/**
 * 2018/19 movements by reserve, £'000 (illustrative). 'cfrr' and 'capital' are worked out: the revenue
 * carry forwards of 2017/18 are used, the capital slippage of 2017/18 is applied and 2018/19's is added.
 */
const MOVEMENTS: Readonly<Record<string, { added: number; used: number }>> = {
  [CFRR]: { added: 845, used: 0 },
  'Drug Forfeiture (Operational) Reserve': { added: 30, used: 24 },
  'Budget Assistance Reserve': { added: 0, used: 1_450 },
  'Road Casualty Reduction & Support Fund (*)': { added: 395, used: 210 },
  'Collaboration & Commissioning Reserve': { added: 0, used: 15 },
  'ICT Development Reserve': { added: 0, used: 120 },
  'Estate Development Reserve': { added: 0, used: 650 },
  'Insurance Reserve': { added: 120, used: 140 },
  'Ill-Health Retirement Reserve': { added: 0, used: 45 },
  'Capital Reserve': { added: 600, used: 900 },
  'Capital Receipts Reserve': { added: 310, used: 450 },
  [CAPITAL_CARRY_FORWARD]: { added: 0, used: 0 },
  'General Reserve': { added: 0, used: 0 },
};

const k = (thousands: number): Money => new Money(thousands).times(THOUSAND);
/** Pounds in whole £'000, as the papers print them: "1,012", "(1,089)", "-". */
const printed = (pounds: Money): string => {
  if (!pounds.mod(THOUSAND).isZero()) throw new Error(`${pounds.toString()} is not whole £'000`);
  return formatWholeThousands(pounds.dividedBy(THOUSAND));
};
const column = (table: PrintedTable, pattern: RegExp): string => {
  const c = findColumn(table, pattern);
  if (!c) throw new Error(`${table.name}: no column ${String(pattern)}`);
  return c;
};

/** What 2017/18 added to the Carry Forward Revenue Reserve (Table 5, pounds): the carry forwards 2018/19 applies. */
export function carryForwardsAdded2017(table5Text: string): Money {
  const t5 = readPrintedTable('table-5-reserves.csv', table5Text);
  const added = t5.rows.find((r) => r.label === CFRR)?.values[column(t5, /^added/i)];
  if (!added) throw new Error(`Table 5: no ${CFRR} added`);
  return added;
}

/**
 * Table 5 for 2018/19 from Table 5 for 2017/18 (its text). Rows, groups and row types as in 2017/18;
 * subtotals and totals add the rows the layout says they add (a subtotal: the items since the last
 * subtotal; a total: the subtotals and loose items since the last total), so the table casts exactly.
 * `capitalSlippage` (pounds) is what 2018/19's capital programme carries forward.
 */
export function reserves2018(table5Text: string, capitalSlippage: Money): string {
  const t5 = readPrintedTable('table-5-reserves.csv', table5Text);
  const closing17 = column(t5, /^balance 31\/3/i);
  const added17 = column(t5, /^added/i);
  const rows: string[][] = [
    [
      'Group',
      'Reserve',
      'Row type',
      "Balance 1/4/18 (£'000)",
      "Added to Reserve (£'000)",
      "Actual usage (£'000)",
      "Balance 31/3/19 (£'000)",
      'Note',
    ],
  ];
  type Figures = [opening: Money, added: Money, used: Money, closing: Money];
  let sinceSubtotal: Figures[] = [];
  let sinceTotal: Figures[] = [];
  const add = (parts: Figures[]): Figures => [0, 1, 2, 3].map((i) => sum(parts.map((p) => p[i]!))) as Figures;
  for (const row of t5.rows) {
    let figures: Figures;
    let note = 'illustrative';
    if (row.rowType === 'item') {
      const movement = MOVEMENTS[row.label];
      if (!movement) throw new Error(`Table 5: no 2018/19 movement for "${row.label}"`);
      let opening = row.values[closing17];
      if (!opening) throw new Error(`Table 5: no closing balance for "${row.label}"`);
      if (row.label === PLANTED_OPENING.reserve) opening = opening.plus(k(PLANTED_OPENING.thousands));
      let added = k(movement.added);
      let used = k(movement.used);
      if (row.label === CFRR) {
        used = row.values[added17] ?? ZERO;
        note = `illustrative; used ${printed(used)} = the 2017/18 carry forwards added in Table 5`;
      }
      if (row.label === CAPITAL_CARRY_FORWARD) {
        used = opening;
        added = capitalSlippage;
        note = 'illustrative; used = the 2017/18 slippage applied, added = the 2018/19 slippage carried forward';
      }
      figures = [opening, added, used, opening.plus(added).minus(used)];
      sinceSubtotal.push(figures);
      sinceTotal.push(figures);
    } else if (row.rowType === 'subtotal') {
      figures = add(sinceSubtotal);
      sinceTotal = [...sinceTotal.slice(0, sinceTotal.length - sinceSubtotal.length), figures];
      sinceSubtotal = [];
      note = row.text['Note'] ?? '';
    } else {
      figures = add(sinceTotal);
      sinceTotal = [];
      sinceSubtotal = [];
      note = row.text['Note'] ?? '';
    }
    const [opening, added, used, closing] = figures;
    rows.push([
      row.group,
      row.label,
      row.rowType,
      printed(opening),
      printed(added),
      printed(used.negated()),
      printed(closing),
      note,
    ]);
  }
  return csv(rows);
}

// The schemes of Appendix 4 whose category Appendix 3 does not show (its Land & Buildings and IT pages are
// missing from the extract): placed by what they are.
const CATEGORY_OF_JOB: Readonly<Record<string, string>> = {
  C8068: 'Land & Buildings',
  C8106: 'Land & Buildings',
  C8114: 'Land & Buildings',
  C8097: 'IT & Communications',
  C8098: 'IT & Communications',
  C8111: 'IT & Communications',
  C8122: 'IT & Communications',
  C8115: 'IT & Communications',
  C8110: 'IT & Communications',
  C8049: 'IT & Communications',
};

/** The categories of Table 4, in order, as Appendix 3 names its sections. */
export const CAPITAL_CATEGORIES = ['Land & Buildings', 'IT & Communications', 'Fleet', 'Collaboration'] as const;

/**
 * The 2017/18 capital carry-forward requests (Appendix 4) by Table 4 category, pounds: a scheme's category
 * is its Appendix 3 section (found by any of its job codes), or CATEGORY_OF_JOB where Appendix 3 lacks it.
 */
function carriedForwardByCategory(appendix4Text: string, appendix3Text: string): Map<string, Money> {
  const a3 = readPrintedTable('appendix-3-capital-schemes.csv', appendix3Text);
  const a4 = readPrintedTable('appendix-4-capital-carry-forwards.csv', appendix4Text);
  const requested = column(a4, /carry forward/i);
  const sectionOf = new Map(
    a3.rows.filter((r) => r.rowType === 'item').map((r) => [r.text['Job Code'] ?? '', r.group]),
  );
  const out = new Map<string, Money>(CAPITAL_CATEGORIES.map((c) => [c, ZERO]));
  for (const row of a4.rows) {
    if (row.rowType !== 'item') continue;
    const codes = (row.text['Job Code'] ?? '').split(/[+/]/);
    const category =
      codes.map((c) => sectionOf.get(c)).find((s) => s !== undefined) ??
      codes.map((c) => CATEGORY_OF_JOB[c]).find((s) => s !== undefined);
    const total = category === undefined ? undefined : out.get(category);
    if (total === undefined) throw new Error(`Appendix 4: no category for ${row.label} (${codes.join(', ')})`);
    out.set(category!, total.plus(row.values[requested] ?? ZERO));
  }
  return out;
}

/** Where Table 4's transfer exceeds the requests Appendix 4 lists, the difference is placed (by choice; see below). */
const UNITEMISED_CATEGORY = 'IT & Communications';

/**
 * What 2017/18 carried forward by category (pounds): Appendix 4's requests by category, plus the part of Table 4's
 * transfer to the Capital Carry Forward Reserve that Appendix 4 does not itemise (2,173 - 2,153 = 20), placed in
 * IT & Communications, where the extract's Appendix 4 figures are known to be unsure (ICT Consolidated
 * Workstreams). So the categories add to what the reserve received, the figure the roll-forward check reads.
 */
export function broughtForwardByCategory(
  appendix4Text: string,
  appendix3Text: string,
  financingText: string,
): { byCategory: Map<string, Money>; unitemised: Money } {
  const byCategory = carriedForwardByCategory(appendix4Text, appendix3Text);
  const financing = readPrintedTable('table-4-capital-financing.csv', financingText);
  const transfer = financing.rows.find((r) => r.rowType === 'total')?.values[column(financing, /transfer/i)];
  if (!transfer) throw new Error('Table 4 financing: no total transfer to the Capital Carry Forward Reserve');
  const unitemised = transfer.minus(sum([...byCategory.values()]));
  byCategory.set(UNITEMISED_CATEGORY, byCategory.get(UNITEMISED_CATEGORY)!.plus(unitemised));
  return { byCategory, unitemised };
}

/** 2018/19 by category, £'000 (illustrative): original programme, amendments, outturn, slippage carried forward. */
const PROGRAMME_2018_19: Readonly<
  Record<string, { original: number; amendments: number; outturn: number; slippage: number }>
> = {
  'Land & Buildings': { original: 1_850, amendments: 250, outturn: 2_140, slippage: 610 },
  'IT & Communications': { original: 1_420, amendments: -120, outturn: 1_388, slippage: 305 },
  Fleet: { original: 1_950, amendments: 0, outturn: 2_081, slippage: 190 },
  Collaboration: { original: 780, amendments: 210, outturn: 1_166, slippage: 160 },
};
const BUSINESS_CASE = { label: 'Schemes approved subject to further business case', original: 3_594 };

/** The slippage the 2018/19 programme carries forward (pounds), added to the Capital Carry Forward Reserve. */
export function capitalSlippage2018(): Money {
  return sum(CAPITAL_CATEGORIES.map((c) => k(PROGRAMME_2018_19[c]!.slippage)));
}

/** Outturn / revised x 100 to one decimal, half away from zero, as Table 4 prints it. */
const percent = (outturn: Money, revised: Money): string =>
  revised.isZero() ? '' : `${outturn.times(HUNDRED).dividedBy(revised).toFixed(1, Money.ROUND_HALF_UP)}%`;

/** Table 4 (capital payments) for 2018/19: B/Fwd by category from `carried` (pounds); the rest illustrative. */
export function capitalProgramme2018({
  byCategory: carried,
  unitemised,
}: ReturnType<typeof broughtForwardByCategory>): string {
  const rows: string[][] = [
    [
      'Capital Payments',
      'Row type',
      "B/Fwd from previous years (£'000)",
      "Original 2018/19 Capital Programme (£'000)",
      "Previously Authorised Programme Amendments (£'000)",
      "Revised 2018/19 Capital Budget (£'000)",
      "Outturn 2018/19 (£'000)",
      '%',
      'Note',
    ],
  ];
  const items: [label: string, bfwd: Money, original: Money, amendments: Money, outturn: Money, note: string][] = [
    ...CAPITAL_CATEGORIES.map((c): [string, Money, Money, Money, Money, string] => {
      const p = PROGRAMME_2018_19[c]!;
      const bfwd = carried.get(c) ?? ZERO;
      return [
        c,
        bfwd,
        k(p.original),
        k(p.amendments),
        k(p.outturn),
        c === UNITEMISED_CATEGORY && !unitemised.isZero()
          ? `illustrative; B/Fwd ${printed(bfwd)} = the 2017/18 carry-forward requests of Appendix 4 in this category + ${printed(unitemised)}, the part of Table 4's transfer that Appendix 4 does not itemise`
          : `illustrative; B/Fwd ${printed(bfwd)} = the 2017/18 carry-forward requests of Appendix 4 in this category`,
      ];
    }),
    [BUSINESS_CASE.label, ZERO, k(BUSINESS_CASE.original), ZERO, ZERO, 'illustrative; not started'],
  ];
  const totals = [ZERO, ZERO, ZERO, ZERO];
  for (const [label, bfwd, original, amendments, outturn, note] of items) {
    const revised = bfwd.plus(original).plus(amendments);
    [bfwd, original, amendments, outturn].forEach((v, i) => (totals[i] = totals[i]!.plus(v)));
    rows.push([
      label,
      'item',
      printed(bfwd),
      printed(original),
      printed(amendments),
      printed(revised),
      printed(outturn),
      percent(outturn, revised),
      note,
    ]);
  }
  const [bfwd, original, amendments, outturn] = totals as [Money, Money, Money, Money];
  const revised = bfwd.plus(original).plus(amendments);
  rows.push([
    'TOTAL',
    'total',
    printed(bfwd),
    printed(original),
    printed(amendments),
    printed(revised),
    printed(outturn),
    percent(outturn, revised),
    `illustrative; B/Fwd ${printed(bfwd)} = Table 4's 2017/18 transfer to the Capital Carry Forward Reserve`,
  ]);
  return csv(rows);
}
