import type { ColumnMapping, ColumnScale } from '../import/column-mapping';
import type { DatasetKind } from '../import/dataset-kinds';
import { openOutturnDb, type Db } from './db';

/** A saved column mapping, applied automatically to the next file with the same headers. */
export interface MappingProfile {
  signature: string;
  name: string;
  kind: DatasetKind;
  mapping: ColumnMapping;
  /** The units the user set for amount columns (saved since 5 December 2026); the others as each file says. */
  scales?: Record<string, ColumnScale>;
  headerIndex: number;
  savedAt: string;
}

export async function saveProfile(profile: MappingProfile, db?: Db): Promise<void> {
  const d = db ?? (await openOutturnDb());
  await d.put('profiles', profile);
}

export async function findProfile(signature: string, db?: Db): Promise<MappingProfile | undefined> {
  const d = db ?? (await openOutturnDb());
  return (await d.get('profiles', signature)) as unknown as MappingProfile | undefined;
}
