import { useCapital } from '../../api/capital-programme';
import { useReconciliation } from '../../api/reconciliation';
import { useYearChoice, yearLabel } from '../../api/year-choice';
import { summariseCapitalSpend } from '../../domain/capital/capital-summary';
import { HowMade } from '../../components/how-made';
import { MissingData, NoYearYet } from '../../components/missing-data';
import { PageState } from '../../components/query-state';
import { TieOutTable } from '../../components/tie-out-table';
import { useHashTarget } from '../../components/use-hash-target';
import { CapitalCategoriesChart } from './capital-categories-chart';
import { CarryForwardRequestsTable, PredictedCarryForwards } from './carry-forwards';
import { CategoryTable } from './category-table';
import { FinancingTable } from './financing-table';
import { SchemeTable } from './scheme-table';

/**
 * The chosen year's capital programme: by category (Table 4's shape) with the share of the revised budget spent,
 * scheme by scheme (Appendix 3's) with its formulas checked, how it was financed, and the slippage carried
 * forward. Read by shape from the chosen year's datasets only; what the year lacks is named, with the way to
 * Import, and never filled from another year.
 */
export function CapitalPage() {
  const choice = useYearChoice();
  const { year } = choice;
  const capital = useCapital(year);
  const reconciliation = useReconciliation(year);
  const target = useHashTarget(capital.isSuccess);
  if (year === null) {
    return (
      <>
        <h2>Capital</h2>
        <NoYearYet loading={choice.loaded === undefined} />
      </>
    );
  }
  const label = yearLabel(year);
  const yearEnd = `31 March ${year + 1}`;
  // A group of the year's tie-outs, as a table under the part of the page it ties out.
  const tieOutTable = (caption: string, group: string) => (
    <TieOutTable
      caption={caption}
      results={(reconciliation.data?.tieOuts ?? []).filter((t) => t.group === group)}
      pending={reconciliation.isPending}
      search={choice.search}
    />
  );
  return (
    <>
      <h2>Capital</h2>
      <p className="page-year">Financial year {label}</p>
      <PageState
        query={capital}
        yearLabel={label}
        what="the capital programme"
        missing={(d) => (d.programme || d.financing || d.requests || d.hasSchemes ? [] : d.missing)}
      >
        {(data) => {
          // Scheme by scheme: with the programme by category where the year has it, else the scheme list alone.
          const schemes = data.hasSchemes ? (data.programme ?? data.schemesAlone) : null;
          return (
            <>
              <p className="lede">
                Spend against the revised {label} capital programme, in £&rsquo;000 with negatives in brackets
                {data.illustrative ? ' (illustrative figures, generated: not a real return)' : ''}.
              </p>
              <HowMade>
                <p className="facts-line">
                  Figures are as the files give them; where a formula or total does not hold, a † marks the cell and a
                  note under the table gives both figures. &ldquo;n/s&rdquo; marks a figure the source does not show: it
                  is never read as nil.
                  {data.sources.length > 0 && <> Read from: {data.sources.join(', ')}.</>}
                </p>
              </HowMade>
              {data.missing.length > 0 && (
                <MissingData
                  yearLabel={label}
                  missing={data.missing}
                  what={data.missing.length === 4 ? 'the Capital page' : 'the rest of the Capital page'}
                  partial={data.missing.length < 4}
                />
              )}
              {data.programme && (
                <section aria-labelledby="capital-categories">
                  <h3 id="capital-categories">Budget and outturn by category</h3>
                  <CategoryTable programme={data.programme} target={target} yearLabel={label} />
                  <CapitalCategoriesChart
                    title={`Revised budget against outturn by category, ${label}`}
                    summary={summariseCapitalSpend(data.programme)}
                    lines={data.programme.categories}
                  />
                </section>
              )}
              {schemes && (
                <section aria-labelledby="capital-schemes">
                  <h3 id="capital-schemes">Scheme by scheme</h3>
                  {schemes.detailMissing.length > 0 && (
                    <p className="detail-missing-note">
                      <strong>Scheme detail missing:</strong> {schemes.detailMissing.join(' and ')}. The source lacks
                      these Appendix 3 pages, so only their category totals are shown.
                    </p>
                  )}
                  <SchemeTable programme={schemes} target={target} yearEnd={yearEnd} />
                </section>
              )}
              {data.financing && (
                <section aria-labelledby="capital-financing">
                  <h3 id="capital-financing">Financing</h3>
                  <FinancingTable financing={data.financing} target={target} yearLabel={label} />
                  {tieOutTable('Capital spend against capital financing', 'capital-spend-financing')}
                </section>
              )}
              {(data.hasSchemes || data.requests) && (
                <section aria-labelledby="capital-slippage">
                  <h3 id="capital-slippage">Slippage and carry-forward</h3>
                  {schemes && <PredictedCarryForwards programme={schemes} />}
                  {data.requests && <CarryForwardRequestsTable requests={data.requests} target={target} />}
                  {tieOutTable('Carry-forwards against the Capital Carry Forward Reserve', 'capital-carry-forwards')}
                </section>
              )}
            </>
          );
        }}
      </PageState>
    </>
  );
}
