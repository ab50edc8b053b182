import './app/begin-first-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles.css';

const root = document.getElementById('root');
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
