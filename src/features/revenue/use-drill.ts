import { useCallback } from 'react';
import { useLocation, useNavigate, useSearchParams, type To } from 'react-router';
import { yearParam } from '../../api/year-choice';

/*
 * Where the reader is in the revenue monitoring, kept in the address beside the shell's year and month
 * (?year=2018-19&month=6): the row opened (?open=area:organisational-support). So the browser's Back goes back
 * up, a drill-down can be bookmarked or sent, and a reload lands in the same place. The month is the shell's
 * (one month for every page); a link to another month keeps the year and the row opened.
 */
export function useDrill(year: number | null) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const open = params.get('open');

  const to = useCallback(
    (change: { month?: number; open?: string | null }): To => {
      const next = new URLSearchParams(params);
      if (year !== null) next.set('year', yearParam(year));
      // Another month keeps the row opened (as the shell's month selector does): the same line, as at that month.
      if (change.month !== undefined) next.set('month', String(change.month));
      if (change.open !== undefined) {
        if (change.open === null) next.delete('open');
        else next.set('open', change.open);
      }
      return { pathname: location.pathname, search: `?${next.toString()}`, hash: '' };
    },
    [params, location.pathname, year],
  );

  const go = useCallback(
    (change: { month?: number; open?: string | null }) => {
      // A data router's navigate returns a promise that settles when the move is done; a failing page shows its
      // error boundary rather than rejecting, so there is nothing to wait for here.
      void navigate(to(change), { preventScrollReset: true });
    },
    [navigate, to],
  );

  return { open, to, go };
}
