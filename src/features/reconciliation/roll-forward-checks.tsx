import { useId } from 'react';
import { Link } from 'react-router';
import type { CheckStatus } from '../../domain/checks/casting';
import { countStatuses } from '../../domain/checks/reconciliation';
import type { Figure } from '../../domain/checks/tie-outs';
import { formatThousands, type Money } from '../../domain/core/money';
import { formatFinancialYear, type FinancialYear } from '../../domain/core/period';
import type { RollForward, RollForwardResult } from '../../domain/years/roll-forward';
import { DataTable } from '../../components/data-table';
import { LinkList } from '../../components/link-list';
import { checkAnchorId, rowAnchorId } from '../../components/row-links';
import { TieOutBadge } from '../../components/status-badge';
import { plural } from './plural';

// What needs attention first: failures, then rounding differences, then checks that cannot be made, then passes.
const ORDER: Readonly<Record<CheckStatus, number>> = { fail: 0, rounding: 1, incomplete: 2, pass: 3 };

const PAGE_NAMES = { reserves: 'Reserves', capital: 'Capital' } as const;

/** The year as the year selector carries it in the URL: 2018/19 -> "2018-19". */
const yearParam = (year: FinancialYear): string => formatFinancialYear(year).replace('/', '-');

/** The page for the year, at the figure's row when it has one: /reserves?year=2018-19#row-t5-capital-reserve. */
function pageHref(page: RollForwardResult['page'], year: FinancialYear, figure: Figure | undefined): string {
  const anchor = figure?.table && figure.row ? `#${rowAnchorId(figure.table, figure.row)}` : '';
  return `/${page}?year=${yearParam(year)}${anchor}`;
}

/** £'000 as the papers print it, negatives in brackets; "n/s" for a figure not shown. */
const thousands = (value: Money | null): string => (value === null ? 'n/s' : formatThousands(value, { zero: '0' }));

/**
 * The roll-forward checks between two years (ARCHITECTURE.md, "The checks"): one table, failures first, each
 * row with the check, its status in words and symbol, year N's figure, year N+1's, the difference, and links to
 * the Reserves or Capital page of each year. Presentational: the results come in as props.
 */
export function RollForwardChecks({
  rollForward,
  target = null,
}: {
  rollForward: RollForward;
  /** The anchor the page was opened at (check-<id>), marked when it is one of these rows. */
  target?: string | null;
}) {
  const headingId = useId();
  const { from, to, results, unavailable } = rollForward;
  const n = formatFinancialYear(from);
  const n1 = formatFinancialYear(to);
  const counts = countStatuses(results);
  const sorted = results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDER[a.r.status] - ORDER[b.r.status] || a.i - b.i)
    .map(({ r }) => r);
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>
        {n} to {n1}
      </h4>
      <p>
        What {n} closes with, {n1} must open with: each reserve&rsquo;s opening balance, the capital budget brought
        forward, and the Carry Forward Revenue Reserve&rsquo;s usage. A difference of nil passes; one within half a
        printed unit per figure (£1,000 for two figures printed in £&rsquo;000) is a rounding difference; more is a
        failure.
      </p>
      {unavailable.map((u) => (
        <p key={u} className="group-gap">
          {u}.
        </p>
      ))}
      {results.length === 0 ? (
        <p>
          No roll-forward check can be made between {n} and {n1}.
        </p>
      ) : (
        <>
          <p>
            {plural(results.length, 'check')}: {counts.pass} tie out, {plural(counts.rounding, 'rounding difference')},{' '}
            {counts.fail} do not tie out, {counts.incomplete} cannot be made.
          </p>
          <DataTable
            caption={`Roll-forward from ${n} to ${n1}: failures first`}
            columns={[
              {
                key: 'check',
                header: 'Check',
                cell: (r: RollForwardResult) => (
                  <>
                    {r.description}
                    {r.note && <span className="check-note"> {r.note}</span>}
                    {r.status === 'incomplete' && <span className="check-note"> Missing: {r.missing.join('; ')}.</span>}
                  </>
                ),
              },
              { key: 'status', header: 'Status', cell: (r) => <TieOutBadge status={r.status} /> },
              {
                key: 'from',
                header: n,
                numeric: true,
                cell: (r) => (r.finding === 'new' ? `not in ${n}` : thousands(r.computed)),
              },
              {
                key: 'to',
                header: n1,
                numeric: true,
                cell: (r) => (r.finding === 'not-carried' ? `not in ${n1}` : thousands(r.printed)),
              },
              {
                key: 'difference',
                header: 'Difference',
                numeric: true,
                cell: (r) => (r.difference === null ? '—' : thousands(r.difference)),
              },
              {
                key: 'links',
                header: 'See',
                cell: (r) => (
                  <LinkList
                    items={[
                      { key: 'from', year: from, figure: r.againstFigures[0] },
                      { key: 'to', year: to, figure: r.printedFigures[0] },
                    ].map(({ key, year, figure }) => ({
                      key,
                      node: (
                        <Link to={pageHref(r.page, year, figure)}>
                          {PAGE_NAMES[r.page]} {formatFinancialYear(year)}
                        </Link>
                      ),
                    }))}
                  />
                ),
              },
            ]}
            rows={sorted}
            rowKey={(r) => r.id}
            rowId={(r) => checkAnchorId(r.id)}
            rowClass={(r) => (target === checkAnchorId(r.id) ? 'row-target' : undefined)}
          />
        </>
      )}
    </section>
  );
}
