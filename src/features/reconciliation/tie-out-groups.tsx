import { countStatuses } from '../../domain/checks/reconciliation';
import { TIE_OUT_GROUPS, type TieOutGroup, type TieOutResult } from '../../domain/checks/tie-outs';
import { TieOutTable } from '../../components/tie-out-table';
import { plural } from './plural';

// More passes than this in one group fold away, so that what needs attention stays in view.
const FOLD_PASSES_OVER = 10;

/** The tie-outs between tables, one section per check of ARCHITECTURE.md ("The checks"), in its order. */
export function TieOutGroups({
  tieOuts,
  notes,
  target,
  search = '',
}: {
  tieOuts: readonly TieOutResult[];
  notes: Readonly<Partial<Record<TieOutGroup, string>>>;
  target: string | null;
  /** The chosen year in the address, kept by the links to the rows. */
  search?: string;
}) {
  // The roll-forward checks have a view of their own (RollForwardChecks), between the years.
  const groups = (Object.keys(TIE_OUT_GROUPS) as TieOutGroup[]).filter((g) => g !== 'roll-forward');
  return (
    <>
      {groups.map((group) => {
        const results = tieOuts.filter((t) => t.group === group);
        if (results.length === 0) return null;
        const { title, rule } = TIE_OUT_GROUPS[group];
        const counts = countStatuses(results);
        const fold = counts.pass > FOLD_PASSES_OVER;
        const shown = fold ? results.filter((t) => t.status !== 'pass') : results;
        const passed = results.filter((t) => t.status === 'pass');
        return (
          <section key={group} aria-labelledby={`tie-${group}`}>
            <h4 id={`tie-${group}`}>{title}</h4>
            <p>
              {rule} {plural(results.length, 'check')}: {counts.pass} tie out,{' '}
              {plural(counts.rounding, 'rounding difference')}, {counts.fail} do not tie out, {counts.incomplete} cannot
              be made.
            </p>
            {notes[group] && <p className="group-gap">{notes[group]}</p>}
            {shown.length > 0 && (
              <TieOutTable
                caption={fold ? `${title}: checks that do not tie out` : `${title}: every check`}
                results={shown}
                target={target}
                search={search}
              />
            )}
            {fold && (
              <details className="passed-checks">
                <summary>The {passed.length} checks that tie out</summary>
                <TieOutTable
                  caption={`${title}: checks that tie out`}
                  results={passed}
                  target={target}
                  search={search}
                />
              </details>
            )}
          </section>
        );
      })}
    </>
  );
}
