import { Fragment, useMemo, type ReactNode, memo } from 'react';
import type { MonitoringData } from '../../api/revenue-monitoring';
import { type MonthReconciliation, type ReconciliationRow } from '../../domain/revenue/ledger-reconciliation';
import { formatPounds } from '../../domain/core/money';
import { Code } from '../../components/code';
import { DataTable } from '../../components/data-table';

type Finding = ReconciliationRow & { finding: string };

/** Agreement in words and icon, not colour alone. */
function Verdict({ state }: { state: 'agrees' | 'differs' | 'not-compared' }) {
  const { icon, text, css } = {
    agrees: { icon: '✓', text: 'Agrees', css: 'pass' },
    differs: { icon: '✗', text: 'Differs', css: 'fail' },
    'not-compared': { icon: '?', text: 'Not compared', css: 'incomplete' },
  }[state];
  return (
    <span className={`badge badge-check-${css}`}>
      <span aria-hidden="true">{icon}</span> {text}
    </span>
  );
}

const pounds = (v: ReconciliationRow['ledger']): string => (v === null ? 'none' : formatPounds(v, { zero: '£0.00' }));

function MonthFindings({
  month,
  names,
  suffix,
}: {
  month: MonthReconciliation;
  names: ReadonlyMap<string, string>;
  suffix: string;
}) {
  const label = (cc: string) => {
    const name = names.get(cc);
    return (
      <>
        <Code>{cc}</Code>
        {name ? ` ${name}` : ''}
      </>
    );
  };
  if (month.status === 'ledger-incomplete') {
    return (
      <p>
        <Verdict state="not-compared" /> <strong>P{month.month}:</strong> not compared: no loaded ledger has{' '}
        {month.missingPeriods.map((p) => `P${p}`).join(', ')}.
      </p>
    );
  }
  // A code whose ledger lines net to £0.00 and that the return does not list differs by nothing: a note, not a
  // failure (its lines were posted and reversed).
  const ledgerOnlyNil = month.ledgerOnly.filter((r) => r.difference.isZero());
  const findings: Finding[] = [
    ...month.differences.filter((r) => !r.difference.isZero()).map((r) => ({ ...r, finding: 'Amounts differ' })),
    ...month.ledgerOnly
      .filter((r) => !r.difference.isZero())
      .map((r) => ({ ...r, finding: 'In the ledger, not in the return' })),
    ...month.returnOnly.map((r) => ({ ...r, finding: 'In the return, not in the ledger' })),
  ];
  const clean = findings.length === 0;
  return (
    <>
      <p>
        <Verdict state={clean ? 'agrees' : 'differs'} /> <strong>P{month.month}:</strong> {month.agreed} cost centres
        agree to the penny
        {clean ? '; nothing differs.' : `; ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}.`}{' '}
        Ledger {pounds(month.ledgerTotal)}, return {pounds(month.returnTotal)}.
      </p>
      {!clean && (
        <DataTable
          caption={`Ledger against the P${month.month} return: findings${suffix}`}
          columns={[
            { key: 'cc', header: 'Cost centre', cell: (r: Finding) => label(r.costCentre) },
            { key: 'finding', header: 'Finding', cell: (r) => r.finding },
            { key: 'ledger', header: 'Ledger actual to date £', numeric: true, cell: (r) => pounds(r.ledger) },
            { key: 'return', header: 'Return actual to date £', numeric: true, cell: (r) => pounds(r.returned) },
            {
              key: 'difference',
              header: 'Difference (ledger − return) £',
              numeric: true,
              cell: (r) => <span className="diff-amount">{formatPounds(r.difference, { zero: '£0.00' })}</span>,
            },
          ]}
          rows={findings}
          rowKey={(r) => `${r.finding}:${r.costCentre}`}
        />
      )}
      {month.returnOnlyNil.length > 0 && (
        <p className="facts-line">
          In the return with a nil actual and no ledger postings yet (nothing to reconcile):{' '}
          <Listed codes={month.returnOnlyNil} label={label} />.
        </p>
      )}
      {ledgerOnlyNil.length > 0 && (
        <p className="facts-line">
          In the ledger only, with lines that net to £0.00 (nothing to reconcile):{' '}
          <Listed codes={ledgerOnlyNil.map((r) => r.costCentre)} label={label} />.
        </p>
      )}
    </>
  );
}

function Listed({ codes, label }: { codes: readonly string[]; label: (cc: string) => ReactNode }) {
  return (
    <>
      {codes.map((c, i) => (
        <Fragment key={c}>
          {i > 0 && '; '}
          {label(c)}
        </Fragment>
      ))}
    </>
  );
}

/**
 * Ledger to outturn: each monthly return's actuals against the ledger's, cost centre by cost centre, for
 * every month the loaded ledgers cover; differences with their amounts and codes found in one file only.
 */
function LedgerReconciliationSectionView({ data, suffix }: { data: MonitoringData; suffix: string }) {
  // Built with the year's models, in steps, by the api; the year's data (WholeYear) always has them.
  const months = data.ledgerChecks;
  const names = useMemo(
    () => new Map(data.inputs.budget.filter((b) => b.costCentreName).map((b) => [b.costCentre, b.costCentreName])),
    [data],
  );
  if (months === null) return null;
  if (months.length === 0) return <p>No monthly return is loaded to reconcile with the ledger.</p>;
  return (
    <>
      {months.map((m) => (
        <MonthFindings key={m.month} month={m} names={names} suffix={suffix} />
      ))}
    </>
  );
}

/** Drawn again only when its own inputs change: not when the page around it re-renders (the years list read again
 * at the end of a first start, a query of another section settling), which redrew every section at once (issue 16). */
export const LedgerReconciliationSection = memo(LedgerReconciliationSectionView);
