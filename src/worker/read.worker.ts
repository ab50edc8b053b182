/// <reference lib="webworker" />
// The read worker: answers the page's questions of stored rows (a list of ledger lines, a page at a time) off the
// page's thread, so that reading a large ledger never freezes the page. One per page, kept while the page lives: it
// keeps what it last read (ledger-lines-query.ts), so paging, sorting and searching again read nothing more. A long
// read (every line of a pair, to search or sort them) says how far it has gone.
import { LedgerLinesReader } from './ledger-lines-query';
import type { ReadMessage, ReadRequest } from './read-client';
import { storedLedgers } from './stored-ledgers';

const reader = new LedgerLinesReader(storedLedgers);
const post = (message: ReadMessage): void => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  const request = event.data;
  if (request.type === 'warm') {
    void reader.warm(request.sources).catch(() => undefined); // a failure is met again, and said, by the read itself
    return;
  }
  reader
    .page(request.request, (progress) => post({ id: request.id, progress }))
    .then(
      (page) => post({ id: request.id, ok: true, page }),
      (error: unknown) =>
        post({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
};
