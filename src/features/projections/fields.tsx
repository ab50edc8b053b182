import type { ReactNode } from 'react';
import { formatFinancialYear } from '../../domain/core/period';
import type { FieldIssue } from './scenario-form';

/** The message for a field, if it has one. */
export function issueFor(issues: readonly FieldIssue[], id: string): string | undefined {
  return issues.find((i) => i.field === id)?.message;
}

/**
 * A labelled text input for a figure (typed as text so that "1,582", "(60)" and a half-typed value are
 * never altered by the browser). Its hint and its error are tied to it for screen readers.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  issues,
  hint,
  unit,
  inputMode = 'decimal',
  className,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  issues: readonly FieldIssue[];
  hint?: ReactNode;
  unit?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  className?: string;
}) {
  const error = issueFor(issues, id);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {unit ? <span className="unit"> ({unit})</span> : null}
      </label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">✗ </span>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A labelled select of financial years. */
export function YearSelect({
  id,
  label,
  value,
  years,
  onChange,
}: {
  id: string;
  label: ReactNode;
  value: number;
  years: readonly number[];
  onChange: (year: number) => void;
}) {
  const options = years.includes(value) ? years : [value, ...years];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((y) => (
          <option key={y} value={y}>
            {formatFinancialYear({ startYear: y })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled select of a few choices. */
export function ChoiceSelect<T extends string | number>({
  id,
  label,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: ReactNode;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        onChange={(e) => onChange(choices.find((c) => String(c.value) === e.target.value)?.value ?? value)}
      >
        {choices.map((c) => (
          <option key={String(c.value)} value={String(c.value)}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What cannot be read, each message a link to its field. */
export function IssueSummary({ title, issues }: { title: string; issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div className="issue-summary" role="alert">
      <p>
        <strong>{title}</strong>
      </p>
      <ul>
        {issues.map((i) => (
          <li key={`${i.field}:${i.message}`}>
            <a href={`#${i.field}`}>{i.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
