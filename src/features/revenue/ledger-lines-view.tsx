import './ledger-lines.css';
import { useEffect, useId, useMemo, useState } from 'react';
import {
  FIRST_LINES_VIEW,
  sortsByText,
  useHoldLedgerLines,
  useLedgerLinesPage,
  type LedgerLineRow,
  type LedgerSortKey,
  type ReadProgress,
} from '../../api/ledger-lines';
import { checkLinesAgainstActual, closedPeriods } from '../../domain/revenue/ledger-actuals';
import { formatPounds } from '../../domain/core/money';
import { fromPence, pence } from '../../domain/core/units';
import { MAX_PERIOD, MONTHLY_PERIODS } from '../../domain/core/period';
import { lineActualsByPeriod, type MonitoringNode, type RevenueMonitor } from '../../domain/revenue/revenue-model';
import { DataTable, type Column } from '../../components/data-table';
import { formatCount } from '../../components/format-count';
import { Pager } from '../../components/pager';
import { QueryState } from '../../components/query-state';
import { CheckBadge } from '../../components/status-badge';

/**
 * How long typing rests before the search is made: short, since with the lines already read (read as the box is
 * entered) the matches are on screen 14-34 ms after it (13,540 lines, bench/README.md); long enough that a word typed
 * at speed is searched once. The benchmark's copy is bench/browser-read-scenarios.ts's.
 */
const SEARCH_REST_MS = 150;

/** A line's actual by period: an amount for a closed period, "not closed" or "no ledger" otherwise. */
function PeriodStrip({ node, model }: { node: MonitoringNode; model: RevenueMonitor }) {
  const byPeriod = lineActualsByPeriod(model, node) ?? [];
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
            : formatPounds(fromPence(v), { zero: '£0.00' });
        return (
          <li key={p} className={closed.has(p) ? undefined : 'open-period'}>
            <strong>P{p}</strong> {state}
          </li>
        );
      })}
    </ol>
  );
}

const money = (p: number): string => formatPounds(fromPence(pence(p)), { zero: '£0.00' });

/** yyyymmdd as dd/mm/yyyy, the ledgers' own order. */
const ukDate = (ymd: number): string => {
  const s = String(ymd);
  return `${s.slice(6, 8)}/${s.slice(4, 6)}/${s.slice(0, 4)}`;
};

const plural = (n: number): string => `${formatCount(n)} ${n === 1 ? 'line' : 'lines'}`;

/**
 * The ledger lines behind a line's actual to date: every line of the closed periods, a page at a time, with a
 * search (description, supplier, reference), a period filter and sorting by any column; the count and exact total
 * of every line that matches, and a check that all the lines add to the actual shown (they must, to the penny,
 * when the actual comes from the ledger). The lines are read, searched and sorted in the read worker.
 */
export function LedgerLinesView({ node, model }: { node: MonitoringNode; model: RevenueMonitor }) {
  const costCentre = model.byId.get(node.parentId ?? '')?.code ?? '';
  const ids = { search: useId(), period: useId() };
  const [typed, setTyped] = useState('');
  // The list opens as FIRST_LINES_VIEW: what a page opened at this line asked for before its model was built.
  const [search, setSearch] = useState(FIRST_LINES_VIEW.search);
  const [period, setPeriod] = useState<number | null>(FIRST_LINES_VIEW.period);
  const [sort, setSort] = useState<{ key: LedgerSortKey; descending: boolean }>(FIRST_LINES_VIEW.sort);
  const [offset, setOffset] = useState(FIRST_LINES_VIEW.offset);

  useEffect(() => {
    const t = setTimeout(() => {
      setSearch(typed);
      setOffset(0);
    }, SEARCH_REST_MS);
    return () => clearTimeout(t);
  }, [typed]);

  const holdLines = useHoldLedgerLines({
    year: model.year ?? 0,
    costCentre,
    subjective: node.code ?? '',
    month: model.month,
  });
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const lines = useLedgerLinesPage(
    {
      year: model.year ?? 0,
      costCentre,
      subjective: node.code ?? '',
      month: model.month,
      search,
      period,
      sort,
      offset,
      limit: FIRST_LINES_VIEW.limit,
    },
    setProgress,
  );
  const byPeriod = useMemo(() => lineActualsByPeriod(model, node), [model, node]);
  const periods = closedPeriods(model.month).filter((p) => p <= MONTHLY_PERIODS || (byPeriod?.[p] ?? null) !== null);
  const busy = lines.isFetching;

  const sortBy = (key: LedgerSortKey) => {
    setSort((s) => ({ key, descending: s.key === key ? !s.descending : key === 'amount' }));
    setOffset(0);
  };
  // An order by text needs every line of the pair, as a search does: read as the pointer or the focus comes to its
  // button, before the click (the other orders come from the line index).
  const header = (key: LedgerSortKey, label: string) => (
    <button
      type="button"
      className="sort-button"
      onClick={() => sortBy(key)}
      {...(sortsByText(key) ? { onPointerEnter: holdLines, onFocus: holdLines } : {})}
    >
      {label}
      <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
    </button>
  );
  const columns: Column<LedgerLineRow>[] = [
    { key: 'row', header: header('row', 'File, row'), cell: (l) => `${l.dataset}, row ${l.row}` },
    { key: 'period', header: header('period', 'Period'), cell: (l) => `P${l.period}` },
    {
      key: 'date',
      header: header('date', 'Posting date'),
      cell: (l) => (l.date ? ukDate(l.date) : <span className="missing">none</span>),
    },
    { key: 'description', header: header('description', 'Description'), cell: (l) => l.description },
    {
      key: 'supplier',
      header: header('supplier', 'Supplier'),
      cell: (l) => l.supplier || <span className="missing">none (journal)</span>,
    },
    { key: 'reference', header: header('reference', 'Reference'), cell: (l) => l.reference },
    { key: 'amount', header: header('amount', 'Amount £'), numeric: true, cell: (l) => money(l.pence) },
  ];

  return (
    <>
      <PeriodStrip node={node} model={model} />
      <form className="ledger-filters" role="search" aria-label="Ledger lines" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={ids.search}>Search description, supplier and reference</label>
        <input
          id={ids.search}
          type="search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          // A search reads every line of the pair: read from the moment the box is entered, not after typing rests.
          onFocus={holdLines}
        />
        <label htmlFor={ids.period}>Period</label>
        <select
          id={ids.period}
          value={period ?? ''}
          onChange={(e) => {
            setPeriod(e.target.value === '' ? null : Number(e.target.value));
            setOffset(0);
          }}
        >
          <option value="">All closed periods</option>
          {periods.map((p) => (
            <option key={p} value={p}>
              P{p}
            </option>
          ))}
        </select>
      </form>
      <QueryState query={lines}>
        {(found) => {
          const all = fromPence(pence(found.totalPence));
          const { difference, agrees } = checkLinesAgainstActual([all], node.actual);
          const filtered = search.trim() !== '' || period !== null;
          return (
            <div aria-busy={busy}>
              <p role="status" className="facts-line">
                {filtered
                  ? `${plural(found.matched)} of ${formatCount(found.count)} match${found.matched === 1 ? 'es' : ''}${search.trim() ? ` “${search.trim()}”` : ''}${period !== null ? ` in P${period}` : ''}, adding to ${money(found.matchedPence)}.`
                  : `${plural(found.count)}, adding to ${money(found.totalPence)}.`}
                {busy
                  ? ` Reading…${progress && progress.done < progress.total ? ` ${formatCount(progress.done)} of ${formatCount(progress.total)} parts of the ledger read.` : ''}`
                  : ''}
              </p>
              <DataTable
                caption={`Ledger lines behind the actual to date: ${costCentre} / ${node.label}, ${plural(found.count)} in P1–P${model.month}`}
                columns={columns}
                rows={found.lines}
                rowKey={(l) => `${l.dataset}:${l.row}`}
                sortOf={(key) =>
                  key === sort.key
                    ? sort.descending
                      ? 'descending'
                      : 'ascending'
                    : key in SORTABLE
                      ? 'none'
                      : undefined
                }
                footer={
                  <p className="check-notes">
                    {agrees ? <CheckBadge status="pass" /> : <CheckBadge status="fail" />} The {plural(found.count)} add
                    to {money(found.totalPence)}
                    {node.actual === null || difference === null
                      ? '; there is no actual to date to compare them with.'
                      : agrees
                        ? ', the actual to date shown above.'
                        : `; the actual to date shown above is ${formatPounds(node.actual, { zero: '£0.00' })} (${model.actualSource === 'return' ? 'from the monthly return, not the ledger' : 'from the ledger'}): difference ${formatPounds(difference, { zero: '£0.00' })}.`}
                  </p>
                }
              />
              <Pager
                noun="lines"
                offset={found.offset}
                limit={FIRST_LINES_VIEW.limit}
                total={found.matched}
                onOffset={setOffset}
                busy={busy}
              />
            </div>
          );
        }}
      </QueryState>
    </>
  );
}

const SORTABLE: Record<LedgerSortKey, true> = {
  row: true,
  period: true,
  date: true,
  description: true,
  supplier: true,
  reference: true,
  amount: true,
};
