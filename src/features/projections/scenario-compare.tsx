import { memo, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import type { Money } from '../../domain/core/money';
import { projectMtfs, type MtfsProjection, type ReservesPosition } from '../../domain/reserves/mtfs-planner';
import { formatPercent2 } from '../../domain/reserves/mtfs-summary';
import { formatFinancialYear } from '../../domain/core/period';
import { runOutYear } from '../../domain/reserves/reserve-projection';
import { projectCase, type CaseProjection } from '../../domain/reserves/road-casualty-reserve';
import { formatK } from '../../domain/reserves/road-casualty-summary';
import {
  compareScenarios,
  type Scenario,
  type ScenarioDifference,
  type ScenarioInputs,
} from '../../domain/scenarios/scenario';
import { LineFigure } from './line-figure';
import { CASE_SERIES } from './road-casualty-results';
import { toCompareBalanceSeries, toCompareFloors, toCompareShareSeries } from './to-chart-mtfs';

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
      </div>
      {A && B ? (
        <Comparison a={A} b={B} position={position} budget={budget} reserveLabel={label} />
      ) : scenarios.length > 0 && !A ? (
        <p className="hint">The inputs on screen cannot be read yet.</p>
      ) : null}
    </section>
  );
}

/** "2021/22", or that the line is not crossed within the horizon. */
function When({ year, last }: { year: number | null; last: number | undefined }) {
  return year === null ? (
    <span className="badge badge-favourable">
      <span aria-hidden="true">✓</span> Not by {last === undefined ? 'the end' : fy(last)}
    </span>
  ) : (
    <span className="badge badge-adverse">
      <span aria-hidden="true">▼</span> {fy(year)}
    </span>
  );
}

/** One row of the table of crossings: a Road Casualty case, or the general reserve, in A and in B. */
interface CrossingRow {
  key: string;
  label: string;
  aFloor: number | null;
  aOut: number | null;
  bFloor: number | null;
  bOut: number | null;
}

function Comparison({
  a,
  b,
  position,
  budget,
  reserveLabel,
}: {
  a: Side;
  b: Side;
  position: ReservesPosition;
  budget: Money | null;
  reserveLabel: (key: string) => string;
}) {
  const diffs = compareScenarios(a.inputs, b.inputs, reserveLabel);
  const ma = projectMtfs(position, a.inputs.mtfs, budget);
  const mb = projectMtfs(position, b.inputs.mtfs, budget);
  const cases = CASE_SERIES.map((s) => ({
    series: s,
    pa: projectCase(a.inputs.roadCasualty, s.key, true),
    pb: projectCase(b.inputs.roadCasualty, s.key, true),
  }));
  const lastOf = (p: CaseProjection) => p.years[p.years.length - 1]?.year;
  const rcLast = Math.max(...cases.map((c) => Math.max(lastOf(c.pa) ?? 0, lastOf(c.pb) ?? 0)));
  const mtfsLast = ma.years[ma.years.length - 1];
  const crossings: CrossingRow[] = [
    ...cases.map((c): CrossingRow => ({
      key: c.series.key,
      label: `Road Casualty Reserve: ${c.series.name.toLowerCase()}${c.series.key === 'none' ? '' : ' case'}`,
      aFloor: c.pa.firstBelowFloor,
      aOut: runOutYear(c.pa.years),
      bFloor: c.pb.firstBelowFloor,
      bOut: runOutYear(c.pb.years),
    })),
    {
      key: 'general',
      label: 'General reserve (MTFS planner)',
      aFloor: ma.general.find((g) => g.belowFloor)?.year ?? null,
      aOut: ma.generalRunsOut,
      bFloor: mb.general.find((g) => g.belowFloor)?.year ?? null,
      bOut: mb.generalRunsOut,
    },
  ];
  const crossing = (p: CaseProjection, floor: Money) => {
    const out = runOutYear(p.years);
    const below =
      p.firstBelowFloor === null
        ? `stays at or above its ${formatK(floor)} floor`
        : `falls below its ${formatK(floor)} floor in ${fy(p.firstBelowFloor)}`;
    const last = p.years[p.years.length - 1];
    const end = last ? `, ending ${fy(last.year)} at ${formatK(last.closing)}` : '';
    return `${below}${out === null ? '' : ` and runs out in ${fy(out)}`}${end}`;
  };
  const series = [
    { key: 'a', name: `A: ${a.name}`, colour: 'var(--case-central)' },
    { key: 'b', name: `B: ${b.name}`, colour: 'var(--case-low)', dash: '6 3' },
  ];
  const rcFloors = toCompareFloors(a.inputs.roadCasualty.floor, b.inputs.roadCasualty.floor, 'pounds');
  const shareFloors = toCompareFloors(
    a.inputs.mtfs.generalReserveFloorPercent,
    b.inputs.mtfs.generalReserveFloorPercent,
    'percent',
  );
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
      <DataTable
        caption="When each case falls below its floor and runs out, in A and in B (earmarked items counted)"
        columns={[
          { key: 'label', header: 'Reserve and case', cell: (r: CrossingRow) => r.label },
          {
            key: 'a-floor',
            header: 'A: below the floor',
            cell: (r) => <When year={r.aFloor} last={r.key === 'general' ? mtfsLast : rcLast} />,
          },
          {
            key: 'a-out',
            header: 'A: runs out',
            cell: (r) => <When year={r.aOut} last={r.key === 'general' ? mtfsLast : rcLast} />,
          },
          {
            key: 'b-floor',
            header: 'B: below the floor',
            cell: (r) => <When year={r.bFloor} last={r.key === 'general' ? mb.years.at(-1) : rcLast} />,
          },
          {
            key: 'b-out',
            header: 'B: runs out',
            cell: (r) => <When year={r.bOut} last={r.key === 'general' ? mb.years.at(-1) : rcLast} />,
          },
        ]}
        rows={crossings}
        rowKey={(r) => r.key}
      />
      <div className="compare-charts compare-cases">
        {cases.map(({ series: s, pa, pb }) => {
          const years = [...new Set([...pa.years, ...pb.years].map((y) => y.year))].sort((x, y) => x - y);
          const caseName = s.key === 'none' ? 'no new inflow' : `${s.name} case`;
          return (
            <LineFigure
              key={s.key}
              title={`Road Casualty Reserve, ${caseName}: A and B`}
              summary={`${s.key === 'none' ? 'No new inflow' : caseName}, earmarked items included: in A the balance ${crossing(pa, a.inputs.roadCasualty.floor)}; in B it ${crossing(pb, b.inputs.roadCasualty.floor)}.`}
              data={toCompareBalanceSeries(pa, pb)}
              series={series}
              references={[...rcFloors, { y: 0, label: 'Zero' }]}
              unit="£'000"
              height={240}
              table={
                <DataTable
                  caption={`The chart's figures: balance at 31 March, ${s.name} case (£'000)`}
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
          );
        })}
      </div>
      <div className="compare-charts">
        <LineFigure
          title="General reserve as a share of the net revenue budget: A and B"
          summary={shareWords(ma, mb)}
          data={toCompareShareSeries(ma, mb)}
          series={series}
          references={[{ y: 5, label: '5% line' }, ...shareFloors]}
          unit="%"
          table={
            <DataTable
              caption="The chart's figures: general reserve share"
              columns={[
                { key: 'year', header: 'Year', cell: (y: number) => fy(y) },
                { key: 'a', header: 'A', numeric: true, cell: (y) => pctOf(ma, y) },
                { key: 'b', header: 'B', numeric: true, cell: (y) => pctOf(mb, y) },
              ]}
              rows={[...new Set([...ma.general, ...mb.general].map((g) => g.year))].sort((x, y) => x - y)}
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
  const out = (p: MtfsProjection, last: number) =>
    p.generalRunsOut === null ? `lasts to ${fy(last)}` : `runs out in ${fy(p.generalRunsOut)}`;
  return `In A the general reserve ${out(a, lastA.year)} and in B it ${out(b, lastB.year)}; at the end of the plan it is ${formatPercent2(lastA.percent)} of the budget in A (${fy(lastA.year)}) and ${formatPercent2(lastB.percent)} in B (${fy(lastB.year)}).`;
}

/** Memoised: typing in one model's inputs does not redraw the other's. */
export const ScenarioCompare = memo(ScenarioCompareView);
