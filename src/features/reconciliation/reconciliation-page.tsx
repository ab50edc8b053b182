import { usePaperChecks } from '../../api/paper-checks';
import { countByStatus, type CheckResult } from '../../domain/casting';
import type { TableChecks } from '../../domain/table-checks';
import { DataTable } from '../../components/data-table';
import { CheckBadge } from '../../components/status-badge';
import { formatThousands } from '../../domain/money';

const figure = (c: CheckResult, v: CheckResult['printed']): string =>
  v === null ? 'n/s' : c.column.includes('%') ? `${v.toDecimalPlaces(2).toString()}%` : formatThousands(v, { zero: '0' });

function TableCheckList({ table }: { table: TableChecks }) {
  const counts = countByStatus(table.checks);
  const labelOf = (key: string) => table.rows.find((r) => r.key === key)?.label ?? key;
  const lineOf = (key: string) => table.rows.find((r) => r.key === key)?.line;
  const shown = table.checks.filter((c) => c.status !== 'pass');
  return (
    <section aria-labelledby={`rec-${table.spec.id}`}>
      <h3 id={`rec-${table.spec.id}`}>{table.spec.title}</h3>
      <p>
        {table.checks.length} checks: {counts.pass} pass, {counts.rounding} rounding differences, {counts.fail} failures,{' '}
        {counts.incomplete} cannot be made (a figure is missing).
        {table.unmatched.length > 0 && ` Not checked (column not in the file): ${table.unmatched.join('; ')}.`}
      </p>
      {shown.length > 0 && (
        <DataTable
          caption={`${table.spec.title}: checks that do not pass`}
          columns={[
            { key: 'check', header: 'Check', cell: (c: CheckResult) => `${labelOf(c.row)} · ${c.column}` },
            { key: 'rule', header: 'Rule', cell: (c) => c.description },
            { key: 'status', header: 'Status', cell: (c) => <CheckBadge status={c.status} /> },
            { key: 'printed', header: 'Printed', numeric: true, cell: (c) => figure(c, c.printed) },
            { key: 'computed', header: 'From its terms', numeric: true, cell: (c) => figure(c, c.computed) },
            { key: 'difference', header: 'Difference', numeric: true, cell: (c) => figure(c, c.difference) },
            {
              key: 'rows',
              header: 'Rows behind it (file lines)',
              cell: (c) => (c.status === 'incomplete' ? `missing: ${c.missing.join(', ')}` : c.rowKeys.map((k) => `${labelOf(k)} (line ${lineOf(k) ?? '?'})`).join('; ')),
            },
          ]}
          rows={shown}
          rowKey={(c) => c.id}
        />
      )}
    </section>
  );
}

/** Every casting check of every loaded table, with the two figures and the difference. */
export function ReconciliationPage() {
  const { tables, pending, errors } = usePaperChecks();
  const all = tables.flatMap((t) => t.checks);
  const counts = countByStatus(all);
  return (
    <>
      <h2>Reconciliation</h2>
      <p className="lede">
        Does each table add up? Every total is checked against its rows and every column formula against its terms.
        The paper was printed in £&rsquo;000, so a difference within half a unit per figure is a rounding difference,
        not a failure (the paper warns that &ldquo;figures may not cast due to roundings&rdquo;).
      </p>
      {pending && <p role="status">Loading the tables…</p>}
      {errors.map((e) => (
        <p key={e} role="alert" className="error">
          {e}
        </p>
      ))}
      <p>
        <strong>{all.length} checks</strong> across {tables.length} tables: {counts.pass} pass, {counts.rounding} rounding
        differences, {counts.fail} failures, {counts.incomplete} cannot be made.
      </p>
      {tables.map((t) => (
        <TableCheckList key={t.spec.id} table={t} />
      ))}
    </>
  );
}
