import { memo } from 'react';
import { formatFinancialYear } from '../../domain/core/period';
import { horizonYears } from '../../domain/reserves/reserve-projection';
import { MAX_HORIZON_YEARS } from '../../domain/scenarios/scenario';
import { ChoiceSelect, TextField } from './fields';
import { fieldId, type FieldIssue, type MtfsForm } from './scenario-form';

const fy = (year: number): string => formatFinancialYear({ startYear: year });
const HORIZONS = Array.from({ length: MAX_HORIZON_YEARS }, (_, i) => ({
  value: i + 1,
  label: `${i + 1} year${i === 0 ? '' : 's'}`,
}));

/** The planner's policy inputs: the years planned, the general reserve floor, each year's net revenue budget. */
function MtfsInputsView({
  form,
  onChange,
  issues,
  budgetHint,
}: {
  form: MtfsForm;
  onChange: (form: MtfsForm) => void;
  issues: readonly FieldIssue[];
  /** Where each year's net revenue budget's default comes from. */
  budgetHint: string;
}) {
  const years = horizonYears(form.firstYear, form.horizon);
  const setHorizon = (horizon: number) => {
    // A year added to the plan takes the budget of the year before it until the user changes it.
    const nrb = { ...form.nrb };
    let last = '';
    for (const y of horizonYears(form.firstYear, horizon)) {
      const text = nrb[String(y)];
      if (text === undefined || text === '') nrb[String(y)] = last;
      else last = text;
    }
    onChange({ ...form, horizon, nrb });
  };
  return (
    <div className="inputs">
      <fieldset>
        <legend>Plan, budget and policy</legend>
        <div className="field-row">
          <ChoiceSelect
            id="mtfs-horizon"
            label={`Years from ${fy(form.firstYear)}`}
            value={form.horizon}
            choices={HORIZONS}
            onChange={setHorizon}
          />
          <TextField
            id={fieldId.mtfsFloor}
            label="General reserve policy floor"
            unit="% of budget"
            value={form.floorPercent}
            onChange={(v) => onChange({ ...form, floorPercent: v })}
            issues={issues}
            hint="Default 3%, a common minimum in reserves strategies; the papers give none."
          />
        </div>
        <p className="hint">Net revenue budget of each year. Default: {budgetHint}</p>
        <div className="field-grid">
          {years.map((y) => (
            <TextField
              key={y}
              id={fieldId.nrb(y)}
              label={`Net revenue budget ${fy(y)}`}
              unit="£'000"
              value={form.nrb[String(y)] ?? ''}
              onChange={(v) => onChange({ ...form, nrb: { ...form.nrb, [String(y)]: v } })}
              issues={issues}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Memoised: typing in one model's inputs does not redraw the other's. */
export const MtfsInputs = memo(MtfsInputsView);
