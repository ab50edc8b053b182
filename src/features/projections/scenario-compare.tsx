import { memo, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import type { Money } from '../../domain/core/money';
import { projectMtfs, type MtfsProjection, type ReservesPosition } from '../../domain/reserves/mtfs-planner';
import { formatPercent2 } from '../../domain/reserves/mtfs-summary';
import { formatFinancialYear } from '../../domain/core/period';
import { projectCase, type CaseId, type CaseProjection } from '../../domain/reserves/road-casualty-reserve';
import { formatK } from '../../domain/reserves/road-casualty-summary';
import {
  compareScenarios,
  type Scenario,
  type ScenarioDifference,
  type ScenarioInputs,
} from '../../domain/scenarios/scenario';
import { LineFigure } from './line-figure';
import { CASE_SERIES } from './road-casualty-results';
import { toCompareBalanceSeries, toCompareShareSeries } from './to-chart-mtfs';

const CURRENT = 'current';
const fy = (year: number): string => formatFinancialYear({ startYear: year });

interface Side {
  name: string;
  inputs: ScenarioInputs;
}

/** Two scenarios side by side: the inputs that differ, then both projections drawn together. */
function ScenarioCompareView({
  current,
  currentName,
  scenarios,
  position,
  budget,
}: {
  /** The inputs on screen, or null while some cannot be read. */
  current: ScenarioInputs | null;
  currentName: string;
  scenarios: readonly Scenario[];
  position: ReservesPosition;
  budget: Money | null;
}) {
  const [aId, setAId] = useState(CURRENT);
  const [bId, setBId] = useState<string>('');
  const [caseId, setCaseId] = useState<CaseId>('central');
  const choices = [
    { id: CURRENT, label: `The inputs on screen (${currentName || 'unnamed'})` },
    ...scenarios.map((s) => ({ id: s.id, label: `${s.name} (saved)` })),
  ];
  const b = bId || scenarios.find((s) => s.id !== aId)?.id || '';
  const side = (id: string): Side | null => {
    if (id === CURRENT) return current ? { name: `${currentName || 'Unnamed'} (on screen)`, inputs: current } : null;
    const s = scenarios.find((x) => x.id === id);
    return s ? { name: s.name, inputs: s.inputs } : null;
  };
  const A = side(aId);
  const B = side(b);
  const label = (key: string): string => position.reserves.find((r) => r.key === key)?.label ?? key;

  const select = (id: string, text: string, value: string, onChange: (v: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {value === '' ? <option value="">Choose a saved scenario</option> : null}
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby="compare-heading">
      <h3 id="compare-heading">Compare two scenarios</h3>
      {scenarios.length === 0 ? (
        <p className="hint">Save a scenario to compare it with the inputs on screen or with another saved scenario.</p>
      ) : null}
      <div className="field-row">
        {select('compare-a', 'Scenario A', aId, setAId)}
        {select('compare-b', 'Scenario B', b, setBId)}
        <div className="field">
          <label htmlFor="compare-case">Road Casualty case to draw</label>
          <select id="compare-case" value={caseId} onChange={(e) => setCaseId(e.target.value as CaseId)}>
            {CASE_SERIES.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {A && B ? (
        <Comparison a={A} b={B} caseId={caseId} position={position} budget={budget} reserveLabel={label} />
      ) : scenarios.length > 0 && !A ? (
        <p className="hint">The inputs on screen cannot be read yet.</p>
      ) : null}
    </section>
  );
}

function Comparison({
  a,
  b,
  caseId,
  position,
  budget,
  reserveLabel,
}: {
  a: Side;
  b: Side;
  caseId: CaseId;
  position: ReservesPosition;
  budget: Money | null;
  reserveLabel: (key: string) => string;
}) {
  const diffs = compareScenarios(a.inputs, b.inputs, reserveLabel);
  const pa = projectCase(a.inputs.roadCasualty, caseId, true);
  const pb = projectCase(b.inputs.roadCasualty, caseId, true);
  const ma = projectMtfs(position, a.inputs.mtfs, budget);
  const mb = projectMtfs(position, b.inputs.mtfs, budget);
  const caseName = CASE_SERIES.find((s) => s.key === caseId)!.name;
  const cross = (p: CaseProjection, floor: Money) => {
    const last = p.years[p.years.length - 1];
    const end = last ? `, ending ${fy(last.year)} at ${formatK(last.closing)}` : '';
    return p.firstBelowFloor === null
      ? `stays at or above its ${formatK(floor)} floor${end}`
      : `falls below its ${formatK(floor)} floor in ${fy(p.firstBelowFloor)}${end}`;
  };
  const balanceSummary = `${caseName} case, earmarked items included: in A the balance ${cross(pa, a.inputs.roadCasualty.floor)}; in B it ${cross(pb, b.inputs.roadCasualty.floor)}.`;
  const shareSummary = shareWords(ma, mb);
  const years = [...new Set([...pa.years, ...pb.years].map((y) => y.year))].sort((x, y) => x - y);
  const shareYears = [...new Set([...ma.general, ...mb.general].map((g) => g.year))].sort((x, y) => x - y);
  const series = [
    { key: 'a', name: `A: ${a.name}`, colour: 'var(--case-central)' },
    { key: 'b', name: `B: ${b.name}`, colour: 'var(--case-low)', dash: '6 3' },
  ];
  return (
    <>
      {diffs.length === 0 ? (
        <p>The two scenarios have the same inputs.</p>
      ) : (
        <DataTable
          caption={`Inputs that differ (${diffs.length}; amounts in £'000)`}
          columns={[
            { key: 'label', header: 'Input', cell: (d: ScenarioDifference) => d.label },
            { key: 'model', header: 'Model', cell: (d) => d.model },
            {
              key: 'a',
              header: `A: ${a.name}`,
              numeric: true,
              cell: (d) => d.a ?? <span className="missing">not in A</span>,
            },
            {
              key: 'b',
              header: `B: ${b.name}`,
              numeric: true,
              cell: (d) => d.b ?? <span className="missing">not in B</span>,
            },
          ]}
          rows={diffs}
          rowKey={(d) => d.key}
        />
      )}
      <div className="compare-charts">
        <LineFigure
          title={`Road Casualty Reserve, ${caseName} case: A and B`}
          summary={balanceSummary}
          data={toCompareBalanceSeries(pa, pb)}
          series={series}
          references={[{ y: 0, label: 'Zero', position: 'insideTopRight' }]}
          unit="£'000"
          table={
            <DataTable
              caption={`The chart's figures: balance at 31 March, ${caseName} case (£'000)`}
              columns={[
                { key: 'year', header: 'Year', cell: (y: number) => fy(y) },
                {
                  key: 'a',
                  header: 'A',
                  numeric: true,
                  cell: (y) => <Thousands value={pa.years.find((r) => r.year === y)?.closing ?? null} />,
                },
                {
                  key: 'b',
                  header: 'B',
                  numeric: true,
                  cell: (y) => <Thousands value={pb.years.find((r) => r.year === y)?.closing ?? null} />,
                },
              ]}
              rows={years}
              rowKey={(y) => String(y)}
            />
          }
        />
        <LineFigure
          title="General reserve as a share of the net revenue budget: A and B"
          summary={shareSummary}
          data={toCompareShareSeries(ma, mb)}
          series={series}
          references={[{ y: 5, label: '5%', position: 'insideTopRight' }]}
          unit="%"
          table={
            <DataTable
              caption="The chart's figures: general reserve share"
              columns={[
                { key: 'year', header: 'Year', cell: (y: number) => fy(y) },
                { key: 'a', header: 'A', numeric: true, cell: (y) => pctOf(ma, y) },
                { key: 'b', header: 'B', numeric: true, cell: (y) => pctOf(mb, y) },
              ]}
              rows={shareYears}
              rowKey={(y) => String(y)}
            />
          }
        />
      </div>
    </>
  );
}

function pctOf(p: MtfsProjection, year: number): string {
  const g = p.general.find((x) => x.year === year);
  return g?.percent ? formatPercent2(g.percent) : 'n/a';
}

function shareWords(a: MtfsProjection, b: MtfsProjection): string {
  const lastA = a.general[a.general.length - 1];
  const lastB = b.general[b.general.length - 1];
  if (!lastA?.percent || !lastB?.percent)
    return 'The share cannot be worked out for both scenarios (a budget is missing).';
  return `At the end of the plan the general reserve is ${formatPercent2(lastA.percent)} of the budget in A (${fy(lastA.year)}) and ${formatPercent2(lastB.percent)} in B (${fy(lastB.year)}).`;
}

/** Memoised: typing in one model's inputs does not redraw the other's. */
export const ScenarioCompare = memo(ScenarioCompareView);
