import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { RevenuePage } from '../features/revenue/revenue-page';
import { CapitalPage } from '../features/capital/capital-page';
import { ReservesPage } from '../features/reserves/reserves-page';
import { ReconciliationPage } from '../features/reconciliation/reconciliation-page';
import { ProjectionsPage } from '../features/projections/projections-page';
import { ImportPage } from '../features/import/import-page';
import { BoardPackPage } from '../features/board-pack/board-pack-page';
import { WorkspacePage } from '../features/workspace/workspace-page';
import { ErrorBoundary } from './error-boundary';
import { Shell } from './shell';

/** Each page behind its own error boundary: one page failing leaves the navigation and every other page working. */
function Page({ name, children }: { name: string; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary
      label={`The ${name} page`}
      resetKey={pathname}
      advice={<p>The other pages still work: choose one from the navigation above. Your stored data is unchanged.</p>}
    >
      {children}
    </ErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Navigate to="/revenue" replace />} />
        <Route path="/revenue" element={<Page name="Revenue"><RevenuePage /></Page>} />
        <Route path="/capital" element={<Page name="Capital"><CapitalPage /></Page>} />
        <Route path="/reserves" element={<Page name="Reserves"><ReservesPage /></Page>} />
        <Route path="/reconciliation" element={<Page name="Reconciliation"><ReconciliationPage /></Page>} />
        <Route path="/projections" element={<Page name="Projections"><ProjectionsPage /></Page>} />
        <Route path="/board-pack" element={<Page name="Board pack"><BoardPackPage /></Page>} />
        <Route path="/import" element={<Page name="Import"><ImportPage /></Page>} />
        <Route path="/workspace" element={<Page name="Workspace"><WorkspacePage /></Page>} />
        <Route path="*" element={<p>There is no page here. Choose one from the navigation above.</p>} />
      </Routes>
    </Shell>
  );
}
