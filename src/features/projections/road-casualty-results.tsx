import { memo, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { ZERO, type Money } from '../../domain/core/money';
import { PAPER_COMMITMENT_YEAR } from '../../domain/papers/paper-2019-road-casualty';
import { formatFinancialYear } from '../../domain/core/period';
import type { ProjectedYear } from '../../domain/reserves/reserve-projection';
import {
  paperWorking,
  yearlyInflow,
  type CaseId,
  type CaseProjection,
  type RoadCasualtyInput,
} from '../../domain/reserves/road-casualty-reserve';
import { describeCases, formatK } from '../../domain/reserves/road-casualty-summary';
import { LineFigure, type LineSeries } from './line-figure';
import { drawThousands, toRoadCasualtySeries } from './to-chart-road-casualty';

const fy = (year: number): string => formatFinancialYear({ startYear: year });

export const CASE_SERIES: readonly (LineSeries & { key: CaseId })[] = [
  { key: 'none', name: 'No new inflow', colour: 'var(--case-none)', dash: '8 4' },
  { key: 'low', name: 'Low', colour: 'var(--case-low)', dash: '2 3' },
  { key: 'central', name: 'Central', colour: 'var(--case-central)' },
  { key: 'high', name: 'High', colour: 'var(--case-high)', dash: '12 3 3 3' },
];

/** "Low (£172k a year)"; "No new inflow". */
function caseTitle(input: RoadCasualtyInput, id: CaseId): string {
  if (id === 'none') return 'No new inflow';
  const c = input.inflowCases[id];
  const name = CASE_SERIES.find((s) => s.key === id)!.name;
  const amount = `${formatK(yearlyInflow(c.source))} a year${c.overrides.length > 0 ? ', some years differ' : ''}`;
  return `${name} (${amount})`;
}

/** The year a line is crossed, or that it is not within the horizon (the column header names it). */
function Crossing({ year }: { year: number | null }) {
  return year === null ? (
    <span className="badge badge-favourable">
      <span aria-hidden="true">✓</span> Not crossed
    </span>
  ) : (
    <span className="badge badge-adverse">
      <span aria-hidden="true">▼</span> {fy(year)}
    </span>
  );
}

/** The paper's sum on the current inputs, then the same with each inflow case added. */
function PaperWorkingView({
  input,
  projections,
  paperCase,
}: {
  input: RoadCasualtyInput;
  projections: readonly CaseProjection[];
  paperCase: boolean;
}) {
  const lastYear = input.firstYear + input.horizonYears - 1;
  const year = Math.min(Math.max(PAPER_COMMITMENT_YEAR, input.firstYear), lastYear);
  const w = paperWorking(input, year);
  const endDate = `31 March ${year + 1}`;
  type Line = { key: string; label: string; amount: Money; total?: boolean };
  const lines: Line[] = [
    { key: 'opening', label: `Balance at 31 March ${input.firstYear} (Table 5)`, amount: w.opening },
    {
      key: 'to-apply',
      label: `less expenditure yet to be applied, ${fy(input.toApply.year)}`,
      amount: w.toApply.negated(),
    },
    ...w.items.map((m) => ({
      key: m.key,
      label: `less ${m.label} (${m.commitment.status}, ${fy(m.year)})`,
      amount: m.amount.negated(),
    })),
    { key: 'remainder', label: `Left at ${endDate}, no new inflow counted`, amount: w.remainder, total: true },
  ];
  const withInflow = projections.filter((p) => p.includeEarmarked && p.caseId !== 'none');
  const inflowTo = (p: CaseProjection): Money =>
    p.years.filter((y) => y.year <= year).reduce((t, y) => t.plus(y.inflow), ZERO);
  const closingAt = (p: CaseProjection): Money | null => p.years.find((y) => y.year === year)?.closing ?? null;
  return (
    <section aria-labelledby="rc-working" className="working">
      <h4 id="rc-working">{paperCase ? "The paper's sum, on these inputs" : 'The sum, on these inputs'}</h4>
      {paperCase ? (
        <p>
          The paper (para 4.3–4.5) says the balance is “approx £1.5m”, that £244k is still to be applied for 2018/19,
          and that about £300k remains if all the 2019/20 items, “totalling just over £1m”, go ahead. The only exact
          balance in the papers is Table 5's closing balance at 31 March 2018, £1,582k, and it is the one that gives the
          paper's remainder, so the model opens there.
        </p>
      ) : (
        <p>
          The April 2019 paper&rsquo;s way of working: the opening balance, less what is still to be applied and the
          commitments of the year, is what remains if no new inflow comes.
        </p>
      )}
      <DataTable
        caption={`Left at ${endDate} if everything goes ahead, with no new inflow (£'000)`}
        columns={[
          { key: 'label', header: 'Item', cell: (l: Line) => l.label },
          { key: 'amount', header: "£'000", numeric: true, cell: (l) => <Thousands value={l.amount} /> },
        ]}
        rows={lines}
        rowKey={(l) => l.key}
        rowClass={(l) => (l.total ? 'row-total' : undefined)}
      />
      <DataTable
        caption={`The same with each inflow case added (inflow ${fy(input.firstYear)} to ${fy(year)}; £'000)`}
        columns={[
          { key: 'case', header: 'Case', cell: (p: CaseProjection) => caseTitle(input, p.caseId) },
          { key: 'before', header: 'No new inflow', numeric: true, cell: () => <Thousands value={w.remainder} /> },
          { key: 'inflow', header: 'plus inflow', numeric: true, cell: (p) => <Thousands value={inflowTo(p)} /> },
          {
            key: 'closing',
            header: `Balance at ${endDate}`,
            numeric: true,
            cell: (p) => <Thousands value={closingAt(p)} />,
          },
        ]}
        rows={withInflow}
        rowKey={(p) => p.caseId}
      />
    </section>
  );
}

/** Every case, with and then without the earmarked items: where it ends and when it crosses the floor and zero. */
function CaseSummary({ input, projections }: { input: RoadCasualtyInput; projections: readonly CaseProjection[] }) {
  const last = input.firstYear + input.horizonYears - 1;
  return (
    <>
      {[true, false].map((earmarked) => (
        <DataTable
          key={String(earmarked)}
          caption={`How long the reserve lasts, earmarked items ${earmarked ? 'included' : 'left out'} (floor ${formatK(input.floor)}; £'000)`}
          columns={[
            { key: 'case', header: 'Case', cell: (p: CaseProjection) => caseTitle(input, p.caseId) },
            {
              key: 'closing',
              header: `Balance at 31 March ${last + 1}`,
              numeric: true,
              cell: (p) => <Thousands value={p.years[p.years.length - 1]?.closing ?? null} />,
            },
            {
              key: 'lowest',
              header: 'Lowest balance',
              numeric: true,
              cell: (p) =>
                p.lowest ? (
                  <>
                    <Thousands value={p.lowest.closing} /> in {fy(p.lowest.year)}
                  </>
                ) : (
                  ''
                ),
            },
            {
              key: 'floor',
              header: `Below the floor (to ${fy(last)})`,
              cell: (p) => <Crossing year={p.firstBelowFloor} />,
            },
            { key: 'zero', header: `Below zero (to ${fy(last)})`, cell: (p) => <Crossing year={p.firstBelowZero} /> },
            {
              key: 'headroom',
              header: 'Could still pay for once, above the floor',
              numeric: true,
              cell: (p) => <Thousands value={p.headroom} />,
            },
          ]}
          rows={projections.filter((p) => p.includeEarmarked === earmarked)}
          rowKey={(p) => p.caseId}
        />
      ))}
    </>
  );
}

/** One case, year by year: opening, inflow, every outflow by name, closing. */
function YearByYear({ input, projections }: { input: RoadCasualtyInput; projections: readonly CaseProjection[] }) {
  const [caseId, setCaseId] = useState<CaseId>('none');
  const [earmarked, setEarmarked] = useState(true);
  const p = projections.find((x) => x.caseId === caseId && x.includeEarmarked === earmarked) ?? projections[0];
  if (!p) return null;
  const names = new Map<string, string>();
  for (const y of p.years) for (const o of y.outflows) names.set(o.key, o.label);
  type Row = { key: string; label: string; value: (y: ProjectedYear) => Money | null; total?: boolean };
  const rows: Row[] = [
    { key: 'opening', label: 'Opening balance', value: (y) => y.opening },
    { key: 'inflow', label: 'plus inflow', value: (y) => y.inflow },
    ...[...names].map(([key, label]): Row => ({
      key,
      label: `less ${label}`,
      value: (y) => y.outflows.find((o) => o.key === key)?.amount.negated() ?? ZERO,
    })),
    { key: 'closing', label: 'Closing balance', value: (y) => y.closing, total: true },
  ];
  return (
    <section aria-labelledby="rc-by-year">
      <h4 id="rc-by-year">Year by year</h4>
      <div className="field-row">
        <div className="field">
          <label htmlFor="rc-by-year-case">Case</label>
          <select id="rc-by-year-case" value={caseId} onChange={(e) => setCaseId(e.target.value as CaseId)}>
            {CASE_SERIES.map((s) => (
              <option key={s.key} value={s.key}>
                {caseTitle(input, s.key)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={earmarked} onChange={(e) => setEarmarked(e.target.checked)} /> Count the
          earmarked items
        </label>
      </div>
      <DataTable
        caption={`${caseTitle(input, p.caseId)}, earmarked items ${p.includeEarmarked ? 'included' : 'left out'}: the working by year (£'000)`}
        columns={[
          { key: 'label', header: 'Year ending 31 March', cell: (r: Row) => r.label },
          ...p.years.map((y) => ({
            key: String(y.year),
            header: fy(y.year),
            numeric: true,
            cell: (r: Row) => <Thousands value={r.value(y)} />,
          })),
        ]}
        rows={rows}
        rowKey={(r) => r.key}
        rowClass={(r) => (r.total ? 'row-total' : undefined)}
      />
    </section>
  );
}

/** The Road Casualty results: the paper's sum, the cases, the chart with its table, the year-by-year working. */
function RoadCasualtyResultsView({
  input,
  projections,
  paperCase = true,
}: {
  input: RoadCasualtyInput;
  projections: readonly CaseProjection[];
  /** The inputs are the April 2019 paper's (2017/18's defaults): its text about them is shown. */
  paperCase?: boolean;
}) {
  const [earmarked, setEarmarked] = useState(true);
  const chosen = projections.filter((p) => p.includeEarmarked === earmarked);
  const points = toRoadCasualtySeries(projections, earmarked, input.openingBalance);
  const summary = describeCases(projections, input.floor, earmarked);
  const years = chosen[0]?.years ?? [];
  type Row = { key: string; label: string; values: Partial<Record<CaseId, Money>> };
  const rows: Row[] = [
    {
      key: 'opening',
      label: `Opening (31 March ${input.firstYear})`,
      values: Object.fromEntries(chosen.map((p) => [p.caseId, input.openingBalance])),
    },
    ...years.map((y, i): Row => ({
      key: String(y.year),
      label: fy(y.year),
      values: Object.fromEntries(chosen.map((p) => [p.caseId, p.years[i]!.closing])),
    })),
  ];
  return (
    <div className="results">
      <PaperWorkingView input={input} projections={projections} paperCase={paperCase} />
      <CaseSummary input={input} projections={projections} />
      <div className="radio-row" role="radiogroup" aria-label="Chart: the earmarked items">
        <label>
          <input type="radio" name="rc-chart-earmarked" checked={earmarked} onChange={() => setEarmarked(true)} /> Chart
          with the earmarked items
        </label>
        <label>
          <input type="radio" name="rc-chart-earmarked" checked={!earmarked} onChange={() => setEarmarked(false)} />{' '}
          without them
        </label>
      </div>
      <LineFigure
        title="Road Casualty Reserve: balance at each year end, by case"
        summary={summary}
        data={points}
        series={CASE_SERIES}
        references={[
          { y: drawThousands(input.floor), label: `Floor ${formatK(input.floor)}` },
          { y: 0, label: 'Zero' },
        ]}
        unit="£'000"
        table={
          <DataTable
            caption={`The chart's figures: balance at 31 March by case, earmarked items ${earmarked ? 'included' : 'left out'} (£'000)`}
            columns={[
              { key: 'label', header: 'Year', cell: (r: Row) => r.label },
              ...chosen.map((p) => ({
                key: p.caseId,
                header: CASE_SERIES.find((s) => s.key === p.caseId)!.name,
                numeric: true,
                cell: (r: Row) => <Thousands value={r.values[p.caseId] ?? null} />,
              })),
            ]}
            rows={rows}
            rowKey={(r) => r.key}
          />
        }
      />
      <YearByYear input={input} projections={projections} />
    </div>
  );
}

/** Memoised: typing in one model's inputs does not redraw the other's. */
export const RoadCasualtyResults = memo(RoadCasualtyResultsView);
