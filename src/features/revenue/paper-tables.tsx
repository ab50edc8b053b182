import { memo } from 'react';
import { useRevenueYearTables, type RevenueTableKey } from '../../api/outturn-tables';
import { yearLabel } from '../../api/year-choice';
import { SUMMARY_NAMES } from '../../api/year-tables';
import { roleLabel } from '../../api/year-datasets';
import { summariseOutturn } from '../../domain/revenue/outturn-summary';
import { MissingData } from '../../components/missing-data';
import { QueryState } from '../../components/query-state';
import { BudgetOutturnChart } from './budget-outturn-chart';
import { OutturnTableView } from './outturn-table-view';

const CHART_TITLES: Readonly<Record<RevenueTableKey, string>> = {
  'table-1-revenue-outturn.csv': 'Budget against outturn by area',
  'constabulary-summary.csv': 'Constabulary budget against outturn by area',
  'table-3-opcc-corporate-costs.csv': 'OPCC and corporate costs: budget against outturn',
};

/** The chosen year's year-end tables as loaded (real figures), with worked variances and casting notes. */
function PaperTablesView({ year }: { year: number }) {
  const query = useRevenueYearTables(year);
  return (
    <QueryState query={query}>
      {(found) =>
        found.tables.length === 0 ? (
          <MissingData
            yearLabel={yearLabel(year)}
            missing={[roleLabel('outturn-summary')]}
            what="the year-end outturn tables"
          />
        ) : (
          <>
            <p className="lede">
              Budget against outturn for {yearLabel(year)}
              {year === 2017 ? ' as the paper of 19 July 2018 prints it' : ' as the loaded outturn summaries give it'},
              in £&rsquo;000; negatives in brackets. Variances are worked out from the printed budget and outturn
              (outturn minus budget); where the table&rsquo;s own figures do not cast, a † marks the cell and a note
              under the table gives both figures and the difference.
              {found.illustrative && ' Some of these tables are marked illustrative (generated, not a real export).'}
            </p>
            {found.tables.map(({ key, table, dataset }) => (
              <section key={key}>
                <h4 id={`paper-${table.id}`}>
                  {table.title}
                  {dataset.illustrative && <span className="illustrative-tag">Illustrative</span>}
                </h4>
                <OutturnTableView table={table} caption={table.title} />
                <BudgetOutturnChart
                  title={`${CHART_TITLES[key]}, ${yearLabel(year)}`}
                  summary={summariseOutturn(table.lines)}
                  lines={table.lines}
                />
              </section>
            ))}
            {found.missing.length > 0 && (
              <p className="facts-line">
                Not loaded for {yearLabel(year)}: {found.missing.map((k) => SUMMARY_NAMES[k]!).join('; ')}.
              </p>
            )}
          </>
        )
      }
    </QueryState>
  );
}

/** Drawn again only when its own inputs change: not when the page around it re-renders (the years list read again
 * at the end of a first start, a query of another section settling), which redrew every section at once (issue 16). */
export const PaperTables = memo(PaperTablesView);
