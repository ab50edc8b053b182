import { useRef, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useIllustrativeYears } from '../api/datasets';
import { useOrganisation } from '../api/organisation';
import { monthLabel, useYearChoice, yearLabel, type YearChoice } from '../api/year-choice';
import { PresentationToggle, usePresentation, usePresentationMask } from '../components/presentation';
import { StoredDataNotices } from '../features/import/stored-data-notices';
import { PAGES } from './pages';
import { YearPicker } from './year-picker';

/** The frame of every page: the organisation and year shown, the year and month chosen, navigation, the page. */
export function Shell({ children }: { children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  const { on: presenting } = usePresentation();
  usePresentationMask(main);
  const choice = useYearChoice();
  // Every link keeps the year and month chosen: moving between pages never changes what year is read.
  const search = choice.year !== null ? choice.search : '';
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div>
          <h1>Outturn</h1>
          <HeaderContext choice={choice} />
        </div>
        <YearPicker choice={choice} />
        <nav aria-label="Main">
          <ul>
            {PAGES.map((p) => (
              <li key={p.to}>
                <NavLink to={{ pathname: p.to, search }}>{p.label}</NavLink>
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
        <YearMissing choice={choice} />
        <StoredDataNotices />
        {children}
      </main>
    </>
  );
}

/** "Cambridgeshire ... · 2018/19, as at P6 (September 2018) · illustrative sample" */
function HeaderContext({ choice }: { choice: YearChoice }) {
  const organisation = useOrganisation().data;
  const illustrative = useIllustrativeYears().data;
  const { year, month, askedYearMissing } = choice;
  const kind = year !== null ? illustrative?.get(year) : undefined;
  return (
    <p className="app-context">
      {organisation ?? ''}
      {year !== null && (
        <>
          {organisation ? ' · ' : ''}
          <span className="app-year">
            {yearLabel(year)}, as at {monthLabel(year, month)}
          </span>
          {askedYearMissing && ' (no data loaded)'}
          {kind === 'all' && ' · illustrative sample: generated figures, not a real export'}
          {kind === 'some' && ' · includes illustrative sample figures (generated, not a real export)'}
        </>
      )}
    </p>
  );
}

/** The address asked for a year with no data: said in words, with the years that have data, and nothing else read. */
function YearMissing({ choice }: { choice: YearChoice }) {
  const { year, askedYearMissing, loaded } = choice;
  if (!askedYearMissing || year === null || !loaded) return null;
  return (
    <div className="year-missing" role="status">
      <p>
        <strong>Nothing is loaded for {yearLabel(year)}.</strong> No page shows another year&rsquo;s figures in its
        place: import that year&rsquo;s files on the Import page, or choose a year that has data.
      </p>
      {loaded.years.length > 0 && (
        <p>
          Years with data:{' '}
          {loaded.years.map((y, i) => (
            <span key={y}>
              {i > 0 ? ', ' : ''}
              <button type="button" className="link-button" onClick={() => choice.setYear(y)}>
                {yearLabel(y)}
              </button>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
