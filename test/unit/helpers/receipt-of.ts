// A file imported as the Import page imports it: scanned, previewed with the suggested mapping (and the choices
// given), every row read into chunks, and the receipt made (fixed times), for the tests of the import and its
// receipt.

import type { ImportPlan } from '../../../src/import/import-plan';
import { planOf, type PreviewChoices } from '../../../src/import/preview';
import { buildReceipt, type ImportReceipt } from '../../../src/import/receipt';
import { importRows, preview, scan, type ByteSource } from '../../../src/import/run-import';
import type { StoredChunk } from '../../../src/import/stored-chunk';

/** `choices` go to the preview; `plan` is laid over the plan it gives (a year, say). */
export async function importWhole(source: ByteSource, choices: PreviewChoices = {}, plan: Partial<ImportPlan> = {}) {
  const s = await scan(source);
  if (!s.verdict.ok) throw new Error(s.verdict.issues.map((i) => i.message).join('; '));
  const p = await preview(source, s.verdict.value, choices);
  const planned = { ...planOf(p), ...plan };
  const chunks: StoredChunk[] = [];
  const result = await importRows(source, planned, (c) => void chunks.push(c));
  const receipt = buildReceipt({
    id: 'r',
    datasetId: 'd',
    plan: planned,
    sha256: s.sha256,
    result,
    startedAt: new Date(0),
    finishedAt: new Date(1),
  });
  return { scan: s, preview: p, plan: planned, result, receipt, chunks };
}

export async function receiptOf(
  source: ByteSource,
  choices: PreviewChoices = {},
  plan: Partial<ImportPlan> = {},
): Promise<ImportReceipt> {
  return (await importWhole(source, choices, plan)).receipt;
}
