import { useId } from 'react';
import { isMonthlyReturn } from '../../api/dataset-status';
import { monthLabel, useYearsLoaded, yearLabel } from '../../api/year-choice';
import type { Preview } from '../../import/preview';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The years offered for a file: those loaded, two either side, the file's own and the one chosen; newest first. */
function yearsOffered(loaded: readonly number[], guess: number | null, chosen: number | null, now: Date): number[] {
  const years = new Set<number>();
  const around = loaded.length > 0 ? loaded : [now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1];
  for (const y of around) for (let d = -2; d <= 2; d++) years.add(y + d);
  if (guess !== null) years.add(guess);
  if (chosen !== null) years.add(chosen);
  return [...years].sort((a, b) => b - a);
}

/**
 * The financial year (and, for a monthly return, the month) the file will be imported into: what the file says,
 * with its evidence, and selects to confirm or change it. When the file does not say one year, the question is
 * shown and the import waits for the answer: an ambiguous year is asked, never guessed.
 */
export function YearChoiceField({
  preview,
  questionId,
  onChange,
}: {
  preview: Preview;
  /** The id of the question, for the Import button to be described by while it waits. */
  questionId: string;
  onChange: (change: { year?: number | null; month?: number | null }) => void;
}) {
  const ids = { year: useId(), month: useId(), evidence: useId() };
  const loaded = useYearsLoaded().data;
  const { yearGuess, year, month } = preview;
  const monthly = isMonthlyReturn(preview.suggestion.kind, preview.suggestion.mapping) || month !== null;
  const offered = yearsOffered(loaded?.years ?? [], yearGuess.year, year, new Date());
  const setByYou = year !== yearGuess.year || month !== yearGuess.month;
  return (
    <fieldset className="year-choice">
      <legend>Financial year{monthly ? ' and month' : ''}</legend>
      {yearGuess.evidence.length > 0 ? (
        <>
          <p id={ids.evidence}>What the file says:</p>
          <ul className="year-evidence" aria-labelledby={ids.evidence}>
            {yearGuess.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>The file says nothing of its year.</p>
      )}
      {year === null && (
        <p id={questionId} className="question">
          <strong>Which financial year is this file for?</strong>{' '}
          {yearGuess.question ?? 'Choose the financial year this file is for.'} Nothing is imported until you choose.
        </p>
      )}
      <div className="choices">
        <label htmlFor={ids.year}>Financial year of this file</label>
        <select
          id={ids.year}
          value={year ?? ''}
          onChange={(e) => onChange({ year: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">(choose the year)</option>
          {offered.map((y) => (
            <option key={y} value={y}>
              {yearLabel(y)}
              {y === yearGuess.year ? ' (as the file says)' : ''}
              {loaded?.years.includes(y) ? ' · data loaded' : ''}
            </option>
          ))}
        </select>
        {monthly && (
          <>
            <label htmlFor={ids.month}>As at month</label>
            <select
              id={ids.month}
              value={month ?? ''}
              onChange={(e) => onChange({ month: e.target.value === '' ? null : Number(e.target.value) })}
            >
              <option value="">(no month: whole year)</option>
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {year !== null ? monthLabel(year, m) : `P${m}`}
                  {m === yearGuess.month ? ' (as the file says)' : ''}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {year !== null && (
        <p className="note">
          It will be imported into {yearLabel(year)}
          {month !== null ? `, as at ${monthLabel(year, month)}` : ''}
          {setByYou ? ', as you set it.' : ', as the file says.'}
        </p>
      )}
    </fieldset>
  );
}
