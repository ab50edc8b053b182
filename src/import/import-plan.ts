import type { AuthorityRowPlan } from './authority-returns';
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
  /**
   * The financial year the file is for, by its first calendar year (2018 = 2018/19): as the file says (a year
   * column, posting dates, a title line, headers such as "Balance 1/4/18"), confirmed or set by the user. Null:
   * not known (the file does not say and nobody said); such a dataset is kept but no page reads it.
   */
  year: number | null;
  /**
   * Monitoring data (a monthly return): the period, 1-12, it is as at. Null for a whole year's data (a budget,
   * a year-end table, a reserves position) and for a ledger, whose periods are in its rows.
   */
  month: number | null;
  /** What gave the year and month, in words ("Year column: 2018/19 on every row"; "set by you"). */
  yearEvidence: string[];
  /**
   * An MHCLG revenue return (RA or RO), converted: the chosen authority's row read as lines, a service a line
   * (authority-lines.ts). Its mapping is of those lines (lineHeaders), not of the file's header. Absent for
   * every other file, and in plans made before returns were converted.
   */
  authority?: AuthorityRowPlan;
}
