import {
  LedgerLinesReader,
  type LedgerLineSource,
  type LedgerLinesPage,
  type LedgerLinesRequest,
  type ReadProgress,
} from './ledger-lines-query';
import { storedLedgers } from './stored-ledgers';
import { readLedgerSums } from '../storage/datasets';
import type { LedgerSums } from '../storage/ledger-sums';

/*
 * The page's way to the read worker (read.worker.ts): one worker for the page's life, started at the first
 * question; each question answered by id (with its progress, for a long read). Where there is no Worker (the
 * tests), the same reader runs on the page.
 */

export type ReadRequest =
  | { type: 'lines'; id: number; request: LedgerLinesRequest }
  | { type: 'warm'; sources: readonly LedgerLineSource[] }
  | { type: 'hold'; request: LedgerLinesRequest }
  | { type: 'sums'; id: number; dataset: { id: string; name: string } };

export type ReadMessage =
  | { id: number; ok: true; page: LedgerLinesPage }
  | { id: number; ok: true; sums: LedgerSums }
  | { id: number; ok: false; message: string }
  | { id: number; progress: ReadProgress };

let worker: Worker | null = null;
let onPage: LedgerLinesReader | null = null;
let nextId = 1;
const waiting = new Map<
  number,
  {
    resolve: (answer: LedgerLinesPage | LedgerSums) => void;
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
    if (!m.ok) settle?.reject(new Error(m.message));
    else settle?.resolve('page' in m ? m.page : m.sums);
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

/**
 * Starts the read worker now rather than at the first question (sample-bootstrap.ts, at a start with data stored): a
 * worker's start (its thread, its script, its database connection) was 200-260 ms of a reload's path to the first
 * figures, which ask it for the ledgers' sums.
 */
export function startReadWorker(): void {
  readWorker();
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
    reply = new Promise<LedgerLinesPage>((resolve, reject) =>
      waiting.set(id, { resolve: (page) => resolve(page as LedgerLinesPage), reject, onProgress }),
    );
    w.postMessage({ type: 'lines', id, request } satisfies ReadRequest);
  }
  // For the benchmarks: how long each page took to come back (a performance measure, read by bench/).
  void reply.then(
    () => performance.measure('outturn:ledger-lines', { start }),
    () => undefined,
  );
  return reply;
}

/**
 * Reads every line of a list's pair into the read worker (a search or an order by text is about to be asked), so that
 * it finds them read (LedgerLinesReader.hold). Nothing is answered: a failure is met again, and said, by the search
 * or the sort itself.
 */
export function holdLedgerLines(request: LedgerLinesRequest): void {
  const w = readWorker();
  if (w) w.postMessage({ type: 'hold', request } satisfies ReadRequest);
  else void (onPage ??= new LedgerLinesReader(storedLedgers)).hold(request).catch(() => undefined);
}

/** Reads ledgers' line indexes and rows into the read worker ahead of a drill-down (nothing where there is no worker). */
export function warmLedgers(sources: readonly LedgerLineSource[]): void {
  if (sources.length > 0) readWorker()?.postMessage({ type: 'warm', sources } satisfies ReadRequest);
}

/**
 * A ledger's sums (storage/datasets.ts, readLedgerSums), read and checked by the read worker and handed over without
 * a copy (their arrays transferred). Read on the page, a million-row ledger's 4 MB of sums were a task of 55-90 ms
 * there (deserialising them, checking a quarter of a million sums, and the garbage collector's pause after), in the
 * way of the first figures (issue 16). Where there is no Worker (the tests), read on the page.
 */
export function readLedgerSumsAside(dataset: { id: string; name: string }): Promise<LedgerSums> {
  const w = readWorker();
  if (!w) return readLedgerSums(dataset);
  const id = nextId++;
  const reply = new Promise<LedgerSums>((resolve, reject) =>
    waiting.set(id, { resolve: (sums) => resolve(sums as LedgerSums), reject }),
  );
  w.postMessage({ type: 'sums', id, dataset: { id: dataset.id, name: dataset.name } } satisfies ReadRequest);
  return reply;
}
