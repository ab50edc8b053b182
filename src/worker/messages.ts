import type { EncodingEvidence } from '../import/decode';
import type { ImportPlan } from '../import/import-plan';
import type { PreviewChoices } from '../import/preview';
import type { Progress } from '../import/run-import';
import type { EncodingVerdict } from '../import/decode';
import type { GlanceReply, ImportReply, PreviewReply, ScanReply } from './import-jobs';
import type { SampleFileRequest } from './sample-jobs';
import type { CutCount } from '../import/split-import';
import type { PartReply } from './part-job';

/*
 * The import worker's protocol, typed end to end: each kind of job has its request and its reply here,
 * and nowhere else. The page's startJob and the worker's runJob take a request of kind K and give back
 * JobReplies[K]; no caller picks the type of what comes back.
 */

/** What the page asks of the import worker, by kind. The file travels as a Blob: its bytes are read in the worker. */
export interface JobRequests {
  scan: { name: string; file: Blob };
  /** The encoding of a large file's first megabyte, and its preview, while its proof is made (scan) beside it. */
  glance: { name: string; file: Blob };
  preview: { name: string; file: Blob; encoding: EncodingEvidence; choices: PreviewChoices; useProfile: boolean };
  import: {
    name: string;
    file: Blob;
    plan: ImportPlan;
    /** sha256 null: the file's proof is being made beside the import and comes as a ProofMessage. */
    ids: {
      datasetId: string;
      receiptId: string;
      sha256: string | null;
      origin: 'sample' | 'upload';
      /** Where a large text file is cut and the bytes before counted, by its proof made before (Scan.cutCount). */
      cutCount?: CutCount;
    };
    /** Where the time went is gathered and logged (the browser benchmark asks). */
    trace?: boolean;
  };
  /**
   * Files of the embedded sample, each scanned, previewed and imported, one after the other in one job (one
   * worker, one database connection: a worker's start costs more than a small file's import). `name` names the
   * batch in an error.
   */
  sample: { name: string; files: SampleFileRequest[] };
}

/** What each kind of job answers. */
export interface JobReplies {
  scan: ScanReply;
  glance: GlanceReply | null;
  preview: PreviewReply;
  import: ImportReply;
  /** One reply per file, in order: null where the same bytes were already stored as sample data. */
  sample: (ImportReply | null)[];
}

export type JobKind = keyof JobRequests & keyof JobReplies;

/** A request of kind K (by default: of any kind), tagged with its kind. */
export type JobRequest<K extends JobKind = JobKind> = { [P in K]: { type: P } & JobRequests[P] }[K];

/** What the worker sends back for a job of kind K: progress, then its reply or its failure. */
export type JobMessage<K extends JobKind = JobKind> =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: JobReplies[K] }
  | { type: 'failed'; message: string }
  /** After `done` or `failed`: the work a job leaves for after its reply is done; the worker may be stopped. */
  | { type: 'idle' }
  /** A scan's count before a large text file's cut, made first (countToCut), for an import beside the proof. */
  | { type: 'counted'; cutCount: CutCount };

/** The count before the cut, sent to an import whose proof is made beside it, when made (before the proof). */
export interface CutCountMessage {
  type: 'cut-count';
  cutCount: CutCount;
}

/** The proof of an import's file (its SHA-256 and encoding over every byte), sent to the import worker when made. */
export interface ProofMessage {
  type: 'proof';
  sha256: string;
  verdict: EncodingVerdict;
  /** Where a large text file is cut and the bytes before counted (Scan.cutCount), for the second half's reader. */
  cutCount?: CutCount;
}

/**
 * What the page sends an import worker started ahead of an import, and that worker the second half's reader it
 * starts ahead too: read the warm-up's ledger (src/import/warm-up.ts) until a job comes.
 */
export interface WarmMessage {
  type: 'warm';
  /** Log the warm-up's time (the browser benchmark asks). */
  trace?: boolean;
  /** To the part worker: the plan of the warm-up's ledger, made once by the import worker (warmUpPlan). */
  plan?: ImportPlan;
}

/** What the import worker sends a second half's reader after its request: the proof's count before the cut. */
export interface PartCountMessage {
  type: 'count';
  count: CutCount | null;
}

/** What the worker reading a second half (part.worker.ts) sends the import worker: progress, then its reply. */
export type PartMessage =
  | { type: 'ready' }
  | { type: 'started' }
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'done'; reply: PartReply }
  | { type: 'failed'; message: string }
  /** After `done` or `failed`: the work a job leaves for after its reply is done; the worker may be stopped. */
  | { type: 'idle' };
