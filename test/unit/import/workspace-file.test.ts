// The workspace file: typed arrays carried exactly, each dataset's content hash and control totals checked
// on the way in, lines read from gzip or plain bytes, and the plan of what an import would change.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/import/byte-sources';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import {
  ContentHasher,
  DatasetReadBack,
  base64ToBytes,
  bytesToBase64,
  decodeChunk,
  encodeChunk,
  isLocalSetting,
  parseRecord,
  workspaceLines,
  type DatasetContent,
} from '../../../src/import/workspace-file';
import { planWorkspaceImport, type PlanDataset, type PlanInput } from '../../../src/import/workspace-plan';

const chunk = (index: number, pence: number[]): StoredChunk => ({
  index,
  rowCount: pence.length,
  lines: Uint32Array.from(pence.map((_, i) => 2 + index * 10 + i)),
  warned: Uint8Array.from(pence.map((_, i) => i % 2)),
  raw: [pence.map((_, i) => `00${i}`), pence.map((p) => String(p / 100))],
  pence: { amount: Float64Array.from(pence) },
  periods: Uint8Array.from(pence.map((_, i) => (i % 12) + 1)),
  dates: { postingDate: Uint32Array.from(pence.map(() => 20170403)) },
});

const meta = (rowCount: number): DatasetContent & { id: string; chunkCount: number; receiptId: string } => ({
  id: 'd1',
  name: 'ledger.csv',
  kind: 'ledger',
  sha256: 'ab'.repeat(32),
  size: 100,
  rowCount,
  headers: ['Cost Centre', 'Amount'],
  skippedRows: [],
  aggregates: [],
  chunkCount: 2,
  receiptId: 'r1',
});

describe('typed arrays as base64', () => {
  it('round-trips any bytes, and agrees with Node’s base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });
  it('refuses text that is not base64', () => {
    expect(base64ToBytes('abc')).toBeNull();
    expect(base64ToBytes('ab!d')).toBeNull();
  });
  it('carries a chunk exactly: blanks (NaN) stay blank, -0 stays -0, codes keep their leading zeros', () => {
    const c = chunk(0, [123456, -99, 0]);
    c.pence.amount![1] = Number.NaN;
    c.pence.amount![2] = -0;
    const back = decodeChunk(JSON.parse(JSON.stringify(encodeChunk(c))) as ReturnType<typeof encodeChunk>);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(Number.isNaN(back.value.pence.amount![1])).toBe(true);
    expect(Object.is(back.value.pence.amount![2], -0)).toBe(true);
    expect(back.value.pence.amount![0]).toBe(123456);
    expect(back.value).toEqual(c);
    expect(back.value.raw[0]).toEqual(['000', '001', '002']);
  });
  it('writes little-endian whatever the machine: row line 2 is AgAAAA==', () => {
    expect(encodeChunk(chunk(0, [5])).lines).toBe('AgAAAA==');
  });
});

describe("a dataset's content hash", () => {
  const hashOf = (chunks: StoredChunk[], m = meta(5)) => {
    const h = new ContentHasher();
    chunks.forEach((c) => h.addChunk(encodeChunk(c)));
    return h.finish(m);
  };
  const rows = [chunk(0, [100, 200, 300]), chunk(1, [400, 500])];
  it('is the same for the same rows, and different when one penny differs', () => {
    expect(hashOf(rows)).toBe(hashOf([chunk(0, [100, 200, 300]), chunk(1, [400, 500])]));
    expect(hashOf(rows)).not.toBe(hashOf([chunk(0, [100, 200, 301]), chunk(1, [400, 500])]));
  });
  it('does not depend on where or when the dataset was stored (its id), only on what it holds', () => {
    expect(hashOf(rows, { ...meta(5), id: 'another' })).toBe(hashOf(rows));
    expect(hashOf(rows, { ...meta(5), name: 'other.csv' })).not.toBe(hashOf(rows));
  });

  const readBack = (chunks: StoredChunk[], written: string, receipt: object | null) => {
    const rb = new DatasetReadBack('d1');
    for (const c of chunks) rb.addChunk(JSON.parse(JSON.stringify(encodeChunk(c))) as ReturnType<typeof encodeChunk>);
    return rb.finish(meta(5), written, receipt);
  };
  // 100 + 200 + 300 + 400 + 500 pence = £15.00.
  const receipt = {
    sha256: 'ab'.repeat(32),
    rows: { accepted: 5 },
    controlTotals: [{ column: 'amount', net: '15.00' }],
  };
  it('checks on the way in: the hash, the rows, and the receipt’s control total (£15.00)', () => {
    expect(readBack(rows, hashOf(rows), receipt)).toEqual([]);
  });
  it('refuses rows whose hash is not the one written', () => {
    expect(readBack(rows, 'f'.repeat(64), receipt).join(' ')).toMatch(
      /content hash is .*, not the ffffffffffffffff… written when it was exported/,
    );
  });
  it('refuses a dataset with a chunk missing', () => {
    expect(readBack([rows[0]!], hashOf(rows), receipt).join(' ')).toMatch(
      /2 chunks of rows expected, 1 found.*5 rows expected, 3 found/,
    );
  });
  it('refuses rows that no longer add up to the receipt', () => {
    const edited = [chunk(0, [100, 200, 300]), chunk(1, [400, 600])];
    expect(readBack(edited, hashOf(edited), receipt).join(' ')).toContain(
      "its amount column adds to £16.00, not the receipt's control total £15.00",
    );
  });
});

describe('reading the lines of a file', () => {
  const text = '{"type":"a"}\n{"type":"b","x":"£1,234"}\n{"type":"c"}\n';
  const read = async (bytes: Uint8Array) => {
    const out: string[] = [];
    for await (const line of workspaceLines(bytesSource('f', bytes, 7))) out.push(line);
    return out;
  };
  it('reads plain UTF-8 lines, whatever the size of the pieces', async () => {
    expect(await read(new TextEncoder().encode(text))).toEqual([
      '{"type":"a"}',
      '{"type":"b","x":"£1,234"}',
      '{"type":"c"}',
    ]);
  });
  it('reads the same lines gzip-compressed', async () => {
    expect(await read(new Uint8Array(gzipSync(Buffer.from(text, 'utf8'))))).toEqual([
      '{"type":"a"}',
      '{"type":"b","x":"£1,234"}',
      '{"type":"c"}',
    ]);
  });
  it.each([
    ['not json', 'not-json', 'not JSON'],
    ['[1,2]', 'no-type', 'not a record (no type)'],
    ['{"type":"dataset","meta":{}}', 'wrong-fields', 'a "dataset" record with missing or wrong fields'],
    ['{"type":"mystery"}', 'wrong-fields', 'a "mystery" record with missing or wrong fields'],
  ])('refuses a line that is not a record: %s', (line, code, message) => {
    expect(parseRecord(line)).toEqual({ ok: false, issues: [{ code, message }] });
  });
});

describe('the plan of an import', () => {
  const d = (id: string, name: string, createdAt: string, hash: string, issues?: string[]): PlanDataset => ({
    id,
    name,
    createdAt,
    rowCount: 10,
    contentSha256: hash,
    ...(issues ? { issues } : {}),
  });
  const empty: PlanInput['local'] = {
    datasets: [],
    receiptIds: new Set(),
    profiles: new Map(),
    scenarios: new Map(),
    snapshots: new Map(),
    settings: new Map(),
  };
  const file = (over: Partial<PlanInput['file']>): PlanInput['file'] => ({
    datasets: [],
    receiptIds: [],
    profiles: [],
    scenarios: [],
    snapshots: [],
    settings: [],
    ...over,
  });

  it('takes the same rows under other ids as the same (two browsers that each loaded the sample)', () => {
    const plan = planWorkspaceImport({
      file: file({ datasets: [d('a', 't5.csv', '2018-01-01', 'h1')] }),
      local: { ...empty, datasets: [d('b', 't5.csv', '2019-01-01', 'h1')] },
    });
    expect(plan.map((i) => [i.label, i.action])).toEqual([['t5.csv', 'same']]);
  });
  it('replaces a name whose rows differ, and says so with both sides', () => {
    const plan = planWorkspaceImport({
      file: file({ datasets: [d('a', 't5.csv', '2018-01-01', 'h1'), d('c', 't5.csv', '2018-02-01', 'h2')] }),
      local: { ...empty, datasets: [d('b', 't5.csv', '2019-01-01', 'h1')] },
    });
    expect(plan[0]).toMatchObject({ action: 'replace', label: 't5.csv' });
    expect(plan[0]!.detail).toMatch(/This browser holds 1 dataset .*the file holds 2 datasets.*imported 2018-02-01/);
  });
  it('adds what is not here, refuses what does not check, and never touches what the file does not have', () => {
    const plan = planWorkspaceImport({
      file: file({
        datasets: [
          d('a', 'new.csv', '2018-01-01', 'h1'),
          d('x', 'bad.csv', '2018-01-01', 'h9', ['its content hash is wrong']),
        ],
      }),
      local: { ...empty, datasets: [d('b', 'mine.csv', '2019-01-01', 'h3')] },
    });
    expect(plan.map((i) => [i.label, i.action])).toEqual([
      ['new.csv', 'add'],
      ['bad.csv', 'refused'],
    ]);
  });
  it('matches scenarios, snapshots, profiles and settings by key: add, no change, or replace', () => {
    const plan = planWorkspaceImport({
      file: file({
        scenarios: [
          { key: 's1', label: 'Scenario “A”', json: '{"a":1}' },
          { key: 's2', label: 'Scenario “B”', json: '{"b":1}' },
          { key: 's3', label: 'Scenario “C”', json: '{"c":1}' },
        ],
        settings: [{ key: 'board-pack', label: 'Board pack settings', json: '{"title":"X"}' }],
      }),
      local: {
        ...empty,
        scenarios: new Map([
          ['s2', '{"b":1}'],
          ['s3', '{"c":2}'],
        ]),
        settings: new Map([['board-pack', '{"title":"Y"}']]),
      },
    });
    expect(plan.map((i) => [i.label, i.action])).toEqual([
      ['Scenario “A”', 'add'],
      ['Scenario “B”', 'same'],
      ['Scenario “C”', 'replace'],
      ['Board pack settings', 'replace'],
    ]);
  });
});

describe('settings that belong to this browser', () => {
  it("are never carried: the sample's marker, the notices, and any running import's marker", () => {
    expect(['sample-imported', 'notices', 'import-running/3f2a-uuid'].filter(isLocalSetting)).toHaveLength(3);
  });
  it('the work is carried: the board pack and the RAG rule', () => {
    expect(['board-pack', 'rag-rule', 'import-running', 'notices-old'].filter(isLocalSetting)).toEqual([]);
  });
});
