import {
  LedgerLinesReader,
  type LedgerLineSource,
  type LedgerLinesPage,
  type LedgerLinesRequest,
  type ReadProgress,
} from './ledger-lines-query';
import { storedLedgers } from './stored-ledgers';

/*
 * The page's way to the read worker (read.worker.ts): one worker for the page's life, started at the first
 * question; each question answered by id (with its progress, for a long read). Where there is no Worker (the
 * tests), the same reader runs on the page.
 */

export type ReadRequest =
  { type: 'lines'; id: number; request: LedgerLinesRequest } | { type: 'warm'; sources: readonly LedgerLineSource[] };

export type ReadMessage =
  | { id: number; ok: true; page: LedgerLinesPage }
  | { id: number; ok: false; message: string }
  | { id: number; progress: ReadProgress };

let worker: Worker | null = null;
let onPage: LedgerLinesReader | null = null;
let nextId = 1;
const waiting = new Map<
  number,
  {
    resolve: (page: LedgerLinesPage) => void;
    reject: (error: Error) => void;
    onProgress?: ((p: ReadProgress) => void) | undefined;
  }
>();

function readWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (worker) return worker;
  const w = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<ReadMessage>) => {
    const m = event.data;
    const settle = waiting.get(m.id);
    if ('progress' in m) {
      settle?.onProgress?.(m.progress);
      return;
    }
    waiting.delete(m.id);
    if (m.ok) settle?.resolve(m.page);
    else settle?.reject(new Error(m.message));
  };
  w.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    // The worker failed: every question waiting is answered with that, and the next question starts a new worker.
    const error = new Error(`Reading the stored rows stopped unexpectedly (${event.message || 'the worker failed'}).`);
    for (const settle of waiting.values()) settle.reject(error);
    waiting.clear();
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

/** One page of a ledger lines list, read off the page's thread; `onProgress` hears how far a long read has gone. */
export function readLedgerLines(
  request: LedgerLinesRequest,
  onProgress?: (p: ReadProgress) => void,
): Promise<LedgerLinesPage> {
  const w = readWorker();
  const start = performance.now();
  let reply: Promise<LedgerLinesPage>;
  if (!w) reply = (onPage ??= new LedgerLinesReader(storedLedgers)).page(request, onProgress);
  else {
    const id = nextId++;
    reply = new Promise<LedgerLinesPage>((resolve, reject) => waiting.set(id, { resolve, reject, onProgress }));
    w.postMessage({ type: 'lines', id, request } satisfies ReadRequest);
  }
  // For the benchmarks: how long each page took to come back (a performance measure, read by bench/).
  void reply.then(
    () => performance.measure('outturn:ledger-lines', { start }),
    () => undefined,
  );
  return reply;
}

/** Reads ledgers' line indexes and rows into the read worker ahead of a drill-down (nothing where there is no worker). */
export function warmLedgers(sources: readonly LedgerLineSource[]): void {
  if (sources.length > 0) readWorker()?.postMessage({ type: 'warm', sources } satisfies ReadRequest);
}
