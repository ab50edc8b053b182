import { useMonitoringMonth } from '../../api/revenue-monitoring';
import { useYearChoice } from '../../api/year-choice';

/**
 * The chosen year and month (the shell's, from the address) and that year's monitoring with the chosen month's
 * model: the page's first figures. The sections after them read every month's (`useMonitoringData`).
 */
export function useMonitoring() {
  const choice = useYearChoice();
  const query = useMonitoringMonth(choice.year, choice.month);
  return { query, choice };
}
