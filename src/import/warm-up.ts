import { bytesSource } from './byte-sources';
import type { ImportPlan } from './import-plan';
import { LabelCollector } from './dataset-labels';
import { indexColumnsOf, LineIndexBuilder } from './line-index';
import { packChunk } from './packed-chunk';
import { planOf } from './preview';
import { glance, importRows, preview, type ByteSource } from './run-import';
import { findCut, readPart } from './split-import';
import type { StoredChunk } from './stored-chunk';

/*
 * A worker's code made ready before a file comes. V8 compiles a function for speed only once it has run a while,
 * and each worker compiles for itself: an import worker and a second half's reader each started cold and spent
 * their first seconds of a large import in slower code, with the compiler working beside them on the same two
 * cores. Made ready this way, the halves of a million rows read in 1.69-2.03 s (the second) and 2.31-2.77 s (the
 * first) against 2.18-2.76 s and 2.65-2.98 s cold (bench/README.md, fifteenth stop). So a worker started ahead of
 * an import (from when a person opens the file dialog: worker-client.ts keepImportWorkerReady) reads a small
 * ledger made here, in memory, through the very functions an import runs (planning, records from bytes, the
 * session, chunks, packing, the line index, labels), keeping nothing; a job that comes meanwhile stops it.
 */

/** Rows of the ledger read: enough for V8 to compile the import's loops and the functions each row calls. */
const WARM_UP_ROWS = 24_000;

const DESCRIPTIONS = ['Fuel card statement', 'Refund – overcharge', 'Overtime, March', 'Café supplies', 'Stationery'];
const SUPPLIERS = ['Fuel card provider', '"Smith, Jones & Partners"', 'Zürich Insurance plc', 'BT plc'];

/**
 * A ledger as forces export them (a date, a period, codes, text, a supplier, a reference, an amount written
 * several ways), `rows` long, the same every time. Its figures mean nothing: it is never kept.
 */
export function warmUpLedger(rows = WARM_UP_ROWS): Uint8Array {
  const lines = ['Posting date,Period,Cost centre,Subjective,Description,Supplier,Reference,Amount'];
  for (let i = 0; i < rows; i++) {
    const period = 1 + (i % 12);
    const month = ((period + 2) % 12) + 1;
    const day = 1 + ((i * 7) % 28);
    // Pounds and pence written from the digits of a whole number of pence (no division).
    const digits = String(((i * 7919) % 9_000_000) + 1).padStart(3, '0');
    const pounds = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
    const amount = i % 5 === 0 ? `"(${pounds.replace(/\B(?=(\d{3})+\.)/, ',')})"` : i % 7 === 0 ? `-${pounds}` : pounds;
    const description = DESCRIPTIONS[i % DESCRIPTIONS.length]!;
    lines.push(
      [
        `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${period <= 9 ? 2017 : 2018}`,
        String(period),
        String(10_000 + ((i * 31) % 240) * 100),
        String(3000 + ((i * 13) % 90)),
        description.includes(',') ? `"${description}"` : description,
        SUPPLIERS[i % SUPPLIERS.length]!,
        `INV-${String(i).padStart(7, '0')}`,
        amount,
      ].join(','),
    );
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** Pieces this small, each after the worker's other tasks: a job that comes finds the reading stopped at once. */
const PIECE_BYTES = 128 << 10;

/** A source whose pieces each come in a task of their own (in memory, they would all come in one). */
function yielding(source: ByteSource): ByteSource {
  return {
    name: source.name,
    size: source.size,
    range: (from, to) => yielding(source.range!(from, to)),
    async *chunks() {
      for await (const piece of source.chunks()) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        yield piece;
      }
    },
  };
}

/** What a chunk goes through in an import, but storage: the ledger's labels and line index, and packing. */
function chunkWork(labels: LabelCollector, index: LineIndexBuilder | null) {
  return (chunk: StoredChunk): void => {
    labels.add(chunk);
    index?.note(chunk);
    packChunk(chunk);
  };
}

/** The warm-up's ledger, its pieces each in a task of its own. */
const warmUpSource = (rows: number): ByteSource =>
  yielding(bytesSource('warm-up.csv', warmUpLedger(rows), PIECE_BYTES));

/**
 * The plan an import reads the warm-up's ledger with, as the page makes one (its encoding glanced, its preview's
 * guesses taken): made once, by the import worker, and handed to its part worker with its warm-up.
 */
export async function warmUpPlan(rows = WARM_UP_ROWS): Promise<ImportPlan> {
  const source = warmUpSource(rows);
  const verdict = await glance(source);
  if (!verdict?.ok) throw new Error('the warm-up ledger is not text');
  return planOf(await preview(source, verdict.value));
}

/**
 * An import worker's warm-up: the ledger read whole as an import reads a file (no second half), its line index
 * made. Gives the kind it was read as and the rows accepted (a ledger, all of them, when the import's code reads it
 * as it should); stops, throwing ImportCancelled, once `signal` is aborted.
 */
export async function warmUp(
  signal: AbortSignal,
  plan: ImportPlan,
  rows = WARM_UP_ROWS,
): Promise<{ kind: string; accepted: number }> {
  const index = plan.kind === 'ledger' ? new LineIndexBuilder(indexColumnsOf(plan)) : null;
  const work = chunkWork(new LabelCollector(plan), index);
  const result = await importRows(warmUpSource(rows), plan, work, undefined, signal);
  index?.finish();
  return { kind: plan.kind, accepted: result.rows.accepted };
}

/**
 * A second half's reader's warm-up: the ledger's second half read as readPart reads one (the bytes before its cut
 * counted, then its records), with the plan the import worker made (warmUpPlan). Gives the records the half read;
 * null where it was stopped by `signal`.
 */
export async function warmUpPart(signal: AbortSignal, plan: ImportPlan, rows = WARM_UP_ROWS): Promise<number | null> {
  const source = warmUpSource(rows);
  const cut = await findCut(source, 0.5);
  const labels = new LabelCollector(plan);
  let work: ((chunk: StoredChunk) => void) | null = null;
  const outcome = await readPart(
    source,
    plan,
    cut,
    (chunk) => {
      // The index is numbered from the half's first chunk, which readPart decides (as part-job.ts does).
      work ??= chunkWork(labels, new LineIndexBuilder(indexColumnsOf(plan), chunk.index));
      work(chunk);
    },
    { signal },
  );
  return outcome ? outcome.part.recordIndex - outcome.part.start.recordIndex : null;
}
