import { headerSignature } from '../import/column-mapping';
import type { EncodingEvidence, EncodingVerdict } from '../import/decode';
import type { ImportPlan } from '../import/import-plan';
import type { Preview, PreviewChoices } from '../import/preview';
import { planOf, planProblems, yearProblem } from '../import/preview';
import { buildReceipt, type ImportReceipt } from '../import/receipt';
import { messages } from '../domain/core/result';
import { glance, importRows, preview, scan, type ByteSource, type Progress, type Scan } from '../import/run-import';
import type { EncodingEvidence as Evidence } from '../import/decode';
import {
  abandonImport,
  beginImport,
  commitDataset,
  DATASET_SCHEMA,
  findByHash,
  listDatasets,
  withImportLock,
  type DatasetMeta,
} from '../storage/datasets';
import { saveLineIndex } from '../storage/line-index-records';
import { indexColumnsOf, LineIndexBuilder } from '../import/line-index';
import { afterReply } from './after-reply';
import { ChunkWrites } from './chunk-writes';
import { workerSplit } from './worker-split';
import { displacedBy } from '../storage/dataset-slots';
import { periodsOfSums } from '../storage/ledger-sums';
import { LabelCollector } from '../import/dataset-labels';
import type { CutCount } from '../import/split-import';
import { findProfile, type MappingProfile } from '../storage/profiles';

/*
 * The three steps of an import, as the worker runs them (and as tests run them in-thread):
 * scan (hash, encoding, same bytes already imported?), preview (layout, mapping, a saved profile
 * applied), and import (rows streamed into storage, the dataset committed last).
 */

export interface ScanReply {
  sha256: string;
  verdict: EncodingVerdict;
  /** The count before a large text file's cut (Scan.cutCount), handed to its import's second reader. */
  cutCount?: CutCount;
  duplicates: Pick<DatasetMeta, 'id' | 'name' | 'createdAt'>[];
}

export async function scanJob(
  source: ByteSource,
  onProgress?: (p: Progress) => void,
  onCount?: (count: CutCount) => void,
): Promise<ScanReply> {
  const s = await scan(source, onProgress, undefined, onCount);
  return { ...s, duplicates: await duplicatesOf(s.sha256) };
}

async function duplicatesOf(sha256: string): Promise<ScanReply['duplicates']> {
  return (await findByHash(sha256)).map(({ id, name, createdAt }) => ({ id, name, createdAt }));
}

/** What a glance at a large file's first megabyte gives: its encoding, and the preview read with it where it is text. */
export interface GlanceReply {
  verdict: EncodingVerdict;
  /** The preview with no choices made (previewJob), where the verdict is a text encoding; null where it refused. */
  preview: PreviewReply | null;
}

/**
 * The encoding the first megabyte gives, and the preview read with it, for a large file while its proof (the
 * SHA-256 and the encoding of every byte, scanJob) is made beside it; null when the file must be scanned whole
 * first (a workbook). One job, not a glance and then a preview: each job starts a worker of its own, and the
 * second's start and read were 100-150 ms more before a person saw the preview of a large file.
 */
export async function glanceJob(source: ByteSource): Promise<GlanceReply | null> {
  const verdict = await glance(source);
  if (verdict === null) return null;
  return { verdict, preview: verdict.ok ? await previewJob(source, verdict.value) : null };
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
        ...(profile.scales ? { scales: profile.scales } : {}),
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
  /**
   * Datasets imported before from the same bytes, found by a proof made beside the import (when it was made
   * before, the user was asked before the import began, and this is empty).
   */
  duplicates: ScanReply['duplicates'];
}

type ImportIds = {
  datasetId: string;
  receiptId: string;
  /** The file's SHA-256 when its proof was made before the import; null: it is being made beside it (`proof`). */
  sha256: string | null;
  /** The count before the file's cut, where its proof, made before the import, made one (Scan.cutCount). */
  cutCount?: CutCount;
  origin: 'sample' | 'upload';
  /** The sample's generated years: every page says their figures are illustrative. */
  illustrative?: boolean;
};

/**
 * Where an import's time goes (ms), for the benchmarks: reading the file, decoding, the session (parsing,
 * checking, sums, building chunks), handing chunks on (of which packing them, `pack`, and waiting for IndexedDB to
 * take them, `writeWait`), waiting on IndexedDB at the end, waiting for the proof.
 */
export type ImportTimings = Record<string, number>;

/**
 * One import, holding IMPORT_LOCK (shared) from its first write to its commit, so that a start-up sweep in
 * another tab never takes its chunks for an orphan's. Imports in several tabs run side by side: each writes
 * only its own chunks and its own record.
 *
 * `proof`: the SHA-256 and the encoding proved over every byte, when it is made beside the import (in another
 * worker, on the other core) rather than before it. The import reads with the encoding the plan names (the
 * preview's, from the first megabyte) and waits for the proof before it commits: a proof that refuses the file
 * leaves nothing; one that finds another encoding reads the rows again with it. Nothing is committed unproved.
 */
export async function importJob(
  source: ByteSource,
  plan: ImportPlan,
  ids: ImportIds,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
  proof?: Promise<Scan>,
  timings?: ImportTimings,
  counted?: Promise<CutCount>,
): Promise<ImportReply> {
  return withImportLock(() => importUnderLock(source, plan, ids, onProgress, signal, proof, timings, counted));
}

const sameEncoding = (a: Evidence, b: Evidence): boolean =>
  a.encoding === b.encoding && a.bom === b.bom && (a.replaced ?? false) === (b.replaced ?? false);

/**
 * The proof's count of the bytes before a large file's cut, for its second half's reader: made before the import
 * (`given`), or coming from the proof made beside it, first (`early`: counted before its SHA-256) or with the proof.
 */
export function countComing(
  given: CutCount | undefined,
  early: Promise<CutCount> | undefined,
  proof: Promise<Scan> | undefined,
): Promise<CutCount | undefined> | undefined {
  if (given) return Promise.resolve(given);
  const fromProof = proof?.then((s) => s.cutCount);
  return fromProof && early ? Promise.race([early, fromProof]) : fromProof;
}

async function importUnderLock(
  source: ByteSource,
  given: ImportPlan,
  ids: ImportIds,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
  proof?: Promise<Scan>,
  timings?: ImportTimings,
  early?: Promise<CutCount>,
): Promise<ImportReply> {
  const startedAt = new Date();
  let plan = given;
  try {
    await beginImport(ids.datasetId, { fileName: plan.fileName, size: plan.size, sample: ids.origin === 'sample' });
    const counted = countComing(ids.cutCount, early, proof);
    const readRows = async () => {
      const labels = new LabelCollector(plan);
      // A ledger's line index (where each cost centre and subjective's lines are), for the drill-down.
      const index = plan.kind === 'ledger' ? new LineIndexBuilder(indexColumnsOf(plan)) : null;
      // A large file's second half is read beside this one, by a worker of its own on the other core.
      const split = source.blob
        ? workerSplit(source.blob, source.name, plan, ids.datasetId, index, labels, timings, counted)
        : undefined;
      const writes = ChunkWrites.begin(ids.datasetId, plan.size, timings);
      try {
        const rows = await importRows(
          source,
          plan,
          (chunk) => {
            labels.add(chunk);
            if (index) {
              const t = performance.now();
              index.note(chunk);
              if (timings) timings.lineIndex = (timings.lineIndex ?? 0) + performance.now() - t;
            }
            return writes.add(chunk);
          },
          onProgress,
          signal,
          timings,
          split,
        );
        const t1 = performance.now();
        await writes.done();
        if (timings) timings.storeWait = (timings.storeWait ?? 0) + performance.now() - t1;
        return { rows, labels, index };
      } finally {
        // A reading stopped part-way leaves no write behind it, nor its file open for the abandonment to remove.
        await writes.settled();
      }
    };
    let read = await readRows();
    let sha256 = ids.sha256;
    if (proof) {
      const t0 = performance.now();
      const proved = await proof;
      if (timings) timings.proofWait = performance.now() - t0;
      if (!proved.verdict.ok) throw new Error(`${plan.fileName}: ${messages(proved.verdict.issues)}`);
      const evidence = {
        ...proved.verdict.value,
        ...(plan.encoding.workbook ? { workbook: plan.encoding.workbook } : {}),
      };
      sha256 = proved.sha256;
      if (!sameEncoding(evidence, plan.encoding)) {
        // The first megabyte did not tell the whole file: its rows are read again as the proof reads them.
        plan = { ...plan, encoding: evidence };
        await abandonImport(ids.datasetId);
        await beginImport(ids.datasetId, { fileName: plan.fileName, size: plan.size, sample: ids.origin === 'sample' });
        read = await readRows();
      } else {
        plan = { ...plan, encoding: evidence };
      }
    }
    if (sha256 === null) throw new Error(`${plan.fileName}: the file's SHA-256 was not made, so it was not kept.`);
    const { rows: result, labels } = read;
    const receipt = buildReceipt({
      id: ids.receiptId,
      datasetId: ids.datasetId,
      plan,
      sha256,
      result,
      startedAt,
      finishedAt: new Date(),
    });
    // A ledger's sums are kept beside its record (the `ledgerSums` store), not in it: the record keeps their periods.
    const sums = plan.kind === 'ledger' ? result.ledgerSums : null;
    const meta: DatasetMeta = {
      schema: DATASET_SCHEMA,
      id: ids.datasetId,
      name: plan.fileName,
      kind: plan.kind,
      sha256,
      size: plan.size,
      createdAt: receipt.finishedAt,
      source: ids.origin,
      rowCount: result.rows.accepted,
      chunkCount: result.chunkCount,
      receiptId: ids.receiptId,
      headers: result.headers,
      plan,
      skippedRows: result.skippedRows.map((r) => ({ row: r.row, type: r.type, cells: r.cells })),
      periods: sums ? periodsOfSums(sums) : [],
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
    const duplicates = proof ? await duplicatesOf(sha256) : [];
    const t0 = performance.now();
    await commitDataset(meta, receipt, sums);
    if (timings) timings.commit = performance.now() - t0;
    // The line index is made (its sorts) and kept after the receipt is on its way: only a drill-down reads it, and
    // one asked for before it is kept makes its own from the chunks (as for a dataset stored before indexes).
    // Kept only where the dataset still is (saveLineIndex looks, in the same transaction).
    const index = read.index;
    if (index)
      afterReply(async () => {
        const t = performance.now();
        const made = index.finish();
        const t1 = performance.now();
        await saveLineIndex(ids.datasetId, made);
        // For the browser benchmark, beside the import's own timings (run-job.ts), which it follows.
        if (timings)
          console.info(`outturn:after-reply ${JSON.stringify({ lineIndex: performance.now() - t, finish: t1 - t })}`);
      });
    return { meta, receipt, displaced, duplicates };
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
