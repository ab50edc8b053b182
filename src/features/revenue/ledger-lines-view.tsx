import { useLedgerLines, type LedgerLine } from '../../api/revenue-monitoring';
import { checkLinesAgainstActual } from '../../domain/revenue/ledger-actuals';
import { formatPounds } from '../../domain/core/money';
import { MAX_PERIOD, MONTHLY_PERIODS } from '../../domain/core/period';
import type { MonitoringNode, RevenueMonitor } from '../../domain/revenue/revenue-model';
import { DataTable } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { CheckBadge } from '../../components/status-badge';

/** A line's actual by period: an amount for a closed period, "not closed" or "no ledger" otherwise. */
function PeriodStrip({ node, model }: { node: MonitoringNode; model: RevenueMonitor }) {
  const byPeriod = node.actualByPeriod ?? [];
  const closed = new Set(model.closed);
  const periods = Array.from({ length: MAX_PERIOD }, (_, i) => i + 1).filter(
    (p) => p <= MONTHLY_PERIODS || byPeriod[p] !== null,
  );
  return (
    <ol className="period-strip" aria-label="Actual by period">
      {periods.map((p) => {
        const v = byPeriod[p] ?? null;
        const state = !closed.has(p)
          ? 'not closed'
          : v === null
            ? 'no ledger loaded'
            : formatPounds(v, { zero: '£0.00' });
        return (
          <li key={p} className={closed.has(p) ? undefined : 'open-period'}>
            <strong>P{p}</strong> {state}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The ledger lines behind a line's actual to date: every line of the closed periods, and a check that
 * they add to the actual shown (they must, to the penny, when the actual comes from the ledger).
 */
export function LedgerLinesView({ node, model }: { node: MonitoringNode; model: RevenueMonitor }) {
  const costCentre = model.byId.get(node.parentId ?? '')?.code ?? '';
  const lines = useLedgerLines(model.year ?? 0, costCentre, node.code ?? '', model.month);
  return (
    <>
      <PeriodStrip node={node} model={model} />
      <QueryState query={lines}>
        {(found) => {
          const { total, difference, agrees } = checkLinesAgainstActual(
            found.map((l) => l.amount),
            node.actual,
          );
          return (
            <DataTable
              caption={`Ledger lines behind the actual to date: ${costCentre} / ${node.label}, ${found.length} ${found.length === 1 ? 'line' : 'lines'} in P1–P${model.month}`}
              columns={[
                { key: 'row', header: 'File, row', cell: (l: LedgerLine) => `${l.dataset}, row ${l.row}` },
                { key: 'period', header: 'Period', cell: (l) => `P${l.period}` },
                {
                  key: 'date',
                  header: 'Posting date',
                  cell: (l) => l.postingDate || <span className="missing">none</span>,
                },
                { key: 'description', header: 'Description', cell: (l) => l.description },
                {
                  key: 'supplier',
                  header: 'Supplier',
                  cell: (l) => l.supplier || <span className="missing">none (journal)</span>,
                },
                { key: 'reference', header: 'Reference', cell: (l) => l.reference },
                {
                  key: 'amount',
                  header: 'Amount £',
                  numeric: true,
                  cell: (l) => formatPounds(l.amount, { zero: '£0.00' }),
                },
              ]}
              rows={found}
              rowKey={(l) => `${l.dataset}:${l.row}`}
              footer={
                <p className="check-notes">
                  {agrees ? <CheckBadge status="pass" /> : <CheckBadge status="fail" />} The lines add to{' '}
                  {formatPounds(total, { zero: '£0.00' })}
                  {node.actual === null || difference === null
                    ? '; there is no actual to date to compare them with.'
                    : agrees
                      ? ', the actual to date shown above.'
                      : `; the actual to date shown above is ${formatPounds(node.actual, { zero: '£0.00' })} (${model.actualSource === 'return' ? 'from the monthly return, not the ledger' : 'from the ledger'}): difference ${formatPounds(difference, { zero: '£0.00' })}.`}
                </p>
              }
            />
          );
        }}
      </QueryState>
    </>
  );
}
