import type { To } from 'react-router';
import type { BoardTable, ShownFigures } from '../../domain/revenue/monitoring-tables';
import type { RagRule } from '../../domain/checks/rag';
import { MonitoringTable, type MonitoringRow } from './monitoring-table';

/**
 * What the board reads first: the three tables of the paper (Table 1, the Constabulary summary, Table 3),
 * each line opening to what is under it.
 */
export function BoardSummary({
  tables,
  shown,
  rule,
  to,
  suffix,
}: {
  tables: readonly BoardTable[];
  shown: ReadonlyMap<string, ShownFigures>;
  rule: RagRule;
  to: (open: string) => To;
  suffix: string;
}) {
  const table = (t: BoardTable) => {
    const rows: MonitoringRow[] = t.rows.map((r) => ({
      id: r.id,
      node: r.node,
      rowType: r.rowType,
      opens: r.opens,
    }));
    return (
      <MonitoringTable
        key={t.id}
        caption={`${t.title}${suffix}`}
        rows={rows}
        shown={shown}
        unit="thousands"
        toDate
        rule={rule}
        to={to}
      />
    );
  };
  const [first, ...rest] = tables;
  // The first table (the position by area, as Table 1) is what the board reads; the areas' own lines are a
  // click away, each row of it opening too.
  return (
    <>
      {first && table(first)}
      {rest.length > 0 && (
        <details className="how-made board-areas">
          <summary>The areas line by line: {rest.map((t) => t.title.replace(/ \(as .*\)$/, '')).join('; ')}</summary>
          <div className="how-made-body">{rest.map(table)}</div>
        </details>
      )}
    </>
  );
}
