import { useCallback, useRef, useState } from 'react';
import { messages } from '../domain/core/result';
import { headerSignature, type ColumnMapping } from '../import/column-mapping';
import type { DatasetKind } from '../import/dataset-kinds';
import type { EncodingEvidence } from '../import/decode';
import { planOf, type Preview, type PreviewChoices } from '../import/preview';
import type { ImportReceipt } from '../import/receipt';
import { sizeRefusal, type Progress } from '../import/run-import';
import { saveProfile, type MappingProfile } from '../storage/profiles';
import type { DatasetMeta } from '../storage/datasets';
import type { ImportReply, ScanReply } from '../worker/import-jobs';
import type { JobKind, JobReplies } from '../worker/messages';
import { startJob, type Job } from '../worker/worker-client';
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
}

export function useImportFlow() {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const job = useRef<Job<JobReplies[JobKind]> | null>(null);
  const invalidate = useInvalidateDatasets();

  const fail = (error: unknown) =>
    setStep({ name: 'failed', message: error instanceof Error ? error.message : String(error) });

  const showPreview = useCallback(async (file: File, scan: ScanReply, choices: PreviewChoices, useProfile: boolean) => {
    if (!scan.verdict.ok) return;
    const encoding = scan.verdict.value;
    const j = startJob({ type: 'preview', name: file.name, file, encoding, choices, useProfile });
    const reply = await j.promise;
    setStep({ name: 'mapping', file, scan, encoding, preview: reply.preview, profile: reply.profile, choices });
  }, []);

  const choose = useCallback(
    async (file: File) => {
      const refusal = sizeRefusal(file.name, file.size);
      if (refusal) {
        fail(new Error(refusal));
        return;
      }
      setStep({ name: 'scanning', file, progress: null });
      try {
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
    [showPreview],
  );

  const acceptDuplicate = useCallback(async () => {
    if (step.name !== 'duplicate') return;
    await showPreview(step.file, step.scan, {}, true).catch(fail);
  }, [step, showPreview]);

  const rechoose = useCallback(
    async (change: FlowChange) => {
      if (step.name !== 'mapping') return;
      const choices: PreviewChoices = { ...step.choices, ...change };
      if (change.kind !== undefined || change.headerIndex !== undefined || change.sheet !== undefined)
        delete choices.mapping; // a new kind, header or sheet: map afresh
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
        await saveProfile({
          signature: headerSignature(preview.headers),
          name: profileName,
          kind: preview.suggestion.kind,
          mapping: preview.suggestion.mapping,
          headerIndex: preview.headerIndex,
          savedAt: new Date().toISOString(),
        });
      }
      setStep({ name: 'importing', file, progress: null });
      // What the file would take over is judged against what is stored: the sample, at first start, first.
      await ensureStarted().catch(() => undefined);
      const ids = {
        datasetId: crypto.randomUUID(),
        receiptId: crypto.randomUUID(),
        sha256: scan.sha256,
        origin: 'upload' as const,
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
  }, []);

  const reset = useCallback(() => setStep({ name: 'choose' }), []);

  return { step, choose, acceptDuplicate, rechoose, start, cancel, reset };
}
