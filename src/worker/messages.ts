import type { EncodingEvidence } from '../import/decode';
import type { ImportPlan } from '../import/import-plan';
import type { PreviewChoices } from '../import/preview';
import type { Progress } from '../import/run-import';

/** What the page asks of the import worker. The file travels as a Blob: its bytes are read in the worker. */
export type JobRequest =
  | { type: 'scan'; name: string; file: Blob }
  | { type: 'preview'; name: string; file: Blob; encoding: EncodingEvidence; choices: PreviewChoices; useProfile: boolean }
  | { type: 'import'; name: string; file: Blob; plan: ImportPlan; ids: { datasetId: string; receiptId: string; sha256: string; origin: 'sample' | 'upload' } };

export type JobMessage = { type: 'progress'; progress: Progress } | { type: 'done'; result: unknown } | { type: 'failed'; message: string };
