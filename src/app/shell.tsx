import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { StoredDataNotices } from '../features/import/stored-data-notices';

const PAGES = [
  { to: '/revenue', label: 'Revenue' },
  { to: '/capital', label: 'Capital' },
  { to: '/reserves', label: 'Reserves' },
  { to: '/reconciliation', label: 'Reconciliation' },
  { to: '/projections', label: 'Projections' },
  { to: '/import', label: 'Import' },
] as const;

/** The frame of every page: title, what is loaded, navigation, and the page itself. */
export function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div>
          <h1>Outturn</h1>
          <p className="app-context">
            Cambridgeshire Police and Crime Commissioner and Constabulary · 2017/18 provisional outturn · sample data
            from the Business Coordination Board paper of 19 July 2018
          </p>
        </div>
        <nav aria-label="Main">
          <ul>
            {PAGES.map((p) => (
              <li key={p.to}>
                <NavLink to={p.to}>{p.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <StoredDataNotices />
        {children}
      </main>
    </>
  );
}
