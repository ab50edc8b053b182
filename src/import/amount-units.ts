import type { ColumnScale } from './column-mapping';

/*
 * The unit of an amount column: what its header says ("Budget (£'000)"), else what the rows above the header say
 * (a unit alone above the column, "£'000" over each figure of a board table; or a title, "Reserves forecast
 * 2019/20 (£000)"), else pounds; the user sees where it came from and can change it before the import. Public
 * bodies' spreadsheets often say the unit once, in the title, not in each header: read as pounds, such a file's
 * figures would be a thousand times too small, and nothing would say why.
 */

/** Thousands of pounds, as files write it: £000, £'000, £000s, £k, (k), '000, £ thousands. */
const THOUSANDS = /£\s*'?0{3}(?!\d)|£\s*k\b|\(k\)|'000|£\s*thousands?\b/i;
/** The same in a title, but for "(k)": there more likely a list's item, "Appendix (k)". */
const TITLE_THOUSANDS = /£\s*'?0{3}(?!\d)|£\s*k\b|'000|£\s*thousands?\b|\bthousands of pounds\b/i;
/** Pounds said outright: "(£)", or a header that ends with its unit ("Amount £"). */
const POUNDS = /\(£\)|(^|\s)£$/;
/** A cell that is only a unit ("£'000", "(£000)", "£k", "£"). */
const UNIT_ONLY = /^\(?\s*£\s*('?0{3}s?|k)?\s*\)?$/i;

/** A header's own unit, when it says one. */
export function unitOfHeader(header: string): ColumnScale | null {
  if (THOUSANDS.test(header)) return 'thousands';
  return POUNDS.test(header.trim()) ? 'pounds' : null;
}

/** Why a unit is what it is, where the user set it (in the mapping step, or a saved mapping's). */
export const UNIT_CHOSEN = 'chosen by you';

/** The units of `scales` the user set (their reasons UNIT_CHOSEN): what a saved mapping keeps. */
export function chosenUnits(
  scales: Record<string, ColumnScale>,
  reasons: Record<string, string>,
): Record<string, ColumnScale> | null {
  const chosen = Object.entries(scales).filter(([key]) => reasons[key] === UNIT_CHOSEN);
  return chosen.length > 0 ? Object.fromEntries(chosen) : null;
}

/** An amount column's unit and why (`reason`, said beside the choice of unit in the mapping step). */
export interface AmountUnit {
  scale: ColumnScale;
  reason: string;
}

const MAX_QUOTED = 80;
const quoted = (text: string): string => `“${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text}”`;

/**
 * The unit of the amount column at `index`, from its header, then the rows above the header (`above`, the file's
 * first rows: row 1 is `above[0]`): a unit alone in the column's own cell above, nearest first, then any cell above
 * that says thousands. Pounds where none says.
 */
export function amountUnit(header: string, above: readonly (readonly string[])[], index: number): AmountUnit {
  const own = unitOfHeader(header);
  if (own) return { scale: own, reason: `from its header ${quoted(header)}` };
  for (let r = above.length - 1; r >= 0; r--) {
    const cell = (above[r]![index] ?? '').trim();
    if (cell !== '' && UNIT_ONLY.test(cell))
      return {
        scale: THOUSANDS.test(cell) ? 'thousands' : 'pounds',
        reason: `from row ${r + 1}, above its header: ${quoted(cell)}`,
      };
  }
  for (const [r, row] of above.entries())
    for (const cell of row)
      if (TITLE_THOUSANDS.test(cell))
        return { scale: 'thousands', reason: `from row ${r + 1}, above the header: ${quoted(cell.trim())}` };
  return { scale: 'pounds', reason: 'no unit said in the file: read as pounds' };
}
