import { memo, useState } from 'react';
import { DrawnLater } from '../../components/drawn-later';
import { HowMade } from '../../components/how-made';
import { Link, useSearchParams } from 'react-router';
import { useReconciliation, useRollForward, type ReconciliationModel } from '../../api/reconciliation';
import { useYearChoice, yearLabel } from '../../api/year-choice';
import { missingNames, type PaperTableKey } from '../../api/year-tables';
import { countStatuses } from '../../domain/checks/reconciliation';
import { MissingData, NoYearYet } from '../../components/missing-data';
import { PageState } from '../../components/query-state';
import { fileOfTableId } from '../../components/row-links';
import { TieOutTable } from '../../components/tie-out-table';
import { useHashTarget } from '../../components/use-hash-target';
import { RollForwardChecks } from './roll-forward-checks';
import { SourceTable } from './source-table';
import { plural } from './plural';
import { TableCheckList } from './table-check-list';
import { TieOutGroups } from './tie-out-groups';

/**
 * Every check (ARCHITECTURE.md, "The checks") on the chosen year's tables in one place: the roll-forward between
 * the chosen year and the years either side, the tie-outs between the year's tables, then the casting of each
 * table, each with its status in words, the two figures, the difference, and links to the rows behind it.
 * ?table=<id> shows that table as printed first, with the linked row marked.
 */
export function ReconciliationPage() {
  const choice = useYearChoice();
  const { year } = choice;
  const reconciliation = useReconciliation(year);
  const rollForward = useRollForward(year);
  // The year's checks are drawn later (DrawnLater): a link's row is looked for once they are on the page.
  const [drawn, setDrawn] = useState<ReconciliationModel | null>(null);
  const target = useHashTarget(
    reconciliation.isSuccess && rollForward.isSuccess && drawn !== null && drawn === reconciliation.data,
  );
  return (
    <>
      <h2>Reconciliation</h2>
      {year !== null && <p className="page-year">Financial year {yearLabel(year)}</p>}
      <p className="lede">
        Does each table add up, do the tables agree with each other, and does each year open where the last one closed?
        What fails comes first.
      </p>
      <HowMade>
        <p className="facts-line">
          Every total is checked against its rows, every column formula against its terms, and every figure that two
          tables both carry against the other. The tables are printed in £&rsquo;000, so a difference within half a unit
          per figure is a rounding difference, not a failure (the paper warns that &ldquo;figures may not cast due to
          roundings&rdquo;). A check that needs a figure the source does not show cannot be made, and says which.
        </p>
      </HowMade>
      {year === null ? (
        <NoYearYet loading={choice.loaded === undefined} />
      ) : (
        <>
          <PageState query={reconciliation} yearLabel={yearLabel(year)} what="the checks">
            {(model) => (
              // 379 checks and 89 tie-outs on the paper's year, about 7,800 elements: drawn at once they were one task
              // of 101-192 ms on a reload; drawn later, React yields between them (issue 16, point 3; bench/README.md).
              <DrawnLater key={year} data={model} onShown={setDrawn}>
                {(shown) => <YearChecks model={shown} target={target} search={choice.search} />}
              </DrawnLater>
            )}
          </PageState>
          <section aria-labelledby="roll-forward">
            <h3 id="roll-forward">Between the years</h3>
            <PageState query={rollForward} yearLabel={yearLabel(year)} what="the roll-forward checks">
              {(rf) => (
                <>
                  {rf.pairs.length === 0 && (
                    <p role="status">
                      Only {yearLabel(year)} is loaded of {yearLabel(year - 1)}, {yearLabel(year)} and{' '}
                      {yearLabel(year + 1)}: the roll-forward checks need two years that follow each other. Import{' '}
                      {yearLabel(year - 1)}&rsquo;s or {yearLabel(year + 1)}&rsquo;s reserves position and capital
                      programme (and capital financing) to check that each year opens where the one before closed.
                    </p>
                  )}
                  {rf.pairs.length > 0 && rf.notLoaded.length > 0 && (
                    <p>
                      Not loaded, so not checked against {yearLabel(year)}: {rf.notLoaded.map(yearLabel).join(', ')}.
                    </p>
                  )}
                  {rf.pairs.map((pair) => (
                    <RollForwardChecks key={pair.from.startYear} rollForward={pair} target={target} />
                  ))}
                </>
              )}
            </PageState>
          </section>
        </>
      )}
    </>
  );
}

/** Memoised: the page draws again once the checks are shown (to find a link's row), and they are the same. */
const YearChecks = memo(function YearChecks({
  model,
  target,
  search,
}: {
  model: ReconciliationModel;
  target: string | null;
  search: string;
}) {
  const [params] = useSearchParams();
  const label = yearLabel(model.year);
  const { tables, tieOuts, notes } = model;
  const sourceId = params.get('table');
  const sourceKey = sourceId === null ? undefined : (fileOfTableId(sourceId) as PaperTableKey | undefined);
  const sourceTable = sourceKey === undefined ? undefined : model.printed.get(sourceKey);
  const inTable = tables.flatMap((t) => t.checks);
  const all = [...inTable, ...tieOuts];
  const counts = countStatuses(all);
  const attention = tieOuts.filter((t) => t.status === 'fail' || t.status === 'rounding');
  const tieCounts = countStatuses(tieOuts);
  const tableCounts = countStatuses(inTable);
  const missing = missingNames(model.missing);
  if (tables.length === 0) {
    return <MissingData yearLabel={label} missing={missing} what="the checks of the tables" />;
  }
  return (
    <>
      <section aria-label="All checks">
        <dl className="summary-figures">
          <div>
            <dt>Checks</dt>
            <dd>
              <strong>{all.length}</strong> on {tables.length} tables
            </dd>
          </div>
          <div>
            <dt>Pass</dt>
            <dd>{counts.pass}</dd>
          </div>
          <div>
            <dt>Rounding differences</dt>
            <dd>{counts.rounding}</dd>
          </div>
          <div>
            <dt>Failures</dt>
            <dd>{counts.fail}</dd>
          </div>
          <div>
            <dt>Cannot be made (figure not shown)</dt>
            <dd>{counts.incomplete}</dd>
          </div>
        </dl>
        <p>
          {model.paperChecks
            ? 'These are the checks of the 19 July 2018 outturn paper on its 2017/18 tables.'
            : `Casting applies to every table of ${label}. Of the 2017/18 paper’s checks between tables, those that state a rule of the tables’ shapes (carry-forwards against the reserves they feed, capital spend against its financing, transfers to reserves, a summary against its breakdowns) apply where ${label} has both tables; the paper’s scheme-by-scheme, text and transcription checks are the 2017/18 paper’s alone and are not applied.`}
        </p>
        {missing.length > 0 && (
          <p>
            Not loaded for {label}, so not checked: {missing.join('; ')}.{' '}
            <Link to="/import">Import them on the Import page</Link>.
          </p>
        )}
      </section>
      {sourceId !== null &&
        (sourceTable ? (
          <SourceTable
            tableId={sourceId}
            title={tables.find((t) => t.spec.id === sourceId)?.spec.title ?? sourceId}
            table={sourceTable}
            target={target}
            search={search}
          />
        ) : (
          <p className="error">
            There is no table &ldquo;{sourceId}&rdquo; among the tables loaded for {label}.
          </p>
        ))}
      <section aria-labelledby="tie-outs">
        <h3 id="tie-outs">Between the tables</h3>
        <p>
          {plural(tieOuts.length, 'tie-out')}: {tieCounts.pass} tie out,{' '}
          {plural(tieCounts.rounding, 'rounding difference')}, {tieCounts.fail} do not tie out, {tieCounts.incomplete}{' '}
          cannot be made.
        </p>
        {attention.length > 0 && (
          <TieOutTable
            caption="Tie-outs that need attention: failures and rounding differences"
            results={attention}
            anchored={false}
            search={search}
          />
        )}
        <TieOutGroups tieOuts={tieOuts} notes={notes} target={target} search={search} />
      </section>
      <section aria-labelledby="casting">
        <h3 id="casting">Within each table: casting and cross-casting</h3>
        <p>
          {plural(inTable.length, 'check')}: {tableCounts.pass} pass,{' '}
          {plural(tableCounts.rounding, 'rounding difference')}, {plural(tableCounts.fail, 'failure')},{' '}
          {tableCounts.incomplete} cannot be made.
        </p>
        {tables.map((t) => (
          <TableCheckList key={t.spec.id} table={t} target={target} search={search} />
        ))}
      </section>
    </>
  );
});
