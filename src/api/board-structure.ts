import { messages } from '../domain/core/result';
import type { BoardStructure } from '../domain/revenue/board-structure';
import { structureFromRows, type StructureRow } from '../domain/revenue/structure-rows';
import { countingDatasets, roleOf } from '../storage/dataset-slots';
import { listDatasets, type DatasetMeta } from '../storage/datasets';
import { ensureStarted, ensureYearStarted } from './sample-bootstrap';
import { loadTableSource } from './year-datasets';

/*
 * The board's layout for a year: the structure file of that year or, where the year has none, of the latest year
 * before it (an organisation's layout holds until it changes). The layout is only the shape of the tables: no
 * figure of another year is read with it. Null when no layout of that year or before is loaded.
 */

export interface LoadedStructure {
  structure: BoardStructure;
  dataset: DatasetMeta;
  /** The layout is an earlier year's, carried forward. */
  carried: boolean;
}

export async function loadStructure(year: number): Promise<LoadedStructure | null> {
  const layouts = async () =>
    countingDatasets(await listDatasets())
      .filter((d) => roleOf(d) === 'structure' && d.year !== null && d.year <= year)
      .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  // The year's own layout needs only its year's sample files; one carried from an earlier year, the whole start.
  await ensureYearStarted(year);
  let dataset = (await layouts()).at(-1);
  if (dataset?.year !== year) {
    await ensureStarted();
    dataset = (await layouts()).at(-1);
  }
  if (!dataset) return null;
  const source = await loadTableSource(dataset);
  const column = (key: string) => dataset.plan.mapping[key] ?? null;
  const cell = (cells: readonly string[], key: string) => {
    const c = column(key);
    return c === null ? '' : (cells[c] ?? '');
  };
  const rows: StructureRow[] = source.rows.map((r) => ({
    line: r.line,
    table: cell(r.cells, 'table'),
    tableTitle: cell(r.cells, 'tableTitle'),
    rowKind: cell(r.cells, 'rowKind'),
    key: cell(r.cells, 'key'),
    label: cell(r.cells, 'label'),
    fullLabel: cell(r.cells, 'fullLabel'),
    group: cell(r.cells, 'group'),
    lineType: cell(r.cells, 'lineType'),
    belowTheLine: cell(r.cells, 'belowTheLine'),
    names: cell(r.cells, 'names'),
  }));
  const read = structureFromRows(rows);
  if (!read.ok) throw new Error(`The board layout in ${dataset.name} cannot be used: ${messages(read.issues)}`);
  return { structure: read.value, dataset, carried: dataset.year !== year };
}
