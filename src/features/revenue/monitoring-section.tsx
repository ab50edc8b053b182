import { useMemo } from 'react';
import { Link } from 'react-router';
import { useRagRule, useRagRuleProblem } from '../../api/rag-rule';
import type { MonitoringData } from '../../api/revenue-monitoring';
import { monthLabel, yearLabel } from '../../api/year-choice';
import { roleLabel } from '../../api/year-datasets';
import { boardTables, shownInThousands, type ShownFigures } from '../../domain/revenue/monitoring-tables';
import { DEFAULT_RAG_RULE, describeRagRule } from '../../domain/checks/rag';
import type { RevenueMonitor } from '../../domain/revenue/revenue-model';
import { Code } from '../../components/code';
import { HowMade } from '../../components/how-made';
import { MissingData } from '../../components/missing-data';
import { SectionDisclosure } from '../../components/section-disclosure';
import { DrillView } from './drill-view';
import { IllustrativeNote } from './illustrative-note';
import { MonitoringCharts } from './monitoring-charts';
import { RagRuleForm } from './rag-rule-form';
import { SourcesLine } from './sources-line';
import { useDrill } from './use-drill';
import { YearPositionLine } from './year-position-line';
import './revenue.css';

/** The cost centres the board's layout does not place (in no area of it): listed, never dropped. */
function unplacedCostCentres(model: RevenueMonitor): { code: string; where: string }[] {
  const out: { code: string; where: string }[] = [];
  for (const n of model.byId.values()) {
    if (n.level !== 'cost-centre') continue;
    const area = model.byId.get(n.parentId ?? '');
    if (area && (area.key === 'unassigned' || area.key.startsWith('other-')))
      out.push({ code: n.label, where: area.key === 'unassigned' ? '(no area given)' : `(area “${area.label}”)` });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/** The months of a year with a return, as links that keep the year (and the row opened). */
function MonthLinks({
  year,
  months,
  to,
}: {
  year: number;
  months: readonly number[];
  to: ReturnType<typeof useDrill>['to'];
}) {
  return (
    <ul className="month-links" aria-label={`Months of ${yearLabel(year)} with a monitoring return`}>
      {months.map((m) => (
        <li key={m}>
          <Link to={to({ month: m })}>{monthLabel(year, m)}</Link>
        </li>
      ))}
    </ul>
  );
}

/** The chosen month's position: the board summary and its drill-down, the status rule, the month's charts. */
export function MonitoringSection({ data, month }: { data: MonitoringData; month: number }) {
  const { year, models } = data;
  const { open, to } = useDrill(year);
  const model = models.find((m) => m.month === month);
  const rule = useRagRule(year).data ?? DEFAULT_RAG_RULE;
  const ruleProblem = useRagRuleProblem(year);
  const tables = useMemo(() => (model ? boardTables(model) : []), [model]);
  // Rounded down to the cost centres: nothing on the page reads a line in £'000 (a cost centre's lines are shown in
  // pounds and pence, rounded apart: drill-view.tsx), and a big ledger's 20,000 lines were most of the rounding.
  const shown = useMemo(
    () => (model ? shownInThousands(model, tables, 'cost-centre') : new Map<string, ShownFigures>()),
    [model, tables],
  );
  const unplaced = useMemo(() => (model ? unplacedCostCentres(model) : []), [model]);
  const suffix = data.illustrative ? ' (illustrative)' : '';
  const months = data.months;
  if (months.length === 0)
    return (
      <MissingData
        yearLabel={yearLabel(year)}
        missing={[roleLabel('monitoring-return')]}
        what="the monitoring by month"
      />
    );
  if (!model)
    return (
      <div role="status">
        <p>
          <strong>
            No monthly monitoring return for {monthLabel(year, month)} is loaded for {yearLabel(year)}.
          </strong>{' '}
          Figures of another month are not shown in its place. Months of {yearLabel(year)} with a return:
        </p>
        <MonthLinks year={year} months={months} to={to} />
      </div>
    );
  return (
    <>
      <YearPositionLine model={model} />
      {ruleProblem && (
        <p role="alert" className="error">
          {ruleProblem}
        </p>
      )}
      <DrillView model={model} open={open} tables={tables} shown={shown} rule={rule} to={to} suffix={suffix} />
      <HowMade>
        {data.illustrative && <IllustrativeNote year={year} />}
        <div className="facts-line">
          Months of {yearLabel(year)} with a return (the month is chosen at the top of the page):
          <MonthLinks year={year} months={months} to={to} />
        </div>
        <p className="facts-line">
          A variance is forecast outturn minus budget; income is a credit, so more income is a favourable (negative)
          variance. Transfers to and from reserves are planned movements: they are shown but not rated as over- or
          underspends.
        </p>
        <SourcesLine model={model} data={data} />
        {unplaced.length > 0 && (
          <div className="check-notes" role="note" aria-label="Cost centres not in the board's layout">
            <p>
              Cost centres the board&rsquo;s layout does not place in any of its areas ({unplaced.length}), counted
              under &ldquo;{model.structure.groups.find((g) => g.key === 'other')?.label ?? 'Other areas'}&rdquo; or
              &ldquo;
              {model.structure.groups.find((g) => g.key === 'unassigned')?.label ?? 'No area given'}&rdquo;:
            </p>
            <ul>
              {unplaced.map((u) => (
                <li key={u.code}>
                  <Code>{u.code}</Code> {u.where}
                </li>
              ))}
            </ul>
          </div>
        )}
        <RagRuleForm key={`${year}:${describeRagRule(rule)}`} rule={rule} year={year} />
      </HowMade>
      <SectionDisclosure
        id="monitoring-charts"
        level={4}
        title={`Charts of ${monthLabel(year, month)}`}
        summary="Show the month’s charts: budget against forecast, the variance by area, and the bridge from budget to forecast"
      >
        <MonitoringCharts model={model} shown={shown} suffix={suffix} />
      </SectionDisclosure>
    </>
  );
}
