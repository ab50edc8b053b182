import { useReconciliation } from '../../api/reconciliation';
import { useReserves } from '../../api/reserves-position';
import { useId, useState } from 'react';
import { useReservesYears, type ReservesYearsModel } from '../../api/reserves-years';
import { useYearChoice, yearLabel } from '../../api/year-choice';
import { summariseReserveBalances, summariseReserveMovements } from '../../domain/reserves/reserves-summary';
import { HowMade } from '../../components/how-made';
import { MissingData, NoYearYet } from '../../components/missing-data';
import { PrintedTableView } from '../../components/printed-table-view';
import { formatSavedAt } from '../../components/saved-at';
import { PageState, QueryState } from '../../components/query-state';
import { TieOutTable } from '../../components/tie-out-table';
import { useHashTarget } from '../../components/use-hash-target';
import { GeneralReserve } from './general-reserve';
import { ReserveBalancesChart, ReserveMovementsChart } from './reserve-charts';
import { ReserveYearsChart } from './reserve-years-chart';
import { ReservesTable } from './reserves-table';

/**
 * The chosen year's reserves position (Table 5's shape), how it moved, the general reserve against that year's
 * net revenue budget, the revenue carry-forwards that feed it (Appendix 2's shape), and the reserves over every
 * loaded year. Read by shape from the chosen year's datasets only: a year without a reserves position says so.
 */
export function ReservesPage() {
  const choice = useYearChoice();
  const { year } = choice;
  const reserves = useReserves(year);
  const reconciliation = useReconciliation(year);
  const target = useHashTarget(reserves.isSuccess);
  if (year === null) {
    return (
      <>
        <h2>Reserves</h2>
        <NoYearYet loading={choice.loaded === undefined} />
      </>
    );
  }
  const label = yearLabel(year);
  const touchesReserves = (reconciliation.data?.tieOuts ?? []).filter((t) =>
    [...t.printedFigures, ...t.againstFigures].some((f) => f.table === 'table-5-reserves.csv'),
  );
  return (
    <>
      <h2>Reserves</h2>
      <p className="page-year">Financial year {label}</p>
      <PageState query={reserves} yearLabel={label} what="the reserves position">
        {(data) => (
          <>
            <p className="lede">
              Balances of every reserve at {data.dates.closing}, in £&rsquo;000 with negatives in brackets
              {data.illustrative ? ' (illustrative figures, generated: not a real return)' : ''}; then the revenue
              carry-forward requests that the Carry Forward Revenue Reserve holds for {yearLabel(year + 1)}.
            </p>
            {data.sources.length > 0 && (
              <HowMade>
                <p className="facts-line">Read from: {data.sources.join(', ')}.</p>
              </HowMade>
            )}
            {data.position === null ? (
              <MissingData yearLabel={label} missing={data.missing.position} what="the reserves position" />
            ) : (
              <>
                <section aria-labelledby="reserves-position">
                  <h3 id="reserves-position">Position</h3>
                  <ReservesTable position={data.position} target={target} yearLabel={label} dates={data.dates} />
                  <h4>The general reserve and the budget</h4>
                  {data.generalReserve ? (
                    <GeneralReserve share={data.generalReserve} yearLabel={label} closing={data.dates.closing} />
                  ) : (
                    <MissingData
                      yearLabel={label}
                      missing={data.missing.budget}
                      what="the general reserve’s share of the net revenue budget"
                    />
                  )}
                </section>
                <section aria-labelledby="reserves-movements">
                  <h3 id="reserves-movements">How the reserves moved</h3>
                  <ReserveBalancesChart
                    summary={summariseReserveBalances(data.position)}
                    reserves={data.position.reserves}
                    dates={data.dates}
                  />
                  <ReserveMovementsChart
                    summary={summariseReserveMovements(data.position)}
                    reserves={data.position.reserves}
                    yearLabel={label}
                  />
                </section>
                <section aria-labelledby="reserves-ties">
                  <h3 id="reserves-ties">Against the other tables</h3>
                  {touchesReserves.length === 0 && !reconciliation.isPending ? (
                    <p>
                      No check between the reserves position and another table of {label} can be made: the year has none
                      of the tables it is checked against.
                    </p>
                  ) : (
                    <TieOutTable
                      caption={`The reserves position against the revenue outturn, the carry-forwards and capital financing, ${label}`}
                      results={touchesReserves}
                      pending={reconciliation.isPending}
                      search={choice.search}
                    />
                  )}
                </section>
              </>
            )}
            <section aria-labelledby="revenue-carry-forwards">
              <h3 id="revenue-carry-forwards">Revenue carry-forward requests</h3>
              {data.carryForwards ? (
                <PrintedTableView
                  table={data.carryForwards}
                  caption={
                    year === 2017
                      ? "Appendix 2: revenue carry forward requests (£'000)"
                      : `Revenue carry forward requests, ${label} (£'000)`
                  }
                  tableId="a2"
                  highlighted={target === null ? [] : [target]}
                />
              ) : (
                <MissingData
                  yearLabel={label}
                  missing={data.missing.carryForwards}
                  what="the revenue carry-forward requests"
                />
              )}
            </section>
          </>
        )}
      </PageState>
      <ReservesOverTheYears />
    </>
  );
}

function ReservesOverTheYears() {
  const [chosen, setChosen] = useState<string | null>(null);
  const years = useReservesYears(chosen);
  return (
    <section aria-labelledby="reserves-years">
      <h3 id="reserves-years">Over the years</h3>
      <QueryState query={years}>
        {(model) =>
          model.years.length === 0 ? (
            <p>No year loaded has a reserves position yet.</p>
          ) : (
            <>
              {model.withoutPosition.length > 0 && (
                <p>
                  Loaded without a reserves position (left out, never filled from another year):{' '}
                  {model.withoutPosition.map(yearLabel).join(', ')}.
                </p>
              )}
              {model.projection && model.projection.choices.length > 1 && (
                <ScenarioChoice projection={model.projection} onChoose={setChosen} />
              )}
              <ReserveYearsChart model={model} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/** Which saved scenario the projection after the loaded years applies: those that start from that year, newest first. */
function ScenarioChoice({
  projection,
  onChoose,
}: {
  projection: NonNullable<ReservesYearsModel['projection']>;
  onChoose: (id: string) => void;
}) {
  const id = useId();
  const from = yearLabel(projection.fromYear);
  return (
    <p className="scenario-choice">
      <label htmlFor={id}>Projection after {from}: the planned movements of</label>{' '}
      <select id={id} value={projection.scenario?.id ?? ''} onChange={(e) => onChoose(e.target.value)}>
        {projection.choices.map((c, i) => (
          <option key={c.id} value={c.id}>
            {c.name} (saved {formatSavedAt(c.savedAt)}
            {i === 0 ? ', the latest' : ''})
          </option>
        ))}
      </select>
    </p>
  );
}
