// An import whose file's proof (SHA-256 and the encoding of every byte) is made beside it, not before it: the
// import reads with the encoding of the first megabyte and waits for the proof before it commits. Nothing is
// committed unproved: a proof that refuses the file leaves nothing stored; one that finds another encoding
// has the rows read again with it; the dataset and receipt carry the proof's SHA-256 and evidence. In happy-dom
// with fake-indexeddb (the worker's code, run on the page as where there is no Worker).
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/import/byte-sources';
import { planOf } from '../../src/import/preview';
import { glance, preview, scan, type Scan } from '../../src/import/run-import';
import { listDatasets, readChunks } from '../../src/storage/datasets';
import type { CutCount } from '../../src/import/split-import';
import { countComing, importJob } from '../../src/worker/import-jobs';
import { storedState } from './stored-state.ts';

/** A ledger of `rows` rows whose first megabyte is ASCII and whose last row names a café in Windows-1252 (E9). */
function ledgerBytes(rows: number, lastSupplier: Uint8Array): Uint8Array {
  const lines = ['Posting Date,Period,Cost Centre,Subjective,Description,Amount'];
  for (let i = 0; i < rows; i++)
    lines.push(`03/04/2017,1,01234,4000,Stationery ${String(i).padStart(6, '0')},"1,000.00"`);
  const head = new TextEncoder().encode(`${lines.join('\n')}\n03/04/2017,1,01234,4000,`);
  const tail = new TextEncoder().encode(`,"2.50"\n`);
  const all = new Uint8Array(head.length + lastSupplier.length + tail.length);
  all.set(head);
  all.set(lastSupplier, head.length);
  all.set(tail, head.length + lastSupplier.length);
  return all;
}

const ROWS = 30_000; // about 1.6 MB: past the megabyte a glance reads
const cafe1252 = new Uint8Array([0x43, 0x61, 0x66, 0xe9]); // "Café" in Windows-1252: not valid UTF-8

async function planFor(bytes: Uint8Array, name: string) {
  const source = bytesSource(name, bytes);
  const glanced = await glance(source);
  if (!glanced?.ok) throw new Error('the glance should read the first megabyte as text');
  return { source, glanced: glanced.value, plan: planOf(await preview(source, glanced.value, { year: 2017 })) };
}

const ids = (n: string) => ({ datasetId: `d-${n}`, receiptId: `r-${n}`, sha256: null, origin: 'upload' as const });

describe('an import with its proof made beside it', () => {
  it('waits for the proof, and keeps its SHA-256 and evidence', async () => {
    const bytes = ledgerBytes(ROWS, new TextEncoder().encode('Cafe'));
    const { source, glanced, plan } = await planFor(bytes, 'ascii.csv');
    let handOver: (s: Scan) => void = () => undefined;
    const proof = new Promise<Scan>((resolve) => (handOver = resolve));
    let settled = false;
    const job = importJob(source, plan, ids('a'), undefined, undefined, proof).then((r) => {
      settled = true;
      return r;
    });
    // Rows read, but no proof yet: nothing committed.
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);
    expect((await listDatasets()).map((d) => d.id)).not.toContain('d-a');
    const proved = await scan(source);
    handOver(proved);
    const reply = await job;
    expect(reply.meta.sha256).toBe(proved.sha256);
    expect(reply.receipt.sha256).toBe(proved.sha256);
    expect(proved.verdict.ok && reply.receipt.encoding).toBe('utf-8');
    // The glance said "only ASCII" from its megabyte; the receipt gives the proof's words for the whole file.
    expect(glanced.reason).not.toBe(reply.meta.plan.encoding.reason);
    expect(proved.verdict.ok && reply.meta.plan.encoding.reason).toBe(proved.verdict.ok && proved.verdict.value.reason);
    expect(reply.meta.rowCount).toBe(ROWS + 1);
    expect(reply.duplicates).toEqual([]);
  });

  it('reads the rows again when the proof finds another encoding than the first megabyte gave', async () => {
    const bytes = ledgerBytes(ROWS, cafe1252);
    const { source, glanced, plan } = await planFor(bytes, 'mixed.csv');
    expect(glanced.encoding).toBe('utf-8'); // the first megabyte alone cannot tell
    const proved = await scan(source);
    expect(proved.verdict.ok && proved.verdict.value.encoding).toBe('windows-1252');
    const reply = await importJob(source, plan, ids('b'), undefined, undefined, Promise.resolve(proved));
    expect(reply.meta.plan.encoding.encoding).toBe('windows-1252');
    expect(reply.meta.rowCount).toBe(ROWS + 1);
    const chunks = await readChunks('d-b');
    const last = chunks[chunks.length - 1]!;
    // Read as Windows-1252: the café is spelt right, not with a replacement character.
    expect(last.raw[4]![last.rowCount - 1]).toBe('Café');
    expect(chunks.reduce((n, c) => n + c.rowCount, 0)).toBe(ROWS + 1);
  });

  it('keeps nothing when the proof refuses the file', async () => {
    const bytes = ledgerBytes(ROWS, new TextEncoder().encode('Cafe'));
    const { source, plan } = await planFor(bytes, 'refused.csv');
    const before = await storedState();
    const refusal: Scan = {
      sha256: 'f'.repeat(64),
      verdict: { ok: false, issues: [{ code: 'binary', message: 'This is not a text file: it contains a NUL byte.' }] },
    };
    await expect(importJob(source, plan, ids('c'), undefined, undefined, Promise.resolve(refusal))).rejects.toThrow(
      'refused.csv: This is not a text file: it contains a NUL byte.',
    );
    expect(await storedState()).toEqual(before);
  });

  it("hands its second half's reader the count before the cut from whichever comes first: given, made first, the proof", async () => {
    const count = (records: number): CutCount => ({ cut: 9_000_000, breaks: records, records });
    const proofWith = (c?: CutCount): Scan => ({
      sha256: 'a'.repeat(64),
      verdict: { ok: true, value: { encoding: 'utf-8', bom: false, reason: 'valid UTF-8' } },
      ...(c ? { cutCount: c } : {}),
    });
    const never = new Promise<never>(() => undefined);
    // made before the import: used, whatever comes later
    expect(await countComing(count(1), Promise.resolve(count(2)), Promise.resolve(proofWith(count(3))))).toEqual(
      count(1),
    );
    // made first by the proof beside it, the proof itself still being made
    expect(await countComing(undefined, Promise.resolve(count(2)), never)).toEqual(count(2));
    // the proof's, where no count came first
    expect(await countComing(undefined, never, Promise.resolve(proofWith(count(3))))).toEqual(count(3));
    expect(await countComing(undefined, undefined, Promise.resolve(proofWith(count(3))))).toEqual(count(3));
    // a file too small to be read in halves: none
    expect(await countComing(undefined, never, Promise.resolve(proofWith()))).toBeUndefined();
    expect(countComing(undefined, undefined, undefined)).toBeUndefined();
  });
});
