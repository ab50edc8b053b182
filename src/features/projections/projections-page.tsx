import { useCallback, useMemo, useState } from 'react';
import { usePlannerInputs } from '../../api/planner-inputs';
import { useYearChoice, yearLabel } from '../../api/year-choice';
import { NoYearYet } from '../../components/missing-data';
import { formatThousands } from '../../domain/core/money';
import { PAPER_FIRST_YEAR } from '../../domain/papers/paper-2019-road-casualty';
import { useDeleteScenario, useSaveScenario, useScenarios, type ScenarioList } from '../../api/scenarios';
import { PageState } from '../../components/query-state';
import type { Money } from '../../domain/core/money';
import { movementsFromRoadCasualty, projectMtfs, type ReservesPosition } from '../../domain/reserves/mtfs-planner';
import { formatFinancialYear } from '../../domain/core/period';
import { horizonYears } from '../../domain/reserves/reserve-projection';
import {
  findRoadCasualtyReserve,
  projectCase,
  projectRoadCasualtyReserve,
  type CaseId,
} from '../../domain/reserves/road-casualty-reserve';
import { startsFromOf, type Scenario, type ScenarioInputs } from '../../domain/scenarios/scenario';
import { EXPORT_HEADER, scenarioExportRows } from '../../domain/scenarios/scenario-export';
import { toCsv } from '../../import/csv-write';
import { downloadText, fileNameFor } from './download';
import { IssueSummary } from './fields';
import { InShort } from './in-short';
import { MtfsInputs } from './mtfs-inputs';
import { MtfsPlanTable } from './mtfs-plan-table';
import { MtfsResults } from './mtfs-results';
import { RoadCasualtyInputs } from './road-casualty-inputs';
import { RoadCasualtyResults } from './road-casualty-results';
import { ScenarioBar } from './scenario-bar';
import { ScenarioCompare } from './scenario-compare';
import {
  defaultInputs,
  formFromInputs,
  movementKey,
  parseMtfsForm,
  parseRoadCasualtyForm,
  thousandsText,
  type FieldIssue,
  type ScenarioForm,
} from './scenario-form';
import './projections.css';

const NO_ISSUES: readonly FieldIssue[] = [];
const NO_SCENARIOS: ScenarioList = { scenarios: [], unreadable: [] };
const PAPER_CASE_NAME = 'Paper case (BCB 4 April 2019)';
const caseNameFor = (year: number): string =>
  year + 1 === PAPER_FIRST_YEAR ? PAPER_CASE_NAME : `From ${yearLabel(year)}’s closing balances`;

function newId(): string {
  return crypto.randomUUID();
}

/**
 * Reserve projections from the chosen year's closing balances: the Road Casualty Reduction & Support Reserve, the
 * MTFS planner, and scenarios. A year without a reserves position has nothing to project from, and says so.
 */
export function ProjectionsPage() {
  const choice = useYearChoice();
  const inputs = usePlannerInputs(choice.year);
  return (
    <>
      <h2>Projections</h2>
      {choice.year !== null && <p className="page-year">From the closing balances of {yearLabel(choice.year)}</p>}
      <p className="lede">
        How long each reserve lasts and what it can still pay for, from the chosen year&rsquo;s closing balances. Inputs
        are on the left of each model and its results on the right; every figure is worked out exactly in this browser,
        in £&rsquo;000 with negatives in brackets. Save a set of inputs as a scenario to come back to it, copy it, or
        compare it with another.
      </p>
      {choice.year === null ? (
        <NoYearYet loading={choice.loaded === undefined} />
      ) : (
        <PageState
          query={inputs}
          yearLabel={yearLabel(choice.year)}
          what="the projections (they open at the year’s closing balances)"
          missing={(i) => (i.position === null ? i.missing.position : [])}
        >
          {(i) =>
            i.position && (
              <>
                <p className="page-contents">
                  On this page: <a href="#rc-heading">Road Casualty Reserve</a> ·{' '}
                  <a href="#mtfs-heading">MTFS reserves planner</a> · <a href="#compare-heading">Compare scenarios</a>
                </p>
                <Workspace key={i.year} year={i.year} position={i.position} budget={i.budget} />
              </>
            )
          }
        </PageState>
      )}
    </>
  );
}

/** Where each default comes from, said in words (issue 14, item 8). */
function defaultSources(
  year: number,
  position: ReservesPosition,
  budget: Money | null,
): { opening: string; commitments: string; toApply: string; budget: string } {
  const label = yearLabel(year);
  const paper = year + 1 === PAPER_FIRST_YEAR;
  const fund = findRoadCasualtyReserve(position.reserves) ?? null;
  const k = (m: Money) => `£${formatThousands(m)}k`;
  return {
    opening: fund
      ? paper
        ? `Table 5’s closing ${label} balance of the Road Casualty fund, ${k(fund.closing)}`
        : `the ${label} reserves position’s closing balance of the Road Casualty fund, ${k(fund.closing)}`
      : paper
        ? `the ${label} reserves position has no Road Casualty fund, so the paper’s £1,582k (Table 5’s closing ${label} balance) is used`
        : `the ${label} reserves position has no Road Casualty fund: nil until you enter a balance`,
    commitments: paper ? 'the paper of 4 April 2019 (default for 2017/18 only)' : 'none yet: add them',
    toApply: paper
      ? 'the paper of 4 April 2019: £244k still to be applied in 2018/19 (default for 2017/18 only)'
      : 'none yet: enter any',
    budget:
      budget === null
        ? `none: ${label} has no outturn summary loaded, so enter each year’s budget (or import the summary on the Import page).`
        : `the ${label} outturn summary’s net revenue budget${paper ? ' (Table 1)' : ''}, ${k(budget)}, held flat until you enter the MTFS figures.`,
  };
}

interface Current {
  id: string | null;
  name: string;
  /** The form as last saved or opened (JSON), to tell whether it has changed since. */
  snapshot: string | null;
}

function Workspace({ year, position, budget }: { year: number; position: ReservesPosition; budget: Money | null }) {
  const defaults = useMemo(() => formFromInputs(defaultInputs(position, budget)), [position, budget]);
  const sources = useMemo(() => defaultSources(year, position, budget), [year, position, budget]);
  const paperCase = year + 1 === PAPER_FIRST_YEAR;
  const caseName = caseNameFor(year);
  const [form, setForm] = useState<ScenarioForm>(defaults);
  const [current, setCurrent] = useState<Current>({ id: null, name: caseName, snapshot: null });
  const [message, setMessage] = useState('');
  const scenarios = useScenarios();
  const save = useSaveScenario();
  const remove = useDeleteScenario();

  const rc = useMemo(() => parseRoadCasualtyForm(form.roadCasualty), [form.roadCasualty]);
  const mtfs = useMemo(() => parseMtfsForm(form.mtfs, position.reserves), [form.mtfs, position.reserves]);
  const rcProjections = useMemo(() => (rc.ok ? projectRoadCasualtyReserve(rc.value) : null), [rc]);
  const mtfsProjection = useMemo(
    () => (mtfs.ok ? projectMtfs(position, mtfs.value, budget) : null),
    [mtfs, position, budget],
  );
  const inputs = useMemo(
    (): ScenarioInputs | null => (rc.ok && mtfs.ok ? { roadCasualty: rc.value, mtfs: mtfs.value } : null),
    [rc, mtfs],
  );
  const setRoadCasualty = useCallback(
    (roadCasualty: ScenarioForm['roadCasualty']) => setForm((f) => ({ ...f, roadCasualty })),
    [],
  );
  const setMtfs = useCallback((m: ScenarioForm['mtfs']) => setForm((f) => ({ ...f, mtfs: m })), []);
  const fund = findRoadCasualtyReserve(position.reserves) ?? null;
  const reserveLabel = (key: string): string => position.reserves.find((r) => r.key === key)?.label ?? key;
  const dirty = current.snapshot !== null && current.snapshot !== JSON.stringify(form);
  const list = scenarios.data ?? NO_SCENARIOS;

  const persist = (scenario: Scenario, done: string, open: boolean) => {
    save.mutate(scenario, {
      onSuccess: () => {
        if (open) setCurrent({ id: scenario.id, name: scenario.name, snapshot: JSON.stringify(form) });
        setMessage(done);
      },
      onError: (error) => setMessage(`Could not save: ${error instanceof Error ? error.message : String(error)}`),
    });
  };
  const saveCurrent = (asCopy: boolean) => {
    if (!inputs) return;
    const name = current.name.trim();
    const copyName = asCopy ? `${name} (copy)` : name;
    const scenario: Scenario = {
      id: asCopy || !current.id ? newId() : current.id,
      name: copyName,
      savedAt: new Date().toISOString(),
      startsFrom: position.actualYear,
      inputs,
    };
    persist(scenario, asCopy ? `Saved a copy as “${copyName}”, now open.` : `Saved “${copyName}”.`, true);
  };
  const open = (s: Scenario) => {
    const f = formFromInputs(s.inputs);
    setForm(f);
    setCurrent({ id: s.id, name: s.name, snapshot: JSON.stringify(f) });
    const from = startsFromOf(s);
    setMessage(
      from === position.actualYear
        ? `Opened “${s.name}” (it starts from ${yearLabel(from)}’s closing balances).`
        : `Opened “${s.name}”: it starts from ${yearLabel(from)}’s closing balances, not ${yearLabel(position.actualYear)}’s (the MTFS planner shows ${yearLabel(position.actualYear)}’s reserves position; choose ${yearLabel(from)} above to see the one it was made from).`,
    );
  };
  const copySaved = (s: Scenario) =>
    persist(
      { ...s, id: newId(), name: `${s.name} (copy)`, savedAt: new Date().toISOString() },
      `Copied “${s.name}” as “${s.name} (copy)”.`,
      false,
    );
  const deleteSaved = (id: string) => {
    const name =
      list.scenarios.find((s) => s.id === id)?.name ?? list.unreadable.find((u) => u.id === id)?.name ?? 'the scenario';
    remove.mutate(id, {
      onSuccess: () => {
        if (current.id === id) setCurrent({ ...current, id: null, snapshot: null });
        setMessage(`Deleted “${name}”.`);
      },
      onError: (error) => setMessage(`Could not delete: ${error instanceof Error ? error.message : String(error)}`),
    });
  };
  const startAgain = () => {
    setForm(defaults);
    setCurrent({ id: null, name: caseName, snapshot: null });
    setMessage(
      paperCase
        ? 'Started again from the paper’s case (not saved).'
        : `Started again from ${yearLabel(year)}’s closing balances (not saved).`,
    );
  };
  const exportCsv = () => {
    if (!inputs || !rcProjections || !mtfsProjection) return;
    const scenario: Scenario = {
      id: current.id ?? 'unsaved',
      name: current.name,
      savedAt: new Date().toISOString(),
      startsFrom: position.actualYear,
      inputs,
    };
    downloadText(
      fileNameFor(current.name, '.csv'),
      toCsv(EXPORT_HEADER, scenarioExportRows(scenario, rcProjections, mtfsProjection, reserveLabel)),
    );
  };
  const fundKey = fund?.key ?? null;
  const fillFund = useCallback(
    (caseId: CaseId) => {
      setForm((f) => {
        const parsed = parseRoadCasualtyForm(f.roadCasualty);
        if (!parsed.ok || fundKey === null) return f;
        const years = horizonYears(f.mtfs.firstYear, f.mtfs.horizon);
        const moves = movementsFromRoadCasualty(projectCase(parsed.value, caseId, true), fundKey, years);
        const replaced = new Set(years.map((y) => movementKey(fundKey, y)));
        const movements = Object.fromEntries(Object.entries(f.mtfs.movements).filter(([k]) => !replaced.has(k)));
        for (const m of moves) {
          movements[movementKey(m.reserveKey, m.year)] = {
            contribution: m.contribution.isZero() ? '' : thousandsText(m.contribution),
            drawdown: m.drawdown.isZero() ? '' : thousandsText(m.drawdown),
          };
        }
        return { ...f, mtfs: { ...f.mtfs, movements } };
      });
    },
    [fundKey],
  );

  return (
    <>
      <InShort
        roadCasualty={rc.ok && rcProjections ? { projections: rcProjections, floor: rc.value.floor } : null}
        mtfs={
          mtfs.ok && mtfsProjection
            ? { projection: mtfsProjection, floorPercent: mtfs.value.generalReserveFloorPercent }
            : null
        }
      />
      <ScenarioBar
        name={current.name}
        onNameChange={(name) => setCurrent({ ...current, name })}
        currentId={current.id}
        dirty={dirty}
        canSave={inputs !== null}
        busy={save.isPending}
        message={message}
        scenarios={list.scenarios}
        unreadable={list.unreadable}
        onSave={() => saveCurrent(false)}
        onSaveCopy={() => saveCurrent(true)}
        onStartAgain={startAgain}
        startAgainFrom={paperCase ? 'the paper’s case' : `${yearLabel(year)}’s closing balances`}
        onExport={exportCsv}
        onOpen={open}
        onCopy={copySaved}
        onDelete={deleteSaved}
      />
      {scenarios.isError ? (
        <p role="alert" className="error">
          Saved scenarios could not be read: {scenarios.error.message}
        </p>
      ) : null}

      <section aria-labelledby="rc-heading">
        <h3 id="rc-heading">Road Casualty Reduction &amp; Support Reserve</h3>
        <p className="lede">
          Filled by Cambridgeshire&rsquo;s share (its net revenue expenditure proportion) of the Cameras, Tickets &amp;
          Collisions unit&rsquo;s surplus, and spent on road safety commitments. It opens at 31 March {year + 1}, the
          end of {yearLabel(year)}.
        </p>
        <ul className="default-sources" aria-label="Where the defaults come from">
          <li>Opening balance: {sources.opening}.</li>
          <li>Commitments: {sources.commitments}.</li>
          <li>Expenditure yet to be applied: {sources.toApply}.</li>
          <li>
            Inflow cases: the paper of 4 April 2019&rsquo;s low, central and high cases (para 4.6); change them to your
            own.
          </li>
        </ul>
        <div className="projection-layout">
          <RoadCasualtyInputs
            form={form.roadCasualty}
            onChange={setRoadCasualty}
            issues={rc.ok ? NO_ISSUES : rc.issues}
            openingHint={`Default: ${sources.opening}.`}
          />
          {rc.ok && rcProjections ? (
            <RoadCasualtyResults input={rc.value} projections={rcProjections} paperCase={paperCase} />
          ) : (
            <div className="results">
              <IssueSummary title="The projection needs these inputs corrected:" issues={rc.ok ? [] : rc.issues} />
            </div>
          )}
        </div>
      </section>

      <section aria-labelledby="mtfs-heading">
        <h3 id="mtfs-heading">MTFS reserves planner</h3>
        <p className="lede">
          Every usable reserve from the reserves position ({position.source}), carried forward through the contributions
          and drawdowns planned for each year from {formatFinancialYear({ startYear: form.mtfs.firstYear })}.
        </p>
        {/* The inputs above and the two charts side by side beneath them, at the page's full width: each chart's
            table needs the room. */}
        <MtfsInputs
          form={form.mtfs}
          onChange={setMtfs}
          issues={mtfs.ok ? NO_ISSUES : mtfs.issues}
          budgetHint={sources.budget}
        />
        {mtfs.ok && mtfsProjection ? (
          <MtfsResults
            projection={mtfsProjection}
            floorPercent={mtfs.value.generalReserveFloorPercent}
            actualYear={position.actualYear}
          />
        ) : (
          <div className="results">
            <IssueSummary title="The plan needs these inputs corrected:" issues={mtfs.ok ? [] : mtfs.issues} />
          </div>
        )}
        <h4 id="mtfs-plan-heading">Planned movements and projected balances</h4>
        <MtfsPlanTable
          form={form.mtfs}
          onChange={setMtfs}
          issues={mtfs.ok ? NO_ISSUES : mtfs.issues}
          reserves={position.reserves}
          projection={mtfsProjection}
          actualYear={position.actualYear}
          fundKey={fundKey}
          onFillFund={fillFund}
        />
      </section>

      <ScenarioCompare
        current={inputs}
        currentName={current.name}
        scenarios={list.scenarios}
        position={position}
        budget={budget}
      />
    </>
  );
}
