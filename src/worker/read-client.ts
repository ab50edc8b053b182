import { readChunks } from '../storage/datasets';
import { LedgerLinesReader, type LedgerLinesPage, type LedgerLinesRequest } from './ledger-lines-query';

/*
 * The page's way to the read worker (read.worker.ts): one worker for the page's life, started at the first
 * question; each question answered by id. Where there is no Worker (the tests), the same reader runs on the page.
 */

export type ReadRequest =
  { type: 'lines'; id: number; request: LedgerLinesRequest } | { type: 'warm'; datasetIds: readonly string[] };

export type ReadMessage = { id: number; ok: true; page: LedgerLinesPage } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let onPage: LedgerLinesReader | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (page: LedgerLinesPage) => void; reject: (error: Error) => void }>();

function readWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (worker) return worker;
  const w = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<ReadMessage>) => {
    const m = event.data;
    const settle = waiting.get(m.id);
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

/** One page of a ledger lines list, read off the page's thread. */
export function readLedgerLines(request: LedgerLinesRequest): Promise<LedgerLinesPage> {
  const w = readWorker();
  if (!w) return (onPage ??= new LedgerLinesReader((id) => readChunks(id))).page(request);
  const id = nextId++;
  const reply = new Promise<LedgerLinesPage>((resolve, reject) => waiting.set(id, { resolve, reject }));
  w.postMessage({ type: 'lines', id, request } satisfies ReadRequest);
  return reply;
}

/** Reads datasets' rows into the read worker ahead of a drill-down (nothing where there is no worker). */
export function warmLedgers(datasetIds: readonly string[]): void {
  if (datasetIds.length > 0) readWorker()?.postMessage({ type: 'warm', datasetIds } satisfies ReadRequest);
}
