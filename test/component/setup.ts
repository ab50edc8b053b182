import 'fake-indexeddb/auto';
// Set-up for the component tests (vitest project 'component', happy-dom): msw answers the app's
// requests for /data/*.csv, any other request fails the test, and every test starts from a clean
// DOM and the default handlers. Vitest globals are off, so Testing Library's automatic cleanup
// does not run: it is called here.
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './msw-server.ts';

// Pages here import the sample through the whole pipeline at first start: on a loaded 2-core machine the
// first screen can take more than Testing Library's default second to appear, and an import under four other
// processes' load more than 5 s (seen: an import page test failing at 5 s with the machine's load at 13; a Revenue
// table not there after 10 s with two files side by side at load 12). One bound for every file and query (no file
// sets a shorter one), for a hang, not a wait: findBy returns as soon as the page says what it waits for.
configure({ asyncUtilTimeout: 60_000 });

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
