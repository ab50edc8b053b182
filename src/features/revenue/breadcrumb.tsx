import { Link, type To } from 'react-router';
import type { MonitoringNode } from '../../domain/revenue/revenue-model';

/** The way back up: every level above the open row, each a link; the open row is the current page. */
export function Breadcrumb({ path, to }: { path: readonly MonitoringNode[]; to: (open: string | null) => To }) {
  const levels = path.filter((n) => n.level !== 'total');
  const here = levels[levels.length - 1];
  return (
    <nav className="breadcrumb" aria-label="Where you are in the revenue budget">
      <ol>
        <li>
          {here ? (
            <Link to={to(null)} data-up="summary">
              Board summary
            </Link>
          ) : (
            <span aria-current="page">Board summary</span>
          )}
        </li>
        {levels.map((n) => (
          <li key={n.id}>
            {n === here ? (
              <span aria-current="page">{n.label}</span>
            ) : (
              <Link to={to(n.id)} data-up={n.id}>
                {n.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
