import { useMonitoringData } from '../../api/revenue-monitoring';
import { useYearChoice } from '../../api/year-choice';

/** The chosen year and month (the shell's, from the address) and that year's monitoring, a model per month. */
export function useMonitoring() {
  const choice = useYearChoice();
  const query = useMonitoringData(choice.year);
  return { query, choice };
}
