import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { JsonValue } from '../domain/core/canonical-json';
import type { Snapshot } from '../domain/board-pack/pack-snapshot';
import type { StoredChunk } from '../import/stored-chunk';
import type { ChunkPieceRecord, FiledChunkRecord, PackedChunkRecord } from './chunk-records';
import type { LineIndexRecord } from './line-index-records';
import type { LedgerSumsRecord } from './ledger-sums';
import type { ImportReceipt } from '../import/receipt';
import type { DatasetMeta } from './datasets';
import type { MappingProfile } from './profiles';

/*
 * The one IndexedDB database of Outturn. Every store is declared here so that features share one
 * schema and one version number; each store's module (datasets.ts, scenarios.ts ...) owns its reads
 * and writes. Bump DB_VERSION and add an upgrade step when a store changes; never rewrite a past step.
 */

export const DB_NAME = 'outturn';
const DB_VERSION = 4;

/**
 * A record kept as it came (a workspace file's profile, scenario or frozen pack, checked only for its key):
 * JSON-safe data (money as decimal strings, dates as ISO strings), read back with the same care as any other.
 */
export type KeptRecord<Key extends string> = { readonly [K in Key]: string } & {
  readonly [key: string]: JsonValue | undefined;
};

/**
 * A dataset's rows in one chunk, as stored: packed and deflated (layout 4, chunk-records.ts), or, in a
 * dataset not yet brought forward, the decoded chunk itself (layouts 1 to 3).
 */
export type ChunkRecord =
  PackedChunkRecord | ChunkPieceRecord | FiledChunkRecord | (StoredChunk & { datasetId: string });

/*
 * Each store's records as this version writes them. A record read back may have been written by another
 * version, or damaged: the readers (dataset-records.ts, scenarioFromJson, readSnapshot) check before trusting it.
 */
export interface OutturnDb extends DBSchema {
  /**
   * Imported datasets: one record of metadata each; their rows live in `chunks`. `bySchema` (version 3) counts the
   * records of each layout, so that a start finds nothing to bring forward without reading every record.
   */
  datasets: { key: string; value: DatasetMeta; indexes: { byHash: string; bySchema: number } };
  /**
   * Dataset rows in column-oriented chunks, keyed [datasetId, chunkIndex], so a million rows is ~100 chunks; a
   * chunk's bytes past 60 kB in pieces keyed between its index and the next (chunk-records.ts).
   */
  chunks: { key: [string, number]; value: ChunkRecord; indexes: { byDataset: string } };
  /**
   * A ledger's line index (src/import/line-index.ts), keyed [datasetId, part]: where each cost centre and
   * subjective's lines are, so that a drill-down reads only the chunks it shows (version 2). A dataset without one
   * (stored before it, or taken in from a workspace file) has it made by the read worker at its first drill-down.
   */
  lineIndex: { key: [string, number]; value: LineIndexRecord; indexes: { byDataset: string } };
  /**
   * A ledger's exact sums by cost centre, subjective and period (ledger-sums.ts), keyed by its dataset's id (version
   * 4): written with the dataset record, read only by what adds them up. In the record (layout 5), a million-row
   * ledger's 4 MB of sums were deserialised on the page's thread at every reading of the list of datasets.
   */
  ledgerSums: { key: string; value: LedgerSumsRecord };
  /** Import receipts, one per import, kept after the dataset is deleted. */
  receipts: { key: string; value: ImportReceipt };
  /** Column-mapping profiles, keyed by the signature of the headers they apply to. */
  profiles: { key: string; value: MappingProfile | KeptRecord<'signature'> };
  /** Saved reserve-modelling scenarios, in the JSON-safe form of domain/scenario.ts. */
  scenarios: { key: string; value: KeptRecord<'id'> };
  /** Frozen board-pack snapshots. */
  snapshots: { key: string; value: Snapshot | KeptRecord<'id'> };
  /** Settings by name (RAG thresholds, chosen period ...). */
  settings: { key: string; value: JsonValue };
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
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('datasets', { keyPath: 'id' }).createIndex('byHash', 'sha256');
        db.createObjectStore('chunks', { keyPath: ['datasetId', 'index'] }).createIndex('byDataset', 'datasetId');
        db.createObjectStore('receipts', { keyPath: 'id' });
        db.createObjectStore('profiles', { keyPath: 'signature' });
        db.createObjectStore('scenarios', { keyPath: 'id' });
        db.createObjectStore('snapshots', { keyPath: 'id' });
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) {
        db.createObjectStore('lineIndex', { keyPath: ['datasetId', 'part'] }).createIndex('byDataset', 'datasetId');
      }
      if (oldVersion < 3) {
        // The browser indexes the records already there as it makes the index: each by its layout number (a record
        // without one, layout 1, is in no entry of it).
        transaction.objectStore('datasets').createIndex('bySchema', 'schema');
      }
      if (oldVersion < 4) {
        // Empty until the records of layout 5 are brought forward at the start (migrateDatasets), their sums moved here.
        db.createObjectStore('ledgerSums', { keyPath: 'datasetId' });
      }
    },
    blocking() {
      // Another tab wants a newer version: close so it can upgrade; this tab reloads on next use.
      void opening?.then((db) => db.close());
      opening = undefined;
    },
  });
}
