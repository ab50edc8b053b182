import { useMemo } from 'react';
import { useRagRule, useRagRuleProblem } from '../../api/rag-rule';
import type { MonitoringData } from '../../api/revenue-monitoring';
import { boardTables, shownInThousands } from '../../domain/revenue/monitoring-tables';
import { financialYear, formatPeriodLabel } from '../../domain/core/period';
import { DEFAULT_RAG_RULE, describeRagRule } from '../../domain/checks/rag';
import type { RevenueMonitor } from '../../domain/revenue/revenue-model';
import { DrillView } from './drill-view';
import { IllustrativeNote } from './illustrative-note';
import { MonitoringCharts } from './monitoring-charts';
import { RagRuleForm } from './rag-rule-form';
import { SourcesLine } from './sources-line';
import { useDrill } from './use-drill';

/** The month's position: the board summary and its drill-down, the status rule, the month's charts. */
export function MonitoringSection({ data, models }: { data: MonitoringData; models: readonly RevenueMonitor[] }) {
  const months = models.map((m) => m.month);
  const { month, open, to, go } = useDrill(months);
  const model = models.find((m) => m.month === month);
  const rule = useRagRule().data ?? DEFAULT_RAG_RULE;
  const ruleProblem = useRagRuleProblem();
  const tables = useMemo(() => (model ? boardTables(model) : []), [model]);
  const shown = useMemo(() => (model ? shownInThousands(model, tables) : new Map()), [model, tables]);
  const suffix = data.illustrative ? ' (illustrative)' : '';
  if (!model)
    return (
      <p>
        No monthly monitoring return is loaded. Load one on the Import page (an outturn file with cost centres and a
        period).
      </p>
    );
  const label = (m: number) => (model.year === null ? `P${m}` : formatPeriodLabel(financialYear(model.year), m));
  return (
    <>
      {data.illustrative && <IllustrativeNote />}
      <div className="controls">
        <label>
          Month (as at)
          <select value={month} onChange={(e) => go({ month: Number(e.target.value) })}>
            {months.map((m) => (
              <option key={m} value={m}>
                {label(m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SourcesLine model={model} data={data} />
      {ruleProblem && (
        <p role="alert" className="error">
          {ruleProblem}
        </p>
      )}
      <RagRuleForm key={describeRagRule(rule)} rule={rule} />
      <DrillView model={model} open={open} tables={tables} shown={shown} rule={rule} to={to} suffix={suffix} />
      <MonitoringCharts model={model} shown={shown} suffix={suffix} />
    </>
  );
}
