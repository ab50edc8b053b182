import type { DatasetKind } from './dataset-kinds';
import type { ImportPlan } from './import-plan';
import type { StoredChunk } from './stored-chunk';
import { guessYear, type YearGuess } from './year-evidence';

/*
 * What a stored dataset says about itself, read from its rows: the labels of its rows (to tell one printed
 * table from another of the same kind by content, never by file name) and the year its rows give (to bring
 * forward datasets stored before datasets knew their year).
 */

/** The column that names each row of a table, by kind; none for ledgers and budgets (their rows are codes). */
const LABEL_COLUMN: Readonly<Record<DatasetKind, string | null>> = {
  ledger: null,
  budget: null,
  outturn: 'area',
  capital: 'title',
  'capital-financing': 'source',
  reserves: 'reserve',
  'carry-forwards': 'description',
  structure: 'label',
};

/** At most this many labels are kept: enough to recognise a table, not a copy of a big file. */
const MAX_LABELS = 500;

/** Collects row labels chunk by chunk, as an import stores them. */
export class LabelCollector {
  readonly labels: string[] = [];
  private readonly column: number | null;

  constructor(plan: Pick<ImportPlan, 'kind' | 'mapping'>) {
    const key = LABEL_COLUMN[plan.kind];
    const c = key === null ? undefined : plan.mapping[key];
    this.column = c === null || c === undefined ? null : c;
  }

  /** Takes in the labels of a later part of the file, read apart (split-import.ts), while fewer than the limit are kept. */
  absorb(labels: readonly string[]): void {
    for (const l of labels) if (this.labels.length < MAX_LABELS) this.labels.push(l);
  }

  add(chunk: StoredChunk): void {
    if (this.column === null) return;
    const cells = chunk.raw[this.column] ?? [];
    for (let i = 0; i < chunk.rowCount && this.labels.length < MAX_LABELS; i++) {
      const label = (cells[i] ?? '').trim();
      if (label !== '') this.labels.push(label);
    }
  }
}

export function labelsOf(plan: Pick<ImportPlan, 'kind' | 'mapping'>, chunks: readonly StoredChunk[]): string[] {
  const collector = new LabelCollector(plan);
  for (const c of chunks) collector.add(c);
  return collector.labels;
}

/** Rows read for a year guess from stored chunks: as many as a preview reads. */
const GUESS_ROWS = 200;

/** The year a stored dataset's own headers and first rows give (as the preview would have read them). */
export function yearGuessOfStored(
  meta: { plan: Pick<ImportPlan, 'kind' | 'mapping'>; headers: readonly string[] },
  chunks: readonly StoredChunk[],
): YearGuess {
  const rows: string[][] = [];
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.rowCount && rows.length < GUESS_ROWS; i++)
      rows.push(chunk.raw.map((column) => column[i] ?? ''));
    if (rows.length >= GUESS_ROWS) break;
  }
  return guessYear({ kind: meta.plan.kind, titleRecords: [], headers: meta.headers, rows, mapping: meta.plan.mapping });
}
