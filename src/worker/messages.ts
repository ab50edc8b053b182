import type { EncodingEvidence } from '../import/decode';
import type { ImportPlan } from '../import/import-plan';
import type { PreviewChoices } from '../import/preview';
import type { Progress } from '../import/run-import';
import type { EncodingVerdict } from '../import/decode';
import type { ImportReply, PreviewReply, SampleRequest, ScanReply } from './import-jobs';

/*
 * The import worker's protocol, typed end to end: each kind of job has its request and its reply here,
 * and nowhere else. The page's startJob and the worker's runJob take a request of kind K and give back
 * JobReplies[K]; no caller picks the type of what comes back.
 */

/** What the page asks of the import worker, by kind. The file travels as a Blob: its bytes are read in the worker. */
export interface JobRequests {
  scan: { name: string; file: Blob };
  /** The encoding of a large file's first megabyte, for its preview while its proof is made (scan) beside it. */
  glance: { name: string; file: Blob };
  preview: { name: string; file: Blob; encoding: EncodingEvidence; choices: PreviewChoices; useProfile: boolean };
  import: {
    name: string;
    file: Blob;
    plan: ImportPlan;
    /** sha256 null: the file's proof is being made beside the import and comes as a ProofMessage. */
    ids: { datasetId: string; receiptId: string; sha256: string | null; origin: 'sample' | 'upload' };
    /** Where the time went is gathered and logged (the browser benchmark asks). */
    trace?: boolean;
  };
  /** One file of the embedded sample, scanned, previewed and imported in one job. */
  sample: { name: string; file: Blob } & SampleRequest;
}

/** What each kind of job answers. */
export interface JobReplies {
  scan: ScanReply;
  glance: EncodingVerdict | null;
  preview: PreviewReply;
  import: ImportReply;
  sample: ImportReply | null;
}

export type JobKind = keyof JobRequests & keyof JobReplies;

/** A request of kind K (by default: of any kind), tagged with its kind. */
export type JobRequest<K extends JobKind = JobKind> = { [P in K]: { type: P } & JobRequests[P] }[K];

/** What the worker sends back for a job of kind K: progress, then its reply or its failure. */
export type JobMessage<K extends JobKind = JobKind> =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: JobReplies[K] }
  | { type: 'failed'; message: string };

/** The proof of an import's file (its SHA-256 and encoding over every byte), sent to the import worker when made. */
export interface ProofMessage {
  type: 'proof';
  sha256: string;
  verdict: EncodingVerdict;
}
