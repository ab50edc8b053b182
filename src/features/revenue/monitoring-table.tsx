import type { ReactNode } from 'react';
import { Link, type To } from 'react-router';
import type { Money } from '../../domain/core/money';
import type { ShownFigures } from '../../domain/revenue/monitoring-tables';
import { ragOf, type RagRule } from '../../domain/checks/rag';
import type { MonitoringNode } from '../../domain/revenue/revenue-model';
import type { RowType } from '../../domain/checks/table-rows';
import { formatVariancePercent } from '../../domain/checks/variance';
import { DataTable, type Column } from '../../components/data-table';
import { RagBadge, TransferBadge } from '../../components/status-badge';
import { isReserveTransfer } from '../../domain/checks/reserve-transfer';
import { UNIT_LABEL, writeShown, type Unit } from './format';

export interface MonitoringRow {
  id: string;
  node: MonitoringNode;
  rowType: RowType;
  /** The node a click on the label opens (null: not a link). */
  opens: string | null;
  indent?: boolean;
}

interface Props {
  caption: ReactNode;
  rows: readonly MonitoringRow[];
  shown: ReadonlyMap<string, ShownFigures>;
  unit: Unit;
  /** Add the budget to date and variance to date columns (the officers' view). */
  toDate: boolean;
  rule: RagRule;
  to: (open: string) => To;
}

function Missing({ children }: { children: ReactNode }) {
  return <span className="missing">{children}</span>;
}

function Status({ node, rule }: { node: MonitoringNode; rule: RagRule }) {
  if (node.level === 'carry-forwards' || node.level === 'request')
    return <span className="badge">◇ Carried forward to next year</span>;
  if (isReserveTransfer(node.fullLabel) || isReserveTransfer(node.label)) return <TransferBadge />;
  const rag = ragOf(node.forecastVariance, rule);
  if (!rag || !node.forecastVariance) return <Missing>no forecast</Missing>;
  return <RagBadge rag={rag} direction={node.forecastVariance.direction} />;
}

/**
 * A monitoring table: budget, actual to date, forecast outturn, variance £ and %, status. The label of
 * a row that opens further is a link (keyboard and Back work as for any link). Figures are the rounded,
 * casting ones; percentages and status come from the exact figures.
 */
export function MonitoringTable({ caption, rows, shown, unit, toDate, rule, to }: Props) {
  const u = UNIT_LABEL[unit];
  const fig = (row: MonitoringRow) => shown.get(row.id);
  const money = (pick: (s: ShownFigures) => Money | null, missing: string) => (row: MonitoringRow) => {
    const s = fig(row);
    const v = s ? pick(s) : null;
    return v === null ? <Missing>{missing}</Missing> : writeShown(v, unit);
  };
  const columns: Column<MonitoringRow>[] = [
    {
      key: 'label',
      header: 'Line',
      cell: (r) =>
        r.opens ? (
          <Link className="drill-link" to={to(r.opens)} data-node={r.opens}>
            {r.node.label}
          </Link>
        ) : (
          r.node.label
        ),
    },
    { key: 'budget', header: `Budget ${u}`, numeric: true, cell: money((s) => s.budget, 'no budget') },
    ...(toDate
      ? [{ key: 'ytd', header: `Budget to date ${u}`, numeric: true, cell: money((s) => s.ytdBudget, '-') }]
      : []),
    { key: 'actual', header: `Actual to date ${u}`, numeric: true, cell: money((s) => s.actual, 'no actual') },
    ...(toDate
      ? [
          {
            key: 'vtd',
            header: `Variance to date ${u}`,
            numeric: true,
            cell: money((s) => s.varianceToDate, 'no actual'),
          },
        ]
      : []),
    { key: 'forecast', header: `Forecast outturn ${u}`, numeric: true, cell: money((s) => s.forecast, 'no forecast') },
    { key: 'variance', header: `Variance ${u}`, numeric: true, cell: money((s) => s.forecastVariance, 'no forecast') },
    {
      key: 'percent',
      header: 'Variance %',
      numeric: true,
      cell: (r) =>
        r.node.forecastVariance && r.node.level !== 'carry-forwards' && r.node.level !== 'request'
          ? formatVariancePercent(r.node.forecastVariance)
          : '-',
    },
    { key: 'status', header: 'Status', cell: (r) => <Status node={r.node} rule={rule} /> },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowClass={(r) =>
        [r.rowType === 'item' ? '' : `row-${r.rowType}`, r.indent ? 'row-indent' : ''].filter(Boolean).join(' ') ||
        undefined
      }
    />
  );
}
