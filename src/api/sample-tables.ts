import { queryOptions, useQuery } from '@tanstack/react-query';
import { printedTableFromRows, type PrintedTable } from '../import/printed-table';
import { listDatasets, readChunks, type DatasetMeta } from '../storage/datasets';
import { ensureStarted } from './sample-bootstrap';
import type { SampleFile } from './sample-files';

export { SAMPLE_FILES, type SampleFile } from './sample-files';

/** A table's rows as its import stored them: the dataset, its header cells, and every row (totals too) in file order. */
export interface TableSource {
  dataset: DatasetMeta;
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * The rows of the latest dataset of a file name: its data rows from the chunks and its total rows from
 * the receipt's skipped rows, put back in file order.
 */
export async function loadTableSource(file: SampleFile): Promise<TableSource> {
  await ensureStarted();
  const datasets = (await listDatasets()).filter((d) => d.name === file);
  const latest = datasets[datasets.length - 1];
  if (!latest)
    throw new Error(`No dataset named ${file} is loaded. Import it on the Import page (or reload the sample there).`);
  const rows: { line: number; cells: string[] }[] = latest.skippedRows
    .filter((r) => r.type !== 'footer')
    .map((r) => ({ line: r.row, cells: r.cells }));
  for (const chunk of await readChunks(latest.id)) {
    for (let i = 0; i < chunk.rowCount; i++)
      rows.push({ line: chunk.lines[i]!, cells: chunk.raw.map((column) => column[i] ?? '') });
  }
  rows.sort((a, b) => a.line - b.line);
  return { dataset: latest, headers: latest.headers, rows };
}

/** A printed table as stored by its import (the latest dataset of that file name). */
async function loadPrintedTable(file: SampleFile): Promise<PrintedTable> {
  const source = await loadTableSource(file);
  return printedTableFromRows(file, source.headers, source.rows);
}

export const printedTableQuery = (file: SampleFile) =>
  queryOptions({
    queryKey: ['datasets', 'printed-table', file],
    queryFn: () => loadPrintedTable(file),
    staleTime: Infinity,
  });

export function usePrintedTable(file: SampleFile) {
  return useQuery(printedTableQuery(file));
}
