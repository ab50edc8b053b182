import { blobSource } from '../import/byte-sources';
import type { Progress } from '../import/run-import';
import { importJob, previewJob, scanJob } from './import-jobs';
import type { JobRequest } from './messages';

/** Runs one job: the same code in the worker and, where there is no Worker (tests), on the page. */
export function runJob(request: JobRequest, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<unknown> {
  const source = blobSource(request.name, request.file);
  switch (request.type) {
    case 'scan':
      return scanJob(source, onProgress);
    case 'preview':
      return previewJob(source, request.encoding, request.choices, request.useProfile);
    case 'import':
      return importJob(source, request.plan, request.ids, onProgress, signal);
  }
}
