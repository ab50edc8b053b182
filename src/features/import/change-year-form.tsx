import { useEffect, useId, useRef, useState } from 'react';
import { monthLabel, useYearsLoaded, yearLabel } from '../../api/year-choice';
import type { DatasetMeta } from '../../api/datasets';
import { parseFinancialYear } from '../../domain/core/period';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * A dataset's year (and a monthly return's month) changed after its import. The year is typed as the papers
 * print it ("2018/19"); when another dataset already counts for the new year and month, this one is kept but
 * does not count, and the list says so.
 */
export function ChangeYearForm({
  dataset,
  monthly,
  saving,
  onSave,
  onCancel,
}: {
  dataset: DatasetMeta;
  monthly: boolean;
  saving: boolean;
  onSave: (year: number, month: number | null) => void;
  onCancel: () => void;
}) {
  const ids = { year: useId(), month: useId(), problem: useId(), title: useId() };
  const loaded = useYearsLoaded().data;
  const [yearText, setYearText] = useState(dataset.year !== null ? yearLabel(dataset.year) : '');
  const [month, setMonth] = useState<number | null>(dataset.month);
  const [problem, setProblem] = useState<string | null>(null);
  // Opened from a button in the list: the keyboard goes straight to the year.
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const parsedYear = parseFinancialYear(yearText);
  const shownYear = parsedYear.ok ? parsedYear.value.startYear : null;
  return (
    <form
      className="panel change-year"
      aria-labelledby={ids.title}
      onSubmit={(e) => {
        e.preventDefault();
        if (!parsedYear.ok) {
          setProblem(`“${yearText}” is not a financial year: write it as 2018/19.`);
          return;
        }
        setProblem(null);
        onSave(parsedYear.value.startYear, monthly ? month : null);
      }}
    >
      <h4 id={ids.title}>Change the year of {dataset.name}</h4>
      {dataset.yearEvidence.length > 0 && (
        <ul className="year-evidence" aria-label={`Where the year of ${dataset.name} came from`}>
          {dataset.yearEvidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="choices">
        <label htmlFor={ids.year}>Financial year</label>
        <input
          ref={field}
          id={ids.year}
          value={yearText}
          list={`${ids.year}-years`}
          placeholder="2018/19"
          size={9}
          aria-describedby={problem ? ids.problem : undefined}
          aria-invalid={problem !== null}
          onChange={(e) => setYearText(e.target.value)}
        />
        <datalist id={`${ids.year}-years`}>
          {(loaded?.years ?? []).map((y) => (
            <option key={y} value={yearLabel(y)} />
          ))}
        </datalist>
        {monthly && (
          <>
            <label htmlFor={ids.month}>As at month</label>
            <select
              id={ids.month}
              value={month ?? ''}
              onChange={(e) => setMonth(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">(no month: whole year)</option>
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {shownYear !== null ? monthLabel(shownYear, m) : `P${m}`}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {problem && (
        <p id={ids.problem} role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          Save the year<span className="visually-hidden"> of {dataset.name}</span>
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
