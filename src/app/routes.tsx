import { Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from './error-boundary';
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

const revenue = lazyPage(() => import('../features/revenue/revenue-page').then((m) => m.RevenuePage));
const capital = lazyPage(() => import('../features/capital/capital-page').then((m) => m.CapitalPage));
const reserves = lazyPage(() => import('../features/reserves/reserves-page').then((m) => m.ReservesPage));
const reconciliation = lazyPage(() =>
  import('../features/reconciliation/reconciliation-page').then((m) => m.ReconciliationPage),
);
const projections = lazyPage(() => import('../features/projections/projections-page').then((m) => m.ProjectionsPage));
const boardPack = lazyPage(() => import('../features/board-pack/board-pack-page').then((m) => m.BoardPackPage));
const importing = lazyPage(() => import('../features/import/import-page').then((m) => m.ImportPage));
const workspace = lazyPage(() => import('../features/workspace/workspace-page').then((m) => m.WorkspacePage));

const PAGES: Record<string, ReturnType<typeof lazyPage>> = {
  '/': revenue,
  '/revenue': revenue,
  '/capital': capital,
  '/reserves': reserves,
  '/reconciliation': reconciliation,
  '/projections': projections,
  '/board-pack': boardPack,
  '/import': importing,
  '/workspace': workspace,
};

/**
 * Fetches the chunk of the page at `pathname` (none for an address with no page), so that its first drawing finds
 * it; resolves either way (a chunk that cannot be fetched is the page's error boundary's to say).
 */
export function preloadPageAt(pathname: string): Promise<void> {
  const page = Object.hasOwn(PAGES, pathname) ? PAGES[pathname] : undefined;
  return page
    ? page.preload().then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();
}

const RevenuePage = revenue.Page;
const CapitalPage = capital.Page;
const ReservesPage = reserves.Page;
const ReconciliationPage = reconciliation.Page;
const ProjectionsPage = projections.Page;
const BoardPackPage = boardPack.Page;
const ImportPage = importing.Page;
const WorkspacePage = workspace.Page;

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
        <Route
          path="/revenue"
          element={
            <Page name="Revenue">
              <RevenuePage />
            </Page>
          }
        />
        <Route
          path="/capital"
          element={
            <Page name="Capital">
              <CapitalPage />
            </Page>
          }
        />
        <Route
          path="/reserves"
          element={
            <Page name="Reserves">
              <ReservesPage />
            </Page>
          }
        />
        <Route
          path="/reconciliation"
          element={
            <Page name="Reconciliation">
              <ReconciliationPage />
            </Page>
          }
        />
        <Route
          path="/projections"
          element={
            <Page name="Projections">
              <ProjectionsPage />
            </Page>
          }
        />
        <Route
          path="/board-pack"
          element={
            <Page name="Board pack">
              <BoardPackPage />
            </Page>
          }
        />
        <Route
          path="/import"
          element={
            <Page name="Import">
              <ImportPage />
            </Page>
          }
        />
        <Route
          path="/workspace"
          element={
            <Page name="Workspace">
              <WorkspacePage />
            </Page>
          }
        />
        <Route path="*" element={<p>There is no page here. Choose one from the navigation above.</p>} />
      </Routes>
    </Shell>
  );
}
