import { useRef, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { PresentationToggle, usePresentation, usePresentationMask } from '../components/presentation';
import { StoredDataNotices } from '../features/import/stored-data-notices';
import { PAGES } from './pages';

/** The frame of every page: title, what is loaded, navigation, and the page itself. */
export function Shell({ children }: { children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  const { on: presenting } = usePresentation();
  usePresentationMask(main);
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
        <div className="header-tools">
          <PresentationToggle />
        </div>
      </header>
      {presenting && (
        <p className="presentation-banner" role="status">
          Presentation mode: every amount is hidden on every page; percentages, statuses and the shapes of the charts
          stay. Downloads are off. Press &ldquo;Presentation mode&rdquo; again to show the figures.
        </p>
      )}
      <main id="main" tabIndex={-1} ref={main}>
        <StoredDataNotices />
        {children}
      </main>
    </>
  );
}
