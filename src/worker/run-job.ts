import { blobSource } from '../import/byte-sources';
import type { ByteSource, Progress, Scan } from '../import/run-import';
import type { CutCount } from '../import/split-import';
import { glanceJob, importJob, previewJob, scanJob, type ImportTimings } from './import-jobs';
import type { JobKind, JobReplies, JobRequest } from './messages';
import { sampleFilesJob } from './sample-jobs';

type Handlers = {
  [K in JobKind]: (
    request: JobRequest<K>,
    source: () => ByteSource,
    onProgress: (p: Progress) => void,
    signal?: AbortSignal,
    beside?: Beside,
  ) => Promise<JobReplies[K]>;
};

/**
 * What comes beside a job: for an import whose proof is made beside it, the proof and (before it) the count before
 * the cut; for a scan, where to give that count as soon as it is made.
 */
export interface Beside {
  proof?: Promise<Scan>;
  counted?: Promise<CutCount>;
  onCount?: (count: CutCount) => void;
}

/** Each kind of job and what runs it: its reply's type is the one JobReplies names for that kind. */
const handlers: Handlers = {
  scan: (_request, source, onProgress, _signal, beside) => scanJob(source(), onProgress, beside?.onCount),
  preview: (request, source) => previewJob(source(), request.encoding, request.choices, request.useProfile),
  glance: (_request, source) => glanceJob(source()),
  import: async (request, source, onProgress, signal, beside) => {
    const timings: ImportTimings | undefined = request.trace ? {} : undefined;
    const started = performance.now();
    const proof = request.ids.sha256 === null ? beside?.proof : undefined;
    const counted = proof ? beside?.counted : undefined;
    const reply = await importJob(source(), request.plan, request.ids, onProgress, signal, proof, timings, counted);
    if (timings) {
      timings.total = performance.now() - started;
      // For the browser benchmark (bench/browser-bench.ts), which reads the worker's console.
      console.info(`outturn:timings ${JSON.stringify(timings)}`);
    }
    return reply;
  },
  sample: (request) => sampleFilesJob(request.files),
};

/**
 * Runs one job: the same code in the worker and, where there is no Worker (tests), on the page. `beside`: an
 * import's proof and count, when the proof is made beside the import (its request's sha256 is null); a scan's
 * listener for its count.
 */
export function runJob<K extends JobKind>(
  request: JobRequest<K>,
  onProgress: (p: Progress) => void,
  signal?: AbortSignal,
  beside?: Beside,
): Promise<JobReplies[K]> {
  // The one file of a job, read from its Blob (a sample job reads several, each its own).
  const source = (): ByteSource => blobSource(request.name, (request as { file: Blob }).file);
  const run: Handlers[K] = handlers[request.type];
  return run(request, source, onProgress, signal, beside).catch((error: unknown) => {
    throw unreadable(request.name, error) ?? error;
  });
}

/**
 * A file is read from disk as the job goes: one moved, changed or deleted part-way can no longer be read
 * (the browser says NotFoundError or NotReadableError). Said in words; nothing of the import is kept.
 */
function unreadable(name: string, error: unknown): Error | null {
  const kind = error instanceof DOMException || (error instanceof Error && error.name) ? (error as Error).name : '';
  if (kind !== 'NotFoundError' && kind !== 'NotReadableError') return null;
  return new Error(
    `${name} could not be read to the end: it was moved, changed or deleted while Outturn was reading it. Nothing from this import was kept; choose the file again.`,
  );
}
