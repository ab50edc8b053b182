import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { PresentationProvider } from '../components/presentation';
import { useCrossTabSync } from '../api/cross-tab';
import { ErrorBoundary } from './error-boundary';
import { AppRoutes } from './routes';

// Everything is computed locally from files, so nothing goes stale behind the user's back.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false } },
});

/** What another tab of Outturn changes in the shared database, this one shows. */
function CrossTabSync() {
  useCrossTabSync();
  return null;
}

export function App() {
  return (
    <ErrorBoundary label="Outturn" advice={<p>Reload the page to start again. Your stored data is unchanged.</p>}>
      <QueryClientProvider client={queryClient}>
        <CrossTabSync />
        <PresentationProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </PresentationProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
