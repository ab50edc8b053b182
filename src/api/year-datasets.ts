import { queryOptions } from '@tanstack/react-query';
import { KIND_COLUMNS } from '../import/dataset-kinds';
import {
  printedTableFromRows,
  type PrintedTable,
  type PrintedTableOptions,
  type RowType,
} from '../import/printed-table';
import { countingDatasets, roleOf, ROLE_LABELS, type DatasetRole } from '../storage/dataset-slots';
import { listDatasets, readChunks, type DatasetMeta } from '../storage/datasets';
import { queryKeys } from './query-keys';
import { ensureYearStarted } from './sample-bootstrap';

/*
 * How a page asks for data: by role (what a dataset holds), financial year and, for monthly returns, month;
 * never by a file's name. Of several datasets for the same slot, the one that counts is read
 * (storage/dataset-slots.ts); a year with nothing of a role says so, and never falls back to another year.
 */

/** The datasets that count for a year, by role, in import order. */
export interface YearDatasets {
  year: number;
  all: readonly DatasetMeta[];
  of: (role: DatasetRole) => DatasetMeta[];
  /** Whether any dataset of the year is generated (illustrative) rather than a real export. */
  illustrative: boolean;
}

export async function loadYearDatasets(year: number): Promise<YearDatasets> {
  // The year's own sample files, not the whole sample: a first start draws the newest year sooner.
  await ensureYearStarted(year);
  const all = countingDatasets(await listDatasets()).filter((d) => d.year === year);
  return {
    year,
    all,
    of: (role) => all.filter((d) => roleOf(d) === role),
    illustrative: all.some((d) => d.illustrative),
  };
}

export const yearDatasetsQuery = (year: number) =>
  queryOptions({ queryKey: queryKeys.year(year), queryFn: () => loadYearDatasets(year), staleTime: Infinity });

export const roleLabel = (role: DatasetRole): string => ROLE_LABELS[role];

/** A table's rows as its import stored them: the dataset, its header cells, and every row (totals too) in file order. */
export interface TableSource {
  dataset: DatasetMeta;
  headers: string[];
  rows: { line: number; cells: string[]; rowType: RowType }[];
}

/** The rows of a dataset: its data rows from the chunks and its total rows from the receipt's skipped rows, in file order. */
export async function loadTableSource(dataset: DatasetMeta): Promise<TableSource> {
  const sums = dataset.skippedRows.filter((r) => r.type !== 'footer').sort((a, b) => a.row - b.row);
  // The import calls a sum row a subtotal when it adds the rows since the last total; in a table with one level (a
  // TOTAL under its lines) that is the grand total too: the last sum row of a file with no total is its total.
  const lastIsTotal = !sums.some((r) => r.type === 'total');
  const rows: TableSource['rows'] = sums.map((r, i) => ({
    line: r.row,
    cells: r.cells,
    rowType: r.type === 'total' || (lastIsTotal && i === sums.length - 1) ? 'total' : 'subtotal',
  }));
  for (const chunk of await readChunks(dataset.id)) {
    for (let i = 0; i < chunk.rowCount; i++)
      rows.push({ line: chunk.lines[i]!, cells: chunk.raw.map((column) => column[i] ?? ''), rowType: 'item' });
  }
  rows.sort((a, b) => a.line - b.line);
  return { dataset, headers: dataset.headers, rows };
}

/**
 * A printed table from a dataset, named `tableId`: the id a paper's checks use for the table (its role in the
 * paper), given by the caller after recognising the dataset by its shape and rows, never by its file name.
 */
export async function loadPrintedTable(dataset: DatasetMeta, tableId: string): Promise<PrintedTable> {
  const source = await loadTableSource(dataset);
  // A file with no "Row type" column (an export, not the sample's transcription) takes its total and subtotal rows
  // from its import, which recognised and skipped them (the receipt lists them): read as totals, never as lines.
  return printedTableFromRows(tableId, source.headers, source.rows, mappedColumns(dataset));
}

/**
 * How a dataset's table is read: its columns as the import mapped them, in one pass over its mapping: each mapped
 * column's header by canonical key, and each amount column's unit by header.
 */
export function mappedColumns(dataset: DatasetMeta): Required<Pick<PrintedTableOptions, 'amounts' | 'mapped'>> {
  const mapped: Record<string, string> = {};
  const amounts: Record<string, 'thousands' | 'pounds'> = {};
  for (const column of KIND_COLUMNS[dataset.kind]) {
    const index = dataset.plan.mapping[column.key];
    const header = index === null || index === undefined ? '' : (dataset.headers[index] ?? '').trim();
    if (!header) continue;
    mapped[column.key] = header;
    if (column.type === 'amount')
      amounts[header] = dataset.plan.scales[column.key] === 'thousands' ? 'thousands' : 'pounds';
  }
  return { amounts, mapped };
}
