/*
 * What importing a workspace file would change, worked out before anything is written, so that it can be
 * shown and the user asked. Nothing is overwritten silently: every item is an addition, a replacement
 * (said as such, with both sides), the same as what is here (no change), or refused (with the reason).
 *
 * Datasets are taken by file name, because the pages read the latest dataset of each name: if this
 * browser's datasets of a name are not the same rows as the file's, the file's replace them (their
 * receipts stay, as after any delete), so the pages show what the sender saw. Datasets are the same when
 * their content hashes are, whatever their ids (two browsers that each loaded the sample hold the same
 * rows under different ids). Everything else is matched by its key: profiles by header signature,
 * scenarios and snapshots by id, settings by name.
 */

export interface PlanDataset {
  id: string;
  name: string;
  createdAt: string;
  rowCount: number;
  contentSha256: string;
  /** Why a dataset read from the file cannot be taken (its hash or totals do not check). */
  issues?: readonly string[];
}

export interface PlanRecord {
  key: string;
  label: string;
  /** Canonical JSON of the record, to tell the same from different. */
  json: string;
  issues?: readonly string[];
}

export interface PlanInput {
  file: {
    datasets: readonly PlanDataset[];
    receiptIds: readonly string[];
    profiles: readonly PlanRecord[];
    scenarios: readonly PlanRecord[];
    snapshots: readonly PlanRecord[];
    settings: readonly PlanRecord[];
  };
  local: {
    datasets: readonly PlanDataset[];
    receiptIds: ReadonlySet<string>;
    profiles: ReadonlyMap<string, string>;
    scenarios: ReadonlyMap<string, string>;
    snapshots: ReadonlyMap<string, string>;
    settings: ReadonlyMap<string, string>;
  };
}

export type PlanAction = 'add' | 'replace' | 'same' | 'refused';
export type PlanGroup = 'datasets' | 'receipts' | 'profiles' | 'scenarios' | 'snapshots' | 'settings';

export interface PlanItem {
  /** Unique in the plan: group and key. */
  id: string;
  group: PlanGroup;
  key: string;
  label: string;
  action: PlanAction;
  detail: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const short = (hash: string) => `${hash.slice(0, 12)}…`;
const rows = (ds: readonly PlanDataset[]) => ds.reduce((t, d) => t + d.rowCount, 0);
const byDate = (ds: readonly PlanDataset[]) => [...ds].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

function datasetItems(file: readonly PlanDataset[], local: readonly PlanDataset[]): PlanItem[] {
  const names = [...new Set(file.map((d) => d.name))];
  return names.map((name): PlanItem => {
    const theirs = byDate(file.filter((d) => d.name === name));
    const ours = byDate(local.filter((d) => d.name === name));
    const base = { id: `datasets/${name}`, group: 'datasets' as const, key: name, label: name };
    const refused = theirs.filter((d) => (d.issues?.length ?? 0) > 0);
    if (refused.length > 0) {
      return {
        ...base,
        action: 'refused',
        detail: `Not taken: ${refused.map((d) => (d.issues ?? []).join('; ')).join('; ')}. This browser's ${name} is left as it is.`,
      };
    }
    const latest = theirs[theirs.length - 1]!;
    const summary = `${plural(theirs.length, 'dataset')}, ${plural(rows(theirs), 'row')}, content ${theirs.map((d) => short(d.contentSha256)).join(', ')}`;
    if (ours.length === 0) return { ...base, action: 'add', detail: `Adds ${summary}: not in this browser.` };
    const same = ours.length === theirs.length && ours.every((d, i) => d.contentSha256 === theirs[i]!.contentSha256);
    if (same) return { ...base, action: 'same', detail: `The same rows as this browser's (${summary}).` };
    return {
      ...base,
      action: 'replace',
      detail: `This browser holds ${plural(ours.length, 'dataset')} (${plural(rows(ours), 'row')}, content ${ours.map((d) => short(d.contentSha256)).join(', ')}); the file holds ${summary}. The file's replace this browser's, so the pages show the file's latest (imported ${latest.createdAt.slice(0, 10)}); this browser's receipts are kept.`,
    };
  });
}

function recordItems(
  group: PlanGroup,
  file: readonly PlanRecord[],
  local: ReadonlyMap<string, string>,
  noun: string,
): PlanItem[] {
  return file.map((r): PlanItem => {
    const base = { id: `${group}/${r.key}`, group, key: r.key, label: r.label };
    if ((r.issues?.length ?? 0) > 0)
      return { ...base, action: 'refused', detail: `Not taken: ${(r.issues ?? []).join('; ')}.` };
    const here = local.get(r.key);
    if (here === undefined) return { ...base, action: 'add', detail: `Adds this ${noun}: not in this browser.` };
    if (here === r.json) return { ...base, action: 'same', detail: `The same as this browser's ${noun}.` };
    return {
      ...base,
      action: 'replace',
      detail: `This browser has a different ${noun} under the same ${group === 'settings' ? 'name' : group === 'profiles' ? 'headers' : 'id'}: the file's replaces it.`,
    };
  });
}

/** Every change the import would make, in the order the page lists them. Pure. */
export function planWorkspaceImport({ file, local }: PlanInput): PlanItem[] {
  const newReceipts = file.receiptIds.filter((id) => !local.receiptIds.has(id));
  return [
    ...datasetItems(file.datasets, local.datasets),
    ...(file.receiptIds.length > 0
      ? [
          {
            id: 'receipts/all',
            group: 'receipts' as const,
            key: 'all',
            label: 'Receipts of deleted datasets',
            action: newReceipts.length > 0 ? ('add' as const) : ('same' as const),
            detail:
              newReceipts.length > 0
                ? `Adds ${plural(newReceipts.length, 'receipt')} of imports whose datasets were deleted, not in this browser (receipts are evidence: none is ever replaced).`
                : 'Every receipt in the file is already in this browser.',
          },
        ]
      : []),
    ...recordItems('profiles', file.profiles, local.profiles, 'mapping profile'),
    ...recordItems('scenarios', file.scenarios, local.scenarios, 'scenario'),
    ...recordItems('snapshots', file.snapshots, local.snapshots, 'frozen pack'),
    ...recordItems('settings', file.settings, local.settings, 'setting'),
  ];
}
