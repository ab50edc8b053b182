import { Navigate, Route, Routes } from 'react-router';
import { RevenuePage } from '../features/revenue/revenue-page';
import { CapitalPage } from '../features/capital/capital-page';
import { ReservesPage } from '../features/reserves/reserves-page';
import { ReconciliationPage } from '../features/reconciliation/reconciliation-page';
import { ProjectionsPage } from '../features/projections/projections-page';
import { ImportPage } from '../features/import/import-page';
import { BoardPackPage } from '../features/board-pack/board-pack-page';
import { WorkspacePage } from '../features/workspace/workspace-page';
import { Shell } from './shell';

export function AppRoutes() {
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Navigate to="/revenue" replace />} />
        <Route path="/revenue" element={<RevenuePage />} />
        <Route path="/capital" element={<CapitalPage />} />
        <Route path="/reserves" element={<ReservesPage />} />
        <Route path="/reconciliation" element={<ReconciliationPage />} />
        <Route path="/projections" element={<ProjectionsPage />} />
        <Route path="/board-pack" element={<BoardPackPage />} />
        <Route path="/import" element={<ImportPage />} />
        <Route path="/workspace" element={<WorkspacePage />} />
        <Route path="*" element={<p>There is no page here. Choose one from the navigation above.</p>} />
      </Routes>
    </Shell>
  );
}
