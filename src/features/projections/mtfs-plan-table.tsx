import { memo, useId, useRef, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { Thousands } from '../../components/money-cell';
import { roundHalfAwayFromZero, sum, type Money } from '../../domain/core/money';
import { runOutText } from '../../domain/reserves/mtfs-summary';
import type { MtfsProjection, ReserveBalance, ReservePlan } from '../../domain/reserves/mtfs-planner';
import { formatFinancialYear } from '../../domain/core/period';
import { horizonYears } from '../../domain/reserves/reserve-projection';
import type { CaseId } from '../../domain/reserves/road-casualty-reserve';
import { readPlannedMovements, writePlannedMovements, type MovementIssue } from '../../import/planned-movements';
import { downloadText } from './download';
import { usePresentation } from '../../components/presentation';
import { TableDownload } from '../../components/table-download';
import { ChoiceSelect, issueFor } from './fields';
import {
  fieldId,
  fillAcross,
  movementKey,
  parseMtfsForm,
  thousandsText,
  type FieldIssue,
  type MovementForm,
  type MtfsForm,
} from './scenario-form';

const fy = (year: number): string => formatFinancialYear({ startYear: year });
const FILL_CASES: readonly { value: CaseId; label: string }[] = [
  { value: 'none', label: 'no new inflow' },
  { value: 'low', label: 'low case' },
  { value: 'central', label: 'central case' },
  { value: 'high', label: 'high case' },
];

interface CsvReport {
  file: string;
  rowsRead: number;
  rowsAccepted: number;
  issues: MovementIssue[];
}

/**
 * How long the reserve would last if the actual year's net drawdown went on, said only when it was drawn
 * down (a reserve that grew has nothing to say here, and saying "not drawn down" beside a plan that
 * overdraws it reads as a contradiction).
 */
function latestRateText(plan: ReservePlan, actualYear: number): string | null {
  const e = plan.atLatestRate;
  if (e.years === null || e.runsOutDuring === null) return null;
  return `If ${fy(actualYear)}’s net drawdown went on: ${roundHalfAwayFromZero(e.years, 1).toFixed(1)} years`;
}

/** The reserve's run-out on this plan, in its row: the year it runs out, or that it lasts the plan. */
function RunOut({ plan, lastYear }: { plan: ReservePlan; lastYear: number }) {
  return (
    <span className={`badge run-out ${plan.runsOut === null ? 'badge-favourable' : 'badge-adverse'}`}>
      <span aria-hidden="true">{plan.runsOut === null ? '✓' : '▼'}</span> {runOutText(plan, lastYear)}
    </span>
  );
}

/** Fill one line of one reserve with the same amount across a run of years, in one action. */
function FillAcross({
  reserves,
  years,
  onFill,
}: {
  reserves: readonly ReserveBalance[];
  years: readonly number[];
  onFill: (reserveKey: string, part: 'in' | 'out', amount: string, from: number, to: number) => void;
}) {
  const general = reserves.find((r) => r.group === 'general') ?? reserves[0];
  const [reserveKey, setReserveKey] = useState(general?.key ?? '');
  const [part, setPart] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [from, setFrom] = useState(years[0] ?? 0);
  const [to, setTo] = useState(years[years.length - 1] ?? 0);
  const [done, setDone] = useState('');
  const yearChoices = years.map((y) => ({ value: y, label: fy(y) }));
  // Years chosen before the horizon changed are kept in range.
  const fromYear = years.includes(from) ? from : (years[0] ?? 0);
  const toYear = years.includes(to) ? to : (years[years.length - 1] ?? 0);
  const label = reserves.find((r) => r.key === reserveKey)?.label ?? '';
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (amount.trim() === '' || !reserveKey) return;
    onFill(reserveKey, part, amount.trim(), fromYear, toYear);
    const [a, b] = fromYear <= toYear ? [fromYear, toYear] : [toYear, fromYear];
    setDone(
      `Filled ${label}’s ${part === 'in' ? 'contribution' : 'drawdown'} with ${amount.trim()} (£’000) a year, ${fy(a)} to ${fy(b)}.`,
    );
  };
  return (
    <form className="fill-across" onSubmit={submit} aria-labelledby="fill-across-title">
      <p id="fill-across-title" className="fill-across-title">
        Fill across years
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="fill-reserve">Reserve</label>
          <select id="fill-reserve" value={reserveKey} onChange={(e) => setReserveKey(e.target.value)}>
            {reserves.map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <ChoiceSelect
          id="fill-part"
          label="Line"
          value={part}
          choices={[
            { value: 'out' as const, label: 'Drawdown' },
            { value: 'in' as const, label: 'Contribution' },
          ]}
          onChange={setPart}
        />
        <div className="field">
          <label htmlFor="fill-amount">{"Each year (£'000)"}</label>
          <input
            id="fill-amount"
            className="grid-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
        <ChoiceSelect id="fill-from" label="From" value={fromYear} choices={yearChoices} onChange={setFrom} />
        <ChoiceSelect id="fill-to" label="To" value={toYear} choices={yearChoices} onChange={setTo} />
        <div className="button-row">
          <button type="submit" disabled={amount.trim() === ''}>
            Fill the years
          </button>
        </div>
      </div>
      <p className="hint" aria-live="polite">
        {done}
      </p>
    </form>
  );
}

/**
 * The plan as one table, reserve by reserve: the contributions and drawdowns typed in for each year,
 * and beneath them the balance they leave at 31 March, with how long the reserve lasts. Planned
 * movements can also be loaded from (and saved to) a CSV.
 */
function MtfsPlanTableView({
  form,
  onChange,
  issues,
  reserves,
  projection,
  actualYear,
  fundKey,
  onFillFund,
}: {
  form: MtfsForm;
  onChange: (form: MtfsForm) => void;
  issues: readonly FieldIssue[];
  reserves: readonly ReserveBalance[];
  /** null while some inputs cannot be read. */
  projection: MtfsProjection | null;
  actualYear: number;
  fundKey: string | null;
  onFillFund: (caseId: CaseId) => void;
}) {
  const years = horizonYears(form.firstYear, form.horizon);
  const lastYear = years[years.length - 1] ?? actualYear;
  const { on: presenting } = usePresentation();
  const planTable = useRef<HTMLTableElement>(null);
  const [report, setReport] = useState<CsvReport | null>(null);
  const [fillCase, setFillCase] = useState<CaseId>('central');
  const fileId = useId();

  const setMovement = (key: string, year: number, patch: Partial<MovementForm>) => {
    const k = movementKey(key, year);
    const current = form.movements[k] ?? { contribution: '', drawdown: '' };
    onChange({ ...form, movements: { ...form.movements, [k]: { ...current, ...patch } } });
  };

  const loadCsv = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = readPlannedMovements(await file.text(), reserves, years);
    const movements: Record<string, MovementForm> = {};
    for (const m of result.movements) {
      movements[movementKey(m.reserveKey, m.year)] = {
        contribution: m.contribution.isZero() ? '' : thousandsText(m.contribution),
        drawdown: m.drawdown.isZero() ? '' : thousandsText(m.drawdown),
      };
    }
    // A file with nothing usable changes nothing; otherwise its rows are the plan.
    if (result.rowsAccepted > 0 || result.issues.length === 0) onChange({ ...form, movements });
    setReport({ file: file.name, rowsRead: result.rowsRead, rowsAccepted: result.rowsAccepted, issues: result.issues });
  };

  const downloadPlan = () => {
    const parsed = parseMtfsForm(form, reserves);
    if (parsed.ok)
      downloadText('planned-reserve-movements.csv', writePlannedMovements(parsed.value.movements, reserves));
  };

  const fill = (reserveKey: string, part: 'in' | 'out', amount: string, from: number, to: number) =>
    onChange(fillAcross(form, reserveKey, part, amount, from, to));

  const planOf = (key: string): ReservePlan | undefined => projection?.reserves.find((r) => r.reserve.key === key);
  const totalRow = (label: string, values: readonly Money[] | undefined, opening: Money, className: string) => (
    <tr className={className}>
      <th scope="row" className="sticky-name">
        {label}
      </th>
      <td className="sticky-line" />
      <td className="num">
        <Thousands value={opening} />
      </td>
      {years.map((y, i) => (
        <td key={y} className="num">
          {values?.[i] ? <Thousands value={values[i]} /> : null}
        </td>
      ))}
    </tr>
  );
  const earmarkedOpening = sum(reserves.filter((r) => r.group !== 'general').map((r) => r.closing));
  const usableOpening = sum(reserves.map((r) => r.closing));

  return (
    <div className="plan">
      <div className="plan-tools">
        <div className="field">
          <label htmlFor={fileId}>Load planned movements from a CSV</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void loadCsv(e)}
            aria-describedby={`${fileId}-hint`}
          />
          <span className="hint" id={`${fileId}-hint`}>
            Columns: Reserve, Year, Contribution (£&rsquo;000), Drawdown (£&rsquo;000). Loading replaces the movements
            in the table.
          </span>
        </div>
        <div className="button-row">
          <button type="button" onClick={downloadPlan} disabled={presenting}>
            Download the plan (CSV)
          </button>
        </div>
        {fundKey ? (
          <div className="button-row">
            <ChoiceSelect
              id="mtfs-fill-case"
              label="Road Casualty fund: take the model's"
              value={fillCase}
              choices={FILL_CASES}
              onChange={setFillCase}
            />
            <button type="button" onClick={() => onFillFund(fillCase)}>
              Fill the fund&rsquo;s rows
            </button>
          </div>
        ) : null}
      </div>
      <FillAcross key={`${form.firstYear}-${form.horizon}`} reserves={reserves} years={years} onFill={fill} />
      {report ? (
        <div
          className={report.issues.length > 0 ? 'issue-summary' : 'load-report'}
          role={report.issues.length > 0 ? 'alert' : undefined}
        >
          <p>
            {report.file}: {report.rowsRead} rows read, {report.rowsAccepted} loaded,{' '}
            {report.rowsRead - report.rowsAccepted} not loaded.
          </p>
          {report.issues.length > 0 ? (
            <ul>
              {report.issues.map((i) => (
                <li key={`${i.line}:${i.column}:${i.message}`}>
                  Line {i.line}
                  {i.column ? `, ${i.column}` : ''}: {i.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="table-wrap" role="region" aria-labelledby="plan-caption" tabIndex={0}>
        <table className="data-table plan-table" ref={planTable}>
          <caption id="plan-caption">
            Planned movements and the balances they leave, by reserve and year (£&rsquo;000; a blank movement is none)
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sticky-name">
                Reserve: runs out on this plan
              </th>
              <th scope="col" className="sticky-line">
                Line
              </th>
              <th scope="col" className="num">
                {fy(actualYear)} (actual)
              </th>
              {years.map((y) => (
                <th key={y} scope="col" className="num">
                  {fy(y)}
                </th>
              ))}
            </tr>
          </thead>
          {reserves.map((r) => {
            const plan = planOf(r.key);
            return (
              <tbody key={r.key} className="plan-reserve">
                {(['in', 'out'] as const).map((part) => (
                  <tr key={part}>
                    {part === 'in' ? (
                      <th scope="rowgroup" rowSpan={3} className="sticky-name">
                        <span className="reserve-name">{r.label}</span>
                        {plan ? <RunOut plan={plan} lastYear={lastYear} /> : null}
                        {plan && latestRateText(plan, actualYear) ? (
                          <span className="latest-rate">{latestRateText(plan, actualYear)}</span>
                        ) : null}
                      </th>
                    ) : null}
                    <td className="sticky-line">{part === 'in' ? 'Contribution' : 'Drawdown'}</td>
                    <td className="num">
                      <Thousands value={part === 'in' ? r.added : r.used.negated()} />
                    </td>
                    {years.map((y) => {
                      const id = fieldId.movement(r.key, y, part);
                      const m = form.movements[movementKey(r.key, y)];
                      const error = issueFor(issues, id);
                      return (
                        <td key={y} className="num">
                          <input
                            id={id}
                            className="grid-input"
                            type="text"
                            inputMode="decimal"
                            autoComplete="off"
                            aria-label={`${r.label} ${part === 'in' ? 'contribution' : 'drawdown'} ${fy(y)} (£'000)`}
                            aria-invalid={error ? true : undefined}
                            title={error}
                            value={(part === 'in' ? m?.contribution : m?.drawdown) ?? ''}
                            onChange={(e) =>
                              setMovement(
                                r.key,
                                y,
                                part === 'in' ? { contribution: e.target.value } : { drawdown: e.target.value },
                              )
                            }
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr className="balance-row">
                  <td className="sticky-line">Balance at 31 March</td>
                  <td className="num">
                    <Thousands value={r.closing} />
                  </td>
                  {years.map((y, i) => (
                    <td key={y} className="num">
                      {plan?.years[i] ? (
                        <Thousands value={plan.years[i].closing} />
                      ) : (
                        <span className="missing">…</span>
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            );
          })}
          <tbody>
            {totalRow(
              'Total earmarked reserves (balance)',
              projection?.totals.map((t) => t.earmarked),
              earmarkedOpening,
              'row-subtotal',
            )}
            {totalRow(
              'Total usable reserves (balance)',
              projection?.totals.map((t) => t.total),
              usableOpening,
              'row-total',
            )}
          </tbody>
        </table>
        <TableDownload tableRef={planTable} captionId="plan-caption" />
      </div>
      <p className="hint">
        A reserve runs out in the first year its balance at 31 March is used up or overdrawn on the movements above.
        &ldquo;If {fy(actualYear)}&rsquo;s net drawdown went on&rdquo; is how long it would last if that year&rsquo;s
        usage less its additions went on each year from {fy(actualYear + 1)}; it is shown only for a reserve drawn down
        that year.
      </p>
    </div>
  );
}

/** Memoised: typing in one model's inputs does not redraw the other's. */
export const MtfsPlanTable = memo(MtfsPlanTableView);
