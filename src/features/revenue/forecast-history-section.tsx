import { useId, useMemo, useState, memo } from 'react';
import { forecastBridge, forecastHistory, inThousands } from '../../domain/revenue/forecast-history';
import { ZERO, formatWholeThousands } from '../../domain/core/money';
import { summariseBridge, summariseHistory } from '../../domain/revenue/monitoring-summary';
import type { RevenueMonitor } from '../../domain/revenue/revenue-model';
import { DataTable } from '../../components/data-table';
import { ForecastHistoryChart } from './forecast-history-chart';
import { toForecastHistorySeries } from './to-chart-forecast-history';
import { toBridgeWaterfall } from './to-chart-waterfall';
import { WaterfallChart } from './waterfall-chart';

/**
 * Forecast history: each month's forecast outturn is kept, so the board sees how the year-end forecast
 * moved, area by area, and a bridge explains the movement between any two months.
 */
function ForecastHistorySectionView({ models, suffix }: { models: readonly RevenueMonitor[]; suffix: string }) {
  const exact = useMemo(() => forecastHistory(models), [models]);
  const shown = useMemo(() => forecastHistory(models, inThousands), [models]);
  const months = exact.months;
  const [from, setFrom] = useState(months[0] ?? 0);
  const [to, setTo] = useState(months[months.length - 1] ?? 0);
  const id = useId();
  const bridgeShown = forecastBridge(shown, from, to);
  const bridgeExact = forecastBridge(exact, from, to);
  const overall = forecastBridge(shown, months[0] ?? 0, months[months.length - 1] ?? 0);
  const movement = new Map(overall?.steps.map((s) => [s.key, s.change]) ?? []);
  if (months.length === 0) return <p>No monthly returns are loaded, so there is no forecast history.</p>;
  return (
    <>
      <ForecastHistoryChart
        title={`Year-end forecast by month${suffix}`}
        summary={summariseHistory(exact)}
        points={toForecastHistorySeries(shown)}
        exact={exact}
        shown={shown}
      />
      <DataTable
        caption={`Forecast outturn by area and month (£'000)${suffix}`}
        columns={[
          { key: 'area', header: 'Area', cell: (a: (typeof shown.areas)[number]) => a.label },
          ...months.map((m, i) => ({
            key: `p${m}`,
            header: `P${m}`,
            numeric: true,
            cell: (a: (typeof shown.areas)[number]) =>
              a.forecast[i] ? formatWholeThousands(a.forecast[i]) : 'no forecast',
          })),
          {
            key: 'movement',
            header: `Movement P${months[0]!} to P${months[months.length - 1]!}`,
            numeric: true,
            cell: (a) => formatWholeThousands(movement.get(a.key) ?? ZERO),
          },
        ]}
        rows={shown.areas}
        rowKey={(a) => a.key}
      />
      <h4 id={`${id}-bridge`}>What moved the forecast between two months</h4>
      <div className="controls" role="group" aria-labelledby={`${id}-bridge`}>
        <label>
          From
          <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {months.map((m) => (
              <option key={m} value={m}>
                P{m}
              </option>
            ))}
          </select>
        </label>
        <label>
          To
          <select value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {months.map((m) => (
              <option key={m} value={m}>
                P{m}
              </option>
            ))}
          </select>
        </label>
      </div>
      {bridgeShown && bridgeExact ? (
        <>
          <WaterfallChart
            title={`Bridge from the P${from} forecast to the P${to} forecast, by area${suffix}`}
            summary={summariseBridge(bridgeExact)}
            chart={toBridgeWaterfall(bridgeShown)}
            stepHeader="Forecast or area"
          />
          {bridgeShown.unbridged.length > 0 && (
            <p className="facts-line">
              Not bridged (no forecast in one of the two months): {bridgeShown.unbridged.join('; ')}.
            </p>
          )}
        </>
      ) : (
        <p>One of the two months has no forecast.</p>
      )}
    </>
  );
}

/** Drawn again only when its own inputs change: not when the page around it re-renders (the years list read again
 * at the end of a first start, a query of another section settling), which redrew every section at once (issue 16). */
export const ForecastHistorySection = memo(ForecastHistorySectionView);
