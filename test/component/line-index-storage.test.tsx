// A ledger's line index as IndexedDB keeps it (fake-indexeddb, the worker's code run on the page): written after the
// import's reply, read by the drill-down a part at a time, deleted with the dataset, and never kept for a
// dataset that is no longer there. The drill-down's page through it equals the lines worked out from the file.
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/import/byte-sources';
import { LineIndexBuilder, type LineIndex } from '../../src/import/line-index';
import { planOf } from '../../src/import/preview';
import { preview, scan } from '../../src/import/run-import';
import { deleteChunksFrom, deleteDataset, readChunks } from '../../src/storage/datasets';
import { openOutturnDb } from '../../src/storage/db';
import {
  putLineIndex,
  readLineIndexHead,
  readLineKeys,
  readLinePositions,
  saveLineIndex,
  saveLineKeys,
} from '../../src/storage/line-index-records';
import { runAfterReply } from '../../src/worker/after-reply';
import { importJob } from '../../src/worker/import-jobs';
import { LedgerLinesReader, type LedgerLinesRequest } from '../../src/worker/ledger-lines-query';
import { storedLedgers } from '../../src/worker/stored-ledgers';

/**
 * A ledger whose lines of 01234 / 4000 are every third row, their amount the row's number in pence; `wide`: each
 * description 80 characters longer (a chunk of 1,500 rows then packs to more than 60 kB).
 */
function ledger(
  rows: number,
  wide = false,
): { bytes: Uint8Array; pair: { period: number; ref: string; pence: number }[] } {
  const lines = ['Posting Date,Period,Cost Centre,Subjective,Description,Reference,Amount'];
  const pair: { period: number; ref: string; pence: number }[] = [];
  for (let i = 0; i < rows; i++) {
    const period = 12 - (i % 12); // periods in no order: the list's own order is not the file's
    const cc = i % 3 === 0 ? '01234' : '05678';
    const month = ((period + 2) % 12) + 1;
    const date = `10/${String(month).padStart(2, '0')}/${period <= 9 ? 2017 : 2018}`;
    lines.push(
      `${date},${period},${cc},4000,Line ${i}${wide ? ` ${WIDE}` : ''},REF-${i},${Math.floor(i / 100)}.${String(i % 100).padStart(2, '0')}`,
    );
    if (cc === '01234') pair.push({ period, ref: `REF-${i}`, pence: i });
  }
  return { bytes: new TextEncoder().encode(`${lines.join('\n')}\n`), pair };
}

const ids = (n: string) => ({ datasetId: `d-${n}`, receiptId: `r-${n}`, sha256: null, origin: 'upload' as const });

/** Imports a ledger's bytes as the worker does (proof beside it), as dataset `d-${n}`; its plan and reply. */
async function importAs(n: string, bytes: Uint8Array) {
  const source = bytesSource(`${n}.csv`, bytes);
  const proved = await scan(source);
  if (!proved.verdict.ok) throw new Error('the test file should read');
  const plan = planOf(await preview(source, proved.verdict.value, { year: 2017 }));
  const reply = await importJob(source, plan, ids(n), undefined, undefined, Promise.resolve(proved));
  return { plan, reply };
}

const WIDE = 'Annual maintenance contract for custody suite CCTV and intercoms at north and south sites';

describe("a ledger's line index in IndexedDB", () => {
  it('is written by the import, answers the first page, and goes with the dataset', async () => {
    const { bytes, pair } = ledger(25_000); // 17 chunks: 16 of 1,500 rows and one of 1,000
    const { plan, reply } = await importAs('a', bytes);
    expect(reply.meta.chunkCount).toBe(17);
    // Kept after the reply (after-reply.ts): none yet, then there once the work left for after it is done.
    expect(await readLineIndexHead('d-a')).toBeNull();
    await runAfterReply();
    const head = await readLineIndexHead('d-a');
    expect(head?.chunkCount).toBe(17);

    const columns = (key: string) => plan.mapping[key] ?? null;
    const reader = new LedgerLinesReader(storedLedgers);
    const request: LedgerLinesRequest = {
      sources: [
        {
          datasetId: 'd-a',
          name: 'a.csv',
          columns: {
            costCentre: columns('costCentre'),
            subjective: columns('subjective'),
            description: columns('description'),
            supplier: null,
            reference: columns('reference'),
          },
          periods: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        },
      ],
      costCentre: '01234',
      subjective: '4000',
      search: '',
      period: null,
      sort: { key: 'period', descending: false },
      offset: 0,
      limit: 5,
    };
    const page = await reader.page(request);
    // By period, then (one date a period) file order: the pair's first period is P3 (rows 9, 21, 33 ...).
    const expected = [...pair].sort((a, b) => a.period - b.period).slice(0, 5);
    expect(expected[0]).toEqual({ period: 3, ref: 'REF-9', pence: 9 });
    expect(page.lines.map((l) => [l.period, l.reference, l.pence])).toEqual(
      expected.map((l) => [l.period, l.ref, l.pence]),
    );
    expect(page.count).toBe(pair.length);
    expect(page.totalPence).toBe(pair.reduce((t, l) => t + l.pence, 0));

    // Sorted by amount, largest first, from the amounts kept in the index's parts (ties in file order).
    const byAmount = await reader.page({ ...request, sort: { key: 'amount', descending: true } });
    const largest = [...pair].sort((a, b) => b.pence - a.pence).slice(0, 5);
    expect(byAmount.lines.map((l) => [l.reference, l.pence])).toEqual(largest.map((l) => [l.ref, l.pence]));

    // An index kept without its amounts and dates (as before 5 December 2026) gets them, the same, from a read-ahead
    // of its rows (a cost centre opened), and keeps them.
    const kept = await readLineKeys('d-a', 0, 25_000);
    expect(kept?.linePence.length).toBe(25_000);
    const db = await openOutturnDb();
    for (const key of await db.getAllKeys('lineIndex'))
      if (key[0] === 'd-a' && key[1] < 0) await db.delete('lineIndex', key);
    expect(await readLineKeys('d-a', 0, 25_000)).toBeNull();
    await new LedgerLinesReader(storedLedgers).warm(request.sources);
    expect(await readLineKeys('d-a', 0, 25_000)).toEqual(kept);

    await deleteDataset('d-a');
    expect(await readLineIndexHead('d-a')).toBeNull();
    expect(await (await openOutturnDb()).countFromIndex('lineIndex', 'byDataset', 'd-a')).toBe(0);
  });

  it("keeps a chunk's bytes past 60 kB in pieces, read with the chunk and deleted with it", async () => {
    // 4,000 wide rows: chunks of 1,500, 1,500 and 1,000 rows, each past 60 kB packed.
    await importAs('p', ledger(4_000, true).bytes);
    const db = await openOutturnDb();
    const keys = await db.getAllKeysFromIndex('chunks', 'byDataset', 'd-p');
    const own = keys.filter(([, i]) => Number.isInteger(i)).map(([, i]) => i);
    expect(own).toEqual([0, 1, 2]);
    // Pieces there are, each between its chunk and the next.
    expect(keys.length).toBeGreaterThan(3);
    for (const [, i] of keys) expect(Math.floor(i)).toBeLessThan(3);
    const chunks = await readChunks('d-p');
    expect(chunks.map((c) => c.rowCount)).toEqual([1_500, 1_500, 1_000]);
    expect(chunks[2]!.raw[5]![999]).toBe('REF-3999');
    expect(chunks[2]!.raw[4]![999]).toBe(`Line 3999 ${WIDE}`);
    // A second half dropped from chunk 1 on takes the pieces of chunks 1 and 2 with them.
    await deleteChunksFrom('d-p', 1);
    expect((await db.getAllKeysFromIndex('chunks', 'byDataset', 'd-p')).every(([, i]) => i < 1)).toBe(true);
    await deleteDataset('d-p');
    expect(await db.countFromIndex('chunks', 'byDataset', 'd-p')).toBe(0);
  });

  it('is not kept for an import deleted before the work after its reply ran', async () => {
    await importAs('b', ledger(2_000).bytes);
    await deleteDataset('d-b');
    await runAfterReply();
    expect(await (await openOutturnDb()).countFromIndex('lineIndex', 'byDataset', 'd-b')).toBe(0);
  });

  it('reads its lines with their amounts and dates across its parts; none where they were kept without them', async () => {
    const lines = 140_000;
    const index: LineIndex = {
      ...new LineIndexBuilder({ costCentre: null, subjective: null }).finish(),
      positions: Uint32Array.from({ length: lines }, (_, i) => i * 3),
      linePence: Int32Array.from({ length: lines }, (_, i) => (i % 2 === 0 ? i : -i)),
      lineDates: Uint32Array.from({ length: lines }, (_, i) => 20170401 + (i % 28)),
    };
    await putLineIndex('d-keys', index);
    const read = await readLineKeys('d-keys', 65_000, 131_501);
    expect(read?.positions.length).toBe(66_501);
    expect([read?.positions[0], read?.linePence[0], read?.lineDates[0]]).toEqual([195_000, 65_000, 20170401 + 12]);
    expect([read?.positions[66_500], read?.linePence[66_500], read?.lineDates[66_500]]).toEqual([
      394_500,
      131_500,
      20170401 + 12,
    ]);
    expect(read?.linePence).toBeInstanceOf(Int32Array);

    // An amount past 2^31 pence (£21.4 million): kept exactly, as a Float64Array.
    const large = 2 ** 31 + 12_345;
    await putLineIndex('d-large', { ...index, linePence: Float64Array.from(index.linePence, (p) => p + large) });
    const big = await readLineKeys('d-large', 139_998, 140_000);
    expect(Array.from(big?.linePence ?? [])).toEqual([large + 139_998, large - 139_999]);

    // An index kept before 5 December 2026, or whose page was left before its amounts and dates were written, has
    // none: none read (the list is sorted from its rows), and its places are read as before.
    const db = await openOutturnDb();
    await db.delete('lineIndex', ['d-keys', -2]);
    expect(await readLineKeys('d-keys', 65_000, 131_501)).toBeNull();
    expect((await readLinePositions('d-keys', 65_000, 65_002)).length).toBe(2);
  });

  it('reads positions across its parts, and keeps none for a dataset that is not there', async () => {
    const index: LineIndex = { ...new LineIndexBuilder({ costCentre: null, subjective: null }).finish() };
    index.positions = Uint32Array.from({ length: 140_000 }, (_, i) => i * 3);
    await putLineIndex('d-parts', index);
    const read = await readLinePositions('d-parts', 65_000, 131_500);
    expect(read.length).toBe(66_500);
    expect(read[0]).toBe(65_000 * 3);
    expect(read[66_499]).toBe(131_499 * 3);
    expect(await saveLineIndex('d-gone', index)).toBe(false);
    expect(await saveLineKeys('d-gone', index)).toBe(false);
    expect(await readLineIndexHead('d-gone')).toBeNull();
  });
});
