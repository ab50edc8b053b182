// A ledger's sums in a store of their own (layout 6, database version 4): written with the record, never in it (the
// list of datasets every page reads carries only their periods), deleted with the dataset, swept when they belong to
// no dataset, and read checked: a ledger whose sums are missing or damaged is said to be so, never added up as zero.
import { describe, expect, it } from 'vitest';
import type { ImportReceipt } from '../../src/import/receipt';
import type { ImportPlan } from '../../src/import/import-plan';
import type { Pence } from '../../src/domain/core/units';
import {
  commitDataset,
  DATASET_SCHEMA,
  deleteDataset,
  listDatasets,
  readLedgerSums,
  sweepUnfinishedImports,
  type DatasetMeta,
} from '../../src/storage/datasets';
import { openOutturnDb } from '../../src/storage/db';
import { ledgerSumRows, packLedgerSums } from '../../src/storage/ledger-sums';

const meta = (id: string): DatasetMeta => ({
  schema: DATASET_SCHEMA,
  id,
  name: `${id}.csv`,
  kind: 'ledger',
  sha256: id,
  size: 1,
  createdAt: '2026-12-03T10:00:00.000Z',
  source: 'upload',
  rowCount: 3,
  chunkCount: 0,
  receiptId: `${id}-receipt`,
  headers: [],
  plan: { kind: 'ledger', mapping: {}, encoding: {}, headerIndex: 0, delimiter: ',' } as unknown as ImportPlan,
  skippedRows: [],
  periods: [1, 3],
  year: 2018,
  month: null,
  yearEvidence: [],
  countsFrom: '2026-12-03T10:00:00.000Z',
  illustrative: false,
  labels: [],
});
const receipt = (id: string) => ({ id: `${id}-receipt`, datasetId: id }) as unknown as ImportReceipt;
// 10100/1001: £12.34 in P1 and (£0.34) in P3; 10200/1001: £5.00 in P1.
const SUMS: [string, string, number, Pence][] = [
  ['10100', '1001', 1, 1234 as Pence],
  ['10100', '1001', 3, -34 as Pence],
  ['10200', '1001', 1, 500 as Pence],
];

describe('a ledger’s sums, kept beside its record', () => {
  it('are written with the record, read back exactly, and not part of the list of datasets', async () => {
    const db = await openOutturnDb('sums-commit');
    await commitDataset(meta('a'), receipt('a'), packLedgerSums(SUMS), db);
    const [listed] = await listDatasets(db);
    expect(listed?.periods).toEqual([1, 3]);
    expect(Object.keys(listed!)).not.toContain('aggregates');
    expect(ledgerSumRows(await readLedgerSums(listed!, db))).toEqual(SUMS);
  });

  it('go with their dataset, and are swept at a start when they belong to none', async () => {
    const db = await openOutturnDb('sums-delete');
    await commitDataset(meta('a'), receipt('a'), packLedgerSums(SUMS), db);
    await commitDataset(meta('b'), receipt('b'), packLedgerSums(SUMS), db);
    await deleteDataset('a', db);
    expect(await db.getAllKeys('ledgerSums')).toEqual(['b']);
    // A deletion a closed page did not finish: the record went, its sums stayed.
    await db.delete('datasets', 'b');
    await sweepUnfinishedImports(db);
    expect(await db.count('ledgerSums')).toBe(0);
  });

  it('are said to be missing or damaged, by the dataset’s name, rather than read as none', async () => {
    const db = await openOutturnDb('sums-missing');
    await commitDataset(meta('a'), receipt('a'), null, db);
    await expect(readLedgerSums(meta('a'), db)).rejects.toThrow(
      'The stored rows of a.csv cannot be read: its sums by cost centre and period are missing.',
    );
    await db.put('ledgerSums', { ...packLedgerSums(SUMS), pence: new Float64Array([1234, 0.5, 500]), datasetId: 'a' });
    await expect(readLedgerSums(meta('a'), db)).rejects.toThrow(
      'its sums by cost centre and period are damaged: sum 2 is not a whole number of pence',
    );
  });
});
