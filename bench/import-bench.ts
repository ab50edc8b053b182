// npm run bench -- [--rows N] [--rounds R]
// The whole import of a generated ledger from its bytes (decode, parse, validate every cell, aggregate
// exactly by cost centre, subjective and period, build the stored form of every row and pack it as the worker does), against the bare
// papaparse parse of the same text, interleaved round by round. The last line reads `ratio X`: the median
// of the paired ratios (whole import / bare parse). Also: the scan pass (SHA-256 and encoding proof),
// exactness against an independent decimal.js sum, and the memory the stored form takes per row. The same
// ratio by CPU time is printed too, since on a shared machine the clock also counts other work's turns.
import Decimal from 'decimal.js';
import Papa from 'papaparse';
import { messages } from '../src/domain/core/result';
import { bytesSource } from '../src/cli/node-source';
import { planOf } from '../src/import/preview';
import { importRows, preview, scan } from '../src/import/run-import';
import { packChunk } from '../src/import/packed-chunk';
import type { StoredChunk } from '../src/import/stored-chunk';
import { penceToPounds } from '../src/domain/core/units';
import { generateLedger, manyCodesLedger } from './generate-ledger';
import type { ImportPlan } from '../src/import/import-plan';
import { indexColumnsOf, LineIndexBuilder } from '../src/import/line-index';
import { NODE_SHARE, nodeSplit } from '../src/cli/node-split';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 1_000_000);
const rounds = Math.max(5, arg('rounds', 5));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
/** This process's CPU time (user + system, every thread), in ms: steadier than the clock on a shared machine. */
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

console.log(`generating ${rows.toLocaleString('en-GB')} ledger rows ...`);
const { text, amounts } = generateLedger(rows, 20171);
// In shared memory: the second half's thread (src/cli/node-split.ts) reads the same bytes, not a copy of them.
const bytes = new Uint8Array(new SharedArrayBuffer(Buffer.byteLength(text)));
new TextEncoder().encodeInto(text, bytes);
console.log(`${(bytes.length / 1e6).toFixed(1)} MB, ${text.length.toLocaleString('en-GB')} characters`);

// Independent expected total: decimal.js over the amount strings as generated, not through Outturn's code.
let expected = new Decimal(0);
for (const a of amounts) expected = expected.plus(new Decimal(a));

const source = bytesSource('bench.csv', bytes, 4 << 20);
// The count before the cut made where the second thread will cut (node-split.ts NODE_SHARE), as the command line has it.
const scanned = await scan(source, undefined, undefined, undefined, NODE_SHARE);
if (!scanned.verdict.ok) throw new Error(messages(scanned.verdict.issues));
const plan = planOf(await preview(source, scanned.verdict.value));

// The app hands each chunk to IndexedDB and lets it go; the timed rounds do the same (keep: false).
// The memory measurement keeps them all (keep: true), to weigh the stored form.
// `split`: the file's second half read on a thread of its own, as the browser reads it with a worker of its own
// (src/import/split-import.ts); its chunks are packed there.
async function wholeImport(
  keep = false,
  split = false,
): Promise<{ net: string; accepted: number; chunks: StoredChunk[]; chunkCount: number }> {
  const chunks: StoredChunk[] = [];
  let packed = 0;
  // The count before the cut made by the scan (as the page's proof makes it, before the import), not again.
  const other = split ? nodeSplit({ bytes }, source.name, plan, true, scanned.cutCount) : undefined;
  const result = await importRows(
    source,
    plan,
    (c) => {
      // Packed as the worker packs each chunk before it hands it to IndexedDB (chunk-records.ts).
      packed += packChunk(c).length;
      // Kept as the stored form (the dictionaries the builder kept for packing are not part of it).
      if (keep) chunks.push({ ...c, dictionaries: undefined } as StoredChunk);
    },
    undefined,
    undefined,
    undefined,
    other,
  );
  packed += other?.packedBytes() ?? 0;
  if (packed === 0) throw new Error('nothing packed');
  return {
    net: penceToPounds(result.controlTotals[0]!.net),
    accepted: result.rows.accepted,
    chunks,
    chunkCount: result.chunkCount,
  };
}

const importTimes: number[] = [];
const parseTimes: number[] = [];
const ratios: number[] = [];
const cpuRatios: number[] = [];
const oneThreadRatios: number[] = [];
const oneThreadCpuRatios: number[] = [];
let splitExact = true;

// The bare parse in a function of its own, so that its rows die before the import is timed: held in the
// round (an async function keeps its locals across the await), a million parsed rows stayed alive through
// the import, and every old-generation collection in it had to mark them (the import took 2.1 s, not 1.5 s).
function bareParse(): { parseMs: number; parseCpu: number } {
  const t0 = process.hrtime.bigint();
  const c0 = cpuMs();
  const parsed = Papa.parse<string[]>(text);
  const parseMs = ms(t0);
  const parseCpu = cpuMs() - c0;
  if (parsed.data.length < rows) throw new Error('bare parse lost rows');
  return { parseMs, parseCpu };
}

// In functions, so that each round's rows die with the round (module-level locals can outlive it).
async function round(r: number): Promise<void> {
  gc();
  const { parseMs, parseCpu } = bareParse();
  gc();
  let t0 = process.hrtime.bigint();
  let c0 = cpuMs();
  const two = await wholeImport(false, true);
  const importMs = ms(t0);
  const importCpu = cpuMs() - c0;
  if (two.net !== expected.toFixed(2) || two.accepted !== rows) splitExact = false;
  gc();
  t0 = process.hrtime.bigint();
  c0 = cpuMs();
  await wholeImport();
  const oneMs = ms(t0);
  const oneCpu = cpuMs() - c0;
  importTimes.push(importMs);
  parseTimes.push(parseMs);
  ratios.push(importMs / parseMs);
  cpuRatios.push(importCpu / parseCpu);
  oneThreadRatios.push(oneMs / parseMs);
  oneThreadCpuRatios.push(oneCpu / parseCpu);
  console.log(
    `round ${r + 1}: import ${importMs.toFixed(0)} ms (one thread ${oneMs.toFixed(0)} ms), bare parse ${parseMs.toFixed(0)} ms, ratio ${(importMs / parseMs).toFixed(2)} (one thread ${(oneMs / parseMs).toFixed(2)}; CPU time ${importCpu.toFixed(0)} / ${parseCpu.toFixed(0)} ms, ${(importCpu / parseCpu).toFixed(2)}; one thread ${(oneCpu / parseCpu).toFixed(2)})`,
  );
}
// Once before the rounds: the second half's thread starts (tsx compiling the import's code for it: a second of CPU)
// and is kept for the rounds, as a command line's thread is kept for its one file.
await wholeImport(false, true);
for (let r = 0; r < rounds; r++) await round(r);

// The memory the stored form holds, per row: measured with the chunks alive, after a full collection.
gc();
const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heldChunks = await wholeImport(true);
gc();
const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const perRow = (after - before) / rows;
console.log(`memory before ${(before / 1e6).toFixed(0)} MB, with the stored form ${(after / 1e6).toFixed(0)} MB`);

gc();
const t0 = process.hrtime.bigint();
await scan(source);
const scanMs = ms(t0);

// The drill-down's line index (src/import/line-index.ts), made from the stored chunks as the read worker makes it (the
// import's own, after its receipt, is the same work): of this ledger, and of one whose codes are many (3,000 cost
// centres and 800 subjectives over 300,000 rows, each met one by one), where the index's table of pairs grows most.
function indexMs(chunks: readonly StoredChunk[], columns: { mapping: ImportPlan['mapping'] }): number {
  gc();
  const t = process.hrtime.bigint();
  const builder = new LineIndexBuilder(indexColumnsOf(columns));
  for (const c of chunks) builder.add(c);
  builder.finish();
  return ms(t);
}
const ledgerIndexMs = indexMs(heldChunks.chunks, plan);
const manyCodes = bytesSource('many-codes.csv', new TextEncoder().encode(manyCodesLedger(300_000, 3000, 800)), 4 << 20);
const manyScanned = await scan(manyCodes);
if (!manyScanned.verdict.ok) throw new Error(messages(manyScanned.verdict.issues));
const manyPlan = planOf(await preview(manyCodes, manyScanned.verdict.value));
const manyChunks: StoredChunk[] = [];
await importRows(manyCodes, manyPlan, (c) => void manyChunks.push(c));
const manyIndexMs = indexMs(manyChunks, manyPlan);

const exact = heldChunks.net === expected.toFixed(2);
console.log(
  `rows accepted ${heldChunks.accepted.toLocaleString('en-GB')} of ${rows.toLocaleString('en-GB')}; chunks ${heldChunks.chunks.length}`,
);
console.log(
  `net ${heldChunks.net}; independent decimal.js sum ${expected.toFixed(2)}: ${exact ? 'exact to the penny' : 'MISMATCH'}`,
);
console.log(
  `median import ${median(importTimes).toFixed(0)} ms (${(rows / median(importTimes)).toFixed(0)}k rows/s); median bare parse ${median(parseTimes).toFixed(0)} ms`,
);
console.log(
  `scan pass (SHA-256 + encoding proof) ${scanMs.toFixed(0)} ms, ${(bytes.length / 1e6 / (scanMs / 1000)).toFixed(0)} MB/s`,
);
console.log(
  `stored form held in memory: ${perRow.toFixed(0)} bytes per row (heap + array buffers, text of the file excluded)`,
);
console.log(
  `line index from the stored chunks: ${rows.toLocaleString('en-GB')} rows ${ledgerIndexMs.toFixed(0)} ms; 300,000 rows over 3,000 cost centres and 800 subjectives ${manyIndexMs.toFixed(0)} ms`,
);
console.log(`the import in two halves: ${splitExact ? 'exact to the penny, every row' : 'MISMATCH'} in every round`);
if (!exact || !splitExact || heldChunks.accepted !== rows) process.exitCode = 1;
console.log(
  `one thread: ratio ${median(oneThreadRatios).toFixed(2)}, CPU-time ratio ${median(oneThreadCpuRatios).toFixed(2)} (the import without its second thread)`,
);
console.log(
  `CPU-time ratio ${median(cpuRatios).toFixed(2)} (the same rounds by this process's CPU time: less moved by other work on the machine)`,
);
console.log(`ratio ${median(ratios).toFixed(2)}`);
