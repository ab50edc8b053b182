import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/*
 * The one IndexedDB database of Outturn. Every store is declared here so that features share one
 * schema and one version number; each store's module (datasets.ts, scenarios.ts ...) owns its reads
 * and writes. Bump DB_VERSION and add an upgrade step when a store changes; never rewrite a past step.
 */

export const DB_NAME = 'outturn';
const DB_VERSION = 1;

/** A value stored as JSON-safe data: money as decimal strings (never floats), dates as ISO strings. */
export type Stored = string | number | boolean | null | Stored[] | { [key: string]: Stored | undefined };

export interface OutturnDb extends DBSchema {
  /** Imported datasets: one record of metadata each; their rows live in `chunks`. */
  datasets: { key: string; value: { id: string } & Record<string, Stored | undefined>; indexes: { byHash: string } };
  /** Dataset rows in column-oriented chunks, keyed [datasetId, chunkIndex], so a million rows is ~100 records. */
  chunks: { key: [string, number]; value: { datasetId: string; index: number } & Record<string, Stored | undefined>; indexes: { byDataset: string } };
  /** Import receipts, one per import, kept after the dataset is deleted. */
  receipts: { key: string; value: { id: string } & Record<string, Stored | undefined> };
  /** Column-mapping profiles, keyed by the signature of the headers they apply to. */
  profiles: { key: string; value: { signature: string } & Record<string, Stored | undefined> };
  /** Saved reserve-modelling scenarios. */
  scenarios: { key: string; value: { id: string } & Record<string, Stored | undefined> };
  /** Frozen board-pack snapshots. */
  snapshots: { key: string; value: { id: string } & Record<string, Stored | undefined> };
  /** Settings by name (RAG thresholds, chosen period ...). */
  settings: { key: string; value: Stored };
}

export type Db = IDBPDatabase<OutturnDb>;

let opening: Promise<Db> | undefined;

/** Opens (and on first use creates or upgrades) the database. One connection per page. */
export function openOutturnDb(name: string = DB_NAME): Promise<Db> {
  if (name !== DB_NAME) return open(name);
  opening ??= open(name).catch((error: unknown) => {
    opening = undefined; // let a later call try again (e.g. after the user frees space)
    throw error;
  });
  return opening;
}

/** The database was written by a newer Outturn: this version must not touch it, and says so. */
class NewerDatabase extends Error {
  constructor() {
    super(
      `The data kept in this browser was saved by a newer version of Outturn (its database is past version ${DB_VERSION}, the newest this version reads). Nothing was read or changed. Open Outturn at the newer version's address to see it.`,
    );
  }
}

async function open(name: string): Promise<Db> {
  try {
    return await openCurrent(name);
  } catch (error) {
    throw error instanceof DOMException && error.name === 'VersionError' ? new NewerDatabase() : error;
  }
}

function openCurrent(name: string): Promise<Db> {
  return openDB<OutturnDb>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('datasets', { keyPath: 'id' }).createIndex('byHash', 'sha256');
        db.createObjectStore('chunks', { keyPath: ['datasetId', 'index'] }).createIndex('byDataset', 'datasetId');
        db.createObjectStore('receipts', { keyPath: 'id' });
        db.createObjectStore('profiles', { keyPath: 'signature' });
        db.createObjectStore('scenarios', { keyPath: 'id' });
        db.createObjectStore('snapshots', { keyPath: 'id' });
        db.createObjectStore('settings');
      }
    },
    blocking() {
      // Another tab wants a newer version: close so it can upgrade; this tab reloads on next use.
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  });
}
