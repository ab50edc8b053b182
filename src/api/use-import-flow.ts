import { useCallback, useEffect, useRef, useState } from 'react';
import { messages } from '../domain/core/result';
import { chosenUnits } from '../import/amount-units';
import { headerSignature, type ColumnMapping, type ColumnScale } from '../import/column-mapping';
import type { DatasetKind } from '../import/dataset-kinds';
import type { EncodingEvidence } from '../import/decode';
import { planOf, type Preview, type PreviewChoices } from '../import/preview';
import type { ImportReceipt } from '../import/receipt';
import { sizeRefusal, type Progress } from '../import/run-import';
import { saveProfile, type MappingProfile } from '../storage/profiles';
import type { DatasetMeta } from '../storage/datasets';
import type { ImportReply, ScanReply } from '../worker/import-jobs';
import type { CutCount } from '../import/split-import';
import type { JobKind, JobReplies } from '../worker/messages';
import { keepImportWorkerReady, startJob, type Job } from '../worker/worker-client';
import { announceImportEnded, announceImportStarted } from './cross-tab';
import { useInvalidateDatasets } from './datasets';
import { ensureStarted } from './sample-bootstrap';

/*
 * The steps of an upload, one at a time: choose a file; scan it (hash, encoding; same bytes before?);
 * check the layout and mapping; import with progress and a way to cancel; read the receipt.
 */

export type Step =
  | { name: 'choose' }
  | { name: 'scanning'; file: File; progress: Progress | null }
  | { name: 'duplicate'; file: File; scan: ScanReply }
  | {
      name: 'mapping';
      file: File;
      scan: ScanReply;
      encoding: EncodingEvidence;
      preview: Preview;
      profile: MappingProfile | null;
      choices: PreviewChoices;
    }
  | { name: 'importing'; file: File; progress: Progress | null }
  | {
      name: 'done';
      receipt: ImportReceipt;
      /** The dataset as stored: its year, month and whether it counts. */
      meta: DatasetMeta;
      /** What it would take over; when any, it is kept but does not count until the user chooses (chooseDataset). */
      displaced: ImportReply['displaced'];
    }
  | { name: 'failed'; message: string };

/** A choice changed in the mapping step: the preview is read again with it. */
export interface FlowChange {
  headerIndex?: number;
  kind?: DatasetKind;
  mapping?: ColumnMapping;
  /** The financial year (first calendar year) the user confirms or sets; null: not chosen. */
  year?: number | null;
  /** A monthly return's month (1-12); null: none (whole-year data). */
  month?: number | null;
  /** An Excel workbook's sheet: read afresh, its header found and its columns mapped again. */
  sheet?: string;
  /** An MHCLG revenue return's authority, whose row is read as lines (src/import/authority-returns.ts). */
  authority?: string;
  /** The unit of amount columns, by canonical key: the user's, in place of what the file says. */
  scales?: Record<string, ColumnScale>;
}

/**
 * Files above this size are previewed from the encoding of their first megabyte while their proof (the SHA-256
 * and the encoding of every byte) is made in another worker, on the other core, beside the preview and the
 * import; the import waits for the proof before it commits. Smaller files are proved first: it takes no time.
 */
const PROVE_BESIDE_BYTES = 8 << 20;

/** A large file's proof, being made beside its preview and import. */
interface Proving {
  file: File;
  job: Job<ScanReply>;
  /** The proof, once made. */
  done: ScanReply | null;
  /** The count before a large text file's cut, made first by the proof (before its SHA-256), once made. */
  counted: CutCount | null;
}

const sameEncoding = (a: EncodingEvidence, b: EncodingEvidence): boolean =>
  a.encoding === b.encoding && a.bom === b.bom && (a.replaced ?? false) === (b.replaced ?? false);

export function useImportFlow() {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const job = useRef<Job<JobReplies[JobKind]> | null>(null);
  const proving = useRef<Proving | null>(null);
  /** Where the proof's count before the cut goes when it comes after its file's import started. */
  const countTo = useRef<((cutCount: CutCount) => void) | null>(null);
  const invalidate = useInvalidateDatasets();

  const stopProving = () => {
    proving.current?.job.cancel();
    proving.current = null;
    countTo.current = null;
  };

  const fail = (error: unknown) =>
    setStep({ name: 'failed', message: error instanceof Error ? error.message : String(error) });

  const showPreview = useCallback(async (file: File, scan: ScanReply, choices: PreviewChoices, useProfile: boolean) => {
    if (!scan.verdict.ok) return;
    const encoding = scan.verdict.value;
    const j = startJob({ type: 'preview', name: file.name, file, encoding, choices, useProfile });
    const reply = await j.promise;
    setStep({ name: 'mapping', file, scan, encoding, preview: reply.preview, profile: reply.profile, choices });
  }, []);

  /**
   * An import worker kept ready from the moment a person starts choosing a file (the file dialog opened, a file
   * dragged over the page: seconds before the file comes) while the page is open (worker-client.ts): a large file is
   * then read in code already compiled for it. Not on opening the page: most visits import nothing large.
   */
  const readiness = useRef<(() => void) | null>(null);
  const getReady = useCallback(() => {
    readiness.current ??= keepImportWorkerReady();
  }, []);
  useEffect(
    () => () => {
      readiness.current?.();
      readiness.current = null;
    },
    [],
  );

  const current = useRef(step);
  useEffect(() => {
    current.current = step;
  }, [step]);

  /** A large file's proof has been made: asked about as a scan before the preview would have been. */
  const proved = useCallback(
    (file: File, scan: ScanReply) => {
      const now = current.current;
      if (now.name !== 'mapping' || now.file !== file) return;
      if (!scan.verdict.ok) setStep({ name: 'failed', message: `${file.name}: ${messages(scan.verdict.issues)}` });
      else if (scan.duplicates.length > 0) setStep({ name: 'duplicate', file, scan });
      // The first megabyte did not tell the whole file: the preview is read again as the proof reads it.
      else if (!sameEncoding(scan.verdict.value, now.encoding))
        void showPreview(file, scan, now.choices, false).catch(fail);
      else setStep({ ...now, scan });
    },
    [showPreview],
  );

  const choose = useCallback(
    async (file: File) => {
      const refusal = sizeRefusal(file.name, file.size);
      if (refusal) {
        fail(new Error(refusal));
        return;
      }
      stopProving();
      setStep({ name: 'scanning', file, progress: null });
      try {
        if (file.size > PROVE_BESIDE_BYTES) {
          // The count before the cut comes first, as soon as made: kept for the import, or handed to it if started.
          const early: Pick<Proving, 'counted'> = { counted: null };
          const proof = startJob({ type: 'scan', name: file.name, file }, undefined, (cutCount) => {
            early.counted = cutCount;
            countTo.current?.(cutCount);
          });
          const glanced = await startJob({ type: 'glance', name: file.name, file }).promise;
          if (glanced !== null) {
            const { verdict, preview } = glanced;
            if (!verdict.ok) {
              proof.cancel();
              fail(new Error(`${file.name}: ${messages(verdict.issues)}`));
              return;
            }
            const p: Proving = Object.assign(early, { file, job: proof, done: null });
            proving.current = p;
            proof.promise.then(
              (scan) => {
                p.done = scan;
                proved(file, scan);
              },
              () => undefined, // cancelled with the flow; a failure is the import's to report
            );
            // The preview comes with the glance, read as showPreview reads it (no choices, a saved profile applied).
            const scan: ScanReply = { sha256: '', verdict, duplicates: [] };
            if (preview) setStep({ name: 'mapping', file, scan, encoding: verdict.value, ...preview, choices: {} });
            else await showPreview(file, scan, {}, true);
            return;
          }
          proof.cancel(); // a workbook: scanned whole first, below
        }
        const j = startJob({ type: 'scan', name: file.name, file }, (progress) =>
          setStep({ name: 'scanning', file, progress }),
        );
        job.current = j;
        const scan = await j.promise;
        if (!scan.verdict.ok) {
          fail(new Error(`${file.name}: ${messages(scan.verdict.issues)}`));
          return;
        }
        if (scan.duplicates.length > 0) {
          setStep({ name: 'duplicate', file, scan });
          return;
        }
        await showPreview(file, scan, {}, true);
      } catch (error) {
        fail(error);
      }
    },
    [showPreview, proved],
  );

  const acceptDuplicate = useCallback(async () => {
    if (step.name !== 'duplicate') return;
    await showPreview(step.file, step.scan, {}, true).catch(fail);
  }, [step, showPreview]);

  const rechoose = useCallback(
    async (change: FlowChange) => {
      if (step.name !== 'mapping') return;
      const choices: PreviewChoices = { ...step.choices, ...change };
      if (change.kind !== undefined || change.headerIndex !== undefined || change.sheet !== undefined) {
        // A new kind, header or sheet: map afresh, each amount's unit as the file says.
        delete choices.mapping;
        delete choices.scales;
      }
      if (change.sheet !== undefined) delete choices.headerIndex; // another sheet: find its header
      if (change.kind !== undefined && change.month === undefined) delete choices.month; // a month is a return's: read afresh
      await showPreview(step.file, step.scan, choices, false).catch(fail);
    },
    [step, showPreview],
  );

  const start = useCallback(
    async (profileName: string | null) => {
      if (step.name !== 'mapping') return;
      const { file, scan, preview } = step;
      if (profileName) {
        const chosen = chosenUnits(preview.scales, preview.scaleReasons);
        await saveProfile({
          signature: headerSignature(preview.headers),
          name: profileName,
          kind: preview.suggestion.kind,
          mapping: preview.suggestion.mapping,
          ...(chosen ? { scales: chosen } : {}),
          headerIndex: preview.headerIndex,
          savedAt: new Date().toISOString(),
        });
      }
      setStep({ name: 'importing', file, progress: null });
      // What the file would take over is judged against what is stored: the sample, at first start, first.
      await ensureStarted().catch(() => undefined);
      // A large file's proof may still be being made: the import goes ahead beside it and is handed it when made.
      const p = proving.current?.file === file ? proving.current : null;
      const sha256 = p ? (p.done?.sha256 ?? null) : scan.sha256;
      // Made by the proof: where the file is cut to be read in two halves, and the bytes before counted (first).
      const cutCount = p ? (p.done?.cutCount ?? p.counted ?? undefined) : scan.cutCount;
      const ids = {
        datasetId: crypto.randomUUID(),
        receiptId: crypto.randomUUID(),
        sha256,
        origin: 'upload' as const,
        ...(cutCount ? { cutCount } : {}),
      };
      const j = startJob(
        {
          type: 'import',
          name: file.name,
          file,
          plan: planOf(preview, profileName ?? step.profile?.name ?? null),
          ids,
        },
        (progress) => setStep({ name: 'importing', file, progress }),
      );
      job.current = j;
      if (p && sha256 === null && !cutCount) countTo.current = (c) => j.count(c);
      if (p && sha256 === null) {
        p.job.promise.then(
          (proof) =>
            j.prove({
              sha256: proof.sha256,
              verdict: proof.verdict,
              ...(proof.cutCount ? { cutCount: proof.cutCount } : {}),
            }),
          (error: unknown) => {
            // No proof, no commit: the import is stopped and says why.
            j.cancel();
            fail(error);
          },
        );
      }
      announceImportStarted(ids.datasetId, file.name);
      try {
        const reply = await j.promise;
        setStep({ name: 'done', receipt: reply.receipt, meta: reply.meta, displaced: reply.displaced });
        await invalidate();
      } catch (error) {
        fail(error);
      } finally {
        job.current = null;
        announceImportEnded(ids.datasetId);
      }
    },
    [step, invalidate],
  );

  const cancel = useCallback(() => {
    job.current?.cancel();
    job.current = null;
    stopProving();
  }, []);

  const reset = useCallback(() => {
    stopProving();
    setStep({ name: 'choose' });
  }, []);

  return { step, getReady, choose, acceptDuplicate, rechoose, start, cancel, reset };
}
