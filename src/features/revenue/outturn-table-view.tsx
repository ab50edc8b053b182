import type { OutturnLine, OutturnTable } from '../../domain/revenue/outturn-table';
import { formatVariancePercent } from '../../domain/checks/variance';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { DirectionBadge, TransferBadge } from '../../components/status-badge';
import { isReserveTransfer } from '../../domain/checks/reserve-transfer';
import { CheckNotes } from '../../components/check-notes';

const percent = (l: OutturnLine): string => (l.variance ? formatVariancePercent(l.variance) : 'n/s');
const flag = (l: OutturnLine, column: string) =>
  l.checks.some((c) => c.column === column && (c.status === 'fail' || c.status === 'rounding')) ? (
    <a
      className="check-flag"
      href={`#check-${l.checks.find((c) => c.column === column)!.id}`}
      aria-label="See the casting note"
    >
      †
    </a>
  ) : null;

/** A budget-against-outturn table in £'000 with worked variances, status, and notes where it does not cast. */
export function OutturnTableView({ table, caption }: { table: OutturnTable; caption: string }) {
  const labelOf = (key: string) => table.lines.find((l) => l.key === key)?.label ?? key;
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: 'label', header: 'Line', cell: (l: OutturnLine) => l.label },
        {
          key: 'budget',
          header: "Budget £'000",
          numeric: true,
          cell: (l) => (
            <>
              {flag(l, 'budget')}
              <Thousands value={l.budget} />
            </>
          ),
        },
        {
          key: 'outturn',
          header: "Outturn £'000",
          numeric: true,
          cell: (l) => (
            <>
              {flag(l, 'outturn')}
              <Thousands value={l.outturn} />
            </>
          ),
        },
        {
          key: 'variance',
          header: "Variance £'000",
          numeric: true,
          cell: (l) => (
            <>
              {flag(l, 'variance')}
              <Thousands value={l.variance?.amount ?? null} />
            </>
          ),
        },
        {
          key: 'percent',
          header: 'Variance %',
          numeric: true,
          cell: (l) => (
            <>
              {flag(l, 'percent')}
              {percent(l)}
            </>
          ),
        },
        {
          key: 'status',
          header: 'Status',
          cell: (l) =>
            isReserveTransfer(l.label) ? (
              <TransferBadge />
            ) : l.variance ? (
              <DirectionBadge direction={l.variance.direction} />
            ) : (
              'n/s'
            ),
        },
      ]}
      rows={table.lines}
      rowKey={(l) => l.key}
      rowClass={(l) => (l.rowType === 'item' ? undefined : `row-${l.rowType}`)}
      footer={<CheckNotes checks={table.checks} labelOf={labelOf} />}
    />
  );
}
