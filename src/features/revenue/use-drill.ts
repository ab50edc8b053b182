import { useCallback } from 'react';
import { useLocation, useNavigate, useSearchParams, type To } from 'react-router';

/*
 * Where the reader is in the revenue monitoring, kept in the address: the month (?month=12) and the row
 * opened (?open=area:organisational-support). So the browser's Back goes back up, a drill-down can be
 * bookmarked or sent, and a reload lands in the same place.
 */
export function useDrill(months: readonly number[]) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const asked = Number(params.get('month'));
  const month = months.includes(asked) ? asked : (months[months.length - 1] ?? 0);
  const open = params.get('open');

  const to = useCallback(
    (change: { month?: number; open?: string | null }): To => {
      const next = new URLSearchParams(params);
      if (change.month !== undefined) next.set('month', String(change.month));
      else if (!next.has('month') && month) next.set('month', String(month));
      if (change.open !== undefined) {
        if (change.open === null) next.delete('open');
        else next.set('open', change.open);
      }
      return { pathname: location.pathname, search: `?${next.toString()}`, hash: '' };
    },
    [params, location.pathname, month],
  );

  const go = useCallback(
    (change: { month?: number; open?: string | null }) => {
      // A data router's navigate returns a promise that settles when the move is done; a failing page shows its
      // error boundary rather than rejecting, so there is nothing to wait for here.
      void navigate(to(change), { preventScrollReset: true });
    },
    [navigate, to],
  );

  return { month, open, to, go };
}
