import 'fake-indexeddb/auto';
// Set-up for the component tests (vitest project 'component', jsdom): msw answers the app's
// requests for /data/*.csv, any other request fails the test, and every test starts from a clean
// DOM and the default handlers. Vitest globals are off, so Testing Library's automatic cleanup
// does not run: it is called here.
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './msw-server.ts';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
});

afterAll(() => {
  server.close();
});
