import { useMemo, memo } from 'react';
import type { ShownFigures } from '../../domain/revenue/monitoring-tables';
import {
  summariseForecast,
  summariseVarianceByArea,
  summariseWaterfall,
} from '../../domain/revenue/monitoring-summary';
import { tableOneAreas, type RevenueMonitor } from '../../domain/revenue/revenue-model';
import { BudgetForecastChart } from './budget-forecast-chart';
import { toBudgetForecastSeries } from './to-chart-budget-forecast';
import { toVarianceByAreaSeries } from './to-chart-variance-by-area';
import { toBudgetForecastWaterfall } from './to-chart-waterfall';
import { VarianceChart } from './variance-chart';
import { WaterfallChart } from './waterfall-chart';

/** The month's three charts, each with its figures and a sentence written from them. */
function MonitoringChartsView({
  model,
  shown,
  suffix,
}: {
  model: RevenueMonitor;
  shown: ReadonlyMap<string, ShownFigures>;
  suffix: string;
}) {
  const areas = useMemo(() => tableOneAreas(model), [model]);
  const waterfall = useMemo(() => toBudgetForecastWaterfall(model, shown), [model, shown]);
  return (
    <>
      <BudgetForecastChart
        title={`Budget against forecast outturn by area, P${model.month}${suffix}`}
        summary={summariseForecast(model)}
        points={toBudgetForecastSeries(areas, shown)}
      />
      <VarianceChart
        title={`Forecast variance by area, P${model.month}${suffix}`}
        summary={summariseVarianceByArea(model)}
        points={toVarianceByAreaSeries(areas, shown)}
      />
      {waterfall && (
        <WaterfallChart
          title={`From budget to forecast outturn, P${model.month}${suffix}`}
          summary={summariseWaterfall(model)}
          chart={waterfall}
          stepHeader="Budget, area or forecast"
        />
      )}
    </>
  );
}

/** Drawn again only when its own inputs change: not when the page around it re-renders (the years list read again
 * at the end of a first start, a query of another section settling), which redrew every section at once (issue 16). */
export const MonitoringCharts = memo(MonitoringChartsView);
