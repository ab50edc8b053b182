import type { Snapshot } from '../domain/board-pack/pack-snapshot';
import { openOutturnDb, type Db } from './db';

/*
 * Frozen board packs, one record each in the `snapshots` store (keyPath id), as sealed by
 * domain/board-pack/pack-snapshot.ts. Records are returned as stored: the reader checks their seal.
 */

export async function listSnapshotRecords(db?: Db): Promise<unknown[]> {
  const d = db ?? (await openOutturnDb());
  return d.getAll('snapshots');
}

export async function putSnapshot(snapshot: Snapshot, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await d.put('snapshots', snapshot);
}

/** Deletes a snapshot; deleting one that is not there is not an error. */
export async function deleteSnapshot(id: string, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await d.delete('snapshots', id);
}
