import { parseAmount } from '../domain/core/money';
import type { CsvCell } from '../import/csv-write';

/*
 * Any table on a page as CSV rows, read from the table the reader sees, so that every table of every page
 * downloads the same way and in the same order as shown:
 * - an amount drawn by a money cell (data-value) is written exact, as a number in its unit (data-unit,
 *   named in the column header): never the rounded figure shown;
 * - any other figure in a numeric column is written as a number ("(1,547)" as -1547, "£1,089.10" as 1089.1);
 * - text is written as text; status icons, † marks, buttons and screen-reader-only words are left out;
 * - a table in groups (a heading row per group) gets a first column naming each row's group.
 */

const SKIP = '[aria-hidden="true"], .check-flag, button, .visually-hidden, .no-csv';

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const element = node as Element;
  if (element.matches(SKIP)) return '';
  if (
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement
  )
    return element.value;
  return [...element.childNodes].map(textOf).join('');
}

const tidy = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Cell {
  value: CsvCell;
  unit: string | null;
}

function readCell(cell: HTMLTableCellElement): Cell {
  const text = tidy(textOf(cell));
  const figures = [...cell.querySelectorAll<HTMLElement>('[data-value]')];
  if (figures.length === 1 && tidy(textOf(figures[0]!)) === text) {
    const value = figures[0]!.dataset.value ?? '';
    return { value: value === '' ? null : value, unit: figures[0]!.dataset.unit ?? null };
  }
  if (cell.classList.contains('num') && /\d/.test(text) && !text.includes('%')) {
    const read = parseAmount(text);
    if (read.ok && read.value.amount !== null) return { value: read.value.amount.toString(), unit: null };
  }
  return { value: text === 'n/s' ? '' : text, unit: null };
}

export interface CsvTable {
  fields: string[];
  rows: CsvCell[][];
}

/** A rendered table as CSV fields and rows (see the rules above). */
export function tableToCsv(table: HTMLTableElement): CsvTable {
  const headRow = table.tHead?.rows[table.tHead.rows.length - 1];
  const headers = headRow ? [...headRow.cells].map((c) => tidy(textOf(c))) : [];
  const units: (string | null)[] = headers.map(() => null);
  const grouped = [...table.tBodies].some((b) => b.querySelector('tr.row-group') !== null);
  const rows: CsvCell[][] = [];
  for (const body of table.tBodies) {
    let group = '';
    for (const tr of body.rows) {
      if (tr.classList.contains('row-group')) {
        group = tidy(textOf(tr));
        continue;
      }
      const cells = [...tr.cells].map(readCell);
      cells.forEach((c, i) => {
        if (c.unit && i < units.length) units[i] ??= c.unit;
      });
      rows.push([...(grouped ? [group] : []), ...cells.map((c) => c.value)]);
    }
  }
  const fields = headers.map((h, i) => {
    const unit = units[i];
    return unit && !h.includes(unit) ? `${h} (${unit})` : h;
  });
  return { fields: grouped ? ['Group', ...fields] : fields, rows };
}
