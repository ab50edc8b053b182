/// <reference lib="webworker" />
// The read worker: answers the page's questions of stored rows (a list of ledger lines, a page at a time) off the
// page's thread, so that reading a large ledger never freezes the page. One per page, kept while the page lives: it
// keeps what it last read (ledger-lines-query.ts), so paging, sorting and searching again read nothing more. A long
// read (every line of a pair, to search or sort them) says how far it has gone.
import { LedgerLinesReader } from './ledger-lines-query';
import type { ReadMessage, ReadRequest } from './read-client';
import { storedLedgers } from './stored-ledgers';
import { readLedgerSums } from '../storage/datasets';
import { openOutturnDb } from '../storage/db';

const reader = new LedgerLinesReader(storedLedgers);
// The connection opened at once (the page may start this worker before asking it anything: read-client.ts), not at
// the first question; a failure is met again, and said, by that question.
openOutturnDb().catch(() => undefined);
const post = (message: ReadMessage, transfer: Transferable[] = []): void =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);
const failed = (id: number, error: unknown): void =>
  post({ id, ok: false, message: error instanceof Error ? error.message : String(error) });

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  const request = event.data;
  if (request.type === 'warm') {
    void reader.warm(request.sources).catch(() => undefined); // a failure is met again, and said, by the read itself
    return;
  }
  if (request.type === 'hold') {
    void reader.hold(request.request).catch(() => undefined); // likewise, by the search it was read for
    return;
  }
  if (request.type === 'sums') {
    // Read and checked here; their arrays handed over, not copied (this worker keeps none of them).
    readLedgerSums(request.dataset).then(
      (sums) =>
        post({ id: request.id, ok: true, sums }, [
          ...new Set([sums.costCentre.buffer, sums.subjective.buffer, sums.period.buffer, sums.pence.buffer]),
        ]),
      (error: unknown) => failed(request.id, error),
    );
    return;
  }
  reader
    .page(request.request, (progress) => post({ id: request.id, progress }))
    .then(
      (page) => post({ id: request.id, ok: true, page }),
      (error: unknown) => failed(request.id, error),
    );
};
