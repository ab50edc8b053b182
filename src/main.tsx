import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { beginFirstStart } from './api/sample-bootstrap';
import { App } from './app/app';
import './app/styles.css';

// The first start (stored data brought forward; at a first visit, the sample fetched and imported) begins now,
// beside the loading of the first page's code, not when that page first asks for its data.
beginFirstStart();

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
