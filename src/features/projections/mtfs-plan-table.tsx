import { memo, useId, useRef, useState, type ChangeEvent } from 'react';
import { Thousands } from '../../components/money-cell';
import { roundHalfAwayFromZero, sum, type Money } from '../../domain/core/money';
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

function lastsText(plan: ReservePlan): string {
  const e = plan.atLatestRate;
  if (e.years === null || e.runsOutDuring === null)
    return e.annualDrawdown.isZero() ? 'Not drawn down' : 'Grew: not drawn down';
  return `${roundHalfAwayFromZero(e.years, 1).toFixed(1)} years (runs out during ${fy(e.runsOutDuring)})`;
}

function PlanBadge({ plan, lastYear }: { plan: ReservePlan; lastYear: number }) {
  return plan.firstBelowZero === null ? (
    <span className="badge badge-favourable">
      <span aria-hidden="true">✓</span> Lasts to {fy(lastYear)}
    </span>
  ) : (
    <span className="badge badge-adverse">
      <span aria-hidden="true">▼</span> Overdrawn in {fy(plan.firstBelowZero)}
    </span>
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

  const planOf = (key: string): ReservePlan | undefined => projection?.reserves.find((r) => r.reserve.key === key);
  const totalRow = (label: string, values: readonly Money[] | undefined, opening: Money, className: string) => (
    <tr className={className}>
      <th scope="row" colSpan={2}>
        {label}
      </th>
      <td className="num">
        <Thousands value={opening} />
      </td>
      {years.map((y, i) => (
        <td key={y} className="num">
          {values?.[i] ? <Thousands value={values[i]} /> : null}
        </td>
      ))}
      <td />
      <td />
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
              <th scope="col">Reserve</th>
              <th scope="col">Line</th>
              <th scope="col" className="num">
                {fy(actualYear)} (actual)
              </th>
              {years.map((y) => (
                <th key={y} scope="col" className="num">
                  {fy(y)}
                </th>
              ))}
              <th scope="col">Lasts at its {fy(actualYear)} net drawdown</th>
              <th scope="col">On this plan</th>
            </tr>
          </thead>
          {reserves.map((r) => {
            const plan = planOf(r.key);
            return (
              <tbody key={r.key} className="plan-reserve">
                {(['in', 'out'] as const).map((part) => (
                  <tr key={part}>
                    {part === 'in' ? (
                      <th scope="rowgroup" rowSpan={3}>
                        {r.label}
                      </th>
                    ) : null}
                    <td>{part === 'in' ? 'Contribution' : 'Drawdown'}</td>
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
                    {part === 'in' ? (
                      <>
                        <td rowSpan={3} className="lasts">
                          {plan ? lastsText(plan) : ''}
                        </td>
                        <td rowSpan={3}>{plan ? <PlanBadge plan={plan} lastYear={lastYear} /> : ''}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
                <tr className="balance-row">
                  <td>Balance at 31 March</td>
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
        Net drawdown = {fy(actualYear)}&rsquo;s usage less its additions (Table 5); a reserve that grew or did not move
        is not being drawn down. Years count from {fy(actualYear + 1)}.
      </p>
    </div>
  );
}

/** Memoised: typing in one model's inputs does not redraw the other's. */
export const MtfsPlanTable = memo(MtfsPlanTableView);
