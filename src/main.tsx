import './app/begin-first-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadPageAt } from './app/routes';
import './app/styles.css';

const root = document.getElementById('root');
// The page the address opens, fetched before the first drawing (routes.tsx says why); for a second at most, so that
// a chunk slow to come leaves the shell drawn meanwhile, with its "Opening the ... page".
if (root) await Promise.race([preloadPageAt(location.pathname), new Promise((wait) => setTimeout(wait, 1000))]);
if (root) {
  createRoot(root, {
    // An error an error boundary caught is handled (the page says what failed); keep it for the console as a warning.
    onCaughtError: (error, info) => console.warn('Caught by an error boundary:', error, info.componentStack),
  }).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
