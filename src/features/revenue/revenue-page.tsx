import { useEffect, useState, type ReactNode } from 'react';
import { usePrefetchLedgerLines, useWarmLedgers } from '../../api/ledger-lines';
import { codesOfLineId } from '../../domain/revenue/revenue-model';
import { useMonitoringData, type MonitoringData } from '../../api/revenue-monitoring';
import { firstFiguresDrawn } from '../../api/sample-bootstrap';
import { yearLabel } from '../../api/year-choice';
import { roleLabel } from '../../api/year-datasets';
import { DrawnLater } from '../../components/drawn-later';
import { FirstFigures } from '../../components/first-figures';
import { MissingData } from '../../components/missing-data';
import { QueryState } from '../../components/query-state';
import { SectionDisclosure } from '../../components/section-disclosure';
import { ForecastHistorySection } from './forecast-history-section';
import { LedgerReconciliationSection } from './ledger-reconciliation-section';
import { MonitoringSection } from './monitoring-section';
import { PaperTables } from './paper-tables';
import { RevenueYearsSection } from './revenue-years-section';
import { useDrill } from './use-drill';
import { useMonitoring } from './use-monitoring';

/**
 * Every month's monitoring of the year, for the sections under the disclosures: asked for when they are drawn
 * (Later), after the first figures, which need the chosen month's model only (`useMonitoring`).
 */
function WholeYear({ year, children }: { year: number; children: (d: MonitoringData) => ReactNode }) {
  return (
    <QueryState query={useMonitoringData(year)}>
      {(d) => (
        <DrawnLater key={d.year} data={d}>
          {children}
        </DrawnLater>
      )}
    </QueryState>
  );
}

/**
 * Revenue: where the chosen year will end and why. It opens on the board summary: the year's position in one
 * sentence and the position by area with its status (from which each line opens down to the ledger line). What
 * a board member does not need at once sits under its own heading behind a disclosure: the month's charts, how
 * the forecast moved, whether the returns agree with the ledger, the year's own year-end tables, and the years
 * loaded side by side.
 * Only the chosen year's datasets are read; a year with nothing says which kinds of file are missing.
 */
export function RevenuePage() {
  const { query, choice } = useMonitoring();
  const { year, month } = choice;
  // Opened at a ledger line (a link to it, a reload there): its lines are what the reader asked for, so the year's
  // ledgers are read into the read worker at once, beside the monitoring model the list waits on, not after it.
  const { open } = useDrill(year);
  useWarmLedgers(year, month, open?.startsWith('line:') ?? false);
  // Its first page too, asked for beside the model rather than after it (the list asks the same, and finds it).
  const codes = open === null ? null : codesOfLineId(open);
  usePrefetchLedgerLines(year !== null && codes ? { year, month, ...codes } : null);
  const data = query.data;
  const tag = data?.illustrative ? <span className="illustrative-tag">Illustrative</span> : null;
  const suffix = data?.illustrative ? ' (illustrative)' : '';
  const label = year === null ? '' : yearLabel(year);
  const nothing = data !== undefined && data.missing.includes('budget') && data.missing.includes('monitoring-return');
  // The year and month whose monitoring is on screen: its deferred render committed, not only its data read.
  const [shownOf, setShownOf] = useState<string | null>(null);
  const shownKey = `${String(year)}/${month}`;
  // The first figures are drawn (or the page has said why there are none): what sits under the disclosures, and
  // the sample's other years at a first start, come after them. After the figures' own render, not the data's
  // arrival: that render is the page's heaviest, and a first start's next year, imported beside it, took the cores.
  const drawn =
    choice.error !== null ||
    query.isError ||
    (query.isSuccess && (nothing || shownOf === shownKey)) ||
    (choice.loaded !== undefined && year === null);
  useEffect(() => {
    if (drawn) firstFiguresDrawn();
  }, [drawn]);
  return (
    <FirstFigures drawn={drawn}>
      <h2>Revenue</h2>
      {year !== null && <p className="page-year">Financial year {label}</p>}
      <p className="lede">
        Where the year will end, by area, in £&rsquo;000 with negatives in brackets; each line opens down to the ledger.
      </p>
      {year === null ? (
        choice.error ? (
          <p role="alert" className="error">
            {choice.error.message}
          </p>
        ) : choice.loaded ? (
          <MissingData
            yearLabel="any year"
            missing={[roleLabel('budget'), roleLabel('monitoring-return')]}
            what="the revenue monitoring"
          />
        ) : (
          <p role="status">Loading…</p>
        )
      ) : (
        <>
          <section aria-labelledby="monitoring">
            <h3 id="monitoring">
              Monitoring {label}: budget, actual to date and forecast outturn{tag}
            </h3>
            <QueryState query={query}>
              {(d) =>
                nothing ? (
                  <MissingData yearLabel={label} missing={d.missing.map(roleLabel)} what="the revenue monitoring" />
                ) : (
                  <DrawnLater key={`${d.year}/${month}`} data={d} onShown={() => setShownOf(`${d.year}/${month}`)}>
                    {(shown) => <MonitoringSection data={shown} month={month} />}
                  </DrawnLater>
                )
              }
            </QueryState>
          </section>
          {!nothing && (
            <>
              <SectionDisclosure
                id="forecast-history"
                title={
                  <>
                    Forecast history {label}
                    {tag}
                  </>
                }
                summary="Show how the year-end forecast moved month by month, and the bridge between two months"
              >
                <WholeYear year={year}>{(d) => <ForecastHistorySection models={d.models} suffix={suffix} />}</WholeYear>
              </SectionDisclosure>
              <SectionDisclosure
                id="ledger-reconciliation"
                title={
                  <>
                    Ledger to monitoring return {label}
                    {tag}
                  </>
                }
                summary="Show each month’s return set against the ledger’s lines, cost centre by cost centre"
              >
                <p className="lede">
                  Each month&rsquo;s return states an actual to date for every cost centre; the ledger&rsquo;s lines of
                  the same year for the closed periods are summed and set against it, to the penny.
                </p>
                <WholeYear year={year}>{(d) => <LedgerReconciliationSection data={d} suffix={suffix} />}</WholeYear>
              </SectionDisclosure>
            </>
          )}
          <SectionDisclosure
            id="paper-tables"
            title={year === 2017 ? 'The paper’s year-end tables (19 July 2018)' : `Year-end outturn tables ${label}`}
            summary="Show the year-end tables as printed, each checked, with its chart"
          >
            <PaperTables year={year} />
          </SectionDisclosure>
          <SectionDisclosure
            id="years-loaded"
            title="Years loaded: budget and outturn by area"
            summary="Show every year loaded side by side"
          >
            <RevenueYearsSection />
          </SectionDisclosure>
        </>
      )}
    </FirstFigures>
  );
}
