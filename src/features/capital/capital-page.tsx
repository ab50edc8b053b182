import { useCapital } from '../../api/capital-programme';
import { useReconciliation } from '../../api/reconciliation';
import { summariseCapitalSpend } from '../../domain/capital/capital-summary';
import { TieOutTable } from '../../components/tie-out-table';
import { useHashTarget } from '../../components/use-hash-target';
import { CapitalCategoriesChart } from './capital-categories-chart';
import { CarryForwardRequestsTable, PredictedCarryForwards } from './carry-forwards';
import { CategoryTable } from './category-table';
import { FinancingTable } from './financing-table';
import { SchemeTable } from './scheme-table';

/**
 * The 2017/18 capital programme: by category (Table 4) with the share of the revised budget spent, scheme by
 * scheme (Appendix 3) with its formulas checked, how it was financed, and the slippage carried forward.
 */
export function CapitalPage() {
  const { data, pending, errors } = useCapital();
  const reconciliation = useReconciliation();
  const target = useHashTarget(data !== null);
  const tieOuts = (group: string) => reconciliation.tieOuts.filter((t) => t.group === group);
  return (
    <>
      <h2>Capital</h2>
      <p className="lede">
        The 2017/18 capital programme in £&rsquo;000, negatives in brackets. Figures are as the paper printed them;
        where a formula or total does not hold, a † marks the cell and a note under the table gives both figures.
        &ldquo;n/s&rdquo; marks a figure the source does not show: it is never read as nil.
      </p>
      {errors.map((e) => (
        <p key={e} role="alert" className="error">
          {e}
        </p>
      ))}
      {pending && <p role="status">Loading the capital tables…</p>}
      {data && (
        <>
          <section aria-labelledby="capital-categories">
            <h3 id="capital-categories">Budget and outturn by category</h3>
            <CategoryTable programme={data.programme} target={target} />
            <CapitalCategoriesChart
              title="Revised budget against outturn by category"
              summary={summariseCapitalSpend(data.programme)}
              lines={data.programme.categories}
            />
          </section>
          <section aria-labelledby="capital-schemes">
            <h3 id="capital-schemes">Scheme by scheme</h3>
            {data.programme.detailMissing.length > 0 && (
              <p className="detail-missing-note">
                <strong>Scheme detail missing:</strong> {data.programme.detailMissing.join(' and ')}. The source lacks
                these Appendix 3 pages, so only their category totals are shown.
              </p>
            )}
            <SchemeTable programme={data.programme} target={target} />
          </section>
          <section aria-labelledby="capital-financing">
            <h3 id="capital-financing">Financing</h3>
            <FinancingTable financing={data.financing} target={target} />
            <TieOutTable
              caption="Capital spend against capital financing"
              results={tieOuts('capital-spend-financing')}
              pending={reconciliation.pending}
            />
          </section>
          <section aria-labelledby="capital-slippage">
            <h3 id="capital-slippage">Slippage and carry-forward</h3>
            <PredictedCarryForwards programme={data.programme} />
            <CarryForwardRequestsTable requests={data.requests} target={target} />
            <TieOutTable
              caption="Carry-forwards against the Capital Carry Forward Reserve"
              results={tieOuts('capital-carry-forwards')}
              pending={reconciliation.pending}
            />
          </section>
        </>
      )}
    </>
  );
}
