import { memo } from 'react';
import { formatFinancialYear } from '../../domain/core/period';
import { horizonYears } from '../../domain/reserves/reserve-projection';
import {
  INFLOW_CASE_IDS,
  type CommitmentKind,
  type CommitmentStatus,
  type InflowCaseId,
} from '../../domain/reserves/road-casualty-reserve';
import { MAX_HORIZON_YEARS } from '../../domain/scenarios/scenario';
import { ChoiceSelect, TextField, YearSelect } from './fields';
import {
  fieldId,
  type CommitmentForm,
  type FieldIssue,
  type InflowCaseForm,
  type RoadCasualtyForm,
} from './scenario-form';

const CASE_TITLE: Readonly<Record<InflowCaseId, string>> = {
  low: 'Low case',
  central: 'Central case',
  high: 'High case',
};
const CASE_HINT: Readonly<Record<InflowCaseId, string>> = {
  low: 'Paper: £172k, the Period 10 forecast transfer for 2018/19.',
  central: 'Paper: £350k, the bottom of the historical range (£350k-£500k a year since 2013/14).',
  high: 'Paper: £500k, the top of the historical range.',
};
const STATUS: readonly { value: CommitmentStatus; label: string }[] = [
  { value: 'committed', label: 'Committed' },
  { value: 'earmarked', label: 'Earmarked' },
];
const KIND: readonly { value: CommitmentKind; label: string }[] = [
  { value: 'one-off-capital', label: 'One-off capital' },
  { value: 'recurrent-revenue', label: 'Recurrent revenue' },
];
const HORIZONS = Array.from({ length: MAX_HORIZON_YEARS }, (_, i) => ({
  value: i + 1,
  label: `${i + 1} year${i === 0 ? '' : 's'}`,
}));

let added = 0;
/** An id for a new commitment, unique in the page and in any scenario it is saved into. */
function newCommitmentId(): string {
  added += 1;
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `item-${Date.now()}-${added}`;
}

/** The Road Casualty model's inputs: balance, floor and horizon; the three inflow cases; the commitments. */
function RoadCasualtyInputsView({
  form,
  onChange,
  issues,
  openingHint,
}: {
  form: RoadCasualtyForm;
  onChange: (form: RoadCasualtyForm) => void;
  issues: readonly FieldIssue[];
  /** Where the opening balance's default comes from. */
  openingHint: string;
}) {
  const years = horizonYears(form.firstYear, form.horizon);
  const set = <K extends keyof RoadCasualtyForm>(key: K, value: RoadCasualtyForm[K]) =>
    onChange({ ...form, [key]: value });
  const setCase = (id: InflowCaseId, patch: Partial<InflowCaseForm>) =>
    set('cases', { ...form.cases, [id]: { ...form.cases[id], ...patch } });
  const setCommitment = (id: string, patch: Partial<CommitmentForm>) =>
    set(
      'commitments',
      form.commitments.map((c) => (c.id === id ? { ...c, ...patch } : c)),
    );
  const openingDate = `31 March ${form.firstYear}`;

  return (
    <div className="inputs">
      <fieldset>
        <legend>Balance, floor and horizon</legend>
        <TextField
          id={fieldId.opening}
          label={`Opening balance at ${openingDate}`}
          unit="£'000"
          value={form.opening}
          onChange={(v) => set('opening', v)}
          issues={issues}
          hint={openingHint}
        />
        <div className="field-row">
          <TextField
            id={fieldId.toApply}
            label="Expenditure yet to be applied"
            unit="£'000"
            value={form.toApply}
            onChange={(v) => set('toApply', v)}
            issues={issues}
          />
          <YearSelect
            id="rc-to-apply-year"
            label="charged in"
            value={form.toApplyYear}
            years={years}
            onChange={(y) => set('toApplyYear', y)}
          />
        </div>
        <div className="field-row">
          <TextField
            id={fieldId.floor}
            label="Floor"
            unit="£'000"
            value={form.floor}
            onChange={(v) => set('floor', v)}
            issues={issues}
            hint="Default: one year of the recurrent commitments (£145k). The paper sets none."
          />
          <ChoiceSelect
            id="rc-horizon"
            label="Horizon"
            value={form.horizon}
            choices={HORIZONS}
            onChange={(h) => set('horizon', h)}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Inflow cases (Cambridgeshire's share of the CTC unit surplus)</legend>
        {INFLOW_CASE_IDS.map((id) => {
          const c = form.cases[id];
          return (
            <fieldset key={id} className="inflow-case">
              <legend>{CASE_TITLE[id]}</legend>
              <div className="radio-row" role="radiogroup" aria-label={`${CASE_TITLE[id]}: how the inflow is given`}>
                <label>
                  <input
                    type="radio"
                    name={`rc-case-${id}-mode`}
                    checked={c.mode === 'direct'}
                    onChange={() => setCase(id, { mode: 'direct' })}
                  />{' '}
                  A yearly amount
                </label>
                <label>
                  <input
                    type="radio"
                    name={`rc-case-${id}-mode`}
                    checked={c.mode === 'ctc'}
                    onChange={() => setCase(id, { mode: 'ctc' })}
                  />{' '}
                  CTC surplus × NRE share
                </label>
              </div>
              {c.mode === 'direct' ? (
                <TextField
                  id={fieldId.caseAmount(id)}
                  label={`${CASE_TITLE[id]} yearly inflow`}
                  unit="£'000"
                  value={c.amount}
                  onChange={(v) => setCase(id, { amount: v })}
                  issues={issues}
                  hint={CASE_HINT[id]}
                />
              ) : (
                <div className="field-row">
                  <TextField
                    id={fieldId.caseCtc(id)}
                    label={`${CASE_TITLE[id]} CTC unit surplus (three forces)`}
                    unit="£'000"
                    value={c.ctcSurplus}
                    onChange={(v) => setCase(id, { ctcSurplus: v })}
                    issues={issues}
                  />
                  <TextField
                    id={fieldId.caseShare(id)}
                    label={`${CASE_TITLE[id]} Cambridgeshire NRE share`}
                    unit="%"
                    value={c.nreShare}
                    onChange={(v) => setCase(id, { nreShare: v })}
                    issues={issues}
                  />
                </div>
              )}
              <details>
                <summary>A different inflow in particular years</summary>
                <div className="field-grid">
                  {years.map((y) => (
                    <TextField
                      key={y}
                      id={fieldId.caseYear(id, y)}
                      label={`${CASE_TITLE[id]} ${formatFinancialYear({ startYear: y })}`}
                      unit="£'000"
                      value={c.overrides[String(y)] ?? ''}
                      onChange={(v) => setCase(id, { overrides: { ...c.overrides, [String(y)]: v } })}
                      issues={issues}
                    />
                  ))}
                </div>
                <p className="hint">Blank: the yearly amount.</p>
              </details>
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>Commitments</legend>
        <p className="hint">
          One-off items are paid once, in their first year. Recurrent items repeat each year for their number of years
          (blank: to the end of the horizon).
        </p>
        <ol className="commitments">
          {form.commitments.map((c) => (
            <li key={c.id} className="commitment">
              <TextField
                id={fieldId.commitment(c.id, 'label')}
                label="Commitment"
                value={c.label}
                onChange={(v) => setCommitment(c.id, { label: v })}
                issues={issues}
                inputMode="text"
                className="wide"
              />
              <div className="field-row">
                <TextField
                  id={fieldId.commitment(c.id, 'amount')}
                  label={
                    <>
                      <span className="sr-only">{c.label || 'Item'}: </span>
                      {c.kind === 'recurrent-revenue' ? 'Amount a year' : 'Amount'}
                    </>
                  }
                  unit="£'000"
                  value={c.amount}
                  onChange={(v) => setCommitment(c.id, { amount: v })}
                  issues={issues}
                />
                <ChoiceSelect
                  id={`rc-commitment-${c.id}-status`}
                  label={
                    <>
                      <span className="sr-only">{c.label || 'Item'}: </span>Status
                    </>
                  }
                  value={c.status}
                  choices={STATUS}
                  onChange={(v) => setCommitment(c.id, { status: v })}
                />
              </div>
              <div className="field-row">
                <ChoiceSelect
                  id={`rc-commitment-${c.id}-kind`}
                  label={
                    <>
                      <span className="sr-only">{c.label || 'Item'}: </span>Kind
                    </>
                  }
                  value={c.kind}
                  choices={KIND}
                  onChange={(v) => setCommitment(c.id, { kind: v })}
                />
                <YearSelect
                  id={`rc-commitment-${c.id}-first-year`}
                  label={
                    <>
                      <span className="sr-only">{c.label || 'Item'}: </span>First year
                    </>
                  }
                  value={c.firstYear}
                  years={years}
                  onChange={(y) => setCommitment(c.id, { firstYear: y })}
                />
                {c.kind === 'recurrent-revenue' ? (
                  <TextField
                    id={fieldId.commitment(c.id, 'years')}
                    label={
                      <>
                        <span className="sr-only">{c.label || 'Item'}: </span>Years
                      </>
                    }
                    value={c.years}
                    onChange={(v) => setCommitment(c.id, { years: v })}
                    issues={issues}
                    inputMode="numeric"
                    hint="blank: every year"
                  />
                ) : null}
              </div>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  set(
                    'commitments',
                    form.commitments.filter((x) => x.id !== c.id),
                  )
                }
              >
                Remove {c.label || 'this item'}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() =>
            set('commitments', [
              ...form.commitments,
              {
                id: newCommitmentId(),
                label: 'New item',
                amount: '0',
                status: 'earmarked',
                kind: 'one-off-capital',
                firstYear: years[1] ?? form.firstYear,
                years: '',
              },
            ])
          }
        >
          Add a commitment
        </button>
      </fieldset>
    </div>
  );
}

/** Memoised: typing in one model's inputs does not redraw the other's. */
export const RoadCasualtyInputs = memo(RoadCasualtyInputsView);
