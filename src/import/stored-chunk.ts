/*
 * The stored form of imported rows: what the import builds, IndexedDB keeps, a workspace file carries and
 * drill-down reads. Declared here alone, apart from the code that builds it, because storage reads it as a
 * contract: storage may import this file (domain <- import <- storage), and nothing here imports storage.
 * A change to these fields is a change of the stored layout (DATASET_SCHEMA in src/storage/dataset-records.ts).
 */

/**
 * Accepted rows in one stored chunk, at most, as the import cuts them now. A drill-down's first page reads the
 * chunks that hold its lines, and a pair's first hundred lines by date lie all over a big file: in a million-row
 * ledger, 60 chunks. Each is read whole (its texts are kept column by column), so the size of a chunk is what a
 * line costs to read: at 10,000 rows (360 kB, kept by IndexedDB as six pieces, chunk-records.ts) those 60 chunks
 * took 330-400 ms to read. At 1,500 rows a chunk of an ordinary ledger (about 36 bytes a row packed) is one record
 * under Chromium's 64 KiB threshold. Chunks stored with 10,000 rows (before 4 December 2026) are read as they are:
 * nothing reads a chunk's size from here (see POSITION_STRIDE, line-index.ts).
 */
export const CHUNK_ROWS = 1_500;

/** Up to CHUNK_ROWS accepted rows (10,000 in chunks stored before), column by column: the stored form that drill-down reads. */
export interface StoredChunk {
  index: number;
  rowCount: number;
  /** Spreadsheet row number of each row. */
  lines: Uint32Array;
  /** 1 where the row was accepted with warnings. */
  warned: Uint8Array;
  /** Every column of the file, as its text (codes keep their leading zeros). */
  raw: string[][];
  /**
   * Canonical amount columns in pence (NaN where blank). A typed array cannot hold a branded number: a
   * cell is branded `Pence` (src/domain/core/units.ts) where it leaves the import, in src/api/monitoring-rows.ts.
   */
  pence: Record<string, Float64Array>;
  /** Canonical period, 1..16; 0 where none. */
  periods: Uint8Array;
  /**
   * Canonical dates as numbers yyyymmdd (20170403), and financial years as their first year (2017);
   * 0 where none. Numbers in typed arrays: no string per row, and a quarter of the memory.
   */
  dates: Record<string, Uint32Array>;
}

/**
 * A text column of a chunk as its distinct values (in the order first met) and each row's number among them,
 * as the chunk builder keeps it while its cells are pooled. Not part of the stored layout: packing a chunk
 * (packed-chunk.ts) takes it, when given, instead of looking every cell up again; it must say the same cells
 * as the column (values[codes[i]] === raw[column][i]).
 */
export interface ColumnDictionary {
  values: readonly string[];
  codes: Uint16Array;
}

/** A chunk as the import hands it on: the stored form, and the dictionaries of its columns the builder kept. */
export type BuiltChunk = StoredChunk & { dictionaries?: readonly (ColumnDictionary | null)[] };
