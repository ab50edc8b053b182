import { useSearchParams } from 'react-router';
import { useReconciliation } from '../../api/reconciliation';
import type { SampleFile } from '../../api/sample-tables';
import { countStatuses } from '../../domain/checks/reconciliation';
import { fileOfTableId } from '../../components/row-links';
import { TieOutTable } from '../../components/tie-out-table';
import { useHashTarget } from '../../components/use-hash-target';
import { SourceTable } from './source-table';
import { plural } from './plural';
import { TableCheckList } from './table-check-list';
import { TieOutGroups } from './tie-out-groups';

/**
 * Every check (ARCHITECTURE.md, "The checks") in one place: the tie-outs between the files, then the casting of each table,
 * each with its status in words, the two figures, the difference, and links to the rows behind it.
 * ?table=<id> shows that table as printed first, with the linked row marked.
 */
export function ReconciliationPage() {
  const { tables, tieOuts, notes, pending, errors } = useReconciliation();
  const [params] = useSearchParams();
  const sourceId = params.get('table');
  const sourceFile = sourceId === null ? undefined : fileOfTableId(sourceId);
  const target = useHashTarget(!pending);
  const inTable = tables.flatMap((t) => t.checks);
  const all = [...inTable, ...tieOuts];
  const counts = countStatuses(all);
  const attention = tieOuts.filter((t) => t.status === 'fail' || t.status === 'rounding');
  const tieCounts = countStatuses(tieOuts);
  const tableCounts = countStatuses(inTable);
  return (
    <>
      <h2>Reconciliation</h2>
      <p className="lede">
        Does each table add up, and do the tables agree with each other? Every total is checked against its rows, every
        column formula against its terms, and every figure that two tables both carry against the other. The paper was
        printed in £&rsquo;000, so a difference within half a unit per figure is a rounding difference, not a failure
        (the paper warns that &ldquo;figures may not cast due to roundings&rdquo;). A check that needs a figure the
        source does not show cannot be made, and says which.
      </p>
      {errors.map((e) => (
        <p key={e} role="alert" className="error">
          {e}
        </p>
      ))}
      {pending && <p role="status">Loading the tables…</p>}
      {!pending && (
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
        </section>
      )}
      {sourceId !== null &&
        (sourceFile ? (
          <SourceTable tableId={sourceId} file={sourceFile as SampleFile} target={target} />
        ) : (
          <p className="error">There is no table &ldquo;{sourceId}&rdquo; among the loaded tables.</p>
        ))}
      <section aria-labelledby="tie-outs">
        <h3 id="tie-outs">Between the tables</h3>
        <p>
          {tieOuts.length} tie-outs: {tieCounts.pass} tie out, {plural(tieCounts.rounding, 'rounding difference')},{' '}
          {tieCounts.fail} do not tie out, {tieCounts.incomplete} cannot be made.
        </p>
        {attention.length > 0 && (
          <TieOutTable
            caption="Tie-outs that need attention: failures and rounding differences"
            results={attention}
            anchored={false}
          />
        )}
        <TieOutGroups tieOuts={tieOuts} notes={notes} target={target} />
      </section>
      <section aria-labelledby="casting">
        <h3 id="casting">Within each table: casting and cross-casting</h3>
        <p>
          {inTable.length} checks: {tableCounts.pass} pass, {plural(tableCounts.rounding, 'rounding difference')},{' '}
          {plural(tableCounts.fail, 'failure')}, {tableCounts.incomplete} cannot be made.
        </p>
        {tables.map((t) => (
          <TableCheckList key={t.spec.id} table={t} target={target} />
        ))}
      </section>
    </>
  );
}
