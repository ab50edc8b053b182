import type { ColumnMapping, ColumnScale } from './column-mapping';
import type { DatasetKind } from './dataset-kinds';
import type { EncodingEvidence } from './decode';
import type { Delimiter, Newline } from './sniff';

/*
 * The plan of an import: everything decided before the rows are read. Its own file because three layers
 * hold it: the preview makes it, the import session follows it, and storage keeps it beside the stored
 * chunks (the mapping says which raw column is which canonical one), so it is a contract like StoredChunk.
 */

/** Everything decided before the rows are read: detected, then confirmed or changed by the user. */
export interface ImportPlan {
  fileName: string;
  size: number;
  encoding: EncodingEvidence;
  newline: Newline;
  delimiter: Delimiter;
  delimiterReason: string;
  /** Index of the header record (0 = the file's first line). */
  headerIndex: number;
  headerReason: string;
  kind: DatasetKind;
  mapping: ColumnMapping;
  /** The unit of each mapped amount column. */
  scales: Record<string, ColumnScale>;
  profileName: string | null;
}
