import { useOutturnTable } from '../../api/outturn-tables';
import { SAMPLE_FILES } from '../../api/sample-tables';
import { summariseOutturn } from '../../domain/revenue/outturn-summary';
import { QueryState } from '../../components/query-state';
import { BudgetOutturnChart } from './budget-outturn-chart';
import { OutturnTableView } from './outturn-table-view';

const TABLE_1 = 'Table 1: Revenue Outturn 2017/18';
const CONSTABULARY = 'Draft Outturn 2017/18: Constabulary summary';

/** The paper's year-end tables as printed (real figures), with worked variances and casting notes. */
export function PaperTables() {
  const table1 = useOutturnTable(SAMPLE_FILES.table1, TABLE_1);
  const constabulary = useOutturnTable(SAMPLE_FILES.constabulary, CONSTABULARY);
  return (
    <>
      <p className="lede">
        Budget against outturn for 2017/18 as the paper of 19 July 2018 prints it, in £&rsquo;000; negatives in
        brackets. Variances are worked out from the printed budget and outturn (outturn minus budget); where the
        paper&rsquo;s own figures do not cast, a † marks the cell and a note under the table gives both figures and the
        difference.
      </p>
      <section aria-labelledby="table-1">
        <h4 id="table-1">Revenue outturn</h4>
        <QueryState query={table1}>
          {(t) => (
            <>
              <OutturnTableView table={t} caption={TABLE_1} />
              <BudgetOutturnChart
                title="Budget against outturn by area"
                summary={summariseOutturn(t.lines)}
                lines={t.lines}
              />
            </>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="constabulary">
        <h4 id="constabulary">Constabulary</h4>
        <QueryState query={constabulary}>
          {(t) => (
            <>
              <OutturnTableView table={t} caption={CONSTABULARY} />
              <BudgetOutturnChart
                title="Constabulary budget against outturn by area"
                summary={summariseOutturn(t.lines)}
                lines={t.lines}
              />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
