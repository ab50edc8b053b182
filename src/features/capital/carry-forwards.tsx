import { Link } from 'react-router';
import { CAPITAL_CATEGORIES, type CapitalProgramme, type SchemeLine } from '../../domain/capital/capital-programme';
import type { CarryForwardRequest, CarryForwardRequests } from '../../domain/capital/carry-forward-requests';
import { CastingNotes } from '../../components/casting-notes';
import { CheckedAmount } from '../../components/checked-amount';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { rowAnchorId } from '../../components/row-links';

/** Appendix 3's predicted carry-forwards (column M), scheme by scheme, each linked to its row in the scheme table. */
export function PredictedCarryForwards({ programme }: { programme: CapitalProgramme }) {
  const categoryOf = (l: SchemeLine) => CAPITAL_CATEGORIES.find((c) => c.id === l.category)?.label ?? l.section;
  return (
    <DataTable
      caption="Predicted carry-forwards by scheme (Appendix 3, column M; £'000)"
      columns={[
        {
          key: 'scheme',
          header: 'Scheme',
          cell: (l: SchemeLine) => <Link to={`#${rowAnchorId('a3', l.key)}`}>{l.title}</Link>,
        },
        { key: 'category', header: 'Category', cell: (l) => categoryOf(l) },
        { key: 'job', header: 'Job code', cell: (l) => l.jobCode },
        { key: 'revised', header: 'Revised budget [G]', numeric: true, cell: (l) => <Thousands value={l.revised} /> },
        {
          key: 'outturn',
          header: 'Expected outturn [K]',
          numeric: true,
          cell: (l) => <Thousands value={l.expectedOutturn} />,
        },
        { key: 'variance', header: 'Variance [L]', numeric: true, cell: (l) => <Thousands value={l.variance} /> },
        {
          key: 'cfwd',
          header: 'Predicted c/fwd [M]',
          numeric: true,
          cell: (l) => <Thousands value={l.carryForward} />,
        },
      ]}
      rows={programme.predictedCarryForwards}
      rowKey={(l) => l.key}
      footer={
        <p className="table-footnote">
          The schemes shown carry forward <Thousands value={programme.carryForwardItemised} />; the Grand Total predicts{' '}
          <Thousands value={programme.grandTotal?.carryForward ?? null} />, which leaves{' '}
          <Thousands value={programme.carryForwardNotItemised} /> in{' '}
          {programme.detailMissing.join(' and ') || 'no other section'}
          {programme.detailMissing.length > 0 ? ', whose scheme detail is missing from the source.' : '.'}
        </p>
      }
    />
  );
}

/** Appendix 4: each request with its budget, outturn, variance, the amount asked for and why; the total worked out. */
export function CarryForwardRequestsTable({
  requests,
  target,
}: {
  requests: CarryForwardRequests;
  target: string | null;
}) {
  const anchor = (r: CarryForwardRequest) => rowAnchorId('a4', r.key);
  const labelOf = (key: string) => requests.requests.find((r) => r.key === key)?.title ?? key;
  const COLUMN_LABELS: Record<string, string> = { variance: 'variance', requested: 'requested carry-forward' };
  return (
    <DataTable
      caption="Appendix 4: capital carry-forward requests (£'000)"
      columns={[
        { key: 'scheme', header: 'Scheme', cell: (r: CarryForwardRequest) => r.title },
        { key: 'job', header: 'Job code', cell: (r) => r.jobCode },
        { key: 'revised', header: 'Revised budget', numeric: true, cell: (r) => <Thousands value={r.revised} /> },
        { key: 'outturn', header: 'Provisional outturn', numeric: true, cell: (r) => <Thousands value={r.outturn} /> },
        {
          key: 'variance',
          header: 'Variance',
          numeric: true,
          cell: (r) => <CheckedAmount value={r.variance} checks={r.checks} column="variance" />,
        },
        {
          key: 'requested',
          header: 'Requested c/fwd',
          numeric: true,
          cell: (r) => <CheckedAmount value={r.requested} checks={r.checks} column="requested" />,
        },
        { key: 'details', header: 'Reason given', note: true, cell: (r) => r.details },
        { key: 'note', header: 'Note', note: true, cell: (r) => r.note },
      ]}
      rows={requests.requests}
      rowKey={(r) => r.key}
      rowId={anchor}
      rowClass={(r) => (target === anchor(r) ? 'row-target' : undefined)}
      footer={
        <>
          <p className="table-footnote">
            <strong>
              Total requested: <Thousands value={requests.totalRequested} />
            </strong>{' '}
            (worked out: Appendix 4 prints no total).
            {requests.incomplete.length > 0 &&
              ` The source does not show the budget, outturn and variance of ${requests.incomplete.join(', ')}.`}
          </p>
          <CastingNotes checks={requests.checks} labelOf={labelOf} columnLabel={(c) => COLUMN_LABELS[c] ?? c} />
        </>
      }
    />
  );
}
