import { formatMillions, sum, type Money } from '../core/money';
import { formatFinancialYear, financialYear } from '../core/period';
import { keyOf } from '../checks/table-rows';

/*
 * Revenue years side by side: budget and outturn by area for every year loaded, each year from what it has
 * (its year-end outturn summary, or else its P12 monitoring return), saying which. Areas are matched across
 * years by name (case, spaces and punctuation ignored); an area a year does not have is shown as not given,
 * never as nil.
 */

export type YearAreasSource = 'outturn-summary' | 'p12-return' | 'none';

export interface YearArea {
  label: string;
  /** Pounds, exact; null where the source gives none. */
  budget: Money | null;
  outturn: Money | null;
}

export interface YearAreas {
  year: number;
  source: YearAreasSource;
  /** The datasets read, by name, for the sources line. */
  datasets: readonly string[];
  illustrative: boolean;
  areas: readonly YearArea[];
}

export interface RevenueYearsRow {
  key: string;
  label: string;
  /** One entry per year of the table (ascending), null where that year has no such area. */
  figures: readonly ({ budget: Money | null; outturn: Money | null } | null)[];
}

export interface RevenueYearsTable {
  /** The years with figures, ascending. */
  years: readonly YearAreas[];
  /** The years loaded that have neither a year-end outturn summary nor a P12 return. */
  without: readonly number[];
  rows: readonly RevenueYearsRow[];
}

/** The years side by side: areas in the order first met (the earliest year's first), each year's figures. */
export function revenueYearsTable(given: readonly YearAreas[]): RevenueYearsTable {
  const sorted = [...given].sort((a, b) => a.year - b.year);
  const years = sorted.filter((y) => y.source !== 'none');
  const rows = new Map<string, { label: string; figures: RevenueYearsRow['figures'][number][] }>();
  years.forEach((y, i) => {
    for (const a of y.areas) {
      const key = keyOf(a.label);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { label: a.label, figures: years.map(() => null) }));
      const held = row.figures[i];
      // The same area twice in one year's tables (it should not be): its figures are added, not overwritten.
      row.figures[i] = held
        ? {
            budget: held.budget && a.budget ? held.budget.plus(a.budget) : (held.budget ?? a.budget),
            outturn: held.outturn && a.outturn ? held.outturn.plus(a.outturn) : (held.outturn ?? a.outturn),
          }
        : { budget: a.budget, outturn: a.outturn };
    }
  });
  return {
    years,
    without: sorted.filter((y) => y.source === 'none').map((y) => y.year),
    rows: [...rows.entries()].map(([key, r]) => ({ key, label: r.label, figures: r.figures })),
  };
}

const SOURCE_WORDS: Readonly<Record<YearAreasSource, string>> = {
  'outturn-summary': 'its year-end outturn summary',
  'p12-return': 'its P12 monitoring return',
  none: 'nothing',
};

/** Where a year's figures come from, in words. */
export const yearSourceWords = (y: YearAreas): string => SOURCE_WORDS[y.source];

/** One sentence from the figures: each year's budget and outturn over the areas shown. */
export function summariseRevenueYears(table: RevenueYearsTable): string {
  if (table.years.length === 0) return 'No year loaded has a year-end outturn summary or a P12 return.';
  const parts = table.years.map((y, i) => {
    const budgets = table.rows.map((r) => r.figures[i]?.budget ?? null).filter((v): v is Money => v !== null);
    const outturns = table.rows.map((r) => r.figures[i]?.outturn ?? null).filter((v): v is Money => v !== null);
    return `${formatFinancialYear(financialYear(y.year))} outturn ${formatMillions(sum(outturns))} against a budget of ${formatMillions(sum(budgets))} (from ${yearSourceWords(y)})`;
  });
  return `Over the areas shown: ${parts.join('; ')}.`;
}
