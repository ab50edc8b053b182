import { formatFinancialYear } from '../../domain/core/period';
import { sum } from '../../domain/core/money';
import { toThousands } from '../../domain/core/units';
import type { BalanceColumn, ReserveAcrossYears } from '../../api/reserves-years';

export interface ReserveYearsPoint {
  /** The balance as "Opening 2018/19", "Closing 2018/19", "Projected close 2020/21". */
  date: string;
  projected: boolean;
  /** £'000 by group, and all usable reserves, as numbers for drawing only (Number() on money is allowed here). */
  earmarked: number;
  contingency: number;
  capital: number;
  general: number;
  total: number;
}

type Group = 'earmarked' | 'contingency' | 'capital' | 'general';

/**
 * The reserves over the years by group, one point per balance date (each year's opening and closing, then the
 * projection). A reserve with no balance at a date (not in that year's position, or not shown) adds nothing
 * there; the data table says which.
 */
export function toReserveYearsSeries(
  columns: readonly BalanceColumn[],
  reserves: readonly ReserveAcrossYears[],
): ReserveYearsPoint[] {
  return columns.map((c) => {
    const at = (group: Group | null) =>
      sum(
        reserves
          .filter((r) => group === null || (r.group ?? 'earmarked') === group)
          .flatMap((r) => {
            const v = r.balances[c.key];
            return v === undefined || v === null ? [] : [v];
          }),
      );
    const n = (group: Group | null) => Number(toThousands(at(group)).toFixed(0));
    return {
      // On the axis by year, not by date: a date's day ("1 April") would read as a figure (and be hidden as one
      // in presentation mode); the data table beside the chart gives the dates.
      date: `${c.kind === 'opening' ? 'Opening' : c.kind === 'closing' ? 'Closing' : 'Projected close'} ${formatFinancialYear({ startYear: c.year })}`,
      projected: c.kind === 'projected',
      earmarked: n('earmarked'),
      contingency: n('contingency'),
      capital: n('capital'),
      general: n('general'),
      total: n(null),
    };
  });
}
