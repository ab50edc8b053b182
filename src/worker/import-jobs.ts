import { headerSignature } from '../import/column-mapping';
import type { EncodingEvidence, EncodingVerdict } from '../import/decode';
import type { ImportPlan } from '../import/import-plan';
import type { Preview, PreviewChoices } from '../import/preview';
import { planOf, planProblems, yearProblem } from '../import/preview';
import { buildReceipt, type ImportReceipt } from '../import/receipt';
import { messages } from '../domain/core/result';
import { importRows, preview, scan, type ByteSource, type Progress } from '../import/run-import';
import {
  abandonImport,
  beginImport,
  commitDataset,
  DATASET_SCHEMA,
  findByHash,
  listDatasets,
  putChunk,
  withImportLock,
  type DatasetMeta,
} from '../storage/datasets';
import { displacedBy } from '../storage/dataset-slots';
import { LabelCollector } from '../import/dataset-labels';
import { findProfile, type MappingProfile } from '../storage/profiles';

/*
 * The three steps of an import, as the worker runs them (and as tests run them in-thread):
 * scan (hash, encoding, same bytes already imported?), preview (layout, mapping, a saved profile
 * applied), and import (rows streamed into storage, the dataset committed last).
 */

export interface ScanReply {
  sha256: string;
  verdict: EncodingVerdict;
  duplicates: Pick<DatasetMeta, 'id' | 'name' | 'createdAt'>[];
}

export async function scanJob(source: ByteSource, onProgress?: (p: Progress) => void): Promise<ScanReply> {
  const s = await scan(source, onProgress);
  const duplicates = (await findByHash(s.sha256)).map(({ id, name, createdAt }) => ({ id, name, createdAt }));
  return { sha256: s.sha256, verdict: s.verdict, duplicates };
}

export interface PreviewReply {
  preview: Preview;
  profile: MappingProfile | null;
}

/** The preview; with no choices made yet, a profile saved for these headers is applied. */
export async function previewJob(
  source: ByteSource,
  encoding: EncodingEvidence,
  choices: PreviewChoices = {},
  useProfile = true,
): Promise<PreviewReply> {
  let p = await preview(source, encoding, choices);
  let profile: MappingProfile | null = null;
  if (useProfile && choices.mapping === undefined) {
    profile = (await findProfile(headerSignature(p.headers))) ?? null;
    if (profile)
      p = await preview(source, encoding, {
        ...choices,
        kind: profile.kind,
        headerIndex: profile.headerIndex,
        mapping: profile.mapping,
      });
  }
  return { preview: p, profile };
}

export interface ImportReply {
  meta: DatasetMeta;
  receipt: ImportReceipt;
  /**
   * The datasets that count now for what this one holds (its kind, year and month; a ledger: its periods). When
   * there are any, the new dataset is kept but does not count until the user confirms it replaces them.
   */
  displaced: { id: string; name: string; periods: number[] }[];
}

type ImportIds = {
  datasetId: string;
  receiptId: string;
  sha256: string;
  origin: 'sample' | 'upload';
  /** The sample's generated years: every page says their figures are illustrative. */
  illustrative?: boolean;
};

/**
 * One import, holding IMPORT_LOCK (shared) from its first write to its commit, so that a start-up sweep in
 * another tab never takes its chunks for an orphan's. Imports in several tabs run side by side: each writes
 * only its own chunks and its own record.
 */
export async function importJob(
  source: ByteSource,
  plan: ImportPlan,
  ids: ImportIds,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<ImportReply> {
  return withImportLock(() => importUnderLock(source, plan, ids, onProgress, signal));
}

async function importUnderLock(
  source: ByteSource,
  plan: ImportPlan,
  ids: ImportIds,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<ImportReply> {
  const startedAt = new Date();
  try {
    await beginImport(ids.datasetId, { fileName: plan.fileName, size: plan.size });
    const labels = new LabelCollector(plan);
    const result = await importRows(
      source,
      plan,
      (chunk) => {
        labels.add(chunk);
        return putChunk(ids.datasetId, chunk);
      },
      onProgress,
      signal,
    );
    const receipt = buildReceipt({
      id: ids.receiptId,
      datasetId: ids.datasetId,
      plan,
      sha256: ids.sha256,
      result,
      startedAt,
      finishedAt: new Date(),
    });
    const meta: DatasetMeta = {
      schema: DATASET_SCHEMA,
      id: ids.datasetId,
      name: plan.fileName,
      kind: plan.kind,
      sha256: ids.sha256,
      size: plan.size,
      createdAt: receipt.finishedAt,
      source: ids.origin,
      rowCount: result.rows.accepted,
      chunkCount: result.chunkCount,
      receiptId: ids.receiptId,
      headers: result.headers,
      plan,
      skippedRows: result.skippedRows.map((r) => ({ row: r.row, type: r.type, cells: r.cells })),
      aggregates: result.aggregates,
      year: plan.year,
      month: plan.month,
      yearEvidence: plan.yearEvidence,
      countsFrom: receipt.finishedAt,
      illustrative: ids.illustrative ?? false,
      labels: labels.labels,
    };
    const displaced = displacedBy(meta, await listDatasets()).map(({ dataset, periods }) => ({
      id: dataset.id,
      name: dataset.name,
      periods,
    }));
    // Nothing replaced silently: with another dataset counting for the same year and month, this one waits for the user.
    if (displaced.length > 0) meta.countsFrom = null;
    await commitDataset(meta, receipt);
    return { meta, receipt, displaced };
  } catch (error) {
    // Nothing half-imported: the chunks written so far belong to no dataset; remove them, and the marker.
    await abandonImport(ids.datasetId).catch(() => undefined);
    throw error;
  }
}

/** What the embedded sample's import of one file needs: the year its catalogue gives where the file does not settle it. */
export interface SampleRequest {
  settledYear: number | null;
  /** The catalogue's words for that year, kept as the dataset's evidence. */
  settledWhy: string;
  illustrative: boolean;
  ids: { datasetId: string; receiptId: string };
}

/**
 * One sample file, whole, in one job (one worker, not three): scan, preview with every guess accepted (the sample's
 * layout is known), import. Its year is read from the file like any upload's; only a file that does not settle it
 * takes the catalogue's. Null when the same bytes are already stored as sample data.
 */
export async function sampleJob(source: ByteSource, request: SampleRequest): Promise<ImportReply | null> {
  const scanned = await scan(source);
  if (!scanned.verdict.ok) throw new Error(`${source.name}: ${messages(scanned.verdict.issues)}`);
  if ((await findByHash(scanned.sha256)).some((d) => d.source === 'sample')) return null;
  const encoding = scanned.verdict.value;
  let p = await preview(source, encoding, {});
  const guessed = p.year !== null;
  if (!guessed && request.settledYear !== null) p = await preview(source, encoding, { year: request.settledYear });
  const year = yearProblem(p);
  const problems = [...planProblems(p), ...(year ? [year] : [])];
  if (problems.length > 0) throw new Error(`${source.name}: ${problems.join(' ')}`);
  const plan = planOf(p);
  if (!guessed) plan.yearEvidence = [`${p.yearGuess.question ?? 'The file names no year.'} ${request.settledWhy}`];
  return importJob(source, plan, {
    ...request.ids,
    sha256: scanned.sha256,
    origin: 'sample',
    illustrative: request.illustrative,
  });
}
