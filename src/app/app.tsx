import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { PresentationProvider } from '../components/presentation';
import { AppRoutes } from './routes';

// Everything is computed locally from files, so nothing goes stale behind the user's back.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: false } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <PresentationProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </PresentationProvider>
    </QueryClientProvider>
  );
}
