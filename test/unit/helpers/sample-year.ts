// The illustrative 2017/18 series in data/, imported through the real pipeline in Node (as the app
// imports it at first start) and turned into the revenue model's inputs.
import { join } from 'node:path';
import { fileSource } from '../../../src/cli/node-source';
import { combineLedgers, type LedgerSource } from '../../../src/domain/revenue/ledger-actuals';
import type { MonitoringInputs } from '../../../src/domain/revenue/revenue-model';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import { planOf } from '../../../src/import/preview';
import { importRows, preview, scan } from '../../../src/import/run-import';
import { budgetLinesOf, carryForwardsOf, returnLinesOf, type StoredDataset } from '../../../src/api/monitoring-rows';
import { ledgerSumRows } from '../../../src/storage/ledger-sums';

export const DATA = join(import.meta.dirname, '../../../data');

export interface Imported extends StoredDataset {
  aggregates: LedgerSource['aggregates'];
}

async function importData(name: string): Promise<Imported> {
  const source = fileSource(join(DATA, name));
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error(s.verdict.issues.map((i) => i.message).join('; '));
  const plan = planOf(await preview(source, s.verdict.value));
  const chunks: StoredChunk[] = [];
  const result = await importRows(source, plan, (c) => void chunks.push(c));
  if (result.rows.rejected > 0) throw new Error(`${name}: ${result.rows.rejected} rows rejected`);
  return { id: name, name, plan, chunks, aggregates: ledgerSumRows(result.ledgerSums) };
}

export const SAMPLE_YEAR = {
  budget: 'illustrative-2017-18-budget.csv',
  returns: [
    'illustrative-2017-18-p03-outturn.csv',
    'illustrative-2017-18-p06-outturn.csv',
    'illustrative-2017-18-p09-outturn.csv',
    'illustrative-2017-18-p12-outturn.csv',
  ],
  ledgers: ['illustrative-2017-18-ledger-p01-p11.csv', 'illustrative-2017-18-ledger-p12.csv'],
  carryForwards: 'appendix-2-revenue-carry-forwards.csv',
};

/** The inputs as the app builds them; `ledgers` chooses which ledger exports are loaded (in import order). */
export async function sampleInputs(ledgers: readonly string[] = SAMPLE_YEAR.ledgers): Promise<MonitoringInputs> {
  const budget = await importData(SAMPLE_YEAR.budget);
  const returns = await Promise.all(SAMPLE_YEAR.returns.map(importData));
  const ledgerSets = await Promise.all(ledgers.map(importData));
  const cf = await importData(SAMPLE_YEAR.carryForwards);
  return {
    budget: budgetLinesOf(budget),
    returns: returns.flatMap(returnLinesOf),
    ledger: combineLedgers(ledgerSets.map((l, order) => ({ id: l.id, name: l.name, order, aggregates: l.aggregates }))),
    carryForwards: carryForwardsOf(cf),
  };
}
