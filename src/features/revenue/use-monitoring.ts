import { useMemo } from 'react';
import { useMonitoringData } from '../../api/revenue-monitoring';
import { buildRevenueModel, monitoringMonths, type RevenueMonitor } from '../../domain/revenue/revenue-model';
import { BOARD_2017_18 } from '../../domain/papers/board-2017-18';

/** The loaded monitoring data and one model per month that has a return (ascending). */
export function useMonitoring() {
  const query = useMonitoringData();
  const models = useMemo<RevenueMonitor[]>(() => {
    const inputs = query.data?.inputs;
    return inputs ? monitoringMonths(inputs.returns).map((m) => buildRevenueModel(inputs, m, BOARD_2017_18)) : [];
  }, [query.data]);
  return { query, models };
}
