import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  readSnapshot,
  sealSnapshot,
  SNAPSHOT_FORMAT,
  type PackInputs,
  type Snapshot,
} from '../domain/board-pack/pack-snapshot';
import { deleteSnapshot, listSnapshotRecords, putSnapshot } from '../storage/snapshots';
import { buildPackFromInputs } from './board-pack-inputs';

/** The version of the app that froze a pack: package.json's version and the commit built from. */
export const APP_VERSION: string = __OUTTURN_VERSION__;

export interface UnreadableSnapshot {
  id: string;
  name: string;
  issues: string[];
}

export interface SnapshotList {
  /** Sound snapshots, the most recently frozen first. */
  snapshots: Snapshot[];
  /** Records that are not sound snapshots (altered, or from another version), listed so they can be deleted. */
  unreadable: UnreadableSnapshot[];
}

async function listSnapshots(): Promise<SnapshotList> {
  const list: SnapshotList = { snapshots: [], unreadable: [] };
  for (const record of await listSnapshotRecords()) {
    const read = readSnapshot(record);
    if (read.ok) list.snapshots.push(read.value);
    else {
      const r = record as { id?: unknown; name?: unknown };
      list.unreadable.push({
        id: typeof r.id === 'string' ? r.id : '',
        name: typeof r.name === 'string' ? r.name : '',
        issues: read.issues.map((i) => i.message),
      });
    }
  }
  list.snapshots.sort((a, b) => b.frozenAt.localeCompare(a.frozenAt) || a.name.localeCompare(b.name));
  return list;
}

const snapshotsQuery = queryOptions({ queryKey: ['snapshots'], queryFn: listSnapshots });

export function useSnapshots() {
  return useQuery(snapshotsQuery);
}

/** Freezes the pack drawn from `inputs` now: the pack, its inputs and this app's version, sealed by SHA-256. */
function freezeSnapshot(name: string, inputs: PackInputs, now: Date = new Date()): Snapshot {
  const frozenAt = now.toISOString();
  const pack = buildPackFromInputs(inputs, { producedAt: frozenAt, appVersion: APP_VERSION });
  return sealSnapshot({
    format: SNAPSHOT_FORMAT,
    id: crypto.randomUUID(),
    name,
    frozenAt,
    appVersion: APP_VERSION,
    inputs,
    pack,
  });
}

export function useFreezeSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, inputs }: { name: string; inputs: PackInputs }) => {
      const snapshot = freezeSnapshot(name, inputs);
      await putSnapshot(snapshot);
      return snapshot;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: snapshotsQuery.queryKey }),
  });
}

export function useDeleteSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteSnapshot(id),
    onSuccess: () => client.invalidateQueries({ queryKey: snapshotsQuery.queryKey }),
  });
}
