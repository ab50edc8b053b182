import { useMemo } from 'react';
import { useRevenueYearTables } from '../../api/outturn-tables';
import { monthLabel, yearLabel } from '../../api/year-choice';
import {
  monitoringAgainstYearEnd,
  positionFromMonitoring,
  positionFromOutturn,
} from '../../domain/board-pack/year-position';
import type { RevenueMonitor } from '../../domain/revenue/revenue-model';

/** Who printed a year's Table 1, for the sentence that says where its total differs. */
const tableOneSource = (year: number): string =>
  year === 2017 ? 'The paper’s Table 1 (19 July 2018)' : `The loaded Table 1 of ${yearLabel(year)}`;

/**
 * The year's position in one sentence, first on the page: at P12 with the year's Table 1 loaded, what its
 * lines add to (the figure the board pack prints); otherwise the month's forecast. Where the printed total
 * or the month's return adds to another figure, one sentence each says by how much and why.
 */
export function YearPositionLine({ model }: { model: RevenueMonitor }) {
  const year = model.year ?? 0;
  const tables = useRevenueYearTables(model.year);
  const when = monthLabel(year, model.month);
  const table1 =
    model.month === 12 ? tables.data?.tables.find((t) => t.key === 'table-1-revenue-outturn.csv')?.table : undefined;
  const said = useMemo(() => {
    const yearEnd = table1 ? positionFromOutturn(table1, yearLabel(year), tableOneSource(year)) : null;
    if (yearEnd && table1)
      return {
        headline: yearEnd.sentence,
        notes: [yearEnd.printedNote, monitoringAgainstYearEnd(model, yearEnd, table1, when)],
      };
    const monthly = positionFromMonitoring(model, yearLabel(year), when);
    return { headline: monthly?.sentence ?? `No forecast outturn for ${when}.`, notes: [] };
  }, [table1, model, year, when]);
  return (
    <div className="year-position" role="group" aria-label="The year's position">
      <p className="year-position-headline">{said.headline}</p>
      {said.notes
        .filter((n): n is string => n !== null)
        .map((n) => (
          <p key={n} className="year-position-note">
            {n}
          </p>
        ))}
    </div>
  );
}
