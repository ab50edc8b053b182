import { Link } from 'react-router';
import type { CheckResult } from '../../domain/checks/casting';
import { countStatuses } from '../../domain/checks/reconciliation';
import type { TableChecks } from '../../domain/checks/table-checks';
import { checkFigure, missingWords } from '../../components/check-words';
import { DataTable } from '../../components/data-table';
import { LinkList } from '../../components/link-list';
import { checkAnchorId, rowHref } from '../../components/row-links';
import { CheckBadge } from '../../components/status-badge';
import { plural } from './plural';

const figure = checkFigure;

function ChecksTable({
  table,
  checks,
  caption,
  target,
  search,
}: {
  table: TableChecks;
  checks: readonly CheckResult[];
  caption: string;
  target: string | null;
  search: string;
}) {
  const labelOf = (key: string) => table.rows.find((r) => r.key === key)?.label ?? key;
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: 'check', header: 'Check', cell: (c: CheckResult) => `${labelOf(c.row)} · ${c.column}` },
        // Layout totals are described by row key ("Lines add to total-opcc"): say it with the row's label.
        {
          key: 'rule',
          header: 'Rule',
          cell: (c) => (c.kind === 'total' ? `Rows above add to ${labelOf(c.row)}` : c.description),
        },
        { key: 'status', header: 'Status', cell: (c) => <CheckBadge status={c.status} /> },
        { key: 'printed', header: 'Printed', numeric: true, cell: (c) => figure(c, c.printed) },
        { key: 'computed', header: 'From its terms', numeric: true, cell: (c) => figure(c, c.computed) },
        {
          key: 'difference',
          header: 'Difference',
          numeric: true,
          cell: (c) => (c.difference === null ? '—' : figure(c, c.difference)),
        },
        {
          key: 'rows',
          header: 'Rows behind it',
          cell: (c) => (
            <>
              <LinkList
                items={c.rowKeys.map((k) => ({
                  key: k,
                  node: <Link to={rowHref(table.spec.id, k, search)}>{labelOf(k)}</Link>,
                }))}
              />
              {c.status === 'incomplete' && (
                <span className="check-note">Cannot be checked: {missingWords(c, labelOf, (col) => col)}.</span>
              )}
            </>
          ),
        },
      ]}
      rows={checks}
      rowKey={(c) => c.id}
      rowId={(c) => checkAnchorId(c.id)}
      rowClass={(c) => (target === checkAnchorId(c.id) ? 'row-target' : undefined)}
    />
  );
}

/** One table's own checks: what does not pass in full, the passes folded away, each with links to its rows. */
export function TableCheckList({
  table,
  target,
  search = '',
}: {
  table: TableChecks;
  target: string | null;
  /** The chosen year in the address, kept by the links to the rows. */
  search?: string;
}) {
  const counts = countStatuses(table.checks);
  const shown = table.checks.filter((c) => c.status !== 'pass');
  const passed = table.checks.filter((c) => c.status === 'pass');
  const headingId = `rec-${table.spec.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{table.spec.title}</h4>
      <p>
        {plural(table.checks.length, 'check')}: {counts.pass} pass, {plural(counts.rounding, 'rounding difference')},{' '}
        {plural(counts.fail, 'failure')}, {counts.incomplete} cannot be made (a figure is not shown).
        {table.unmatched.length > 0 && ` Not checked (column not in the file): ${table.unmatched.join('; ')}.`}
      </p>
      {shown.length > 0 && (
        <ChecksTable
          table={table}
          checks={shown}
          caption={`${table.spec.title}: checks that do not pass`}
          target={target}
          search={search}
        />
      )}
      {passed.length > 0 && (
        <details className="passed-checks">
          <summary>
            The {passed.length} checks that pass in {table.spec.title}
          </summary>
          <ChecksTable
            table={table}
            checks={passed}
            caption={`${table.spec.title}: checks that pass`}
            target={target}
            search={search}
          />
        </details>
      )}
    </section>
  );
}
