import { Suspense, lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from './error-boundary';
import { Shell } from './shell';

/*
 * Each page is its own chunk, fetched (from this origin) the first time it is opened: the first screen waits
 * only for the shell and its own page, not for the board pack, the workspace file or the projections. A chunk
 * that cannot be fetched (the app updated on the server while this tab was open) is caught by the page's
 * error boundary, which says so; the rest of the app keeps working.
 */
const RevenuePage = lazy(() => import('../features/revenue/revenue-page').then((m) => ({ default: m.RevenuePage })));
const CapitalPage = lazy(() => import('../features/capital/capital-page').then((m) => ({ default: m.CapitalPage })));
const ReservesPage = lazy(() =>
  import('../features/reserves/reserves-page').then((m) => ({ default: m.ReservesPage })),
);
const ReconciliationPage = lazy(() =>
  import('../features/reconciliation/reconciliation-page').then((m) => ({ default: m.ReconciliationPage })),
);
const ProjectionsPage = lazy(() =>
  import('../features/projections/projections-page').then((m) => ({ default: m.ProjectionsPage })),
);
const BoardPackPage = lazy(() =>
  import('../features/board-pack/board-pack-page').then((m) => ({ default: m.BoardPackPage })),
);
const ImportPage = lazy(() => import('../features/import/import-page').then((m) => ({ default: m.ImportPage })));
const WorkspacePage = lazy(() =>
  import('../features/workspace/workspace-page').then((m) => ({ default: m.WorkspacePage })),
);

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
