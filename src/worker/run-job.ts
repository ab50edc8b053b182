import { blobSource } from '../import/byte-sources';
import type { Progress } from '../import/run-import';
import { importJob, previewJob, scanJob } from './import-jobs';
import type { JobRequest } from './messages';

/** Runs one job: the same code in the worker and, where there is no Worker (tests), on the page. */
export function runJob(request: JobRequest, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<unknown> {
  const source = blobSource(request.name, request.file);
  const job = (): Promise<unknown> => {
    switch (request.type) {
      case 'scan':
        return scanJob(source, onProgress);
      case 'preview':
        return previewJob(source, request.encoding, request.choices, request.useProfile);
      case 'import':
        return importJob(source, request.plan, request.ids, onProgress, signal);
    }
  };
  return job().catch((error: unknown) => {
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
  return new Error(`${name} could not be read to the end: it was moved, changed or deleted while Outturn was reading it. Nothing from this import was kept; choose the file again.`);
}
