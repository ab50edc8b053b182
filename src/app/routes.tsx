import { Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from './error-boundary';
import { PAGES, pageAt } from './pages';
import { Shell } from './shell';

/*
 * Each page is its own chunk, fetched (from this origin) the first time it is opened: the first screen waits
 * only for the shell and its own page, not for the board pack, the workspace file or the projections. A chunk
 * that cannot be fetched (the app updated on the server while this tab was open) is caught by the page's
 * error boundary, which says so; the rest of the app keeps working.
 *
 * The page the app opens at is fetched before its first drawing (main.tsx, `preloadPageAt`) and drawn at once.
 * Through React.lazy alone it was not: lazy suspends at its first drawing even when the chunk is already here, and
 * React shows a boundary's content no sooner than 300 ms after it showed its fallback ("Opening the ... page"), so
 * every reload sat idle for 150-250 ms after the chunk had come (issue 16, point 3: seen in a trace as an idle main
 * thread until a timer, then the page's first query).
 */
function lazyPage(load: () => Promise<ComponentType>): { Page: ComponentType; preload: () => Promise<ComponentType> } {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const preload = (): Promise<ComponentType> => (loading ??= load().then((component) => (loaded = component)));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Page() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return { Page, preload };
}

/** Each page's component, by its address in the page list (pages.ts). */
const COMPONENTS: Record<string, ReturnType<typeof lazyPage>> = {
  '/revenue': lazyPage(() => import('../features/revenue/revenue-page').then((m) => m.RevenuePage)),
  '/capital': lazyPage(() => import('../features/capital/capital-page').then((m) => m.CapitalPage)),
  '/reserves': lazyPage(() => import('../features/reserves/reserves-page').then((m) => m.ReservesPage)),
  '/reconciliation': lazyPage(() =>
    import('../features/reconciliation/reconciliation-page').then((m) => m.ReconciliationPage),
  ),
  '/projections': lazyPage(() => import('../features/projections/projections-page').then((m) => m.ProjectionsPage)),
  '/board-pack': lazyPage(() => import('../features/board-pack/board-pack-page').then((m) => m.BoardPackPage)),
  '/import': lazyPage(() => import('../features/import/import-page').then((m) => m.ImportPage)),
  '/workspace': lazyPage(() => import('../features/workspace/workspace-page').then((m) => m.WorkspacePage)),
};

/**
 * Fetches the chunk of the page at `pathname` ("/" is Revenue's; none for an address with no page), so that its
 * first drawing finds it; resolves either way (a chunk that cannot be fetched is the page's error boundary's to say).
 */
export function preloadPageAt(pathname: string): Promise<void> {
  const to = pathname === '/' ? '/revenue' : pageAt(pathname)?.to;
  const page = to === undefined ? undefined : COMPONENTS[to];
  return page
    ? page.preload().then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();
}

/** Each page behind its own error boundary: one page failing leaves the navigation and every other page working. */
function Page({ name, children }: { name: string; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary
      label={`The ${name} page`}
      resetKey={pathname}
      advice={<p>The other pages still work: choose one from the navigation above. Your stored data is unchanged.</p>}
    >
      <Suspense fallback={<p role="status">Opening the {name} page…</p>}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** The first page is Revenue, in the year and month the address asks for (a bookmark of "/?year=2018-19" keeps it). */
function ToRevenue() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: '/revenue', search }} replace />;
}

export function AppRoutes() {
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<ToRevenue />} />
        {PAGES.map(({ to, label }) => {
          const Component = COMPONENTS[to]!.Page;
          return (
            <Route
              key={to}
              path={to}
              element={
                <Page name={label}>
                  <Component />
                </Page>
              }
            />
          );
        })}
        <Route path="*" element={<p>There is no page here. Choose one from the navigation above.</p>} />
      </Routes>
    </Shell>
  );
}
