// Imports a file the way the Import page does (scan, preview, plan, import; in-thread in happy-dom, which has no
// Worker), every guess accepted, for component tests that need a year's data with a name unlike the sample's.
// The year comes from the file (its headers), never from its name: the test asserts the one read.
import { planOf, yearProblem } from '../../src/import/preview';
import type { ImportReply } from '../../src/worker/import-jobs';
import { startJob } from '../../src/worker/worker-client';

export async function importYearFile(name: string, text: string): Promise<ImportReply> {
  const file = new Blob([text]);
  const scanned = await startJob({ type: 'scan', name, file }).promise;
  if (!scanned.verdict.ok) throw new Error(`${name}: cannot be read`);
  const { preview } = await startJob({
    type: 'preview',
    name,
    file,
    encoding: scanned.verdict.value,
    choices: {},
    useProfile: false,
  }).promise;
  const problem = yearProblem(preview);
  if (problem) throw new Error(`${name}: ${problem}`);
  return startJob({
    type: 'import',
    name,
    file,
    plan: planOf(preview),
    ids: { datasetId: crypto.randomUUID(), receiptId: crypto.randomUUID(), sha256: scanned.sha256, origin: 'upload' },
  }).promise;
}
