import { useContext, useLayoutEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useIllustrativeYears } from '../api/datasets';
import { useOrganisation } from '../api/organisation';
import { holdRestOfSample } from '../api/sample-bootstrap';
import { monthLabel, PageShows, useYearChoice, yearLabel, type YearChoice } from '../api/year-choice';
import { roleLabel } from '../api/year-datasets';
import { PresentationToggle, usePresentation, usePresentationMask } from '../components/presentation';
import { StoredDataNotices } from '../features/import/stored-data-notices';
import { pageAt, PAGES } from './pages';
import { YearPicker } from './year-picker';

/**
 * The frame of every page: the organisation and year shown, the year and month chosen, navigation, the page.
 * What the page shown reads (`PageShows`) is given to the shell's choice of year and the page's alike.
 */
export function Shell({ children }: { children: ReactNode }) {
  const page = pageAt(useLocation().pathname);
  // Taken as the page is first committed, before the sample's first year can be in; let go when the page is left.
  const holds = page?.saysWhenDrawn === true;
  useLayoutEffect(() => (holds ? holdRestOfSample() : undefined), [holds]);
  return (
    <PageShows.Provider value={page?.shows ?? null}>
      <Frame page={page?.label}>{children}</Frame>
    </PageShows.Provider>
  );
}

function Frame({ page, children }: { page: string | undefined; children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  const { on: presenting } = usePresentation();
  usePresentationMask(main);
  const choice = useYearChoice();
  // Every link keeps the year and month the reader chose: moving between pages never changes what year is read.
  // Nothing chosen, each page opens on its own latest year with data.
  const search = choice.year !== null ? choice.navSearch : '';
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
        <div className="header-tools">
          <PresentationToggle />
        </div>
        <nav aria-label="Main">
          <ul>
            {PAGES.map((p) => (
              <li key={p.to}>
                <NavLink to={{ pathname: p.to, search }}>{p.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {presenting && (
        <p className="presentation-banner" role="status">
          Presentation mode: every amount is hidden on every page; percentages, statuses and the shapes of the charts
          stay. Downloads are off. Press &ldquo;Presentation mode&rdquo; again to show the figures.
        </p>
      )}
      <main id="main" tabIndex={-1} ref={main}>
        <YearMissing choice={choice} />
        <NothingForPage choice={choice} page={page} />
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
          Years with data: <YearButtons years={loaded.years} choice={choice} />
        </p>
      )}
    </div>
  );
}

/**
 * The year chosen has data, but none of what this page shows (a 2018/19 ledger alone, on Capital): said in
 * words with the years that have it, as buttons. The page below says which kinds of file the year lacks.
 */
function NothingForPage({ choice, page }: { choice: YearChoice; page: string | undefined }) {
  const shows = useContext(PageShows);
  const { year, askedYearMissing, loaded, pageYears } = choice;
  if (year === null || askedYearMissing || !loaded || shows === null || pageYears.includes(year)) return null;
  const kinds = shows.map(roleLabel).join(', ');
  return (
    <div className="year-missing" role="status">
      <p>
        <strong>
          {page ?? 'This page'} has nothing for {yearLabel(year)}
        </strong>
        : no file of that year holds what it shows ({kinds}). No other year&rsquo;s figures are shown in its place.
      </p>
      <p>
        {pageYears.length === 0 ? (
          <>No year loaded has it yet: import such a file on the Import page.</>
        ) : (
          <>
            Years that have it: <YearButtons years={pageYears} choice={choice} />
          </>
        )}
      </p>
    </div>
  );
}

/** Years as buttons that choose them ("2018/19, 2017/18"). */
function YearButtons({ years, choice }: { years: readonly number[]; choice: YearChoice }) {
  return years.map((y, i) => (
    <span key={y}>
      {i > 0 ? ', ' : ''}
      <button type="button" className="link-button" onClick={() => choice.setYear(y)}>
        {yearLabel(y)}
      </button>
    </span>
  ));
}
