import { queryOptions, useQuery } from '@tanstack/react-query';
import { canonicalJson, type JsonValue } from '../domain/core/canonical-json';
import { messages } from '../domain/core/result';
import { readSnapshot } from '../domain/board-pack/pack-snapshot';
import { scenarioFromJson } from '../domain/scenarios/scenario';
import { blobSource } from '../import/byte-sources';
import type { ImportReceipt } from '../import/receipt';
import {
  DatasetReadBack,
  isLocalSetting,
  LinesHasher,
  WORKSPACE_FORMAT,
  WORKSPACE_TYPE,
  asDatasetMeta,
  parseRecord,
  workspaceLines,
  type WorkspaceRecord,
} from '../import/workspace-file';
import { planWorkspaceImport, type PlanDataset, type PlanItem, type PlanRecord } from '../import/workspace-plan';
import { deleteChunks, listDatasets, migrateDatasets, withImportLock, type DatasetMeta } from '../storage/datasets';
import {
  commitDatasetsByName,
  datasetContentSha256,
  localWorkspaceState,
  putImportedChunk,
  putReceiptIfNew,
  putRecord,
  workspaceCounts,
  workspaceLinesFromStorage,
} from '../storage/workspace';
import { putSetting } from '../storage/datasets';
import { ensureStarted } from './sample-bootstrap';
import { APP_VERSION } from './snapshots';

/*
 * Handing the work over: the whole workspace written to one file (storage/workspace.ts gives the lines,
 * import/workspace-file.ts says what they are), and a file read back in two passes. The first reads and
 * checks every line (each dataset's content hash and control totals, the file's own count and hash) and
 * plans the changes, writing nothing; the user sees the plan and chooses. The second reads the file
 * again, checks it again, and writes only what was chosen, datasets as an import writes them (rows
 * first, records last in one transaction), so a failure part-way leaves this browser as it was.
 */

const workspaceCountsQuery = queryOptions({
  queryKey: ['datasets', 'workspace-counts'],
  queryFn: async () => {
    await ensureStarted();
    return workspaceCounts();
  },
});

export function useWorkspaceCounts() {
  return useQuery(workspaceCountsQuery);
}

export interface ExportedWorkspace {
  blob: Blob;
  fileName: string;
  lines: number;
  /** Size before compression, bytes. */
  plainBytes: number;
}

/** The whole workspace as one gzip-compressed JSON Lines file, written a line at a time. */
export async function exportWorkspace(now: Date = new Date()): Promise<ExportedWorkspace> {
  await ensureStarted();
  const lines = workspaceLinesFromStorage({ exportedAt: now.toISOString(), appVersion: APP_VERSION });
  const encoder = new TextEncoder();
  let plainBytes = 0;
  let count = 0;
  const input = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) {
        controller.close();
        return;
      }
      const bytes = encoder.encode(`${next.value}\n`);
      plainBytes += bytes.length;
      count++;
      controller.enqueue(bytes);
    },
  });
  const parts: Uint8Array[] = [];
  const reader = input
    .pipeThrough(new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return {
    blob: new Blob(parts as BlobPart[], { type: 'application/gzip' }),
    fileName: `outturn-workspace-${now.toISOString().slice(0, 10)}.ndjson.gz`,
    lines: count,
    plainBytes,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading a file (pass 1)

export interface FileDataset {
  meta: DatasetMeta;
  contentSha256: string;
  issues: string[];
}

export interface WorkspaceReading {
  fileName: string;
  exportedAt: string | null;
  appVersion: string | null;
  lines: number;
  /** Problems with the file as a whole: when there are any, nothing is taken from it. */
  problems: string[];
  datasets: FileDataset[];
  /** Receipts not of a dataset in the file (their datasets were deleted before it was written). */
  receiptIds: string[];
  profiles: PlanRecord[];
  scenarios: PlanRecord[];
  snapshots: PlanRecord[];
  settings: PlanRecord[];
}

const MAX_PROBLEMS = 20;
const json = (v: unknown) => canonicalJson(v as JsonValue);

/** Reads every line of a workspace file and checks it, writing nothing. Never throws on a bad file. */
export async function readWorkspace(file: Blob, fileName = 'the file'): Promise<WorkspaceReading> {
  const reading: WorkspaceReading = {
    fileName,
    exportedAt: null,
    appVersion: null,
    lines: 0,
    problems: [],
    datasets: [],
    receiptIds: [],
    profiles: [],
    scenarios: [],
    snapshots: [],
    settings: [],
  };
  const hasher = new LinesHasher();
  const readBacks = new Map<string, DatasetReadBack>();
  const receipts = new Map<string, ImportReceipt>();
  let end: Extract<WorkspaceRecord, { type: 'end' }> | null = null;
  const problem = (text: string) => {
    if (reading.problems.length < MAX_PROBLEMS) reading.problems.push(text);
  };
  try {
    for await (const line of workspaceLines(blobSource(fileName, file))) {
      reading.lines++;
      if (end) {
        problem(`line ${reading.lines}: there are lines after the last line`);
        break;
      }
      const parsed = parseRecord(line);
      if (!parsed.ok) {
        problem(
          reading.lines === 1
            ? 'This is not an Outturn workspace file.'
            : `line ${reading.lines}: ${messages(parsed.issues)}`,
        );
        if (reading.lines === 1) break;
        continue;
      }
      const r = parsed.value;
      if (r.type === 'end') {
        end = r;
        continue;
      }
      hasher.add(line);
      if (reading.lines === 1) {
        if (r.type !== WORKSPACE_TYPE) {
          problem('This is not an Outturn workspace file: its first line does not say so.');
          break;
        }
        if (r.format > WORKSPACE_FORMAT)
          problem(
            `It was written by a newer version of Outturn (workspace format ${r.format}; this version reads ${WORKSPACE_FORMAT}).`,
          );
        reading.exportedAt = r.exportedAt;
        reading.appVersion = r.appVersion;
        continue;
      }
      switch (r.type) {
        case 'chunk': {
          const rb = readBacks.get(r.datasetId) ?? new DatasetReadBack(r.datasetId);
          readBacks.set(r.datasetId, rb);
          rb.addChunk(r);
          break;
        }
        case 'receipt': {
          const receipt = r.receipt as unknown as ImportReceipt;
          if (typeof receipt.id === 'string') {
            receipts.set(receipt.id, receipt);
            reading.receiptIds.push(receipt.id);
          } else problem(`line ${reading.lines}: a receipt with no id`);
          break;
        }
        case 'dataset': {
          const meta = asDatasetMeta(r.meta);
          if (!meta) {
            problem(`line ${reading.lines}: a dataset record that is not one`);
            break;
          }
          const rb = readBacks.get(meta.id) ?? new DatasetReadBack(meta.id);
          readBacks.delete(meta.id);
          const issues = rb.finish(meta, r.contentSha256, receipts.get(meta.receiptId) ?? null);
          reading.datasets.push({ meta: meta as unknown as DatasetMeta, contentSha256: r.contentSha256, issues });
          break;
        }
        case 'profile': {
          const p = r.profile as { signature?: unknown; name?: unknown };
          if (typeof p.signature !== 'string')
            problem(`line ${reading.lines}: a mapping profile with no header signature`);
          else
            reading.profiles.push({
              key: p.signature,
              label: `Mapping profile “${typeof p.name === 'string' ? p.name : p.signature}”`,
              json: json(r.profile),
            });
          break;
        }
        case 'scenario': {
          const read = scenarioFromJson(r.record);
          const rec = r.record as { id?: unknown; name?: unknown };
          const key = typeof rec.id === 'string' ? rec.id : `line-${reading.lines}`;
          reading.scenarios.push({
            key,
            label: `Scenario “${typeof rec.name === 'string' ? rec.name : key}”`,
            json: json(r.record),
            ...(read.ok ? {} : { issues: read.issues.map((i) => i.message) }),
          });
          break;
        }
        case 'snapshot': {
          const read = readSnapshot(r.record);
          const rec = r.record as { id?: unknown; name?: unknown };
          const key = typeof rec.id === 'string' ? rec.id : `line-${reading.lines}`;
          reading.snapshots.push({
            key,
            label: `Frozen pack “${typeof rec.name === 'string' ? rec.name : key}”`,
            json: json(r.record),
            ...(read.ok ? {} : { issues: read.issues.map((i) => i.message) }),
          });
          break;
        }
        case 'setting':
          if (!isLocalSetting(r.name))
            reading.settings.push({
              key: r.name,
              label:
                r.name === 'board-pack'
                  ? 'Board pack settings'
                  : r.name === 'organisation'
                    ? 'Organisation name'
                    : `Setting “${r.name}”`,
              json: json(r.value),
            });
          break;
        default:
          problem(`line ${reading.lines}: a second header`);
      }
    }
  } catch (error) {
    problem(
      `The file cannot be read: ${error instanceof Error ? error.message : String(error)} (is it a workspace file, whole?).`,
    );
  }
  // Receipts of the file's datasets travel with them; the rest (receipts of datasets since deleted) are planned on their own.
  const attached = new Set(reading.datasets.map((d) => d.meta.receiptId));
  reading.receiptIds = reading.receiptIds.filter((id) => !attached.has(id));
  if (reading.lines === 0) problem('The file is empty.');
  else if (reading.problems.length === 0) {
    if (!end)
      problem(
        'The file ends early: its last line (the count of its lines and their SHA-256) is missing, so it may have been cut short.',
      );
    else if (end.lines !== hasher.lines || end.sha256 !== hasher.digest())
      problem(
        'Its lines do not match the count and SHA-256 in its last line: it has been altered or damaged since it was written.',
      );
    for (const id of readBacks.keys()) problem(`It has rows of a dataset (${id}) but not the dataset's record.`);
  }
  return reading;
}

/** What importing the file would change here. Reads this browser's state; writes nothing. */
export async function planImport(reading: WorkspaceReading): Promise<PlanItem[]> {
  await ensureStarted();
  const local = await localWorkspaceState(new Set(reading.datasets.map((d) => d.meta.name)));
  const datasets: PlanDataset[] = reading.datasets.map((d) => ({
    id: d.meta.id,
    name: d.meta.name,
    createdAt: d.meta.createdAt,
    rowCount: d.meta.rowCount,
    contentSha256: d.contentSha256,
    issues: d.issues,
  }));
  return planWorkspaceImport({
    file: {
      datasets,
      receiptIds: reading.receiptIds,
      profiles: reading.profiles,
      scenarios: reading.scenarios,
      snapshots: reading.snapshots,
      settings: reading.settings,
    },
    local,
  });
}

// ---------------------------------------------------------------------------------------------------
// Writing what was chosen (pass 2)

export interface ApplyReport {
  datasets: { name: string; count: number; rows: number; action: 'add' | 'replace' }[];
  receipts: number;
  records: number;
  /** What could not be taken after all (the file changed between the passes): this browser keeps its own. */
  failures: string[];
}

/**
 * Reads the file again and writes the chosen changes (plan item ids). A dataset whose id is already used
 * here by other rows is stored under a new id, so this browser's rows are never touched before the commit.
 */
export async function applyImport(
  file: Blob,
  plan: readonly PlanItem[],
  chosen: ReadonlySet<string>,
): Promise<ApplyReport> {
  await ensureStarted();
  // Rows are written before the records that name them, as an import writes them: holding the import lock
  // (shared) keeps another tab's start-up tidy from taking them for rows an unfinished import left.
  const report = await withImportLock(() => applyChosen(file, plan, chosen));
  // A workspace file written by an earlier version holds datasets in an older layout (before datasets knew
  // their year): brought forward now, as at a start, rather than set aside until the next one.
  await migrateDatasets();
  return report;
}

async function applyChosen(file: Blob, plan: readonly PlanItem[], chosen: ReadonlySet<string>): Promise<ApplyReport> {
  const take = (item: PlanItem) => chosen.has(item.id) && (item.action === 'add' || item.action === 'replace');
  const names = new Set(plan.filter((i) => i.group === 'datasets' && take(i)).map((i) => i.key));
  const taken = (group: PlanItem['group'], key: string) =>
    plan.some((i) => i.group === group && i.key === key && take(i));
  const report: ApplyReport = { datasets: [], receipts: 0, records: 0, failures: [] };

  const localIds = new Map((await listDatasets()).map((m) => [m.id, m]));
  const hasher = new LinesHasher();
  const readBacks = new Map<string, DatasetReadBack>();
  const idFor = new Map<string, string>(); // file id -> id stored here
  const written = new Set<string>();
  const receipts = new Map<string, ImportReceipt>();
  const staged = new Map<string, { metas: DatasetMeta[]; failed: boolean }>();
  const records: { store: 'profiles' | 'scenarios' | 'snapshots'; record: JsonValue }[] = [];
  const settings: { name: string; value: JsonValue }[] = [];
  let end: Extract<WorkspaceRecord, { type: 'end' }> | null = null;
  // Which name each dataset id belongs to, from the plan's reading (chunks come before their dataset record).
  const nameOf = new Map<string, string>();
  const reading = await readWorkspace(file);
  if (reading.problems.length > 0) return { ...report, failures: reading.problems };
  for (const d of reading.datasets) nameOf.set(d.meta.id, d.meta.name);
  for (const d of reading.datasets) {
    if (!names.has(d.meta.name)) continue;
    const here = localIds.get(d.meta.id);
    const same =
      here !== undefined && here.name === d.meta.name && (await datasetContentSha256(here)) === d.contentSha256;
    idFor.set(d.meta.id, here === undefined || same ? d.meta.id : crypto.randomUUID());
    if (same) written.add(`keep:${d.meta.id}`);
  }

  for await (const line of workspaceLines(blobSource('workspace', file))) {
    const parsed = parseRecord(line);
    if (!parsed.ok) continue; // pass 1 found no problems: a line that now fails shows in the count below
    const r = parsed.value;
    if (r.type === 'end') {
      end = r;
      continue;
    }
    hasher.add(line);
    if (r.type === 'chunk') {
      const name = nameOf.get(r.datasetId);
      if (name === undefined || !names.has(name)) continue;
      const rb = readBacks.get(r.datasetId) ?? new DatasetReadBack(r.datasetId);
      readBacks.set(r.datasetId, rb);
      const chunk = rb.addChunk(r);
      const id = idFor.get(r.datasetId)!;
      if (chunk && !written.has(`keep:${r.datasetId}`)) {
        await putImportedChunk(id, chunk);
        written.add(id);
      }
    } else if (r.type === 'receipt') {
      const receipt = r.receipt as unknown as ImportReceipt;
      receipts.set(receipt.id, receipt);
    } else if (r.type === 'dataset') {
      const meta = asDatasetMeta(r.meta);
      if (!meta || !names.has(meta.name)) continue;
      const rb = readBacks.get(meta.id) ?? new DatasetReadBack(meta.id);
      const issues = rb.finish(meta, r.contentSha256, receipts.get(meta.receiptId) ?? null);
      const group = staged.get(meta.name) ?? { metas: [], failed: false };
      staged.set(meta.name, group);
      if (issues.length > 0) {
        group.failed = true;
        report.failures.push(`${meta.name}: ${issues.join('; ')}`);
      } else {
        const id = idFor.get(meta.id)!;
        group.metas.push({ ...(meta as unknown as DatasetMeta), id, receiptId: meta.receiptId });
      }
    } else if (r.type === 'profile' && taken('profiles', String((r.profile as { signature?: unknown }).signature))) {
      records.push({ store: 'profiles', record: r.profile });
    } else if (r.type === 'scenario' && taken('scenarios', String((r.record as { id?: unknown }).id))) {
      records.push({ store: 'scenarios', record: r.record });
    } else if (r.type === 'snapshot' && taken('snapshots', String((r.record as { id?: unknown }).id))) {
      records.push({ store: 'snapshots', record: r.record });
    } else if (r.type === 'setting' && taken('settings', r.name)) {
      settings.push({ name: r.name, value: r.value });
    }
  }
  const intact = end !== null && end.lines === hasher.lines && end.sha256 === hasher.digest();
  const discard = async (ids: Iterable<string>) => {
    for (const id of ids) if (!id.startsWith('keep:') && !localIds.has(id)) await deleteChunks(id);
  };
  if (!intact) {
    await discard(written);
    return {
      ...report,
      failures: ['The file changed after it was checked (its lines no longer match its last line): nothing was taken.'],
    };
  }
  for (const [name, group] of staged) {
    const ids = group.metas.map((m) => m.id);
    if (group.failed) {
      await discard(ids);
      continue;
    }
    const wanted = group.metas.flatMap((m) => {
      const receipt = receipts.get(m.receiptId);
      return receipt ? [{ ...receipt, datasetId: m.id }] : [];
    });
    const orphans = await commitDatasetsByName(name, group.metas, wanted);
    for (const id of orphans) await deleteChunks(id);
    const planned = plan.find((i) => i.group === 'datasets' && i.key === name);
    report.datasets.push({
      name,
      count: group.metas.length,
      rows: group.metas.reduce((t, m) => t + m.rowCount, 0),
      action: planned?.action === 'replace' ? 'replace' : 'add',
    });
  }
  if (plan.some((i) => i.id === 'receipts/all' && take(i))) {
    const loose = new Set(reading.receiptIds);
    for (const receipt of receipts.values())
      if (loose.has(receipt.id) && (await putReceiptIfNew(receipt))) report.receipts++;
  }
  for (const { store, record } of records) {
    await putRecord(store, record);
    report.records++;
  }
  for (const { name, value } of settings) {
    await putSetting(name, value);
    report.records++;
  }
  return report;
}
