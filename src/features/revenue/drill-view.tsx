import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Link, type To } from 'react-router';
import { useWarmLedgers } from '../../api/ledger-lines';
import { PENNY, shownFigures, type BoardTable, type ShownFigures } from '../../domain/revenue/monitoring-tables';
import { formatPeriodLabel, financialYear } from '../../domain/core/period';
import type { RagRule } from '../../domain/checks/rag';
import { pathTo, type MonitoringNode, type RevenueMonitor } from '../../domain/revenue/revenue-model';
import { BoardSummary } from './board-summary';
import { Breadcrumb } from './breadcrumb';
import { LedgerLinesView } from './ledger-lines-view';
import { MonitoringTable, type MonitoringRow } from './monitoring-table';

interface Props {
  model: RevenueMonitor;
  open: string | null;
  tables: readonly BoardTable[];
  shown: ReadonlyMap<string, ShownFigures>;
  rule: RagRule;
  to: (change: { open?: string | null }) => To;
  /** " (illustrative)" when the figures are generated. */
  suffix: string;
}

const LEVEL_CONTENTS: Partial<Record<MonitoringNode['level'], string>> = {
  group: 'areas',
  area: 'cost centres',
  'carry-forwards': 'requests',
  'cost-centre': 'subjectives',
};

/** The node a request row stands for is its parent's table; anything else is itself. */
function shownNode(model: RevenueMonitor, open: string | null): MonitoringNode | null | undefined {
  if (open === null) return null;
  const node = model.byId.get(open);
  return node?.level === 'request' ? model.byId.get(node.parentId ?? '') : node;
}

/**
 * The drill-down: the board summary, or one row opened to what is under it (areas, cost centres,
 * subjectives, ledger lines), with the breadcrumb back up. When the open row changes, focus follows: to
 * the new table's heading going down, and back to the row just left going up, so a keyboard user keeps
 * their place.
 */
export function DrillView({ model, open, tables, shown, rule, to, suffix }: Props) {
  const node = shownNode(model, open);
  // A cost centre opened: its lines are a click away; the read worker reads the year's ledgers meanwhile.
  useWarmLedgers(model.year, model.month, node?.level === 'cost-centre' || node?.level === 'line');
  const path = useMemo(() => (node ? pathTo(model, node.id) : []), [model, node]);
  const heading = useRef<HTMLHeadingElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const previous = useRef<string | null>(open);

  useEffect(() => {
    const before = previous.current;
    previous.current = open;
    if (before === open) return;
    // Going up: find the row (on the new level) that leads back to where the reader was.
    const trail = before ? pathTo(model, before).map((n) => n.id) : [];
    const at = open === null ? -1 : trail.indexOf(open);
    if (before && (open === null || at >= 0)) {
      const candidates = open === null ? trail.slice(1).reverse() : trail.slice(at + 1, at + 2);
      for (const id of candidates) {
        const link = container.current?.querySelector<HTMLElement>(`[data-node="${id.replace(/["\\]/g, '\\$&')}"]`);
        if (link) {
          // A row of the areas' own tables sits behind their disclosure: opened, so the reader lands back on it.
          const closed = link.closest('details');
          if (closed && !closed.open) closed.open = true;
          link.focus();
          return;
        }
      }
    }
    heading.current?.focus();
  }, [open, model]);

  const when = model.year === null ? `P${model.month}` : formatPeriodLabel(financialYear(model.year), model.month);
  const openTo = (id: string | null) => to({ open: id });

  let title: string;
  let body: ReactNode;
  if (node === null) {
    title = `Board summary, ${when}`;
    body = <BoardSummary tables={tables} shown={shown} rule={rule} to={openTo} suffix={`, ${when}${suffix}`} />;
  } else if (node === undefined) {
    title = `Not found in ${when}`;
    body = (
      <p>
        That line is not in the figures for {when}. <Link to={openTo(null)}>Back to the board summary</Link>.
      </p>
    );
  } else if (node.level === 'line') {
    title = `${model.byId.get(node.parentId ?? '')?.label ?? ''} / ${node.label}: ledger lines, ${when}`;
    body = <LedgerLinesView node={node} model={model} />;
  } else {
    const pence = node.level === 'cost-centre';
    title = `${node.fullLabel}: ${LEVEL_CONTENTS[node.level] ?? 'lines'}, ${when}`;
    // The requests are the paper's own (Appendix 2): never labelled illustrative.
    const caption = node.level === 'carry-forwards' ? `${title} (the paper's figures)` : `${title}${suffix}`;
    body = (
      <OpenedTable node={node} model={model} shown={shown} pence={pence} rule={rule} to={openTo} caption={caption} />
    );
  }

  return (
    <div ref={container}>
      {node !== null && <Breadcrumb path={path} to={openTo} />}
      <h4 ref={heading} tabIndex={-1} className="drill-heading">
        {title}
      </h4>
      {node && node.level !== 'line' && node.parentId !== null && (
        <p className="facts-line">
          <Link to={openTo(node.parentId === 'total' ? null : node.parentId)} data-up="parent">
            ↑ Up to {node.parentId === 'total' ? 'the board summary' : model.byId.get(node.parentId)?.label}
          </Link>
        </p>
      )}
      {body}
    </div>
  );
}

function OpenedTable({
  node,
  model,
  shown,
  pence,
  rule,
  to,
  caption,
}: {
  node: MonitoringNode;
  model: RevenueMonitor;
  shown: ReadonlyMap<string, ShownFigures>;
  pence: boolean;
  rule: RagRule;
  to: (id: string) => To;
  caption: string;
}) {
  // A cost centre's subjectives are shown in pounds and pence, casting to the cost centre's own figure.
  const figures = useMemo(() => (pence ? shownFigures([node], PENNY) : shown), [pence, node, shown]);
  const rows: MonitoringRow[] = [
    ...node.children.map((c) => ({
      id: c.id,
      node: c,
      rowType: 'item' as const,
      opens: c.children.length > 0 || c.level === 'line' ? c.id : null,
    })),
    { id: node.id, node: { ...node, label: `Total: ${node.label}` }, rowType: 'total', opens: null },
  ];
  const notes = node.children.flatMap((c) => c.notes.map((n) => `${c.label}: ${n}`));
  return (
    <>
      <MonitoringTable
        caption={caption}
        rows={rows}
        shown={figures}
        unit={pence ? 'pence' : 'thousands'}
        toDate
        rule={rule}
        to={to}
      />
      {node.level === 'carry-forwards' && (
        <p className="facts-line">
          Requests from Appendix 2 of the paper (real figures). At year-end they are added to the forecast of the area
          whose department made them, so that an underspend carried forward is not reported as an underspend.
        </p>
      )}
      {notes.length > 0 && (
        <ul className="check-notes" aria-label="Notes on these lines">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {model.actualSource === 'none' && (
        <p className="facts-line">No actual to date: no ledger or return gives one for this month.</p>
      )}
    </>
  );
}
