import { QueryState } from '../../components/query-state';
import { ForecastHistorySection } from './forecast-history-section';
import { LedgerReconciliationSection } from './ledger-reconciliation-section';
import { MonitoringSection } from './monitoring-section';
import { PaperTables } from './paper-tables';
import { useMonitoring } from './use-monitoring';

/**
 * Revenue: where the year will end and why. The monthly monitoring (budget, actual to date, forecast
 * outturn, from the board's summary down to the ledger line), how the forecast moved, whether the
 * returns agree with the ledger, and the paper's own year-end tables.
 */
export function RevenuePage() {
  const { query, models } = useMonitoring();
  const tag = query.data?.illustrative ? <span className="illustrative-tag">Illustrative</span> : null;
  const suffix = query.data?.illustrative ? ' (illustrative)' : '';
  return (
    <>
      <h2>Revenue</h2>
      <p className="lede">
        Budget, actual to date and forecast outturn by month, from the board&rsquo;s summary down to the ledger lines,
        in £&rsquo;000 with negatives in brackets (pounds and pence below a cost centre). A variance is forecast outturn
        minus budget; income is a credit, so more income is a favourable (negative) variance.
      </p>
      <nav className="page-contents" aria-label="On this page">
        <ol>
          <li>
            <a href="#monitoring">Monitoring by month</a>
          </li>
          <li>
            <a href="#forecast-history">Forecast history</a>
          </li>
          <li>
            <a href="#ledger-reconciliation">Ledger to return</a>
          </li>
          <li>
            <a href="#paper-tables">The paper&rsquo;s year-end tables</a>
          </li>
        </ol>
      </nav>
      <section aria-labelledby="monitoring">
        <h3 id="monitoring">Monitoring 2017/18: budget, actual to date and forecast outturn{tag}</h3>
        <QueryState query={query}>{(data) => <MonitoringSection data={data} models={models} />}</QueryState>
      </section>
      <section aria-labelledby="forecast-history">
        <h3 id="forecast-history">Forecast history{tag}</h3>
        <QueryState query={query}>{() => <ForecastHistorySection models={models} suffix={suffix} />}</QueryState>
      </section>
      <section aria-labelledby="ledger-reconciliation">
        <h3 id="ledger-reconciliation">Ledger to monitoring return{tag}</h3>
        <p className="lede">
          Each month&rsquo;s return states an actual to date for every cost centre; the ledger&rsquo;s lines for the
          closed periods are summed and set against it, to the penny.
        </p>
        <QueryState query={query}>{(data) => <LedgerReconciliationSection data={data} suffix={suffix} />}</QueryState>
      </section>
      <section aria-labelledby="paper-tables">
        <h3 id="paper-tables">The paper&rsquo;s year-end tables (19 July 2018)</h3>
        <PaperTables />
      </section>
    </>
  );
}
