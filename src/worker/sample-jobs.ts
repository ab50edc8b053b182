import { blobSource } from '../import/byte-sources';
import { sampleJob, type ImportReply, type SampleRequest } from './import-jobs';

/** One file of the embedded sample, as the page fetched it, with what its import needs. */
export type SampleFileRequest = { name: string; file: Blob } & SampleRequest;

/**
 * Files of the embedded sample imported one after the other, each through the same scan, preview and import as
 * any upload (sampleJob), each with its own dataset and receipt. In one job, so in one worker with one database
 * connection: at a first start, starting a worker per file cost more than importing the file.
 */
export async function sampleFilesJob(files: readonly SampleFileRequest[]): Promise<(ImportReply | null)[]> {
  const replies: (ImportReply | null)[] = [];
  for (const f of files) replies.push(await sampleJob(blobSource(f.name, f.file), f));
  return replies;
}
