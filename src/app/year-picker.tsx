import { useId } from 'react';
import { monthLabel, yearLabel, type YearChoice } from '../api/year-choice';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * The financial year and month every page reads, chosen once in the header: the years with data (newest first,
 * a year with nothing the page shows said so) and the twelve months of the chosen year, those with a monthly return said so in words. Both change the
 * address, so Back returns to the previous choice and the view can be bookmarked.
 */
export function YearPicker({ choice }: { choice: YearChoice }) {
  const ids = { year: useId(), month: useId() };
  const { year, month, loaded, askedYearMissing, pageYears } = choice;
  if (!loaded) return null;
  if (loaded.years.length === 0)
    return <p className="year-picker note">No financial year has data yet: import files on the Import page.</p>;
  const returns = year !== null ? (loaded.months.get(year) ?? []) : [];
  return (
    <div className="year-picker" role="group" aria-label="Year and month shown">
      <label htmlFor={ids.year}>Financial year</label>
      <select id={ids.year} value={year ?? ''} onChange={(e) => choice.setYear(Number(e.target.value))}>
        {askedYearMissing && year !== null && <option value={year}>{yearLabel(year)} (no data)</option>}
        {loaded.years.map((y) => (
          <option key={y} value={y}>
            {yearLabel(y)}
            {pageYears.includes(y) ? '' : ' (nothing for this page)'}
          </option>
        ))}
      </select>
      <label htmlFor={ids.month}>Month</label>
      <select
        id={ids.month}
        value={month}
        disabled={year === null}
        onChange={(e) => choice.setMonth(Number(e.target.value))}
      >
        {year !== null &&
          MONTHS.map((m) => (
            <option key={m} value={m}>
              {monthLabel(year, m)}
              {returns.includes(m) ? ' · return loaded' : ''}
            </option>
          ))}
      </select>
      {!loaded.complete && (
        <p role="status" className="note">
          The sample&rsquo;s other years are still being imported.
        </p>
      )}
    </div>
  );
}
